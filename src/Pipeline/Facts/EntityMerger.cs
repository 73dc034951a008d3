using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Facts;

/// <summary>
/// Merges entities across documents: two canonical names are one entity when a document's definition links them
/// through a shared legal name, English name, short name or ticker (one article writes <c>深圳云帆科技股份有限公司（以下简称云帆）</c>,
/// another <c>深圳云帆科技股份有限公司（HK09999）</c>: both become one entity; <c>Yunfan Auto (09876.HK)</c> in English
/// joins <c>云帆汽车，09876.HK</c> by the ticker). The name kept is the lexicon's when the lexicon knows the entity, else a
/// Chinese name over a Latin one, then the canonical name used by the most definitions (ties: shortest, then ordinal).
/// Deterministic: the result does not depend on the order documents are added.
/// </summary>
public sealed class EntityMerger
{
    private readonly EntityLexicon _lexicon;
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _votes = new(StringComparer.Ordinal);
    /// <summary>The lexicon entity a group of nodes stands for, by the group's root (two different ones never merge).</summary>
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _members;

    /// <summary>Short names an announcement gives its issuer but that name no company elsewhere (以下简称“公司”).</summary>
    private readonly HashSet<string> _genericShortNames;

    public EntityMerger(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        _genericShortNames = lexicon.NameWords.GenericShortNames.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds one document's definitions.</summary>
    public void Add(IEnumerable<EntityDefinitionFound> definitions)
    {
        _members = null;
        foreach (var d in definitions)
        {
            var name = Node("name", d.Canonical);
            _votes[d.Canonical] = _votes.GetValueOrDefault(d.Canonical) + 1;
            // A generic short name (以下简称“公司”) names every issuer that writes it: it links nothing.
            foreach (var alias in new[] { d.FullName, d.ShortName, d.LatinName })
                if (alias is { Length: >= 2 } && !_genericShortNames.Contains(alias.Trim())) Union(name, Node("alias", alias));
            foreach (var t in d.Tickers)
                if (Tickers.TryNormalize(t, out var n, "HK")) Union(name, Node("ticker", n));
        }
    }

    /// <summary>The merged name for a canonical name produced by the binder (itself when nothing links it).</summary>
    public string Resolve(string canonical)
    {
        var key = "name:" + canonical;
        if (!_parent.ContainsKey(key)) return canonical;
        var root = Find(key);
        // Members by root, grouped once after the last Add (resolving every name stays linear in the definitions).
        _members ??= _parent.Keys.Where(k => k.StartsWith("name:", StringComparison.Ordinal)).ToList()
            .GroupBy(Find, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(k => k[5..]).ToList(), StringComparer.Ordinal);
        var members = _members[root];
        var known = members.Select(m => _lexicon.FindByAlias(m)).FirstOrDefault(m => m is not null);
        if (known is not null) return known;
        return members.OrderByDescending(m => m.Any(Pipeline.Text.Han.IsHan)).ThenByDescending(m => _votes.GetValueOrDefault(m))
            .ThenBy(m => m.Length).ThenBy(m => m, StringComparer.Ordinal).First();
    }

    /// <summary>The claims with their entities merged.</summary>
    public IEnumerable<Claim> Apply(IEnumerable<Claim> claims)
    {
        var cache = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            if (!cache.TryGetValue(c.Entity, out var merged)) cache[c.Entity] = merged = Resolve(c.Entity);
            yield return merged == c.Entity ? c : c with { Entity = merged };
        }
    }

    private string Node(string kind, string value)
    {
        var known = kind is "alias" or "name" ? _lexicon.FindByAlias(value) : null;
        var key = kind == "alias" && known is not null ? "name:" + known : $"{kind}:{value}";
        if (_parent.TryAdd(key, key) && known is not null) _known[key] = known;
        return key;
    }

    private string Find(string key)
    {
        while (_parent[key] != key)
        {
            _parent[key] = _parent[_parent[key]];
            key = _parent[key];
        }
        return key;
    }

    private void Union(string a, string b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return;
        // Two companies the lexicon knows apart stay apart, whatever a definition in one article seems to link.
        var ka = _known.GetValueOrDefault(ra);
        var kb = _known.GetValueOrDefault(rb);
        if (ka is not null && kb is not null && ka != kb) return;
        // Deterministic root: the ordinal-smaller key.
        var (root, child) = string.CompareOrdinal(ra, rb) < 0 ? (ra, rb) : (rb, ra);
        _parent[child] = root;
        if ((ka ?? kb) is { } k) _known[root] = k;
    }
}
