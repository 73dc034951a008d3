using System;
using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Splits the cleaned text into article segments at headline boundaries. Headings are lines <c>#</c>…<c>######</c>
/// followed by a space (the HTML stage writes the headline as <c># title</c> and h2-h6 as <c>## heading</c>; plain
/// text pages carry them as written). The rule:
/// <list type="bullet">
/// <item>every level-1 heading starts a new article;</item>
/// <item>a heading directly followed by a deeper heading is a <em>container</em> (<c>## 资讯</c> over
/// <c>### brief</c>): each of its child headings starts an article of its own (the container line joins the first
/// one), until a heading at the container's level or above ends it — which also starts a new segment;</item>
/// <item>any other heading is a section inside the current article.</item>
/// </list>
/// Text before the first boundary belongs to the first segment. A segment's title is its headline; a page without
/// headings is one segment titled by its first short line, if any.
/// </summary>
public sealed class HeadingSegmenter : ISegmenter
{
    private sealed record Heading(int Start, int Level, string Title);

    public IReadOnlyList<Segment> Segment(string text)
    {
        var headings = new List<Heading>();
        foreach (var line in TextLine.Split(text))
        {
            var (s, e) = line.Trimmed(text);
            var level = 0;
            while (s + level < e && text[s + level] == '#' && level < 7) level++;
            if (level is >= 1 and <= 6 && s + level < e && text[s + level] == ' ' && text.AsSpan(s + level, e - s - level).Trim().Length > 0)
                headings.Add(new Heading(line.Start, level, text[(s + level)..e].Trim()));
        }

        var boundaries = new List<(int Start, string Title)>();
        int? container = null;
        var skipNext = false;
        for (var k = 0; k < headings.Count; k++)
        {
            var h = headings[k];
            if (skipNext) { skipNext = false; continue; }
            var next = k + 1 < headings.Count ? headings[k + 1] : null;
            var closedContainer = false;
            if (container is { } c && h.Level <= c) { container = null; closedContainer = true; }
            if (h.Level == 1) { boundaries.Add((h.Start, h.Title)); continue; }
            if (next is not null && next.Level > h.Level && OnlyBlankBetween(text, h, next))
            {
                container = h.Level;
                boundaries.Add((h.Start, next.Title));
                skipNext = true;
                continue;
            }
            if ((container is { } cl && h.Level == cl + 1) || closedContainer) boundaries.Add((h.Start, h.Title));
        }

        if (boundaries.Count == 0)
            return [new Segment(TitleEnricher.FindTitle(text), new TextSpan(0, text.Length))];
        var segments = new List<Segment>(boundaries.Count);
        for (var b = 0; b < boundaries.Count; b++)
        {
            // Text before the first headline joins the first segment.
            var start = b == 0 ? 0 : boundaries[b].Start;
            var end = b + 1 < boundaries.Count ? boundaries[b + 1].Start : text.Length;
            segments.Add(new Segment(boundaries[b].Title, new TextSpan(start, end)));
        }
        return segments;
    }

    private static bool OnlyBlankBetween(string text, Heading a, Heading b)
    {
        var lineEnd = text.IndexOf('\n', a.Start);
        return lineEnd >= 0 && text.AsSpan(lineEnd, b.Start - lineEnd).Trim().Length == 0;
    }
}
