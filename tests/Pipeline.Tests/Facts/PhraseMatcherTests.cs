using System.Linq;
using NUnit.Framework;
using Pipeline.Facts;

namespace Pipeline.Tests.Facts;

/// <summary>The phrase scan's case folding: the same as the runtime's invariant lower-casing for every character, and
/// phrases found in any letter case in mixed Chinese and English text.</summary>
public class PhraseMatcherTests
{
    [Test]
    public void Folding_equals_invariant_lower_casing_for_every_character()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (PhraseMatcher<int>.Fold(ch) != char.ToLowerInvariant(ch))
                Assert.Fail($"U+{c:X4}: folded to U+{(int)PhraseMatcher<int>.Fold(ch):X4}, invariant lower case U+{(int)char.ToLowerInvariant(ch):X4}");
            if (PhraseMatcher<int>.Caseless(ch) && char.ToUpperInvariant(ch) != ch)
                Assert.Fail($"U+{c:X4} is taken to have no case, but upper-cases to U+{(int)char.ToUpperInvariant(ch):X4}");
        }
    }

    [Test]
    public void Phrases_match_in_any_case_beside_chinese_text()
    {
        var matcher = new PhraseMatcher<string>([("Horizon Robotics", "horizon"), ("地平线机器人", "horizon"), ("ＮＩＯ", "nio")], ignoreCase: true);
        const string text = "地平线机器人（HORIZON ROBOTICS）周四公布，horizon robotics 上半年收入同比增长67.6%，与ｎｉｏ合作";
        var found = matcher.FindAll(text).Select(m => text[m.Start..m.End]).ToList();
        Assert.That(found, Is.EqualTo(new[] { "地平线机器人", "HORIZON ROBOTICS", "horizon robotics", "ｎｉｏ" }));
    }
}
