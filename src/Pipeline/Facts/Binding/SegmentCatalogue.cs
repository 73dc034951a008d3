using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Pipeline.Facts.Binding;

/// <summary>
/// The segments companies report (<c>entities.yaml</c> <c>segments</c>), so that one segment keeps one name across
/// articles: 电商板块 and 电商业务 are Alibaba's 电商业务, 智能云基础设施 and AI云 are Baidu's AI云基础设施. Names are compared
/// without spaces, case, and the generic endings of <c>binding.yaml</c> <c>segment_suffixes</c> and
/// <c>segment_name_endings</c> (业务, 板块, 销售: 其他业务 is a company's 其他销售), with the conjunctions of
/// <c>segment_name_conjunctions</c> read as one (平台和广告 is 平台及广告服务), and the regional words of
/// <c>segment_name_variants</c> as their Mainland word (人工智能伺服器 is 人工智能服务器). A company the lexicon lists no segments for
/// keeps the segment as the article writes it.
/// </summary>
public sealed class SegmentCatalogue
{
    private readonly Dictionary<string, Dictionary<string, string>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, string Segment)>> _names = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _endings;
    private readonly IReadOnlyList<string> _conjunctions;
    private readonly string _conjunction;

    private readonly IReadOnlyList<KeyValuePair<string, string>> _variants;

    public SegmentCatalogue(EntityLexicon entities, IReadOnlyList<string> genericEndings, IReadOnlyList<string>? conjunctions = null,
        IReadOnlyDictionary<string, string>? variants = null)
    {
        _variants = (variants ?? new Dictionary<string, string>()).OrderByDescending(v => v.Key.Length).ToList();
        _endings = genericEndings.Where(e => e.Length > 1).OrderByDescending(e => e.Length).ToList();
        _conjunction = conjunctions?.FirstOrDefault(c => c.Length > 0) ?? "";
        _conjunctions = (conjunctions ?? []).Where(c => c.Length > 0 && c != _conjunction).OrderByDescending(c => c.Length).ToList();
        foreach (var e in entities.Entities)
        {
            if (e.Segments is not { Count: > 0 } segments) continue;
            var index = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new List<(string, string)>();
            foreach (var (segment, aliases) in segments)
                foreach (var name in aliases.Prepend(segment))
                {
                    var key = Key(name);
                    if (key.Length == 0) continue;
                    if (index.TryGetValue(key, out var other) && other != segment)
                        throw new System.IO.InvalidDataException($"entities.yaml: {e.Name} segment name '{name}' stands for both {other} and {segment}.");
                    index[key] = segment;
                    names.Add((name, segment));
                }
            _byEntity[e.Name] = index;
            _names[e.Name] = names.OrderByDescending(n => n.Item1.Length).ToList();
        }
    }

    /// <summary>The company's own name for a segment as an article writes it, or the written name when the lexicon
    /// knows no such segment of that company.</summary>
    public string Canonical(string entity, string written) => Known(entity, written) ?? written;

    /// <summary>The company's own name for a segment name, or null when the lexicon lists no such segment of it.</summary>
    public string? Known(string entity, string written) =>
        written.Length > 0 && _byEntity.TryGetValue(entity, out var index) && index.TryGetValue(Key(written), out var segment) ? segment : null;

    /// <summary>The company's segment whose name is written in <paramref name="text"/> between <paramref name="from"/> and
    /// <paramref name="to"/> (百度核心业务营收: 百度核心): the name ending nearest <paramref name="to"/>, the longest of those;
    /// a name inside a parenthesis explains another (中国电商集团(包含电商业务、即时零售)收入) and is skipped. Null when none
    /// is; <paramref name="written"/> is the name's text as found.</summary>
    public string? Find(string entity, string text, int from, int to, out string written)
    {
        written = "";
        string? best = null;
        var bestEnd = -1;
        foreach (var (at, name, segment) in Occurrences(entity, text, from, to))
        {
            if (InsideParenthesis(text.AsSpan(at + name.Length, to - at - name.Length))) continue;
            // Names come longest first: at the same end a shorter one never replaces a longer one.
            if (at + name.Length > bestEnd) { best = segment; bestEnd = at + name.Length; written = name; }
        }
        return best;
    }

    /// <summary>True when the text after a name closes a parenthesis it did not open: the name is inside it
    /// (中国电商集团(包含电商业务、即时零售)收入: 电商业务 is, 中国电商集团 is not).</summary>
    private static bool InsideParenthesis(ReadOnlySpan<char> after)
    {
        var depth = 0;
        foreach (var ch in after)
        {
            if (ch is '(' or '（') depth++;
            else if (ch is ')' or '）' && --depth < 0) return true;
        }
        return false;
    }

    /// <summary>Every listed segment of the company written between <paramref name="from"/> and <paramref name="to"/>, in
    /// text order, longer names first where they overlap (游戏、有道、云音乐业务、创新及其他业务).</summary>
    public List<(int Start, int End, string Segment)> FindAll(string entity, string text, int from, int to)
    {
        var found = new List<(int Start, int End, string Segment)>();
        foreach (var (at, name, segment) in Occurrences(entity, text, from, to))
        {
            var end = at + name.Length;
            if (!found.Any(f => f.Start < end && at < f.End)) found.Add((at, end, segment));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>Where the company's segment names are written in [from, to), longest names first; a Latin name only as a
    /// whole word (AIDC, not inside a longer word).</summary>
    private IEnumerable<(int At, string Name, string Segment)> Occurrences(string entity, string text, int from, int to)
    {
        if (to <= from || !_names.TryGetValue(entity, out var names)) yield break;
        foreach (var (name, segment) in names)
            for (var at = text.IndexOf(name, from, to - from, StringComparison.OrdinalIgnoreCase); at >= 0 && at + name.Length <= to;
                 at = at + 1 < to ? text.IndexOf(name, at + 1, to - at - 1, StringComparison.OrdinalIgnoreCase) : -1)
            {
                if (char.IsAsciiLetter(name[0]) && at > 0 && char.IsAsciiLetter(text[at - 1])) continue;
                if (char.IsAsciiLetter(name[^1]) && at + name.Length < text.Length && char.IsAsciiLetter(text[at + name.Length])) continue;
                yield return (at, name, segment);
            }
    }

    /// <summary>A name without its generic ending (电商板块 → 电商).</summary>
    public string Stem(string name)
    {
        foreach (var ending in _endings)
            if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return name[..^ending.Length];
        return name;
    }

    private string Key(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var ch in name) if (!char.IsWhiteSpace(ch)) b.Append(char.ToLowerInvariant(ch));
        // Conjunctions compare as the first one listed (平台和广告, 平台及广告).
        foreach (var c in _conjunctions) b.Replace(c, _conjunction);
        // Regional words for one thing (伺服器 and 服务器, 云端 and 云) compare as one.
        foreach (var (variant, standard) in _variants) b.Replace(variant, standard);
        return Stem(b.ToString());
    }
}
