using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Recognition;

/// <summary>
/// A small word list with values, matched longest first at a position (forwards) or ending at a position
/// (backwards). Spaces inside the text between a word's characters are tolerated (<c>个 百 分 点</c>), since
/// news text puts spaces between digits and CJK. Indexed by first and last character, so a miss costs one lookup.
/// </summary>
public sealed class WordTable<TValue>
{
    private readonly FrozenDictionary<char, (string Word, TValue Value)[]> _byFirst;
    private readonly FrozenDictionary<char, (string Word, TValue Value)[]> _byLast;

    public WordTable(IEnumerable<(string Word, TValue Value)> entries)
    {
        var list = entries.Where(e => e.Word.Length > 0).OrderByDescending(e => e.Word.Length).ToArray();
        _byFirst = list.GroupBy(e => e.Word[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _byLast = list.GroupBy(e => e.Word[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Longest word starting at <paramref name="index"/>; <paramref name="end"/> is just past it.</summary>
    public bool TryMatch(string text, int index, out TValue value, out int end, bool innerSpaces = true)
    {
        value = default!;
        end = index;
        if ((uint)index >= (uint)text.Length || !_byFirst.TryGetValue(text[index], out var candidates)) return false;
        foreach (var (word, v) in candidates)
        {
            var p = index;
            var ok = true;
            for (var k = 0; k < word.Length; k++)
            {
                if (k > 0 && innerSpaces) p = Scan.SkipSpaces(text, p);
                if (p >= text.Length || text[p] != word[k]) { ok = false; break; }
                p++;
            }
            if (!ok) continue;
            value = v;
            end = p;
            return true;
        }
        return false;
    }

    /// <summary>Longest word ending just before <paramref name="end"/>; <paramref name="start"/> is its first character.</summary>
    public bool TryMatchBefore(string text, int end, out TValue value, out int start)
    {
        value = default!;
        start = end;
        if (end <= 0 || end > text.Length || !_byLast.TryGetValue(text[end - 1], out var candidates)) return false;
        foreach (var (word, v) in candidates)
        {
            if (word.Length > end || !text.AsSpan(end - word.Length, word.Length).SequenceEqual(word)) continue;
            value = v;
            start = end - word.Length;
            return true;
        }
        return false;
    }

    public bool StartsAt(string text, int index) => TryMatch(text, index, out _, out _);

    public IEnumerable<string> Words => _byFirst.Values.SelectMany(v => v).Select(e => e.Word);
}

public static class WordTable
{
    public static WordTable<bool> Of(IEnumerable<string> words) => new(words.Select(w => (w, true)));
}

/// <summary>Character helpers shared by the scanners.</summary>
public static class Scan
{
    /// <summary>A web address (<c>scheme://…</c>) holds no quantities (<c>%2D</c>, <c>?q=30%25</c> are escapes):
    /// when <paramref name="colon"/> starts the <c>://</c> after a scheme's letters, the end of the address, else
    /// <paramref name="colon"/> itself.</summary>
    public static int SkipUrl(string text, int colon)
    {
        if (colon == 0 || text[colon] != ':' || !IsAsciiLetter(text[colon - 1]) || colon + 2 >= text.Length || text[colon + 1] != '/' || text[colon + 2] != '/') return colon;
        var p = colon + 3;
        while (p < text.Length && text[p] is > ' ' and < '\u007f') p++;
        return p;
    }

    /// <summary>Spaces that never break a mention: ASCII, ideographic, no-break and thin spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\u3000' or '\u00A0' or '\u2009' or '\u202F' or '\t';

    public static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && IsSpace(text[index])) index++;
        return index;
    }

    public static int SkipSpacesBack(string text, int end)
    {
        while (end > 0 && IsSpace(text[end - 1])) end--;
        return end;
    }

    /// <summary>ASCII or full-width decimal digit value, or -1.</summary>
    public static int DigitValue(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;

    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 'ａ' and <= 'ｚ' or >= 'Ａ' and <= 'Ｚ';
}
