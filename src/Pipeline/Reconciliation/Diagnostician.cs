using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// Explains how every competing value relates to the chosen one: agreement within precision or bounds, a rounding
/// difference, a 10^k slip, a currency mix-up, a different basis (stated by a word near the figure, or equal to a
/// related metric), a figure that belongs to another period, or nothing found.
/// </summary>
internal sealed class Diagnostician(List<KeyGroup> groups, StatedRates rates, ReconcilerOptions options, Func<int, string> sourceName)
{
    private readonly Dictionary<(string, string), List<KeyGroup>> _byMetric = Index(groups);

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

    public void DiagnoseAll()
    {
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

    private static string ChoiceExplanation(KeyGroup g)
    {
        var h = g.ChosenCandidate;
        var sources = h.Members.Select(m => m.O.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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
                var basisText = MarkerDifference(c, h);
                return basisText is not null ? (Diagnosis.BasisDifference, basisText) : (Diagnosis.Unexplained, $"different value '{co.Text}' vs '{ho.Text}'.");
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

        var gap = c.Interval.Gap(h.Interval);
        var unitC = FiniteWidth(c.Interval);
        var unitH = FiniteWidth(h.Interval);
        var coarser = Math.Max(unitC, unitH);
        if (coarser > 0 && gap <= coarser)
            return (Diagnosis.Rounding, $"differs by {ValueFormat.Number(gap, 4)} {g.ReferenceUnit}, within one unit of the coarser written precision: a rounding difference.");

        var k = Agreement.SlipExponent(c.Interval, h.Interval);
        if (k != 0)
            return (Diagnosis.MagnitudeSlip, $"× 10^{k} it equals the chosen value: a magnitude slip ({SlipHint(k)}).");

        var markers = MarkerDifference(c, h);
        if (markers is not null) return (Diagnosis.BasisDifference, markers);

        if (c.EntityTestimonies.Length > 0) return (Diagnosis.EntityMismatch, EntityText(g, c));

        if (options.CrossKeyDiagnosis)
        {
            foreach (var (other, note) in options.Relations.BasisOf(g.Key.Metric))
                if (FindMatch(g.Key.Entity, other, m => m.Key.Period == g.Key.Period, c) is { } hit)
                    return (Diagnosis.BasisDifference, $"equals {other} for the same period ({Describe(hit)}): {note}.");

            var related = new List<string> { g.Key.Metric };
            if (options.Relations.CumulativeOf(g.Key.Metric) is { } cum) related.Add(cum);
            if (options.Relations.PartsOf(g.Key.Metric) is { } part && part != g.Key.Metric) related.Add(part);
            foreach (var metric in related)
                if (FindMatch(g.Key.Entity, metric, m => m.Key.Period != g.Key.Period, c) is { } hit)
                    return (Diagnosis.PeriodMismatch, $"equals {metric} for {hit.Group.PeriodLabel} ({Describe(hit)}): the figure seems attached to the wrong period.");
        }

        var rel = Agreement.RelativeGap(c.Interval, h.Interval);
        return (Diagnosis.Unexplained, $"differs from the chosen value by {rel:P1}; no rounding, slip, basis, period or currency explanation found.");
    }

    private string EntityText(KeyGroup g, WorkingCandidate c)
    {
        var parts = c.EntityTestimonies.Select(t =>
        {
            var source = sourceName(t.Witness);
            var own = g.Candidates.Where(x => x.Members.Any(m => m.Source == t.Witness)).Select(x => ValueFormat.WithUnit(x.Value ?? 0, x.Representative.O.Unit)).FirstOrDefault();
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

    private string? MarkerDifference(WorkingCandidate c, WorkingCandidate h)
    {
        var mc = Markers(c);
        var mh = Markers(h);
        if (mc.SetEquals(mh)) return null;
        var onlyC = mc.Except(mh).Order(StringComparer.Ordinal).ToList();
        var onlyH = mh.Except(mc).Order(StringComparer.Ordinal).ToList();
        var a = onlyC.Count > 0 ? string.Join(", ", onlyC) : "no basis stated";
        var b = onlyH.Count > 0 ? string.Join(", ", onlyH) : "no basis stated";
        return $"stated on another basis: this value {a}, the chosen one {b}.";
    }

    private HashSet<string> Markers(WorkingCandidate c)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in c.Members)
            foreach (var basis in options.Relations.BasisMarkers(Clause(m.O)))
                set.Add(basis);
        return set;
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
    private Match? FindMatch(string entity, string metric, Func<KeyGroup, bool> filter, WorkingCandidate c)
    {
        if (!_byMetric.TryGetValue((entity, metric), out var list)) return null;
        var co = c.Representative.O;
        if (co.Value is not { } cv || co.RangeEnd is not null || co.Qualifier is not (Qualifier.Exact or Qualifier.Approximate)) return null;
        var unit = co.Unit;
        var scanned = 0;
        foreach (var other in list)
        {
            if (!filter(other)) continue;
            if (++scanned > 200) break;
            foreach (var o in other.Observations)
            {
                if (!o.Numeric || o.O.Value is not { } ov || o.O.RangeEnd is not null || o.O.Qualifier is not (Qualifier.Exact or Qualifier.Approximate)) continue;
                if (!rates.TryConvert(o.RawInterval, o.O.Unit, unit, out var iv, out _)) continue;
                if (!rates.TryConvert(new ValueInterval(ov, ov), o.O.Unit, unit, out var point, out _)) continue;
                if (iv.Contains(cv) && c.Representative.RawInterval.Overlaps(point)) return new Match(other, o);
            }
        }
        return null;
    }

    private static string Describe(Match m) => $"{m.Observation.O.Source}: {ValueFormat.WithUnit(m.Observation.O.Value ?? 0, m.Observation.O.Unit)}";
}
