using System.Collections.Generic;

namespace Pipeline.Cleaning;

/// <summary>A line of text: <see cref="Start"/>..<see cref="End"/> excludes the line break; <see cref="Next"/> is
/// where the following line starts.</summary>
internal readonly record struct TextLine(int Start, int End, int Next)
{
    public static IEnumerable<TextLine> Split(string text)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            if (nl < 0) { yield return new TextLine(pos, text.Length, text.Length); yield break; }
            yield return new TextLine(pos, nl, nl + 1);
            pos = nl + 1;
        }
    }

    /// <summary>The line without surrounding whitespace (including U+3000 and NBSP).</summary>
    public (int Start, int End) Trimmed(string text)
    {
        int s = Start, e = End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return (s, e);
    }
}
