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

    [Test]
    public void The_longest_phrase_wins_and_the_scan_resumes_after_it()
    {
        var matcher = new PhraseMatcher<string>([("中国", "country"), ("中国移动", "cmcc"), ("中国移动通信集团", "group"), ("移动", "mobile")]);
        const string text = "中国移动通信集团旗下中国移动周四公布，中国移动互联网用户增长";
        var found = matcher.FindAll(text).Select(m => (text[m.Start..m.End], m.Value)).ToList();
        Assert.That(found, Is.EqualTo(new[] { ("中国移动通信集团", "group"), ("中国移动", "cmcc"), ("中国移动", "cmcc") }));
    }

    [Test]
    public void A_latin_phrase_cut_by_a_word_boundary_falls_back_to_a_shorter_one()
    {
        var matcher = new PhraseMatcher<string>([("Net", "net"), ("Net income", "net_income"), ("NIO", "nio")], ignoreCase: true);
        const string text = "Net incomes rose; NIOs fell. NIO's net income was $1 billion.";
        var found = matcher.FindAll(text).Select(m => (text[m.Start..m.End], m.Value)).ToList();
        Assert.That(found, Is.EqualTo(new[] { ("Net", "net"), ("NIO", "nio"), ("net income", "net_income") }));
    }

    [Test]
    public void The_first_of_phrases_that_fold_alike_is_kept_and_a_range_bounds_the_match()
    {
        var matcher = new PhraseMatcher<int>([("GMV", 1), ("gmv", 2), ("GMV growth", 3)], ignoreCase: true);
        const string text = "Its gmv growth slowed";
        Assert.That(matcher.FindAll(text).Select(m => m.Value), Is.EqualTo(new[] { 3 }));
        // Only the text before "growth" is searched: the shorter phrase, with the first payload given for it.
        var bounded = matcher.FindAll(text, 0, text.IndexOf(" growth", System.StringComparison.Ordinal));
        Assert.That(bounded.Select(m => (m.Start, m.End, m.Value)), Is.EqualTo(new[] { (4, 7, 1) }));
    }

    [Test]
    public void A_lexicon_with_many_first_characters_finds_the_same_phrases()
    {
        // More first characters than the vectorised search is used for (company names start with thousands).
        string[] names = ["比亚迪", "宁德时代", "小米集团", "理想汽车", "蔚来", "小鹏汽车", "零跑汽车", "长城汽车", "吉利汽车", "广汽集团",
            "上汽集团", "长安汽车", "赛力斯", "腾讯控股", "阿里巴巴", "美团", "京东集团", "拼多多", "百度集团", "网易", "快手",
            "哔哩哔哩", "携程集团", "中芯国际", "华虹半导体", "舜宇光学", "瑞声科技", "海尔智家", "美的集团", "格力电器", "招商银行",
            "平安保险", "友邦保险", "港交所", "中国移动", "联想集团", "药明生物", "百济神州", "信达生物", "泡泡玛特", "Nio", "XPeng"];
        var matcher = new PhraseMatcher<string>(names.Select(n => (n, n)), ignoreCase: true);
        const string text = "周四港股，泡泡玛特涨5.2%，小米集团跌1.1%；NIO与XPENG均收涨，蔚来、小鹏汽车领涨新能源车板块，比亚迪持平。";
        var found = matcher.FindAll(text).Select(m => text[m.Start..m.End]).ToList();
        Assert.That(found, Is.EqualTo(new[] { "泡泡玛特", "小米集团", "NIO", "XPENG", "蔚来", "小鹏汽车", "比亚迪" }));
    }
}
