using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Facts;

/// <summary>A phrase found in a text: its payload and where it is.</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Value);

/// <summary>
/// Finds lexicon phrases in a text in one left-to-right pass: at each position the longest phrase wins and the scan
/// resumes after it (non-overlapping). The phrases form a trie of their (case-folded) characters, and the scan jumps
/// between characters that start a phrase (vectorised search), so each position costs one step per character of the
/// longest phrase it begins, whatever the size of the lexicon. Latin phrases match only at word boundaries; with
/// <c>ignoreCase</c> they match in any letter case (English cues: <c>Revenue</c> at a sentence start, <c>revenue</c>
/// inside one).
/// </summary>
public sealed class PhraseMatcher<T>
{
    // The trie: node 0 is the root; a node's children are _childChar/_childNode[_childStart[n] .. _childStart[n + 1]),
    // sorted by character; _terminal[n] is the index in _phrases of the phrase that ends at n, or -1.
    private readonly int[]?[] _rootPages = new int[]?[256];
    private readonly int[] _childStart;
    private readonly char[] _childChar;
    private readonly int[] _childNode;
    private readonly int[] _terminal;
    private readonly (string Phrase, T Value)[] _phrases;
    private readonly int _longest;
    private readonly System.Buffers.SearchValues<char>? _firsts;
    private readonly ulong[]? _firstBits;
    private readonly bool _ignoreCase;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, bool ignoreCase = false)
    {
        _ignoreCase = ignoreCase;
        // Plain loops, not LINQ: every matcher's value type made the JIT compile a LINQ pipeline of its own (GroupBy,
        // DistinctBy, OrderBy... over (string, T)), hundreds of methods at start-up.
        // The first of phrases that fold to the same characters is kept.
        var children = new List<Dictionary<char, int>?> { null };
        var terminal = new List<int> { -1 };
        var kept = new List<(string Phrase, T Value)>();
        var firsts = new HashSet<char>();
        foreach (var p in phrases)
        {
            if (p.Phrase.Length == 0) continue;
            var node = 0;
            foreach (var ch in p.Phrase)
            {
                var key = Key(ch);
                var map = children[node] ??= [];
                if (!map.TryGetValue(key, out var next))
                {
                    map[key] = next = children.Count;
                    children.Add(null);
                    terminal.Add(-1);
                }
                node = next;
            }
            if (terminal[node] >= 0) continue;
            terminal[node] = kept.Count;
            kept.Add(p);
            _longest = Math.Max(_longest, p.Phrase.Length);
            firsts.Add(Key(p.Phrase[0]));
            if (ignoreCase) firsts.Add(char.ToUpperInvariant(Key(p.Phrase[0])));
        }
        _phrases = kept.ToArray();
        _terminal = terminal.ToArray();
        _childStart = new int[children.Count + 1];
        var edges = 0;
        foreach (var map in children) edges += map?.Count ?? 0;
        _childChar = new char[edges];
        _childNode = new int[edges];
        var at = 0;
        for (var n = 0; n < children.Count; n++)
        {
            _childStart[n] = at;
            if (children[n] is not { } map) continue;
            foreach (var (ch, next) in map)
            {
                _childChar[at] = ch;
                _childNode[at++] = next;
            }
            Array.Sort(_childChar, _childNode, _childStart[n], at - _childStart[n]);
        }
        _childStart[children.Count] = at;
        // The root's children (a lexicon of company names starts with thousands of different characters) by a table
        // of 256-character pages, one load per character instead of a search.
        for (var k = _childStart[0]; k < _childStart[1]; k++)
        {
            var page = _rootPages[_childChar[k] >> 8] ??= NewPage();
            page[_childChar[k] & 0xFF] = _childNode[k];
        }
        // One of the two searches, whichever suits the set (building the other is start-up work for nothing).
        if (firsts.Count > ManyFirsts)
        {
            _firstBits = new ulong[1024];
            foreach (var c in firsts) _firstBits[c >> 6] |= 1UL << c;
        }
        else
        {
            var chars = new char[firsts.Count];
            firsts.CopyTo(chars);
            _firsts = System.Buffers.SearchValues.Create(chars);
        }
    }

    /// <summary>Above this many first characters a bit per character is tested: for a large set of Chinese characters
    /// (company names start with thousands) the vectorised search checks each candidate against the whole set.</summary>
    private const int ManyFirsts = 32;

    /// <summary>Where the next phrase may start in <c>text[i..to)</c>, or -1.</summary>
    private int NextStart(string text, int i, int to)
    {
        if (_firsts is { } firsts)
        {
            var skip = text.AsSpan(i, to - i).IndexOfAny(firsts);
            return skip < 0 ? -1 : i + skip;
        }
        var bits = _firstBits!;
        for (; i < to; i++)
        {
            var c = text[i];
            if ((bits[c >> 6] & (1UL << c)) != 0) return i;
        }
        return -1;
    }

    private static int[] NewPage()
    {
        var page = new int[256];
        Array.Fill(page, -1);
        return page;
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/> (already folded), or -1.</summary>
    private int Child(int node, char c)
    {
        if (node == 0) return _rootPages[c >> 8] is { } page ? page[c & 0xFF] : -1;
        int lo = _childStart[node], hi = _childStart[node + 1] - 1;
        // Below the root, nodes have one or a few children; a common prefix (中国) may have dozens.
        while (hi - lo > 8)
        {
            var mid = (lo + hi) >>> 1;
            if (_childChar[mid] < c) lo = mid + 1;
            else hi = mid;
        }
        for (var k = lo; k <= hi; k++)
            if (_childChar[k] == c) return _childNode[k];
        return -1;
    }

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
        // The phrases that end along the current walk, shortest first: the longest at a word boundary wins.
        Span<int> ends = _longest <= 256 ? stackalloc int[_longest] : new int[_longest];
        while (i < to)
        {
            // Jump to the next character that starts some phrase, then walk the trie from it.
            i = NextStart(text, i, to);
            if (i < 0) break;
            var count = 0;
            for (int j = i, node = 0; j < to && (node = Child(node, Key(text[j]))) >= 0; j++)
                if (_terminal[node] >= 0) ends[count++] = _terminal[node];
            var matched = false;
            while (count > 0)
            {
                var (phrase, value) = _phrases[ends[--count]];
                if (!AtWordBoundary(text, i, i + phrase.Length, phrase)) continue;
                found.Add(new PhraseMatch<T>(i, i + phrase.Length, value));
                i += phrase.Length;
                matched = true;
                break;
            }
            if (!matched) i++;
        }
    }

    private static bool AtWordBoundary(string text, int start, int end, string phrase)
    {
        if (char.IsAsciiLetterOrDigit(phrase[0]) && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) return false;
        if (char.IsAsciiLetterOrDigit(phrase[^1]) && end < text.Length && char.IsAsciiLetterOrDigit(text[end])) return false;
        return true;
    }
}
