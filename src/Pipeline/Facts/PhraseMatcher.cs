using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Facts;

/// <summary>A phrase found in a text: its payload and where it is.</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Value);

/// <summary>
/// Finds lexicon phrases in a text in one left-to-right pass: at each position the longest phrase wins and the scan
/// resumes after it (non-overlapping). Phrases are bucketed by first character and the scan jumps between characters
/// that start a phrase, so the cost is linear in the text times the few phrases sharing a first character. Latin
/// phrases match only at word boundaries; with <c>ignoreCase</c> they match in any letter case (English cues:
/// <c>Revenue</c> at a sentence start, <c>revenue</c> inside one).
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<char, (string Phrase, T Value)[]> _byFirst;
    private readonly System.Buffers.SearchValues<char> _firsts;
    private readonly StringComparison _comparison;
    private readonly bool _ignoreCase;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, bool ignoreCase = false)
    {
        _ignoreCase = ignoreCase;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        // Plain loops, not LINQ: every matcher's value type made the JIT compile a LINQ pipeline of its own (GroupBy,
        // DistinctBy, OrderBy... over (string, T)), hundreds of methods at start-up.
        // Each first character's phrases: the first of each (case-folded, when ignoring case) phrase, longest first.
        var buckets = new Dictionary<char, List<(string Phrase, T Value)>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in phrases)
        {
            if (p.Phrase.Length == 0 || !seen.Add(ignoreCase ? p.Phrase.ToLowerInvariant() : p.Phrase)) continue;
            var key = Key(p.Phrase[0]);
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
            list.Add(p);
        }
        _byFirst = new Dictionary<char, (string Phrase, T Value)[]>(buckets.Count);
        var firsts = new HashSet<char>();
        foreach (var (key, list) in buckets)
        {
            var sorted = list.ToArray();
            Array.Sort(sorted, LongestFirst);
            _byFirst[key] = sorted;
            firsts.Add(key);
            if (ignoreCase) firsts.Add(char.ToUpperInvariant(key));
        }
        var chars = new char[firsts.Count];
        firsts.CopyTo(chars);
        _firsts = System.Buffers.SearchValues.Create(chars);
    }

    private static readonly Comparison<(string Phrase, T Value)> LongestFirst = static (a, b) =>
        a.Phrase.Length != b.Phrase.Length ? b.Phrase.Length.CompareTo(a.Phrase.Length) : string.CompareOrdinal(a.Phrase, b.Phrase);

    private char Key(char c) => _ignoreCase ? Fold(c) : c;

    /// <summary><see cref="char.ToLowerInvariant(char)"/>, without asking ICU for the characters that have no case: the scan
    /// folds every character that may start a phrase, and in Chinese text that is most of them (a Han character: 8.7 ns
    /// through ICU, 1.6 ns here).</summary>
    internal static char Fold(char c) =>
        c < 0x80 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : Caseless(c) ? c : char.ToLowerInvariant(c);

    /// <summary>Blocks without letter case: CJK radicals to Yi (U+2E80-A4CF), Hangul syllables, CJK compatibility ideographs.</summary>
    internal static bool Caseless(char c) => c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The phrases in <c>text[from..to)</c>, with positions in <paramref name="text"/>.</summary>
    public List<PhraseMatch<T>> FindAll(string text, int from, int to)
    {
        var found = new List<PhraseMatch<T>>();
        FindInto(text, from, to, found);
        return found;
    }

    public List<PhraseMatch<T>> FindAll(string text) => FindAll(text, 0, text.Length);

    /// <summary>Appends the phrases in <c>text[from..to)</c> to <paramref name="found"/>.</summary>
    public void FindInto(string text, int from, int to, List<PhraseMatch<T>> found)
    {
        to = Math.Min(to, text.Length);
        var i = Math.Max(0, from);
        while (i < to)
        {
            // Jump to the next character that starts some phrase (vectorised search), then try its phrases.
            var skip = text.AsSpan(i, to - i).IndexOfAny(_firsts);
            if (skip < 0) break;
            i += skip;
            if (_byFirst.TryGetValue(Key(text[i]), out var candidates))
            {
                var matched = false;
                foreach (var (phrase, value) in candidates)
                {
                    if (i + phrase.Length > to || string.Compare(text, i, phrase, 0, phrase.Length, _comparison) != 0) continue;
                    if (!AtWordBoundary(text, i, i + phrase.Length, phrase)) continue;
                    found.Add(new PhraseMatch<T>(i, i + phrase.Length, value));
                    i += phrase.Length;
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            i++;
        }
    }

    private static bool AtWordBoundary(string text, int start, int end, string phrase)
    {
        if (char.IsAsciiLetterOrDigit(phrase[0]) && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) return false;
        if (char.IsAsciiLetterOrDigit(phrase[^1]) && end < text.Length && char.IsAsciiLetterOrDigit(text[end])) return false;
        return true;
    }
}
