using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>A metric whose value is another's divided by a third (R&amp;D / revenue).</summary>
public sealed record RatioRelation(string Ratio, string Numerator, string Denominator);

/// <summary>A price stated as a change from a base (open = issue price × (1 + change)).</summary>
public sealed record ChangeRelation(string Change, string Price, string Base);

/// <summary>A total that is the product of two figures (gross proceeds = shares × price).</summary>
public sealed record ProductRelation(string Total, string Left, string Right);

/// <summary>
/// What the reconciler knows about metrics: which are bases of one another, which add up over periods, which are
/// ratios, changes or products of others, and which words state a figure's basis. Data, not code:
/// <c>Lexicons/common/metric-relations.tsv</c>.
/// </summary>
public sealed class MetricRelations
{
    private readonly Dictionary<string, List<(string Other, string Note)>> _basis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cumulativeParts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _additive = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _timestamp = [];
    private readonly HashSet<string> _timestampMarkers = new(StringComparer.Ordinal);

    public IReadOnlyList<RatioRelation> Ratios { get; }
    public IReadOnlyList<ChangeRelation> Changes { get; }
    public IReadOnlyList<ProductRelation> Products { get; }
    /// <summary>Basis markers, longest first.</summary>
    public IReadOnlyList<(string Word, string Basis)> Markers { get; }

    private MetricRelations(IEnumerable<string> lines)
    {
        var ratios = new List<RatioRelation>();
        var changes = new List<ChangeRelation>();
        var products = new List<ProductRelation>();
        var markers = new List<(string, string)>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            switch (f[0])
            {
                case "basis" or "timestamp" when f.Length >= 3:
                    var note = f.Length > 3 ? f[3] : $"{f[1]} vs {f[2]}";
                    Add(_basis, f[1], (f[2], note));
                    Add(_basis, f[2], (f[1], note));
                    if (f[0] == "timestamp") { _timestamp.Add((f[1], f[2])); _timestamp.Add((f[2], f[1])); }
                    break;
                case "timestamp-marker" when f.Length >= 2: _timestampMarkers.Add(f[1]); break;
                case "cumulative" when f.Length >= 3: _cumulativeParts[f[1]] = f[2]; break;
                case "additive" when f.Length >= 2: _additive.Add(f[1]); break;
                case "ratio" when f.Length >= 4: ratios.Add(new(f[1], f[2], f[3])); break;
                case "change" when f.Length >= 4: changes.Add(new(f[1], f[2], f[3])); break;
                case "product" when f.Length >= 4: products.Add(new(f[1], f[2], f[3])); break;
                case "marker" when f.Length >= 3: markers.Add((f[1], f[2])); break;
            }
        }
        Ratios = ratios;
        Changes = changes;
        Products = products;
        Markers = markers.OrderByDescending(m => m.Item1.Length).ThenBy(m => m.Item1, StringComparer.Ordinal).ToList();
    }

    private static void Add(Dictionary<string, List<(string, string)>> d, string k, (string, string) v)
    {
        if (!d.TryGetValue(k, out var list)) d[k] = list = [];
        list.Add(v);
    }

    public static MetricRelations Parse(string text) => new(text.Split('\n'));

    /// <summary>The relations shipped with the pipeline.</summary>
    public static MetricRelations Default { get; } = LoadDefault();

    private static MetricRelations LoadDefault() => Parse(LexiconResources.ReadText("Lexicons/common/metric-relations.tsv"));

    /// <summary>Metrics that are the same figure on another basis.</summary>
    public IReadOnlyList<(string Other, string Note)> BasisOf(string metric) =>
        _basis.TryGetValue(metric, out var list) ? list : [];

    /// <summary>True when the two metrics are one figure taken at different times of the day (intraday vs close).</summary>
    public bool IsTimestamp(string a, string b) => _timestamp.Contains((a, b));

    /// <summary>True when a basis label (of a <c>marker</c> line) names a time of day rather than a basis.</summary>
    public bool IsTimestampMarker(string basisLabel) => _timestampMarkers.Contains(basisLabel);

    /// <summary>The part metric a cumulative total sums, or the metric itself when it is additive.</summary>
    public string? PartsOf(string metric) =>
        _cumulativeParts.TryGetValue(metric, out var part) ? part : _additive.Contains(metric) ? metric : null;

    /// <summary>The cumulative metric summing <paramref name="metric"/>, if any.</summary>
    public string? CumulativeOf(string metric) =>
        _cumulativeParts.FirstOrDefault(kv => kv.Value == metric).Key;

    /// <summary>The basis words found in a text, in order of the marker list (longest first, no overlaps counted twice).</summary>
    public IReadOnlyList<string> BasisMarkers(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var taken = new bool[text.Length];
        foreach (var (word, basis) in Markers)
        {
            var at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                if (!taken[at]) { found.Add(basis); for (var i = at; i < at + word.Length; i++) taken[i] = true; }
                at += word.Length;
            }
        }
        return found.ToList();
    }
}
