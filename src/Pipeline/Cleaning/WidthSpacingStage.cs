using System;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Normalises width and layout spacing, last: full-width digits and Latin letters become ASCII (one for one, so
/// offsets map exactly), as do <c>％</c> and a full-width point between digits; Chinese punctuation stays. Spaces
/// between a Han character and a digit (<c>2026 年</c>, <c>1 月 8 日</c>, <c>超 300 万家</c>) are layout, not meaning,
/// and go; spaces between two numbers, or next to Latin words, stay. Indentation and trailing spaces of lines
/// (including U+3000 indents) go, and runs of blank lines become one blank line. Lines laid out in columns (a text
/// table, <see cref="ColumnLayout"/>) keep their indentation and their column gaps.
/// </summary>
public sealed class WidthSpacingStage : ITextStage
{
    public string Name => "width-spacing";
    public StageText Apply(string input, DocumentContext context)
    {
        var b = new OffsetMapBuilder(input.Length);
        var changed = false;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (i == 0 || input[i - 1] == '\n' || c == '\n')
            {
                // Line layout: indentation, trailing blanks, and more than one blank line.
                var j = i;
                var newlines = 0;
                while (j < input.Length && input[j] is ' ' or '\t' or '\u3000' or '\u00A0' or '\n' or '\r')
                {
                    if (input[j] == '\n') newlines++;
                    j++;
                }
                if (j > i)
                {
                    var keep = i == 0 || j == input.Length ? 0 : Math.Min(newlines, 2);
                    b.CopyTo(input, i);
                    // Keep the first `keep` line breaks of the run, drop everything else.
                    var kept = 0;
                    for (var k = i; k < j; k++)
                    {
                        if (input[k] == '\n' && kept < keep) { b.SkipTo(k); b.Copy(input, 1); kept++; }
                    }
                    // A line laid out in columns keeps its indentation (a text table's indented rows are segments).
                    var lastBreak = input.LastIndexOf('\n', j - 1, j - i);
                    if (lastBreak >= 0 && kept > 0 && j < input.Length && ColumnLayout.IsColumnLine(ColumnLayout.LineAt(input, j)))
                    {
                        b.SkipTo(lastBreak + 1);
                        b.CopyTo(input, j);
                        if (j - i != keep + (j - lastBreak - 1)) changed = true;
                    }
                    else
                    {
                        b.SkipTo(j);
                        if (j - i != keep) changed = true;
                    }
                    i = j;
                    continue;
                }
            }
            if (c is ' ' or '\u00A0')
            {
                var j = i;
                while (j < input.Length && input[j] is ' ' or '\u00A0') j++;
                var prev = i > 0 ? Narrow(input, i - 1) : '\n';
                var next = j < input.Length ? Narrow(input, j) : '\n';
                var layout = (Han.IsHan(prev) && char.IsAsciiDigit(next)) || (char.IsAsciiDigit(prev) && Han.IsHan(next));
                // The gaps of a line laid out in columns are not layout spaces: a table's columns stay apart.
                if (layout && j - i >= 2 && ColumnLayout.IsColumnLine(ColumnLayout.LineAt(input, i))) layout = false;
                if (layout || j == input.Length || input[j] == '\n')
                {
                    b.CopyTo(input, i);
                    b.SkipTo(j);
                    changed = true;
                }
                i = j;
                continue;
            }
            var narrow = Narrow(input, i);
            if (narrow != c)
            {
                b.CopyTo(input, i);
                b.Replace(1, [narrow]);
                changed = true;
            }
            i++;
        }
        if (!changed) return StageText.Original(input);
        b.CopyTo(input, input.Length);
        return b.Build(input.Length);
    }

    /// <summary>The ASCII form of a full-width digit, letter or percent sign (a full-width or small point only between digits).</summary>
    internal static char Narrow(string s, int i)
    {
        var c = s[i];
        if (c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or '％') return (char)(c - 0xFEE0);
        // The full-width and the small full stop (１０３９﹒８５億元) are decimal points between digits.
        if (c is '．' or '\uFE52' && i > 0 && i + 1 < s.Length && IsDigit(s[i - 1]) && IsDigit(s[i + 1])) return '.';
        return c;
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';
}
