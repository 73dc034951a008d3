using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>Splits text at top-level headline lines (<c># Title</c>): each starts a new article segment.</summary>
public sealed class HeadingSegmenter : ISegmenter
{
    public IReadOnlyList<Segment> Segment(string text)
    {
        var segments = new List<Segment>();
        var start = 0;
        string? title = null;
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, lineEnd - pos).Trim();
            if (line.Length > 2 && line[0] == '#' && line[1] == ' ')
            {
                if (pos > start && text.AsSpan(start, pos - start).Trim().Length > 0)
                    segments.Add(new Segment(title, new TextSpan(start, pos)));
                else if (pos > start && segments.Count == 0) { /* leading blank lines join the first segment */ pos = start; }
                start = pos;
                title = line[2..].Trim().ToString();
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (text.Length > start || segments.Count == 0) segments.Add(new Segment(title, new TextSpan(start, text.Length)));
        return segments;
    }
}
