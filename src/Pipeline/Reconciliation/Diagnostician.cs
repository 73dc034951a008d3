using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// Explains how every competing value relates to the chosen one: agreement within precision or bounds, a rounding
/// difference, a 10^k slip, a currency mix-up, a different basis (stated by a word near the figure, or equal to a
/// related metric), a figure that belongs to another period, or nothing found.
/// </summary>
internal sealed class Diagnostician(List<KeyGroup> groups, StatedRates rates, ReconcilerOptions options, Func<int, string> sourceName, double[] trust)
{
    private readonly Dictionary<(string, string), List<KeyGroup>> _byMetric = Index(groups);
    private SourceRecord _record = SourceRecord.Empty;
    private readonly Dictionary<KeyGroup, PreparedObservation[]> _probes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Groups by (entity, metric), every segment and basis together; callers filter on the key's segment and basis.</summary>
    internal static Dictionary<(string, string), List<KeyGroup>> Index(List<KeyGroup> groups)
    {
        var d = new Dictionary<(string, string), List<KeyGroup>>();
        foreach (var g in groups)
        {
            if (!d.TryGetValue((g.Key.Entity, g.Key.Metric), out var list)) d[(g.Key.Entity, g.Key.Metric)] = list = [];
            list.Add(g);
        }
        return d;
    }

    /// <summary>Same segment and basis: the only keys a figure may be compared with as "the same thing".</summary>
    internal static bool SameSlice(FactKey a, FactKey b) => a.Segment == b.Segment && a.Basis == b.Basis;

    public void DiagnoseAll()
    {
        _record = SourceRecord.Of(groups);
        foreach (var g in groups)
        {
            var h = g.ChosenCandidate;
            h.Diagnosis = Diagnosis.None;
            h.Explanation = ChoiceExplanation(g);
            foreach (var c in g.Candidates)
            {
                if (ReferenceEquals(c, h)) continue;
                var (d, why) = Diagnose(g, c, h);
                c.Diagnosis = d;
                c.Explanation = why;
            }
        }
    }

    private string ChoiceExplanation(KeyGroup g)
    {
        var h = g.ChosenCandidate;
        // Sources are numbered in the ordinal order of their names: by number is by name.
        var sources = h.SourceIds.Order().Select(sourceName).ToList();
        if (g.Candidates.Length == 1)
            return sources.Count == 1 ? $"only value, stated by {sources[0]}." : $"only value, stated by {sources.Count} sources ({string.Join(", ", sources.Take(5))}{(sources.Count > 5 ? ", …" : "")}).";
        var runnerUp = g.Candidates.Where(c => !ReferenceEquals(c, h)).Max(c => c.Score);
        var tie = Math.Abs(runnerUp - h.Score) <= 1e-9 * (1 + Math.Abs(h.Score));
        var basis = tie
            ? "equal support; preferred as the exact / most precise writing"
            : h.Score > runnerUp
                ? $"largest reliability-weighted support ({h.Score:0.###} vs {runnerUp:0.###})"
                : $"weighted support {h.Score:0.###} (best rival {runnerUp:0.###}), overruled by the check above";
        var discounted = g.Candidates.Where(c => c.DependenceNote.Length > 0).Select(c => $"for {(c.Value is { } v ? ValueFormat.WithUnit(v, c.Representative.O.Unit) : $"'{c.Representative.O.Text}'")}, {c.DependenceNote}").ToList();
        var copies = discounted.Count == 0 ? "" : $" Copy detection: {string.Join("; ", discounted)}.";
        return $"chosen: {basis}; stated by {string.Join(", ", sources.Take(5))}{(sources.Count > 5 ? ", …" : "")}.{copies}";
    }

    private (Diagnosis, string) Diagnose(KeyGroup g, WorkingCandidate c, WorkingCandidate h)
    {
        var co = c.Representative.O;
        var ho = h.Representative.O;
        if (!c.Numeric || !h.Numeric)
        {
            if (!c.Numeric && !h.Numeric)
            {
                return MarkerDifference(c, h) ?? (Diagnosis.Unexplained, $"different value '{co.Text}' vs '{ho.Text}'.");
            }
            return (Diagnosis.Unexplained, "one value is text, the other a number.");
        }

        if (!c.InReferenceUnit || !h.InReferenceUnit)
        {
            if (c.Representative.RawInterval.Overlaps(h.Representative.RawInterval))
                return (Diagnosis.CurrencyMismatch, $"same figure in {co.Unit} and {ho.Unit}; the articles state no conversion between them, so one unit is likely wrong.");
            return (Diagnosis.Unexplained, $"{co.Unit} and {ho.Unit} cannot be compared: no conversion between them is stated in the sources.");
        }

        if (c.Interval.Overlaps(h.Interval))
            return (Diagnosis.None, AgreementText(c, h));

        if (co.Unit != ho.Unit && c.Representative.RawInterval.Overlaps(h.Representative.RawInterval))
            return (Diagnosis.CurrencyMismatch, $"same digits as the chosen value but in {co.Unit} instead of {ho.Unit} ({c.Representative.ConversionNote}).");

        var k = Agreement.SlipExponent(c.Interval, h.Interval);
        if (k != 0)
            return (Diagnosis.MagnitudeSlip, $"× 10^{k} it equals the chosen value: a magnitude slip ({SlipHint(k)}).");

        var markers = MarkerDifference(c, h);
        if (markers is not null) return markers.Value;

        if (c.EntityTestimonies.Length > 0) return (Diagnosis.EntityMismatch, EntityText(g, c));

        if (options.CrossKeyDiagnosis && CrossKey(g, c) is { } cross) return cross;

        var gap = c.Interval.Gap(h.Interval);
        var coarser = Math.Max(FiniteWidth(c.Interval), FiniteWidth(h.Interval));
        if (coarser > 0 && gap <= coarser / 2)
            return (Diagnosis.Rounding, $"differs by {ValueFormat.Number(gap, 4)} {g.ReferenceUnit}: outside the written precision of both, but within one unit of the coarser: a truncated or mis-rounded figure.");

        if (DigitSlip.Explain(co, ho) is { } slip) return (Diagnosis.DigitSlip, slip);

        if (Invented(g, c) is { } invented) return (Diagnosis.Invented, invented);

        var rel = Agreement.RelativeGap(c.Interval, h.Interval);
        return (Diagnosis.Unexplained, $"differs from the chosen value by {rel:P1}; no rounding, slip, basis, timestamp, segment, period or currency explanation found.");
    }

    /// <summary>Explanations from other keys: the figure equals this metric on another basis (a related metric, or the same
    /// metric under another basis), another segment or the group, another period (earlier: stale).</summary>
    private (Diagnosis, string)? CrossKey(KeyGroup g, WorkingCandidate c)
    {
        var key = g.Key;
        foreach (var (other, note) in options.Relations.BasisOf(key.Metric))
            if (FindMatch(key, other, static (m, k) => m.Period == k.Period && SameSlice(m, k), c) is { } hit)
                return (options.Relations.IsTimestamp(key.Metric, other) ? Diagnosis.Timestamp : Diagnosis.BasisDifference,
                    $"equals {other} for the same period ({Describe(hit)}): {note}.");

        // A stated equivalent restates a figure in another currency: it is no other basis.
        if (FindMatch(key, key.Metric, static (m, k) => m.Period == k.Period && m.Segment == k.Segment && m.Basis != k.Basis
                                                   && m.Basis != Facts.Bases.StatedEquivalent && k.Basis != Facts.Bases.StatedEquivalent, c) is { } basisHit)
            return (Diagnosis.BasisDifference,
                $"equals the {Basis(basisHit.Group.Key.Basis)} figure for the same period ({Describe(basisHit)}): stated on another basis.");

        if (FindMatch(key, key.Metric, static (m, k) => m.Period == k.Period && m.Basis == k.Basis && m.Segment != k.Segment, c) is { } segmentHit)
            return (Diagnosis.SegmentMismatch,
                $"equals {(segmentHit.Group.Key.Segment.Length == 0 ? "the whole company's figure" : $"the {segmentHit.Group.Key.Segment} segment's figure")} " +
                $"for the same period ({Describe(segmentHit)}): {(key.Segment.Length == 0 ? "a segment's figure given for the group" : "another part's figure")}.");

        for (var r = 0; r < 3; r++)
            if (Related(key.Metric, r) is { } metric && FindMatch(key, metric, static (m, k) => m.Period != k.Period && SameSlice(m, k), c) is { } hit)
            {
                var earlier = ReportingPeriod.TryParseIso(hit.Group.Key.Period, out var hp) && ReportingPeriod.TryParseIso(key.Period, out var kp) && hp.End < kp.Start;
                return earlier
                    ? (Diagnosis.StalePeriod, $"equals {metric} for the earlier period {hit.Group.PeriodLabel} ({Describe(hit)}): a stale figure (the base period's value given as current).")
                    : (Diagnosis.PeriodMismatch, $"equals {metric} for {hit.Group.PeriodLabel} ({Describe(hit)}): the figure seems attached to the wrong period.");
            }

        foreach (var (other, note) in options.Relations.BasisOf(key.Metric))
            if (FindMatch(key, other, static (m, k) => m.Period != k.Period && SameSlice(m, k), c) is { } hit)
                return (options.Relations.IsTimestamp(key.Metric, other) ? Diagnosis.Timestamp : Diagnosis.BasisDifference,
                    $"equals {other} for {hit.Group.PeriodLabel} ({Describe(hit)}): {note}, taken at another time.");
        return null;
    }

    /// <summary>The metrics whose value for another period a figure may be (by <paramref name="which"/>, 0-2): the metric
    /// itself, its cumulative form and the whole it is a part of. Asked one at a time, not as a list: the diagnosis asks
    /// for every value no other explanation fits, thousands in a large batch.</summary>
    private string? Related(string metric, int which) => which switch
    {
        0 => metric,
        1 => options.Relations.CumulativeOf(metric),
        _ => options.Relations.PartsOf(metric) is { } part && part != metric ? part : null,
    };

    private static string Basis(string basis) => basis.Length == 0 ? "reported" : basis;

    /// <summary>A value whose every source loses on every other contested key it speaks to.</summary>
    private string? Invented(KeyGroup g, WorkingCandidate c)
    {
        var sources = c.SourceIds;
        List<string>? parts = null;
        foreach (var s in sources)
        {
            var (won, lost) = _record.Elsewhere(s, g);
            if (lost < 2 || won > 0) return null;
            (parts ??= []).Add($"{sourceName(s)} disagrees with the consensus on all {lost} other contested keys it states (reliability {trust[s]:0.00})");
        }
        return parts is null ? null : string.Join("; ", parts) + ": the figure is likely invented or garbled.";
    }

    private string EntityText(KeyGroup g, WorkingCandidate c)
    {
        var parts = c.EntityTestimonies.Select(t =>
        {
            var source = sourceName(t.Witness);
            var own = g.Candidates.Where(x => x.SourceIds.Contains(t.Witness)).Select(x => ValueFormat.WithUnit(x.Value ?? 0, x.Representative.O.Unit)).FirstOrDefault();
            return $"{source} gives this figure to {t.OtherEntity}{(own is null ? "" : $" and {own} to {g.Key.Entity}")} (chance of a coincidence {t.Coincidence:P1})";
        });
        var kept = c.Discount < 1 ? $"; its sources' weight counted at {c.Discount:P0}" : "";
        return $"{string.Join("; ", parts)}: the figure seems attached to the wrong entity{kept}.";
    }

    private static decimal FiniteWidth(ValueInterval iv) => iv.Width == decimal.MaxValue ? 0 : iv.Width;

    private static string SlipHint(int k) => Math.Abs(k) switch
    {
        4 => "万 vs 亿",
        1 => "one digit place",
        2 => "百 vs 万 or a percentage read as a fraction",
        3 => "千 vs 百万",
        _ => $"{Math.Abs(k)} decimal places",
    };

    private static string AgreementText(WorkingCandidate c, WorkingCandidate h)
    {
        var co = c.Representative.O;
        if (co.Qualifier is not (Qualifier.Exact or Qualifier.Approximate))
            return $"the bound {co.Qualifier.ToSymbol()} {ValueFormat.WithUnit(co.Value!.Value, co.Unit)} holds for the chosen value.";
        if (co.Unit != h.Representative.O.Unit)
            return $"agrees after conversion ({c.Representative.ConversionNote}).";
        if (co.Value == h.Representative.O.Value) return "same value, written differently.";
        return co.Qualifier == Qualifier.Approximate
            ? "approximate figure consistent with the chosen value."
            : "agrees at the coarser written precision (rounding).";
    }

    private (Diagnosis, string)? MarkerDifference(WorkingCandidate c, WorkingCandidate h)
    {
        var mc = Markers(c);
        var mh = Markers(h);
        if (mc.SetEquals(mh)) return null;
        var onlyC = mc.Except(mh).Order(StringComparer.Ordinal).ToList();
        var onlyH = mh.Except(mc).Order(StringComparer.Ordinal).ToList();
        var a = onlyC.Count > 0 ? string.Join(", ", onlyC) : "no basis stated";
        var b = onlyH.Count > 0 ? string.Join(", ", onlyH) : "no basis stated";
        var timestamp = onlyC.Concat(onlyH).All(options.Relations.IsTimestampMarker);
        return (timestamp ? Diagnosis.Timestamp : Diagnosis.BasisDifference,
            timestamp ? $"taken at another time: this value {a}, the chosen one {b}." : $"stated on another basis: this value {a}, the chosen one {b}.");
    }

    private IReadOnlySet<string> Markers(WorkingCandidate c) => c.Markers ??= MarkersOf(c, options);

    /// <summary>What a candidate whose clauses state no basis holds (most do; one set for all of them).</summary>
    private static readonly HashSet<string> NoMarkers = [];

    /// <summary>The basis markers the clauses of a candidate's members state (read when the key is built, kept when its
    /// members are detached).</summary>
    internal static IReadOnlySet<string> MarkersOf(WorkingCandidate c, ReconcilerOptions options)
    {
        HashSet<string>? set = null;
        foreach (var m in c.Members)
            foreach (var basis in options.Relations.BasisMarkers(Clause(m.O)))
                (set ??= new HashSet<string>(StringComparer.Ordinal)).Add(basis);
        return set ?? NoMarkers;
    }

    /// <summary>The clause of the quote that holds the figure as written (the whole quote when it cannot be found).</summary>
    internal static string Clause(Observation o)
    {
        var quote = o.Quote;
        if (string.IsNullOrEmpty(quote) || string.IsNullOrEmpty(o.Text)) return quote;
        var at = ValueFormat.IndexOfFigure(quote, o.Text);
        if (at < 0) return quote;
        var start = quote.LastIndexOfAny(ClauseBreaks, Math.Max(0, at - 1)) + 1;
        if (at == 0) start = 0;
        var end = quote.IndexOfAny(ClauseBreaks, at + o.Text.Length);
        return quote[start..(end < 0 ? quote.Length : end)];
    }

    private static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '。', '！', '？', '\n'];

    private sealed record Match(KeyGroup Group, PreparedObservation Observation);

    /// <summary>An observation of another key that states the same figure: each value lies within the other's written
    /// precision (bounds and ranges never match: they are too loose to identify a figure).</summary>
    /// <param name="key">The key diagnosed: its entity's keys for <paramref name="metric"/> are searched, those for which
    /// <paramref name="filter"/>(their key, <paramref name="key"/>) holds (a static lambda: nothing allocated per call).</param>
    private Match? FindMatch(FactKey key, string metric, Func<FactKey, FactKey, bool> filter, WorkingCandidate c)
    {
        if (!_byMetric.TryGetValue((key.Entity, metric), out var list)) return null;
        var co = c.Representative.O;
        if (co.Value is not { } cv || co.RangeEnd is not null || co.Qualifier is not (Qualifier.Exact or Qualifier.Approximate)) return null;
        var unit = co.Unit;
        var scanned = 0;
        foreach (var other in list)
        {
            if (!filter(other.Key, key)) continue;
            if (++scanned > 200) break;
            foreach (var o in Probes(other))
            {
                var ov = o.O.Value!.Value;
                if (!rates.TryConvert(o.RawInterval, o.O.Unit, unit, out var iv, out _)) continue;
                if (!rates.TryConvert(new ValueInterval(ov, ov), o.O.Unit, unit, out var point, out _)) continue;
                if (iv.Contains(cv) && c.Representative.RawInterval.Overlaps(point)) return new Match(other, o);
            }
        }
        return null;
    }

    /// <summary>The observations of a group that can match a figure (numeric, one value, exact or approximate), one
    /// per distinct value, interval and unit, in their first order: the match test reads only those, so the first match
    /// is the same as over every observation, and a key that many documents repeat is scanned once per value.</summary>
    private PreparedObservation[] Probes(KeyGroup g)
    {
        if (_probes.TryGetValue(g, out var probes)) return probes;
        var seen = new HashSet<(decimal, ValueInterval, Unit)>();
        var list = new List<PreparedObservation>();
        foreach (var o in g.Writings)
            if (o.Numeric && o.O.Value is { } v && o.O.RangeEnd is null && (o.O.Qualifier is Qualifier.Exact or Qualifier.Approximate)
                && seen.Add((v, o.RawInterval, o.O.Unit)))
                list.Add(o);
        return _probes[g] = list.ToArray();
    }

    private string Describe(Match m) => $"{m.Observation.O.Source}: {ValueFormat.WithUnit(m.Observation.O.Value ?? 0, m.Observation.O.Unit)}";
}
