using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>A span a stage drops: <see cref="Cut"/> is what leaves the text (e.g. a line with its break),
/// <see cref="Recorded"/> is what the audit trail shows (the line's content).</summary>
internal readonly record struct Cut(int Start, int End, string Reason, int RecordedStart, int RecordedEnd)
{
    public static Cut Span(int start, int end, string reason) => new(start, end, reason, start, end);
}

internal static class Removals
{
    /// <summary>Writes the input without the cuts (sorted, non-overlapping after merging) and records each one.</summary>
    public static StageText Apply(string input, IEnumerable<Cut> cuts, DocumentContext context)
    {
        var b = new OffsetMapBuilder(input.Length);
        foreach (var cut in cuts.OrderBy(c => c.Start))
        {
            if (cut.Start < b.InputPosition) continue;
            b.CopyTo(input, cut.Start);
            b.SkipTo(cut.End);
            if (cut.RecordedEnd > cut.RecordedStart)
                context.Removed(new TextSpan(cut.RecordedStart, cut.RecordedEnd), cut.Reason);
        }
        b.CopyTo(input, input.Length);
        return b.Build(input.Length);
    }

    /// <summary>The cut for a whole line: its content and the line break after it.</summary>
    public static Cut Line(string text, TextLine line, string reason)
    {
        var (s, e) = line.Trimmed(text);
        return new Cut(line.Start, line.Next, reason, s, e);
    }
}
