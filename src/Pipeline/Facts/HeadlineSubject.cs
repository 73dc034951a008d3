using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>
/// The company an article is about when no lexicon entry, ticker or legal name names one in its headline or lede: the
/// longest name the headline opens with that a clause of the body opens with again (云帆机器人港股上市首日高开32% …
/// 云帆机器人开盘报35.4港元; Yunfan Robotics raises HK$3.2 billion … Yunfan Robotics, a Shenzhen-based maker…). A name
/// written only once, one shorter than two characters (or one capitalised word of three letters), and the words of
/// <c>entities.yaml subject_stop_words</c> (港股, 公司, 第三季度, Shares, China…) are no subject.
/// </summary>
internal sealed class HeadlineSubject(IReadOnlyCollection<string> stopWords)
{
    private const int LedeLength = 240;
    private const int MaxHeadline = 80;
    private const int MaxChineseName = 10;

    public EntityDefinitionFound? Find(string text, IReadOnlyList<EntityDefinitionFound> definitions, IReadOnlyList<EntityMention> mentions)
    {
        if (definitions.Any(d => d.Span.Start < LedeLength) || mentions.Any(m => m.Span.Start < LedeLength)) return null;
        var (headStart, headEnd) = Headline(text);
        if (headEnd <= headStart) return null;
        var best = "";
        var bestAt = -1;
        foreach (var start in ClauseStarts(text, headEnd))
        {
            var shared = Han.IsHan(text[headStart]) ? SharedChinese(text, headStart, headEnd, start) : SharedEnglish(text, headStart, headEnd, start);
            if (shared.Length > best.Length && Acceptable(shared)) (best, bestAt) = (shared, start);
        }
        return bestAt < 0 ? null : new EntityDefinitionFound(best, best, null, Han.IsHan(best[0]) ? null : best, [], new TextSpan(headStart, headStart + best.Length));
    }

    /// <summary>The first non-blank line when it is short enough to be a headline.</summary>
    private static (int Start, int End) Headline(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        return end - start is > 0 and <= MaxHeadline ? (start, end) : (0, 0);
    }

    /// <summary>Where each clause of the body starts (after a line break or a sentence or clause mark), spaces skipped.</summary>
    private static IEnumerable<int> ClauseStarts(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '。' or '！' or '？' or '；' or '，' or ',' or '.' or ';' or ':' or '：')) continue;
            var j = i + 1;
            while (j < text.Length && text[j] is ' ' or '\n' or '\r' or '\t') j++;
            if (j < text.Length) yield return j;
        }
    }

    private static string SharedChinese(string text, int head, int headEnd, int start)
    {
        var n = 0;
        while (n < MaxChineseName && head + n < headEnd && start + n < text.Length && text[head + n] == text[start + n] && Han.IsHan(text[head + n])) n++;
        return n >= 2 ? text.Substring(head, n) : "";
    }

    /// <summary>The capitalised words the headline and the clause both open with (Yunfan Robotics).</summary>
    private static string SharedEnglish(string text, int head, int headEnd, int start)
    {
        var a = Words(text, head, headEnd);
        var b = Words(text, start, Math.Min(text.Length, start + MaxHeadline));
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n] && a[n].Length > 0 && char.IsAsciiLetterUpper(a[n][0])) n++;
        return string.Join(' ', a.Take(n));
    }

    private static List<string> Words(string text, int from, int to)
    {
        var words = new List<string>();
        var i = from;
        while (i < to)
        {
            var j = i;
            while (j < to && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '-' or '&' or '.' && j + 1 < to && char.IsAsciiLetterOrDigit(text[j + 1]))) j++;
            if (j == i) break;
            words.Add(text[i..j]);
            if (j >= to || text[j] != ' ') break;
            i = j + 1;
        }
        return words;
    }

    /// <summary>A name (written twice already: the headline and a clause open with it) that neither starts nor ends with
    /// a stop word (Chinese), or holds none and is not one short English word of under four letters.</summary>
    private bool Acceptable(string name)
    {
        if (Han.IsHan(name[0])) return !stopWords.Any(w => name.StartsWith(w, StringComparison.Ordinal) || name.EndsWith(w, StringComparison.Ordinal));
        var words = name.Split(' ');
        return !words.Any(w => stopWords.Contains(w)) && !(words.Length == 1 && name.Length < 4);
    }
}
