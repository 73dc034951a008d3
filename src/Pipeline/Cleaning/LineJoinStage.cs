using System;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Joins lines that a hard wrap broke inside a sentence (<c>即实\n\n现过亿元</c>, <c>(應用程序編程接口\n)</c>). A break
/// (with any blank lines after it) is removed when
/// <list type="bullet">
/// <item>the next line starts with punctuation that cannot start a paragraph (<c>)）」，。、</c>…), or</item>
/// <item>the line leaves a bracket or quote open that the next line closes within 40 characters, or</item>
/// <item>the line is body text (at least 40 characters with a comma or full stop inside) that ends in the middle of a word
/// — a Han character, letter or digit, no terminal punctuation — and the next line continues with one (and is not
/// a dateline).</item>
/// </list>
/// The first line of the text when a blank line follows it (the title), headings (<c>#</c>), short lines (titles, bylines, captions), list items and lines laid out in columns (a text
/// table's rows, <see cref="ColumnLayout"/>) are never joined.
/// </summary>
public sealed class LineJoinStage : ITextStage
{
    // Not '?' or '!': a line starting with '?' is more often a lost '©' than a wrapped question.
    private const string NoParagraphStart = ")）]】」』”’，,。.、；;%％";
    private const string Openers = "(（[【「『“";
    private const string Closers = ")）]】」』”";
    private const string CommaMarks = "，,；;。";

    /// <summary>Shorter lines are titles, bylines or captions, not wrapped body text.</summary>
    private const int BodyLineLength = 40;

    public string Name => "line-join";
    public StageText Apply(string input, DocumentContext context)
    {
        var lines = TextLine.Split(input).ToList();
        var b = new OffsetMapBuilder(input.Length);
        var changed = false;
        var title = true;
        for (var k = 0; k < lines.Count - 1; k++)
        {
            var (s, e) = lines[k].Trimmed(input);
            if (e == s) continue;
            // The next non-blank line.
            var n = k + 1;
            while (n < lines.Count && lines[n].Trimmed(input) is var (ns, ne) && ne == ns) n++;
            if (n >= lines.Count) break;
            var (nextStart, nextEnd) = lines[n].Trimmed(input);
            // The first line, set apart by a blank line, is the title (often cut short: …，经调整净利润), not wrapped body.
            var isTitle = title;
            title = false;
            if (isTitle && n > k + 1) continue;
            if (!ShouldJoin(input, s, e, nextStart, nextEnd)) continue;
            // Drop from the end of this line's text to the start of the next line's text.
            b.CopyTo(input, e);
            b.SkipTo(nextStart);
            changed = true;
            k = n - 1;
        }
        if (!changed) return StageText.Original(input);
        b.CopyTo(input, input.Length);
        return b.Build(input.Length);
    }

    internal static bool ShouldJoin(string text, int s, int e, int ns, int ne)
    {
        var line = text.AsSpan(s, e - s);
        var next = text.AsSpan(ns, ne - ns);
        if (line[0] == '#' || next[0] == '#') return false;
        if (ColumnLayout.IsColumnLine(line) || ColumnLayout.IsColumnLine(next)) return false;   // table rows
        var last = line[^1];
        if (NoParagraphStart.Contains(next[0]) && !IsTerminal(last)) return true;
        if (OpenBracket(line) is { } open)
        {
            var closer = Closers[Openers.IndexOf(open)];
            var window = next[..Math.Min(next.Length, 40)];
            if (window.Contains(closer) && (window.IndexOfAny(Openers) is var o && (o < 0 || o > window.IndexOf(closer)))) return true;
        }
        if (line.Length < BodyLineLength || line.IndexOfAny(CommaMarks) < 0) return false;
        if (DateFinder.FindFirst(text, ns, Math.Min(12, ne - ns)) is { } date && date.Start == ns) return false;
        if (!(Han.IsHan(last) || char.IsAsciiLetterOrDigit(last))) return false;
        if (!(Han.IsHan(next[0]) || char.IsAsciiLetterOrDigit(next[0]))) return false;
        return !LooksLikeListItem(next);
    }

    private static bool IsTerminal(char c) => "。！？!?…".Contains(c);

    /// <summary>The last opener in the line that no later closer balances.</summary>
    private static char? OpenBracket(ReadOnlySpan<char> line)
    {
        var depth = 0;
        for (var i = line.Length - 1; i >= 0; i--)
        {
            var c = line[i];
            if (Closers.Contains(c)) depth++;
            else if (Openers.Contains(c))
            {
                if (depth == 0) return c;
                depth--;
            }
        }
        return null;
    }

    private static bool LooksLikeListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && "一二三四五六七八九十".Contains(line[0]) && line[1] is '、' or '是') return true;
        if (line[0] is '（' or '(' && line.Length >= 3 && "一二三四五六七八九十".Contains(line[1])) return true;
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        return i > 0 && i < line.Length && line[i] is '.' or '、' or '．' or ')';
    }
}
