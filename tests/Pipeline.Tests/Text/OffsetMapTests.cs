using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Text;

namespace Pipeline.Tests.Text;

public class OffsetMapTests
{
    [Test]
    public void Identity_maps_every_offset_to_itself()
    {
        var map = OffsetMap.Identity(5);
        for (var i = 0; i <= 5; i++)
        {
            Assert.That(map.ToSourceStart(i), Is.EqualTo(i));
            Assert.That(map.ToSourceEnd(i), Is.EqualTo(i));
        }
    }

    [Test]
    public void Skipped_input_is_not_part_of_mapped_spans()
    {
        // "ab<x>cd" -> "abcd"
        const string input = "ab<x>cd";
        var text = new OffsetMapBuilder().Copy(input, 2).Skip(3).Copy(input, 2).Build(input.Length);
        Assert.That(text.Text, Is.EqualTo("abcd"));
        Assert.That(text.ToSource(new TextSpan(1, 3)), Is.EqualTo(new TextSpan(1, 6)), "b..c spans the removed tag");
        Assert.That(text.ToSource(new TextSpan(2, 4)), Is.EqualTo(new TextSpan(5, 7)), "start after a removal skips it");
        Assert.That(text.ToSource(new TextSpan(0, 2)), Is.EqualTo(new TextSpan(0, 2)), "end before a removal excludes it");
    }

    [Test]
    public void A_block_replacement_maps_to_the_whole_input_block()
    {
        // "x&amp;y" -> "x&y"
        const string input = "x&amp;y";
        var text = new OffsetMapBuilder().Copy(input, 1).ReplaceBlock(5, "&").Copy(input, 1).Build(input.Length);
        Assert.That(text.Text, Is.EqualTo("x&y"));
        Assert.That(text.ToSource(new TextSpan(1, 2)), Is.EqualTo(new TextSpan(1, 6)));
        Assert.That(text.ToSource(new TextSpan(2, 3)), Is.EqualTo(new TextSpan(6, 7)));
    }

    [Test]
    public void Inserted_text_maps_to_an_empty_point()
    {
        const string input = "ab";
        var text = new OffsetMapBuilder().Copy(input, 1).Insert("\n").Copy(input, 1).Build(input.Length);
        Assert.That(text.Text, Is.EqualTo("a\nb"));
        Assert.That(text.ToSource(new TextSpan(0, 3)), Is.EqualTo(new TextSpan(0, 2)));
        Assert.That(text.ToSource(new TextSpan(2, 3)), Is.EqualTo(new TextSpan(1, 2)));
    }

    [Test]
    public void Maps_compose_through_several_stages()
    {
        // Stage 1: "<p>產業</p>" -> "產業"; stage 2: "產業" -> "产业" (same length); stage 3: drop nothing, insert "。"
        const string original = "<p>產業</p>";
        var s1 = new OffsetMapBuilder().Skip(3).Copy(original, 2).Skip(4).Build(original.Length);
        var text = StageText.Original(original).Then(s1);
        var s2 = new OffsetMapBuilder().Replace(2, "产业").Build(2);
        text = text.Then(s2);
        var s3 = new OffsetMapBuilder().Copy(text.Text, 2).Insert("。").Build(2);
        text = text.Then(s3);
        Assert.That(text.Text, Is.EqualTo("产业。"));
        Assert.That(text.ToSource(new TextSpan(0, 2)), Is.EqualTo(new TextSpan(3, 5)));
        Assert.That(text.ToSource(new TextSpan(1, 2)), Is.EqualTo(new TextSpan(4, 5)));
        Assert.That(original.Substring(3, 2), Is.EqualTo("產業"));
    }

    [Test]
    public void Composition_rejects_maps_of_different_texts()
    {
        var a = new OffsetMapBuilder().Copy("abc", 3).Build(3);
        var b = new OffsetMapBuilder().Copy("abcd", 4).Build(4);
        Assert.Throws<ArgumentException>(() => a.Map.Then(b.Map));
    }

    [Test]
    public void Random_edit_chains_keep_copied_characters_pointing_at_themselves([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var original = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var text = StageText.Original(original);
        for (var stage = 0; stage < 4; stage++)
        {
            var input = text.Text;
            var b = new OffsetMapBuilder();
            var copied = new List<(int Out, int In)>();
            while (b.InputPosition < input.Length)
            {
                var n = Math.Min(input.Length - b.InputPosition, random.Next(1, 8));
                switch (random.Next(4))
                {
                    case 0:
                        for (var k = 0; k < n; k++) copied.Add((b.Length + k, b.InputPosition + k));
                        b.Copy(input, n);
                        break;
                    case 1: b.Skip(n); break;
                    case 2: b.ReplaceBlock(n, new string('#', random.Next(0, 4))); break;
                    default: b.Insert("|"); break;
                }
            }
            var local = b.Build(input.Length);
            foreach (var (o, i) in copied) Assert.That(local.Text[o], Is.EqualTo(input[i]));
            text = text.Then(local);
        }

        // Mapping every offset at once gives what mapping them one by one gives, ascending or not.
        var all = Enumerable.Range(0, text.Length + 1).ToArray();
        var starts = all.ToArray();
        var ends = all.ToArray();
        text.Map.ToSourceStarts(starts);
        text.Map.ToSourceEnds(ends);
        Assert.That(starts, Is.EqualTo(all.Select(text.Map.ToSourceStart).ToArray()));
        Assert.That(ends, Is.EqualTo(all.Select(text.Map.ToSourceEnd).ToArray()));
        var shuffled = all.OrderBy(_ => random.Next()).ToArray();
        var shuffledStarts = shuffled.ToArray();
        text.Map.ToSourceStarts(shuffledStarts);
        Assert.That(shuffledStarts, Is.EqualTo(shuffled.Select(text.Map.ToSourceStart).ToArray()));

        // Invariants over the composed map: in bounds, monotone, and copied letters land on the same letter.
        var previousStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var start = text.Map.ToSourceStart(i);
            var end = text.Map.ToSourceEnd(i);
            Assert.That(start, Is.InRange(0, original.Length));
            Assert.That(end, Is.InRange(0, original.Length));
            Assert.That(start, Is.GreaterThanOrEqualTo(previousStart), "start offsets are monotone");
            previousStart = start;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var span = text.ToSource(new TextSpan(i, i + 1));
            Assert.That(span.End, Is.GreaterThanOrEqualTo(span.Start));
            if (char.IsAsciiLetterLower(text.Text[i]))
                Assert.That(original.Substring(span.Start, span.Length), Does.Contain(text.Text[i].ToString()));
        }
    }
}
