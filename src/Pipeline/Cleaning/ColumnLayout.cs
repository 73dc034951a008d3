using System;

namespace Pipeline.Cleaning;

/// <summary>
/// Lines laid out in columns (a filing's text table: <c>收入    1,659.8    1,264.1    31.3%</c>): two or more gaps of at
/// least two spaces (or a tab) between words. Cleaning keeps their spacing and indentation and never joins them, so
/// that the tables stage (Pipeline.Tables) can still read their columns and indented segment rows.
/// </summary>
internal static class ColumnLayout
{
    public static bool IsColumnLine(ReadOnlySpan<char> line)
    {
        var gaps = 0;
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t' or '\u3000') i++;   // indentation is not a gap
        while (i < line.Length)
        {
            if (line[i] is not (' ' or '\t' or '\u3000' or '\u00A0')) { i++; continue; }
            var j = i;
            while (j < line.Length && line[j] is ' ' or '\t' or '\u3000' or '\u00A0') j++;
            if (j < line.Length && (j - i >= 2 || line[i] == '\t') && ++gaps >= 2) return true;
            i = j;
        }
        return false;
    }

    /// <summary>The line of <paramref name="text"/> holding <paramref name="position"/>.</summary>
    public static ReadOnlySpan<char> LineAt(string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var start = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
        var end = text.IndexOf('\n', position);
        return text.AsSpan(start, (end < 0 ? text.Length : end) - start);
    }
}
