using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Recognition;

/// <summary>
/// A small word list with values, matched longest first at a position (forwards) or ending at a position
/// (backwards). Spaces inside the text between a word's characters are tolerated (<c>个 百 分 点</c>), since
/// news text puts spaces between digits and CJK. Indexed by first and last character, so a miss costs one lookup.
/// <para>Built with plain loops over the words (<see cref="WordIndex"/>, not generic) and one array of values: a
/// lexicon builds about sixty of these at start-up, and LINQ over <c>(string, TValue)</c> tuples made the JIT compile
/// several hundred generic methods for them (about a third of <c>pipeline recognize</c>'s start-up).</para>
/// </summary>
public sealed class WordTable<TValue>
{
    private readonly WordIndex _index;
    private readonly TValue[] _values;

    public WordTable(IEnumerable<(string Word, TValue Value)> entries)
    {
        var words = new List<string>();
        var values = new TValue[8];
        foreach (var (word, value) in entries) Add(words, ref values, word, value);
        (_index, _values) = Index(words, values);
    }

    private WordTable(List<string> words, TValue[] values) => (_index, _values) = Index(words, values);

    /// <summary>The words of <paramref name="map"/> with their values.</summary>
    public static WordTable<TValue> Of(Dictionary<string, TValue> map)
    {
        var words = new List<string>(map.Count);
        var values = new TValue[Math.Max(1, map.Count)];
        foreach (var (word, value) in map) Add(words, ref values, word, value);
        return new(words, values);
    }

    /// <summary>The words of <paramref name="map"/>, each value converted (a code read into a typed value).</summary>
    public static WordTable<TValue> Of<TSource>(Dictionary<string, TSource> map, Func<string, TSource, TValue> convert)
    {
        var words = new List<string>(map.Count);
        var values = new TValue[Math.Max(1, map.Count)];
        foreach (var (word, value) in map) Add(words, ref values, word, convert(word, value));
        return new(words, values);
    }

    /// <summary>Each word with the same value (a plain word list).</summary>
    internal static WordTable<TValue> Of(IEnumerable<string> list, TValue value)
    {
        var words = new List<string>();
        var values = new TValue[8];
        foreach (var word in list) Add(words, ref values, word, value);
        return new(words, values);
    }

    private static void Add(List<string> words, ref TValue[] values, string word, TValue value)
    {
        if (word.Length == 0) return;
        if (words.Count == values.Length)
        {
            var bigger = new TValue[values.Length * 2];
            Array.Copy(values, bigger, values.Length);
            values = bigger;
        }
        values[words.Count] = value;
        words.Add(word);
    }

    /// <summary>Words longest first (stable: equal lengths keep the lexicon's order), values in the same order.</summary>
    private static (WordIndex, TValue[]) Index(List<string> words, TValue[] values)
    {
        var index = new WordIndex(words, out var order);
        var sorted = new TValue[order.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = values[order[i]];
        return (index, sorted);
    }

    /// <summary>Longest word starting at <paramref name="index"/>; <paramref name="end"/> is just past it.</summary>
    public bool TryMatch(string text, int index, out TValue value, out int end, bool innerSpaces = true)
    {
        var k = _index.Match(text, index, out end, innerSpaces);
        value = k >= 0 ? _values[k] : default!;
        return k >= 0;
    }

    /// <summary>Longest word ending just before <paramref name="end"/>; <paramref name="start"/> is its first character.</summary>
    public bool TryMatchBefore(string text, int end, out TValue value, out int start)
    {
        var k = _index.MatchBefore(text, end, out start);
        value = k >= 0 ? _values[k] : default!;
        return k >= 0;
    }

    public bool StartsAt(string text, int index) => _index.Match(text, index, out _, innerSpaces: true) >= 0;

    /// <summary>The words, longest first.</summary>
    public IReadOnlyList<string> Words => _index.Words;
}

/// <summary>The words of a <see cref="WordTable{TValue}"/>, longest first, indexed by first and last character (not
/// generic: one compiled copy serves every table).</summary>
internal sealed class WordIndex
{
    private readonly string[] _words;
    private readonly FrozenDictionary<char, int[]> _byFirst;
    private readonly FrozenDictionary<char, int[]> _byLast;

    /// <summary><paramref name="order"/>: for each position of the sorted words, its position in <paramref name="words"/>.</summary>
    public WordIndex(List<string> words, out int[] order)
    {
        order = new int[words.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Stable insertion sort, longest first (the lists are short).
        for (var i = 1; i < order.Length; i++)
        {
            var item = order[i];
            var j = i - 1;
            while (j >= 0 && words[order[j]].Length < words[item].Length) { order[j + 1] = order[j]; j--; }
            order[j + 1] = item;
        }
        _words = new string[order.Length];
        for (var i = 0; i < order.Length; i++) _words[i] = words[order[i]];
        _byFirst = ByChar(_words, first: true);
        _byLast = ByChar(_words, first: false);
    }

    public IReadOnlyList<string> Words => _words;

    private static FrozenDictionary<char, int[]> ByChar(string[] words, bool first)
    {
        var groups = new Dictionary<char, int[]>();
        for (var i = 0; i < words.Length; i++)
        {
            var c = first ? words[i][0] : words[i][^1];
            groups[c] = groups.TryGetValue(c, out var list) ? [.. list, i] : [i];
        }
        return groups.ToFrozenDictionary();
    }

    /// <summary>The position of the longest word starting at <paramref name="index"/>, or -1.</summary>
    public int Match(string text, int index, out int end, bool innerSpaces)
    {
        end = index;
        if ((uint)index >= (uint)text.Length || !_byFirst.TryGetValue(text[index], out var candidates)) return -1;
        foreach (var k in candidates)
        {
            var word = _words[k];
            var p = index;
            var ok = true;
            for (var i = 0; i < word.Length; i++)
            {
                if (i > 0 && innerSpaces) p = Scan.SkipSpaces(text, p);
                if (p >= text.Length || text[p] != word[i]) { ok = false; break; }
                p++;
            }
            if (!ok) continue;
            end = p;
            return k;
        }
        return -1;
    }

    /// <summary>The position of the longest word ending just before <paramref name="end"/>, or -1.</summary>
    public int MatchBefore(string text, int end, out int start)
    {
        start = end;
        if (end <= 0 || end > text.Length || !_byLast.TryGetValue(text[end - 1], out var candidates)) return -1;
        foreach (var k in candidates)
        {
            var word = _words[k];
            if (word.Length > end || !text.AsSpan(end - word.Length, word.Length).SequenceEqual(word)) continue;
            start = end - word.Length;
            return k;
        }
        return -1;
    }
}

public static class WordTable
{
    public static WordTable<bool> Of(IEnumerable<string> words) => WordTable<bool>.Of(words, true);

    public static WordTable<TValue> Of<TValue>(Dictionary<string, TValue> map) => WordTable<TValue>.Of(map);

    public static WordTable<TValue> Of<TSource, TValue>(Dictionary<string, TSource> map, Func<string, TSource, TValue> convert) =>
        WordTable<TValue>.Of(map, convert);
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
