using System.Net;
using AngleSharp.Dom;

namespace Pipeline.Cleaning.Html;

/// <summary>Where one character of a DOM text node came from in the HTML source: an index and a length
/// (1 for a plain character, the whole reference for a decoded entity). Index -1 means unknown.</summary>
internal readonly record struct SourceChar(int Index, int Length);

/// <summary>A character token as the tokenizer reported it: its source range and its decoded data.</summary>
internal sealed record CharacterToken(int Start, int End, string Data)
{
    private SourceChar[]? _chars;

    /// <summary>Source position of each decoded character, resolving entities against the raw source.</summary>
    public SourceChar[] Chars(string source) => _chars ??= Resolve(source);

    /// <summary>A character reference at <paramref name="i"/> (named, decimal or hex; the ';' may be missing).</summary>
    private static bool TryReference(string source, int i, int end, out int refEnd, out string decoded)
    {
        var e = i + 1;
        while (e < end && e - i < 40 && (char.IsAsciiLetterOrDigit(source[e]) || source[e] == '#')) e++;
        if (e < end && source[e] == ';') e++;
        refEnd = e;
        var reference = source[i..e];
        decoded = e - i > 1 ? WebUtility.HtmlDecode(reference) : reference;
        if (decoded != reference && decoded.Length > 0) return true;
        if (reference.EndsWith(';')) return false;
        // Legacy references without ';' (&nbsp, &amp): decode the longest known prefix.
        for (var len = reference.Length; len > 2; len--)
        {
            var d = WebUtility.HtmlDecode(reference[..len] + ";");
            if (d != reference[..len] + ";") { refEnd = i + len; decoded = d; return true; }
        }
        return false;
    }

    private SourceChar[] Resolve(string source)
    {
        var result = new SourceChar[Data.Length];
        int i = Start, k = 0;
        var end = Math.Min(End, source.Length);
        while (k < Data.Length)
        {
            if (i >= end) { result[k++] = new SourceChar(Math.Max(Start, end - 1), 0); continue; }
            var c = source[i];
            if (c == '&' && TryReference(source, i, end, out var refEnd, out var decoded)
                && (Data.AsSpan(k).StartsWith(decoded) || (source[i + 1] == '#' && decoded.Length == 1 && Data[k] != '&')))
            {
                for (var j = 0; j < decoded.Length; j++) result[k++] = new SourceChar(i, refEnd - i);
                i = refEnd;
                continue;
            }
            if (c == Data[k]) { result[k++] = new SourceChar(i, 1); i++; continue; }
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
/// skipped; a node that cannot be aligned keeps unknown positions rather than wrong ones.
/// </summary>
internal sealed class SourceTextMap
{
    private readonly Dictionary<IText, SourceChar[]> _nodes = new(ReferenceEqualityComparer.Instance);

    public SourceTextMap(string source, IReadOnlyList<CharacterToken> tokens, IEnumerable<IText> textNodesInOrder)
    {
        int t = 0, o = 0;
        // Tokens by first character, for nodes the tree builder moved out of source order (foster parenting).
        Dictionary<char, List<int>>? byFirst = null;
        foreach (var node in textNodesInOrder)
        {
            var data = node.Data;
            var chars = new SourceChar[data.Length];
            // Try the node at the current token, then at the next ones (tokens the tree builder dropped).
            var matched = false;
            for (var skip = 0; skip <= MaxSkippedTokens && t + skip < tokens.Count && !matched; skip++)
            {
                var startO = skip == 0 ? o : 0;
                if (TryMatch(source, tokens, data, t + skip, startO, chars, out var endT, out var endO))
                {
                    t = endT; o = endO;
                    matched = true;
                }
            }
            if (!matched && data.Trim().Length > 0)
            {
                byFirst ??= IndexByFirst(tokens);
                if (byFirst.TryGetValue(data[0], out var candidates))
                    foreach (var c in candidates.Take(MaxCandidates))
                        if (TryMatch(source, tokens, data, c, 0, chars, out var endT, out var endO))
                        {
                            if (endT > t) { t = endT; o = endO; }
                            matched = true;
                            break;
                        }
            }
            if (!matched) Array.Fill(chars, new SourceChar(-1, 0));
            _nodes[node] = chars;
        }
    }

    private const int MaxCandidates = 256;

    private static Dictionary<char, List<int>> IndexByFirst(IReadOnlyList<CharacterToken> tokens)
    {
        var index = new Dictionary<char, List<int>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var d = tokens[i].Data;
            if (d.Length == 0 || char.IsWhiteSpace(d[0])) continue;
            if (!index.TryGetValue(d[0], out var list)) index[d[0]] = list = new List<int>();
            list.Add(i);
        }
        return index;
    }

    private const int MaxSkippedTokens = 64;

    /// <summary>Matches a node's data against consecutive tokens from (t, o); fills the node's source positions.</summary>
    private static bool TryMatch(string source, IReadOnlyList<CharacterToken> tokens, string data, int t, int o,
        SourceChar[] chars, out int endT, out int endO)
    {
        var j = 0;
        while (j < data.Length && t < tokens.Count)
        {
            var tok = tokens[t];
            var m = CommonPrefix(data, j, tok.Data, o);
            if (m == 0) break;
            var tc = tok.Chars(source);
            for (var q = 0; q < m; q++) chars[j + q] = tc[o + q];
            j += m; o += m;
            if (o >= tok.Data.Length) { t++; o = 0; }
        }
        endT = t; endO = o;
        return j == data.Length;
    }

    public SourceChar[]? For(IText node) => _nodes.GetValueOrDefault(node);

    private static int CommonPrefix(string a, int ai, string b, int bi)
    {
        var n = 0;
        while (ai + n < a.Length && bi + n < b.Length && a[ai + n] == b[bi + n]) n++;
        return n;
    }
}
