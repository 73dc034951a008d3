using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Facts;

/// <summary>Kinds of figure a metric accepts.</summary>
[Flags]
public enum FigureKinds
{
    None = 0,
    Money = 1,
    Percent = 2,
    Points = 4,
    Multiple = 8,
    Shares = 16,
    Count = 32,
    Number = 64,
}

/// <summary>How a metric's period is read: as written (flow), as of a date (stock), on a trading day (instant), at the
/// listing by default (listing), or as the span of every period of the sentence (span: running totals, 累计).</summary>
public enum MetricTiming { Flow, Stock, Instant, Listing, Span }

/// <summary>One metric: its id, what figures it accepts and the metrics its changes and running totals are reported as.</summary>
public sealed record MetricDefinition(string Id, string Description, FigureKinds Units, MetricTiming Timing, string? Change, string? Cumulative)
{
    /// <summary>The metric a quarter-on-quarter change of this one is reported as (环比/按季/sequentially:
    /// revenue → <c>revenue_qoq_growth_pct</c>); lexicon field <c>change_qoq</c>.</summary>
    public string? ChangeQoq { get; init; }

    /// <summary>The metric a year-on-year change of this ratio in percentage points is reported as (毛利率…提升 2.1 个百分点
    /// → <c>gross_margin_change_pp</c>); lexicon field <c>change_pp</c>.</summary>
    public string? ChangePoints { get; init; }

    /// <summary>The metric a quarter-on-quarter change of this ratio in percentage points is reported as (毛利率环比…个百分点
    /// → <c>gross_margin_qoq_change_pp</c>); lexicon field <c>change_pp_qoq</c>.</summary>
    public string? ChangePointsQoq { get; init; }

    /// <summary>The metric the company's own outlook for this one is reported as (预计…收入 → <c>guidance.revenue</c>);
    /// lexicon field <c>guidance</c>.</summary>
    public string? Guidance { get; init; }

    /// <summary>The metrics the two ends of a range written for this one are reported as (招股价介乎 41.45 至 44.05 港元 →
    /// <c>ipo.price_range_bottom</c> and <c>ipo.price_range_top</c>); lexicon fields <c>range_low</c> and <c>range_high</c>.
    /// Without them a range is two bounds of this metric: at least its low end, at most its high end.</summary>
    public string? RangeLow { get; init; }

    public string? RangeHigh { get; init; }

    /// <summary>The metric this one is reported as in a sentence about a listing (上市, 挂牌; 在香港上市，融资101亿港元: a
    /// listing's funding is its gross proceeds, <c>ipo.gross_proceeds</c>); lexicon field <c>listing</c>.</summary>
    public string? Listing { get; init; }

    /// <summary>The metric this one is reported as when a fall word stands in the figure's clause before it and no rise
    /// word does (盘中跌幅一度超过10%至118港元: the intraday low, not the high 一度 names alone); lexicon field <c>falling</c>.</summary>
    public string? Falling { get; init; }

    /// <summary>Every metric this one names (change, running total, quarter-on-quarter and point changes, guidance, the
    /// ends of a range).</summary>
    public IEnumerable<string> Related()
    {
        foreach (var id in new[] { Change, Cumulative, ChangeQoq, ChangePoints, ChangePointsQoq, Guidance, RangeLow, RangeHigh, Listing, Falling })
            if (id is not null) yield return id;
    }
}

/// <summary>What a cue phrase means to the binder.</summary>
/// <remarks><see cref="QuarterOnQuarter"/> (环比, 按季, sequentially), <see cref="YearOnYear"/> (同比, 按年, year-on-year) and
/// <see cref="Guidance"/> (预计, 指引, expects, outlook) mark how a nearby change or figure is meant; they come last so that the
/// older kinds keep their values.</remarks>
public enum CueKind { Metric, Rise, Fall, Comparison, Distributive, Cumulative, AsOf, ListingDay, SamePeriod, Listing, Ignore, QuarterOnQuarter, YearOnYear, Guidance }

/// <summary>A phrase of the lexicon: a metric cue (with its metric) or a marker.</summary>
public sealed record Cue(string Phrase, CueKind Kind, MetricDefinition? Metric = null, IReadOnlyList<string>? ContextWords = null)
{
    /// <summary>Other metrics the same phrase names, in file order (认购 before shares is the cornerstone shares, before
    /// money the cornerstone amount): a figure of a kind <see cref="Metric"/> does not take reads the first that does.</summary>
    public IReadOnlyList<MetricDefinition> Alternates { get; init; } = [];

    /// <summary>The metric this cue gives a figure of <paramref name="kind"/>: its own, else the first alternate that
    /// accepts the kind, else its own (which the caller then rejects).</summary>
    public MetricDefinition? MetricFor(FigureKinds kind)
    {
        if (Metric is null || (Metric.Units & kind) != 0) return Metric;
        foreach (var a in Alternates) if ((a.Units & kind) != 0) return a;
        return Metric;
    }
}

/// <summary>
/// The metric lexicon: cue phrases mapped to metric ids, ratio definitions and marker words, loaded from
/// <c>Lexicons/&lt;culture&gt;/metrics.yaml</c>. Immutable; one instance is shared by every document.
/// </summary>
public sealed class MetricLexicon
{
    private readonly Dictionary<string, MetricDefinition> _metrics;
    private readonly Dictionary<(string, string), string> _ratios;

    private MetricLexicon(Dictionary<string, MetricDefinition> metrics, Dictionary<(string, string), string> ratios, IReadOnlyList<Cue> cues,
        PhraseMatcher<Cue> matcher)
    {
        _metrics = metrics;
        _changes = metrics.Values.SelectMany(m => new[] { m.Change, m.ChangeQoq, m.ChangePoints, m.ChangePointsQoq })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        _ratios = ratios;
        Cues = cues;
        Matcher = matcher;
    }

    public IReadOnlyCollection<MetricDefinition> Metrics => _metrics.Values;

    /// <summary>Every phrase of the lexicon in file order: metric cues (with their metric), untracked quantities and markers.</summary>
    public IReadOnlyList<Cue> Cues { get; }

    internal PhraseMatcher<Cue> Matcher { get; }

    public MetricDefinition? Find(string id) => _metrics.GetValueOrDefault(id);

    private readonly HashSet<string> _changes;

    /// <summary>True when the metric is the change of another (revenue_growth_pct, gross_margin_change_pp).</summary>
    public bool IsChange(string id) => _changes.Contains(id);

    /// <summary>The metric a ratio of <paramref name="numerator"/> to <paramref name="denominator"/> is reported as.</summary>
    public MetricDefinition? Ratio(string numerator, string denominator) =>
        _ratios.TryGetValue((numerator, denominator), out var id) ? Find(id) : null;

    private static readonly Lazy<MetricLexicon> ChineseLexicon = new(() => Load("zh-Hans"));

    /// <summary>The embedded Simplified Chinese lexicon.</summary>
    public static MetricLexicon Chinese => ChineseLexicon.Value;

    private static readonly Lazy<MetricLexicon> EnglishLexicon = new(() => Load("en", Chinese));

    /// <summary>The embedded English lexicon (<c>Lexicons/en/metrics.yaml</c>): English cues for the metrics the
    /// Chinese lexicon defines, matched in any letter case.</summary>
    public static MetricLexicon English => EnglishLexicon.Value;

    public static MetricLexicon Load(string culture, MetricLexicon? definitions = null)
    {
        var name = $"Lexicons/{culture}/metrics.yaml";
        return Parse(LexiconResources.ReadText(name), name, definitions);
    }

    /// <summary>Parses the YAML form; a bad lexicon throws at start-up, naming the problem. With
    /// <paramref name="definitions"/> (a lexicon in another language), an entry that gives only an id and cues
    /// takes that lexicon's definition of the metric, so both languages bind to the same metric ids; the cues then
    /// match in any letter case.</summary>
    public static MetricLexicon Parse(string yaml, string sourceName = "metrics.yaml", MetricLexicon? definitions = null)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties()
            .Build().Deserialize<MetricFile>(yaml) ?? new MetricFile();
        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        foreach (var m in file.Metrics)
        {
            if (string.IsNullOrWhiteSpace(m.Id)) throw new InvalidDataException($"{sourceName}: a metric has no id.");
            if (definitions is not null && m.Units.Count == 0)
            {
                var known = definitions.Find(m.Id) ?? throw new InvalidDataException($"{sourceName}: metric {m.Id} has no units and is not defined in the base lexicon.");
                if (!metrics.TryAdd(m.Id, known)) throw new InvalidDataException($"{sourceName}: metric {m.Id} is defined twice.");
                continue;
            }
            var units = FigureKinds.None;
            foreach (var u in m.Units) units |= ParseUnit(u, sourceName, m.Id);
            var timing = m.Timing?.ToLowerInvariant() switch
            {
                null or "" or "flow" => MetricTiming.Flow,
                "stock" => MetricTiming.Stock,
                "instant" => MetricTiming.Instant,
                "listing" => MetricTiming.Listing,
                "span" => MetricTiming.Span,
                var t => throw new InvalidDataException($"{sourceName}: metric {m.Id} has unknown timing '{t}'."),
            };
            var definition = new MetricDefinition(m.Id, m.Description ?? "", units, timing, m.Change, m.Cumulative)
            {
                ChangeQoq = m.ChangeQoq, ChangePoints = m.ChangePp, ChangePointsQoq = m.ChangePpQoq, Guidance = m.Guidance,
                RangeLow = m.RangeLow, RangeHigh = m.RangeHigh, Listing = m.Listing, Falling = m.Falling,
            };
            if ((m.RangeLow is null) != (m.RangeHigh is null))
                throw new InvalidDataException($"{sourceName}: metric {m.Id} gives one of range_low and range_high without the other.");
            if (!metrics.TryAdd(m.Id, definition))
                throw new InvalidDataException($"{sourceName}: metric {m.Id} is defined twice.");
        }
        // Metrics named by a borrowed definition (its changes, running total, guidance) come along with it, and
        // theirs in turn.
        if (definitions is not null)
        {
            var pending = new Queue<MetricDefinition>(metrics.Values);
            while (pending.TryDequeue(out var m))
                foreach (var id in m.Related())
                    if (!metrics.ContainsKey(id) && definitions.Find(id) is { } d)
                    {
                        metrics[id] = d;
                        pending.Enqueue(d);
                    }
        }
        foreach (var m in metrics.Values)
        {
            if (m.Change is { } c && !metrics.ContainsKey(c)) throw new InvalidDataException($"{sourceName}: {m.Id} change metric {c} is not defined.");
            if (m.Cumulative is { } k && !metrics.ContainsKey(k)) throw new InvalidDataException($"{sourceName}: {m.Id} cumulative metric {k} is not defined.");
            foreach (var (field, id) in new[] { ("change_qoq", m.ChangeQoq), ("change_pp", m.ChangePoints), ("change_pp_qoq", m.ChangePointsQoq), ("guidance", m.Guidance), ("range_low", m.RangeLow), ("range_high", m.RangeHigh), ("listing", m.Listing), ("falling", m.Falling) })
                if (id is not null && !metrics.ContainsKey(id)) throw new InvalidDataException($"{sourceName}: {m.Id} {field} metric {id} is not defined.");
        }

        var cues = new List<Cue>();
        foreach (var m in file.Metrics)
        {
            var def = metrics[m.Id!];
            cues.AddRange(m.Cues.Select(c => new Cue(c, CueKind.Metric, def)));
            if (m.Context is { } ctx) cues.AddRange(ctx.Cues.Select(c => new Cue(c, CueKind.Metric, def, ctx.Words)));
        }
        // One phrase for several metrics of different units: the first keeps it, the others become its alternates.
        var comparer = definitions is not null ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        cues = cues.GroupBy(c => c.Phrase, comparer)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Alternates = g.Skip(1).Select(c => c.Metric!).Where(a => a != g.First().Metric).ToList() })
            .ToList();
        var untracked = new MetricDefinition("untracked", "A quantity the lexicon does not track.", FigureKinds.None, MetricTiming.Flow, null, null);
        cues.AddRange(file.Untracked.Select(c => new Cue(c, CueKind.Metric, untracked)));
        var markers = file.Markers;
        void Add(List<string> phrases, CueKind kind) => cues.AddRange(phrases.Select(p => new Cue(p, kind)));
        Add(markers.Rise, CueKind.Rise);
        Add(markers.Fall, CueKind.Fall);
        Add(markers.Comparison, CueKind.Comparison);
        Add(markers.Distributive, CueKind.Distributive);
        Add(markers.Cumulative, CueKind.Cumulative);
        Add(markers.AsOf, CueKind.AsOf);
        Add(markers.ListingDay, CueKind.ListingDay);
        Add(markers.SamePeriod, CueKind.SamePeriod);
        Add(markers.Listing, CueKind.Listing);
        Add(markers.Ignore, CueKind.Ignore);
        Add(markers.Qoq, CueKind.QuarterOnQuarter);
        Add(markers.Yoy, CueKind.YearOnYear);
        Add(markers.Guidance, CueKind.Guidance);

        var ratios = new Dictionary<(string, string), string>();
        foreach (var r in file.Ratios)
        {
            if (r.Numerator is null || r.Denominator is null || r.Metric is null || !metrics.ContainsKey(r.Metric))
                throw new InvalidDataException($"{sourceName}: ratio {r.Numerator}/{r.Denominator} is incomplete or names an unknown metric.");
            ratios[(r.Numerator, r.Denominator)] = r.Metric;
        }
        return new MetricLexicon(metrics, ratios, cues, new PhraseMatcher<Cue>(cues.Select(c => (c.Phrase, c)), ignoreCase: definitions is not null));
    }

    private static FigureKinds ParseUnit(string unit, string source, string id) => unit.ToLowerInvariant() switch
    {
        "money" => FigureKinds.Money,
        "percent" => FigureKinds.Percent,
        "points" => FigureKinds.Points,
        "multiple" => FigureKinds.Multiple,
        "shares" => FigureKinds.Shares,
        "count" => FigureKinds.Count,
        "number" => FigureKinds.Number,
        _ => throw new InvalidDataException($"{source}: metric {id} has unknown unit '{unit}'."),
    };

    private sealed class MetricFile
    {
        public List<MetricEntry> Metrics { get; set; } = [];
        public List<RatioEntry> Ratios { get; set; } = [];
        public List<string> Untracked { get; set; } = [];
        public MarkerEntry Markers { get; set; } = new();
    }

    private sealed class MetricEntry
    {
        public string? Id { get; set; }
        public string? Description { get; set; }
        public List<string> Units { get; set; } = [];
        public string? Timing { get; set; }
        public string? Change { get; set; }
        public string? Cumulative { get; set; }
        public string? ChangeQoq { get; set; }
        public string? ChangePp { get; set; }
        public string? ChangePpQoq { get; set; }
        public string? Guidance { get; set; }
        public string? RangeLow { get; set; }
        public string? RangeHigh { get; set; }
        public string? Listing { get; set; }
        public string? Falling { get; set; }
        public List<string> Cues { get; set; } = [];
        public ContextEntry? Context { get; set; }
    }

    private sealed class ContextEntry
    {
        public List<string> Words { get; set; } = [];
        public List<string> Cues { get; set; } = [];
    }

    private sealed class RatioEntry
    {
        public string? Numerator { get; set; }
        public string? Denominator { get; set; }
        public string? Metric { get; set; }
    }

    private sealed class MarkerEntry
    {
        public List<string> Rise { get; set; } = [];
        public List<string> Fall { get; set; } = [];
        public List<string> Comparison { get; set; } = [];
        public List<string> Distributive { get; set; } = [];
        public List<string> Cumulative { get; set; } = [];
        public List<string> AsOf { get; set; } = [];
        public List<string> ListingDay { get; set; } = [];
        public List<string> SamePeriod { get; set; } = [];
        public List<string> Listing { get; set; } = [];
        public List<string> Ignore { get; set; } = [];
        public List<string> Qoq { get; set; } = [];
        public List<string> Yoy { get; set; } = [];
        public List<string> Guidance { get; set; } = [];
    }
}
