using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;

namespace Pipeline.Cleaning.Html;

/// <summary>Where one character of a DOM text node came from in the HTML source: an index and a length
/// (1 for a plain character, the whole reference for a decoded entity). Index -1 means unknown.</summary>
internal readonly record struct SourceChar(int Index, int Length);

/// <summary>A run of text as the tokenizer reads it: its source range and its decoded data (a slice of the source
/// itself when nothing in it needed decoding).</summary>
internal readonly record struct CharacterToken(int Start, int End, ReadOnlyMemory<char> Data)
{
    /// <summary>Source position of each decoded character, resolving entities against the raw source.</summary>
    public SourceChar[] Resolve(string source)
    {
        var result = new SourceChar[Data.Length];
        int i = Start, k = 0;
        var end = Math.Min(End, source.Length);
        // The common case: the token's source is its data (no reference, nothing normalised): one comparison.
        if (end - Start == Data.Length && source.AsSpan(Start, end - Start).SequenceEqual(Data.Span))
        {
            for (var q = 0; q < result.Length; q++) result[q] = new SourceChar(Start + q, 1);
            return result;
        }
        while (k < Data.Length)
        {
            if (i >= end) { result[k++] = new SourceChar(Math.Max(Start, end - 1), 0); continue; }
            var c = source[i];
            // A reference, decoded as the scan decoded it (HtmlTextRuns.Reference): its characters all map to it.
            if (c == '&' && HtmlTextRuns.Reference(source, i, end, out var refEnd) is var decoded && refEnd > i + 1
                && Data.Span[k..].StartsWith(decoded))
            {
                for (var j = 0; j < decoded.Length; j++) result[k++] = new SourceChar(i, refEnd - i);
                i = refEnd;
                continue;
            }
            if (c == Data.Span[k]) { result[k++] = new SourceChar(i, 1); i++; continue; }
            // A line break the tokenizer normalised: CRLF is the LF, a lone CR itself.
            if (c == '\r' && Data.Span[k] == '\n')
            {
                var crlf = i + 1 < end && source[i + 1] == '\n';
                result[k++] = new SourceChar(crlf ? i + 1 : i, 1);
                i += crlf ? 2 : 1;
                continue;
            }
            // Anything else (a replaced NUL, a normalised character): one for one, best effort.
            result[k++] = new SourceChar(i, 1);
            i++;
        }
        return result;
    }
}

/// <summary>
/// Aligns DOM text nodes with the tokenizer's character tokens (both in document order) so every character of
/// every text node knows its source position. Tokens the tree builder dropped (inter-element whitespace) are
/// skipped; a node that cannot be aligned keeps unknown positions rather than wrong ones. Alignment only compares
/// text and records where each node starts in the token stream; the per-character positions (entity references
/// resolved against the source) are computed on demand, for the nodes that are written out, and never for the
/// scripts, styles and page furniture that are not.
/// </summary>
internal sealed class SourceTextMap
{
    private readonly string _source;
    private readonly IReadOnlyList<CharacterToken> _tokens;
    private readonly Dictionary<IText, (int Token, int Offset)> _starts;
    private readonly Dictionary<IText, SourceChar[]> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, SourceChar[]> _tokenChars = new();

    public SourceTextMap(string source, IReadOnlyList<CharacterToken> tokens, IReadOnlyCollection<IText> textNodesInOrder)
    {
        _source = source;
        _tokens = tokens;
        _starts = new(textNodesInOrder.Count, ReferenceEqualityComparer.Instance);
        int t = 0, o = 0;
        // Tokens by first character, for nodes the tree builder moved out of source order (foster parenting).
        Dictionary<char, List<int>>? byFirst = null;
        foreach (var node in textNodesInOrder)
        {
            var data = node.Data;
            // Try the node at the current token, then at the next ones (tokens the tree builder dropped).
            var matched = false;
            for (var skip = 0; skip <= MaxSkippedTokens && t + skip < tokens.Count && !matched; skip++)
            {
                var startO = skip == 0 ? o : 0;
                if (TryMatch(tokens, data, t + skip, startO, out var endT, out var endO))
                {
                    _starts[node] = (t + skip, startO);
                    t = endT; o = endO;
                    matched = true;
                }
            }
            if (!matched && data.AsSpan().Trim().Length > 0)
            {
                byFirst ??= IndexByFirst(tokens);
                if (byFirst.TryGetValue(data[0], out var candidates))
                    foreach (var c in candidates.Take(MaxCandidates))
                        if (TryMatch(tokens, data, c, 0, out var endT, out var endO))
                        {
                            _starts[node] = (c, 0);
                            if (endT > t) { t = endT; o = endO; }
                            break;
                        }
            }
        }
    }

    private const int MaxCandidates = 256;

    private static Dictionary<char, List<int>> IndexByFirst(IReadOnlyList<CharacterToken> tokens)
    {
        var index = new Dictionary<char, List<int>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var d = tokens[i].Data.Span;
            if (d.Length == 0 || char.IsWhiteSpace(d[0])) continue;
            if (!index.TryGetValue(d[0], out var list)) index[d[0]] = list = new List<int>();
            list.Add(i);
        }
        return index;
    }

    private const int MaxSkippedTokens = 64;

    /// <summary>Matches a node's data against consecutive tokens from (t, o).</summary>
    private static bool TryMatch(IReadOnlyList<CharacterToken> tokens, string data, int t, int o, out int endT, out int endO)
    {
        var j = 0;
        while (j < data.Length && t < tokens.Count)
        {
            var tok = tokens[t];
            var m = o < tok.Data.Length ? data.AsSpan(j).CommonPrefixLength(tok.Data.Span[o..]) : 0;
            if (m == 0) break;
            j += m; o += m;
            if (o >= tok.Data.Length) { t++; o = 0; }
        }
        endT = t; endO = o;
        return j == data.Length;
    }

    /// <summary>The source position of every character of <paramref name="node"/> (index -1 where unknown), or
    /// null for a node not seen at construction.</summary>
    public SourceChar[]? For(IText node)
    {
        if (_resolved.TryGetValue(node, out var done)) return done;
        var data = node.Data;
        var chars = new SourceChar[data.Length];
        if (!_starts.TryGetValue(node, out var start))
        {
            Array.Fill(chars, new SourceChar(-1, 0));
            return _resolved[node] = chars;
        }
        int t = start.Token, o = start.Offset, j = 0;
        while (j < data.Length && t < _tokens.Count)
        {
            var tok = _tokens[t];
            var m = Math.Min(data.Length - j, tok.Data.Length - o);
            if (!_tokenChars.TryGetValue(t, out var tc)) _tokenChars[t] = tc = tok.Resolve(_source);
            Array.Copy(tc, o, chars, j, m);
            j += m; o += m;
            if (o >= tok.Data.Length) { t++; o = 0; }
        }
        return _resolved[node] = chars;
    }
}
