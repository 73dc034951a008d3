using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// Arithmetic relations across facts, evaluated with interval arithmetic on the written precision: parts against
/// totals, prices against the issue price and stated change, shares × price against proceeds, ratios against the two
/// figures they relate, and the exchange rate every stated currency pair implies. A check that fails with the voted
/// values but passes when exactly one competing value is used instead decides that conflict.
/// </summary>
internal sealed class ArithmeticChecker(List<KeyGroup> groups, StatedRates rates, ReconcilerOptions options)
{
    private readonly Dictionary<(string, string), List<KeyGroup>> _byMetric = Diagnostician.Index(groups);
    private readonly List<ArithmeticCheck> _checks = [];

    /// <summary>One input of a check: a fact and the unit its value is needed in.</summary>
    private sealed record Input(KeyGroup Group, Unit Unit);

    /// <summary>A relation to evaluate: the inputs (target last) and how to compute the target from the others.</summary>
    private sealed record Spec(string Kind, string Description, Input[] Inputs, Func<ValueInterval[], ValueInterval?> Compute, string Formula);

    public List<ArithmeticCheck> Run()
    {
        PartsAgainstTotals();
        SegmentsAgainstGroup();
        Changes();
        Products();
        Ratios();
        ExchangeRates();
        return _checks;
    }

    // ---- relations -------------------------------------------------------------------------------------------

    private void PartsAgainstTotals()
    {
        foreach (var total in groups)
        {
            var partMetric = options.Relations.PartsOf(total.Key.Metric);
            if (partMetric is null || !ReportingPeriod.TryParseIso(total.Key.Period, out var span) || span.IsDay) continue;
            if (!_byMetric.TryGetValue((total.Key.Entity, partMetric), out var candidates)) continue;
            var parts = new List<(KeyGroup Group, ReportingPeriod Period)>();
            foreach (var g in candidates)
                if (!ReferenceEquals(g, total) && Diagnostician.SameSlice(g.Key, total.Key) && ReportingPeriod.TryParseIso(g.Key.Period, out var p) && span.Contains(p) && p != span && g.ChosenCandidate.Numeric)
                    parts.Add((g, p));
            var tiling = Tiling(span, parts);
            if (tiling is null || tiling.Count < 2) continue;
            var unit = total.ReferenceUnit;
            var inputs = tiling.Select(t => new Input(t.Group, unit)).Append(new Input(total, unit)).ToArray();
            var formula = string.Join(" + ", tiling.Select(t => $"{partMetric}[{t.Group.PeriodLabel}]")) + $" = {total.Key.Metric}[{total.PeriodLabel}]";
            Evaluate(new Spec("parts-total", $"{total.Key.Entity}: {partMetric} over {total.PeriodLabel} adds up to the stated total", inputs,
                v => v.Aggregate((a, b) => a + b), formula));
        }
    }

    private void Changes()
    {
        foreach (var rel in options.Relations.Changes)
            foreach (var pct in groups.Where(g => g.Key.Metric == rel.Change && g.ChosenCandidate.Numeric))
            {
                var price = Find(pct.Key, rel.Price, pct.Key.Period);
                // The base (the issue price) is a deal term: the whole offering, as reported.
                var baseGroup = _byMetric.TryGetValue((pct.Key.Entity, rel.Base), out var bases)
                    ? bases.FirstOrDefault(b => b.ChosenCandidate.Numeric && b.Key.Segment.Length == 0 && b.Key.Basis.Length == 0) : null;
                if (price is null || baseGroup is null) continue;
                var unit = price.ReferenceUnit;
                Evaluate(new Spec("price-change", $"{pct.Key.Entity}: {rel.Price} on {pct.PeriodLabel} against {rel.Base} and the stated change",
                    [new Input(baseGroup, unit), new Input(pct, Unit.Percent), new Input(price, unit)],
                    v => v[0] * (new ValueInterval(1, 1) + v[1].Scale(0.01m)),
                    $"{rel.Base} × (1 + {rel.Change}/100) = {rel.Price}"));
            }
    }

    private void Products()
    {
        foreach (var rel in options.Relations.Products)
            foreach (var total in groups.Where(g => g.Key.Metric == rel.Total && g.ChosenCandidate.Numeric))
            {
                var left = Find(total.Key, rel.Left, total.Key.Period) ?? Only(total.Key, rel.Left);
                var right = Find(total.Key, rel.Right, total.Key.Period) ?? Only(total.Key, rel.Right);
                if (left is null || right is null) continue;
                Evaluate(new Spec("product", $"{total.Key.Entity}: {rel.Left} × {rel.Right} against {rel.Total}",
                    [new Input(left, left.ReferenceUnit), new Input(right, total.ReferenceUnit), new Input(total, total.ReferenceUnit)],
                    v => v[0] * v[1], $"{rel.Left} × {rel.Right} = {rel.Total}"));
            }
    }

    private void Ratios()
    {
        foreach (var rel in options.Relations.Ratios)
            foreach (var ratio in groups.Where(g => g.Key.Metric == rel.Ratio && g.ChosenCandidate.Numeric))
            {
                var num = Find(ratio.Key, rel.Numerator, ratio.Key.Period);
                var den = Find(ratio.Key, rel.Denominator, ratio.Key.Period);
                if (num is null || den is null) continue;
                var unit = den.ReferenceUnit;
                Evaluate(new Spec("ratio", $"{ratio.Key.Entity}: {rel.Ratio} for {ratio.PeriodLabel} against {rel.Numerator} / {rel.Denominator}",
                    [new Input(num, unit), new Input(den, unit), new Input(ratio, Unit.Percent)],
                    v => ValueInterval.Divide(v[0], v[1]) is { } q ? q.Scale(100m) : null,
                    $"{rel.Numerator} / {rel.Denominator} × 100 = {rel.Ratio}"));
            }
    }

    /// <summary>One check per distinct stated pair (the same amounts stated by several sources or documents are one
    /// statement), against the median of every rate stated for that currency pair, computed once per pair.</summary>
    private void ExchangeRates()
    {
        foreach (var pair in rates.All.GroupBy(r => (r.From, r.To)))
        {
            var (from, to) = pair.Key;
            var median = rates.Median(from, to)!.Value;
            var n = rates.RatesFor(from, to).Count;
            const decimal tol = 0.02m;
            var band = new ValueInterval(median * (1 - tol), median * (1 + tol));
            foreach (var statement in pair.GroupBy(r => (r.Key, r.Amount, r.Equivalent)))
            {
                var r = statement.First();
                var passed = r.Bounds.Overlaps(band);
                var sources = string.Join(", ", statement.Select(x => x.Source).Distinct().Order(StringComparer.Ordinal));
                var times = statement.Count() > 1 ? $", stated {statement.Count()} times" : "";
                var detail = $"{ValueFormat.WithUnit(r.Amount, from)} stated as {ValueFormat.WithUnit(r.Equivalent, to)} implies 1 {from} = {StatedRates.F(r.Rate, 4)} {to} " +
                             $"(written precision allows {StatedRates.F(r.Bounds.Low, 4)}..{StatedRates.F(r.Bounds.High, 4)}); median of {n} stated rate(s): {StatedRates.F(median, 4)}" +
                             (passed ? "." : $"; more than {tol:P0} away: one of the two amounts is likely wrong.") + $" [{sources}{times}]";
                _checks.Add(new ArithmeticCheck("exchange-rate", $"{r.Key.Entity}: implied {from}/{to} rate of {r.Key.Metric} {Label(r.Key)}", passed, [r.Key], detail));
            }
        }
    }

    private static string Label(FactKey key) => ReportingPeriod.TryParseIso(key.Period, out var p) ? p.Label : key.Period;

    // ---- evaluation ------------------------------------------------------------------------------------------

    private void Evaluate(Spec spec)
    {
        var n = spec.Inputs.Length;
        var choice = spec.Inputs.Select(i => i.Group.Chosen).ToArray();
        var result = Test(spec, choice, out var computed, out var stated);
        if (result is null) return;
        var facts = spec.Inputs.Select(i => i.Group.Key).ToList();
        var values = Values(spec, choice);
        if (result == true)
        {
            Confirm(spec, choice);
            _checks.Add(new ArithmeticCheck(spec.Kind, spec.Description, true, facts,
                $"{spec.Formula}: {values}; computed {ValueFormat.Interval(computed, spec.Inputs[^1].Unit)}, stated {ValueFormat.Interval(stated, spec.Inputs[^1].Unit)}."));
            return;
        }

        // Which single substitutions make it pass?
        var passing = new List<(int Input, int Candidate)>();
        for (var i = 0; i < n; i++)
        {
            var g = spec.Inputs[i].Group;
            if (spec.Inputs.Take(i).Any(x => ReferenceEquals(x.Group, g))) continue;
            for (var j = 0; j < g.Candidates.Length; j++)
            {
                if (j == choice[i] || !Independent(spec, g.Candidates[j])) continue;
                var alt = (int[])choice.Clone();
                for (var m = 0; m < n; m++) if (ReferenceEquals(spec.Inputs[m].Group, g)) alt[m] = j;
                if (Test(spec, alt, out _, out _) == true) passing.Add((i, j));
            }
        }
        var baseDetail = $"{spec.Formula}: {values}; computed {ValueFormat.Interval(computed, spec.Inputs[^1].Unit)}, stated {ValueFormat.Interval(stated, spec.Inputs[^1].Unit)}.";
        if (passing.Count == 1)
        {
            var (i, j) = passing[0];
            var g = spec.Inputs[i].Group;
            var before = g.ChosenCandidate;
            g.Chosen = j;
            var now = g.ChosenCandidate;
            g.ChoiceReason = $"Decided by the {spec.Kind} check ({spec.Formula}): only this value makes it hold; the vote favoured {ValueFormat.Candidate(ToCandidate(before))}.";
            var after = spec.Inputs.Select(x => x.Group.Chosen).ToArray();
            Test(spec, after, out var c2, out var s2);
            _checks.Add(new ArithmeticCheck(spec.Kind, spec.Description, true, facts,
                $"Fails with the voted values ({baseDetail}) but holds with {ValueFormat.Candidate(ToCandidate(now))} for {g.Key.Metric} {g.PeriodLabel}, " +
                $"which is therefore chosen: {Values(spec, after)}; computed {ValueFormat.Interval(c2, spec.Inputs[^1].Unit)}, stated {ValueFormat.Interval(s2, spec.Inputs[^1].Unit)}."));
            return;
        }

        var extra = passing.Count > 1 ? $" It would hold with any of {passing.Count} other values, so it decides nothing." : "";
        extra += SameSourceExplanation(spec);
        var target = spec.Inputs[^1].Group;
        if (spec.Kind == "parts-total" && target.Candidates.Length == 1 && OtherPeriod(target) is { } hit)
        {
            target.ChosenDiagnosis = Diagnosis.PeriodMismatch;
            target.ChosenNote = $"The stated total does not add up over {target.PeriodLabel} but equals {target.Key.Metric} for {hit}: a figure attached to the wrong span.";
            extra += $" The total equals {target.Key.Metric} for {hit}: likely the wrong span.";
        }
        _checks.Add(new ArithmeticCheck(spec.Kind, spec.Description, false, facts, "FAILS. " + baseDetail + extra));
    }

    /// <summary>A check is evidence for a value only when the stated figure it is checked against comes from another
    /// source: an article's total computed from its own (wrong) parts proves nothing about them.</summary>
    private static bool Independent(Spec spec, WorkingCandidate candidate)
    {
        var target = spec.Inputs[^1].Group;
        var witnesses = target.ChosenCandidate.SourceIds.ToHashSet();
        if (ReferenceEquals(candidate, target.ChosenCandidate) || target.Candidates.Contains(candidate))
        {
            witnesses = spec.Inputs.Take(spec.Inputs.Length - 1).SelectMany(x => x.Group.ChosenCandidate.SourceIds).ToHashSet();
        }
        return candidate.SourceIds.Any(s => !witnesses.Contains(s));
    }

    /// <summary>When the check passes, note on each conflicting input that the check rules out its rivals.</summary>
    private void Confirm(Spec spec, int[] choice)
    {
        for (var i = 0; i < spec.Inputs.Length; i++)
        {
            var g = spec.Inputs[i].Group;
            if (g.Candidates.Length < 2 || g.ChoiceReason.Length > 0) continue;
            var failing = 0;
            for (var j = 0; j < g.Candidates.Length; j++)
            {
                if (j == choice[i]) continue;
                var alt = (int[])choice.Clone();
                for (var m = 0; m < spec.Inputs.Length; m++) if (ReferenceEquals(spec.Inputs[m].Group, g)) alt[m] = j;
                if (Test(spec, alt, out _, out _) == false) failing++;
            }
            if (failing > 0) g.ChoiceReason = $"Confirmed by the {spec.Kind} check ({spec.Formula}), which {failing} competing value(s) fail.";
        }
    }

    /// <summary>For a failing total, whether the total's own source used figures that do add up.</summary>
    private string SameSourceExplanation(Spec spec)
    {
        if (spec.Kind != "parts-total") return "";
        var target = spec.Inputs[^1].Group;
        var source = target.ChosenCandidate.Representative.Source;
        var sourceName = target.ChosenCandidate.Representative.O.Source;
        var options = new List<int[]>();
        var per = new List<int>[spec.Inputs.Length];
        long combos = 1;
        for (var i = 0; i < spec.Inputs.Length; i++)
        {
            var g = spec.Inputs[i].Group;
            per[i] = i == spec.Inputs.Length - 1
                ? [g.Chosen]
                : Enumerable.Range(0, g.Candidates.Length).Where(j => g.Candidates[j].SourceIds.Contains(source)).ToList();
            if (per[i].Count == 0) return "";
            combos *= per[i].Count;
            if (combos > 256) return "";
        }
        var pick = new int[spec.Inputs.Length];
        for (long k = 0; k < combos; k++)
        {
            var r = k;
            for (var i = 0; i < pick.Length; i++) { pick[i] = per[i][(int)(r % per[i].Count)]; r /= per[i].Count; }
            if (Test(spec, pick, out _, out _) == true)
            {
                var usesRejected = pick.Take(pick.Length - 1).Select((j, i) => j != spec.Inputs[i].Group.Chosen).Any(x => x);
                return usesRejected
                    ? $" {sourceName}'s own figures add up to its total ({Values(spec, pick)}): the total was computed from the values rejected here."
                    : "";
            }
        }
        return "";
    }

    private string? OtherPeriod(KeyGroup target)
    {
        if (!_byMetric.TryGetValue((target.Key.Entity, target.Key.Metric), out var list)) return null;
        var c = target.ChosenCandidate;
        foreach (var other in list)
        {
            if (ReferenceEquals(other, target) || !other.ChosenCandidate.Numeric || !Diagnostician.SameSlice(other.Key, target.Key)) continue;
            foreach (var o in other.Writings)
                if (o.Numeric && rates.TryConvert(o.RawInterval, o.O.Unit, c.Representative.O.Unit, out var iv, out _) && iv.Overlaps(c.Representative.RawInterval))
                    return $"{other.PeriodLabel} ({o.O.Source}: {ValueFormat.Candidate(ToCandidate(other.ChosenCandidate))})";
        }
        return null;
    }

    /// <summary>True/false when the relation can be evaluated, null when units or values do not allow it.</summary>
    private bool? Test(Spec spec, int[] choice, out ValueInterval computed, out ValueInterval stated)
    {
        computed = stated = default;
        var n = spec.Inputs.Length;
        var values = new ValueInterval[n - 1];
        for (var i = 0; i < n; i++)
        {
            var c = spec.Inputs[i].Group.Candidates[choice[i]];
            if (!c.Numeric) return null;
            var o = c.Representative;
            if (!rates.TryConvert(o.RawInterval, o.O.Unit, spec.Inputs[i].Unit, out var iv, out _))
            {
                if (!o.O.Unit.IsEmpty && !spec.Inputs[i].Unit.IsEmpty && !o.O.Unit.IsCount) return null;
                iv = o.RawInterval;
            }
            if (i < n - 1) values[i] = iv; else stated = iv;
        }
        if (spec.Compute(values) is not { } result) return null;
        computed = result;
        var slack = (decimal)options.CheckTolerance * Math.Max(Magnitude(stated), Magnitude(computed));
        var widened = new ValueInterval(ValueInterval.SafeAdd(stated.Low, -slack), ValueInterval.SafeAdd(stated.High, slack));
        return widened.Overlaps(computed);
    }

    private static decimal Magnitude(ValueInterval iv) =>
        Math.Max(iv.Low == decimal.MinValue ? 0 : Math.Abs(iv.Low), iv.High == decimal.MaxValue ? 0 : Math.Abs(iv.High));

    private static string Values(Spec spec, int[] choice) =>
        string.Join(", ", spec.Inputs.Select((x, i) => $"{x.Group.Key.Metric}[{x.Group.PeriodLabel}] {ValueFormat.Candidate(ToCandidate(x.Group.Candidates[choice[i]]))}"));

    internal static Candidate ToCandidate(WorkingCandidate c)
    {
        var o = c.Representative.O;
        return new Candidate(o.Value, o.Text, o.Unit, o.Qualifier, [o]);
    }

    /// <summary>The fact of <paramref name="metric"/> for the same entity, segment and basis as <paramref name="like"/>, on <paramref name="period"/>.</summary>
    private KeyGroup? Find(FactKey like, string metric, string period) =>
        _byMetric.TryGetValue((like.Entity, metric), out var list)
            ? list.FirstOrDefault(g => g.Key.Period == period && Diagnostician.SameSlice(g.Key, like) && g.ChosenCandidate.Numeric) : null;

    private KeyGroup? Only(FactKey like, string metric)
    {
        if (!_byMetric.TryGetValue((like.Entity, metric), out var all)) return null;
        var list = all.Where(g => Diagnostician.SameSlice(g.Key, like)).Take(2).ToList();
        return list.Count == 1 && list[0].ChosenCandidate.Numeric ? list[0] : null;
    }

    /// <summary>
    /// Segments against the group: the segment figures of an additive metric for one period and basis add up to the
    /// group's. Segment lists in articles are often partial or nested (a group and its sub-lines), so the check is made
    /// only when the segments could be the whole: three or more of them, none larger than the group, summing to within
    /// <see cref="SegmentNearMiss"/> of it. Then a match passes and a near miss fails (one figure of a complete list is wrong).
    /// </summary>
    private void SegmentsAgainstGroup()
    {
        foreach (var total in groups)
        {
            if (total.Key.Segment.Length > 0 || !total.ChosenCandidate.Numeric || options.Relations.PartsOf(total.Key.Metric) != total.Key.Metric) continue;
            if (!_byMetric.TryGetValue((total.Key.Entity, total.Key.Metric), out var list)) continue;
            var parts = list.Where(g => g.Key.Segment.Length > 0 && g.Key.Period == total.Key.Period && g.Key.Basis == total.Key.Basis && g.ChosenCandidate.Numeric)
                .ToList();
            if (parts.Count < 2) continue;
            var unit = total.ReferenceUnit;
            decimal sum = 0;
            var ok = true;
            foreach (var p in parts)
            {
                var c = p.ChosenCandidate.Representative;
                if (!rates.TryConvert(c.RawInterval, c.O.Unit, unit, out var iv, out _) || iv.Width == decimal.MaxValue) { ok = false; break; }
                sum += iv.Low / 2 + iv.High / 2;
            }
            var t = total.ChosenCandidate.Representative;
            if (!ok || !rates.TryConvert(t.RawInterval, t.O.Unit, unit, out var tiv, out _) || tiv.Width == decimal.MaxValue) continue;
            var tmid = tiv.Low / 2 + tiv.High / 2;
            if (tmid <= 0) continue;
            var miss = Math.Abs((double)(sum - tmid) / (double)tmid);
            var tol = options.CheckTolerance + (double)(tiv.Width / tmid);
            var pass = miss <= tol;
            if (!pass && (parts.Count < 3 || miss > SegmentNearMiss || parts.Any(p => p.ChosenCandidate.Magnitude > tiv.High))) continue;
            var inputs = parts.Select(p => new Input(p, unit)).Append(new Input(total, unit)).ToArray();
            var formula = string.Join(" + ", parts.Select(p => $"[{p.Key.Segment}]")) + $" = {total.Key.Metric} (whole company)";
            Evaluate(new Spec("segments-total", $"{total.Key.Entity}: {total.Key.Metric} of the segments over {total.PeriodLabel} adds up to the group's", inputs,
                v => v.Aggregate((a, b) => a + b), formula));
        }
    }

    /// <summary>Largest relative miss at which a segment sum that does not match still counts as a check (a complete list
    /// with one wrong figure) rather than a partial list.</summary>
    private const double SegmentNearMiss = 0.10;

    /// <summary>Parts whose periods cover the span end to end without overlap, longest parts first.</summary>
    private static List<(KeyGroup Group, ReportingPeriod Period)>? Tiling(ReportingPeriod span, List<(KeyGroup Group, ReportingPeriod Period)> parts)
    {
        var byStart = parts.GroupBy(p => p.Period.Start).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Period.End).ThenBy(p => p.Group.Key.Period, StringComparer.Ordinal).ToList());
        var chain = new List<(KeyGroup, ReportingPeriod)>();
        var steps = 0;
        bool Walk(LocalDate from)
        {
            if (from == span.End.PlusDays(1)) return true;
            if (++steps > 10_000 || !byStart.TryGetValue(from, out var next)) return false;
            foreach (var p in next)
            {
                chain.Add(p);
                if (Walk(p.Period.End.PlusDays(1))) return true;
                chain.RemoveAt(chain.Count - 1);
            }
            return false;
        }
        return Walk(span.Start) ? chain : null;
    }
}
