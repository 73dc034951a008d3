using System;
using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Removes template placeholders a CMS left unrendered: <c>{{name}}</c>, <c>{jz:field.toptypename/}</c>,
/// <c>{dede:field.title/}</c>, <c>{$title}</c>, <c>[!--newstext--]</c>. Only ASCII identifiers qualify, so braces in
/// real text stay. Runs before conversion.
/// </summary>
public sealed class PlaceholderStage : ITextStage
{
    public string Name => "placeholders";
    public StageText Apply(string input, DocumentContext context)
    {
        var cuts = new List<Cut>();
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c != '{' && c != '[') continue;
            var end = c == '{' ? MatchBrace(input, i) : MatchBracket(input, i);
            if (end > i) { cuts.Add(Cut.Span(i, end, "placeholder")); i = end - 1; }
        }
        return cuts.Count == 0 ? StageText.Original(input) : Removals.Apply(input, cuts, context);
    }

    /// <summary>End (exclusive) of a placeholder starting at <paramref name="i"/>, or -1.</summary>
    internal static int MatchBrace(string s, int i)
    {
        var doubled = i + 1 < s.Length && s[i + 1] == '{';
        var j = i + (doubled ? 2 : 1);
        while (j < s.Length && s[j] == ' ') j++;
        var start = j;
        var sawTag = false;
        while (j < s.Length && j - start <= 80 && IsIdentChar(s[j]))
        {
            if (s[j] is ':' or '$') sawTag = true;
            j++;
        }
        if (j == start || !(char.IsAsciiLetter(s[start]) || s[start] is '$' or '_')) return -1;
        while (j < s.Length && s[j] == ' ') j++;
        if (j < s.Length && s[j] == '/') j++;
        if (doubled) return j + 1 < s.Length && s[j] == '}' && s[j + 1] == '}' ? j + 2 : -1;
        return sawTag && j < s.Length && s[j] == '}' ? j + 1 : -1;
    }

    private static int MatchBracket(string s, int i)
    {
        if (!s.AsSpan(i).StartsWith("[!--")) return -1;
        var close = s.IndexOf("--]", i + 4, StringComparison.Ordinal);
        if (close < 0 || close - i > 80) return -1;
        for (var k = i + 4; k < close; k++) if (!IsIdentChar(s[k])) return -1;
        return close + 3;
    }

    private static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '.' or '$' or '-';
}
