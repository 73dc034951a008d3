using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>How source reliability turns into vote weight.</summary>
public enum SourceWeighting
{
    /// <summary>The reliability itself (TruthFinder-like trust as weight).</summary>
    Linear,
    /// <summary>Log-odds of the reliability, as in the Accu models: reliable sources count much more.</summary>
    LogOdds,
    /// <summary>TruthFinder's trust score −ln(1 − t).</summary>
    TrustScore,
}

public sealed record ReconcilerOptions
{
    /// <summary>Also learn reliability from keys only one source states (TruthFinder counts them; they agree with
    /// themselves, so they raise the trust of prolific sources).</summary>
    public bool CountUncontested { get; init; } = true;
    /// <summary>Judge each source against the value the other sources choose (leave-one-out), so that a source
    /// stating most claims cannot vouch for itself. Only keys several sources state count then.</summary>
    public bool LeaveOneOut { get; init; } = true;
    /// <summary>Upper bound on trust/vote rounds (the loop also stops when nothing changes).</summary>
    public int MaxIterations { get; init; } = 20;
    /// <summary>Reliability a source starts with, and is pulled towards when it says little.</summary>
    public double PriorReliability { get; init; } = 0.8;
    /// <summary>Weight of the prior, in observations.</summary>
    public double PriorStrength { get; init; } = 2;
    public SourceWeighting Weighting { get; init; } = SourceWeighting.LogOdds;
    /// <summary>Largest partial support a near (but disagreeing) value gives.</summary>
    public double CloseSupport { get; init; } = 0.5;
    /// <summary>Relative distance at which partial support falls to 1/e of <see cref="CloseSupport"/>.</summary>
    public double CloseScale { get; init; } = 0.01;
    /// <summary>Support a precise value gives a coarser writing it is consistent with (a rounded figure, a bound).</summary>
    public double CoarserSupport { get; init; } = 0.5;
    /// <summary>Support a value gives the value it equals after a magnitude slip (10^k).</summary>
    public double SlipSupport { get; init; } = 0.5;
    /// <summary>Relative slack allowed in arithmetic checks beyond the written precision.</summary>
    public double CheckTolerance { get; init; } = 0.002;
    /// <summary>Largest expected number of chance matches for which a source's figure for another entity counts as
    /// testimony that a competing value belongs to that entity (0 turns the search off).</summary>
    public double EntityMismatchMaxCoincidence { get; init; } = 0.05;
    /// <summary>Prior probability that two sources stating the same values depend on each other (0 turns copy
    /// detection off).</summary>
    public double DependencePrior { get; init; } = 0.1;
    /// <summary>Keys with more distinct sources than this are not used to learn dependence (their pairs are many and
    /// each tells little).</summary>
    public int DependenceMaxSources { get; init; } = 32;
    /// <summary>Third-party verdicts (one per judging source at most, so about the number of distinct judges) a pair needs
    /// before its record can show dependence. Only contested keys are judged, so a pair's record is drawn from the keys
    /// where someone disagrees with it; a handful of contradicting sources (a bot writing one wrong figure on several
    /// pages) cannot tell a copying pair from a few wrong judges. Population: 3 → 85.7 %, 5 to 30 → 87.4 % (Flight 93.75–94.0 %).</summary>
    public double DependenceMinVerdicts { get; init; } = 6;
    /// <summary>Sources with fewer judged observations than this share a prior learned from their pooled record (0: every
    /// source starts from <see cref="PriorReliability"/>).</summary>
    public double RareSourceObservations { get; init; } = 2;
    /// <summary>How many wrong values a source that errs spreads over (the Accu model's n), for a fact's confidence: the
    /// larger, the less likely two wrong sources write the same figure. A figure in the news can be wrong in many ways
    /// (a stale period, a slipped digit, another basis or unit), so many.</summary>
    public double FalseValues { get; init; } = 100;
    /// <summary>Factor a fact's confidence is multiplied by when an arithmetic check it takes part in fails.</summary>
    public double FailedCheckFactor { get; init; } = 0.5;
    /// <summary>Run the arithmetic checks (and let them decide conflicts).</summary>
    public bool RunChecks { get; init; } = true;
    /// <summary>Look for period and basis explanations across keys.</summary>
    public bool CrossKeyDiagnosis { get; init; } = true;
    public MetricRelations Relations { get; init; } = MetricRelations.Default;
}

/// <summary>
/// Truth discovery over observations (in the family of TruthFinder, Accu and CRH): values are voted for by sources
/// weighted by their reliability, reliability is re-estimated from agreement with the chosen values over every key
/// several sources speak to, and close values (agreeing within written precision, near, or equal after a 10^k slip)
/// lend each other partial support. Every competing value is kept with a diagnosis; arithmetic checks across facts
/// can overturn a vote. Deterministic: observations are sorted before anything is summed.
/// </summary>
public sealed class TruthDiscoveryReconciler(ReconcilerOptions? options = null) : IReconciler
{
    private readonly ReconcilerOptions _options = options ?? new ReconcilerOptions();

    public ReconcilerOptions Options => _options;

    public ReconciliationResult Reconcile(IReadOnlyList<Observation> observations)
    {
        if (observations.Count == 0) return ReconciliationResult.Empty;
        var facts = new List<ReconciledFact>();
        // Every claim is in memory already: the keys keep theirs instead of reading them again.
        var (checks, reliability) = Reconcile(ObservationPartitions.Of(observations), facts.AddRange, detach: false);
        return new ReconciliationResult(facts, checks, reliability);
    }

    /// <summary>
    /// Reconciles key by key, holding the claims of one key at a time. The first pass builds every key's vote tables and
    /// keeps only them, with each candidate's representative and sources and the key's distinct writings; the source
    /// reliabilities, entity-mismatch testimony, copy detection, arithmetic checks and diagnosis run over those; the
    /// second pass reads each key again, builds its fact and hands it to <paramref name="emit"/>, in key order. The
    /// facts are the same, to the last bit, as over every claim at once.
    /// </summary>
    public (IReadOnlyList<ArithmeticCheck> Checks, IReadOnlyDictionary<string, double> SourceReliability) Reconcile(
        IObservationPartitions input, Action<IReadOnlyList<ReconciledFact>> emit) => Reconcile(input, emit, detach: true);

    /// <param name="detach">Whether the keys let go of their claims between the passes (and read them again).</param>
    private (IReadOnlyList<ArithmeticCheck> Checks, IReadOnlyDictionary<string, double> SourceReliability) Reconcile(
        IObservationPartitions input, Action<IReadOnlyList<ReconciledFact>> emit, bool detach)
    {
        var rates = new StatedRates(input.Equivalents());
        var keys = input.Keys.Distinct().ToArray();
        Array.Sort(keys, FactKeyOrder.Instance);
        var groups = FirstPass(input, keys, rates, detach, out var sources);
        if (groups.Count == 0) return ([], new SortedDictionary<string, double>(StringComparer.Ordinal));
        var sourceIndex = new Dictionary<string, int>(sources.Length, StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++) sourceIndex[sources[i]] = i;
        EntityMismatchFinder.Find(groups, _options);
        var trust = Iterate(groups, sources);

        var diagnostician = new Diagnostician(groups, rates, _options, i => sources[i], trust);
        List<ArithmeticCheck> checks = [];
        if (_options.RunChecks) checks = Number(new ArithmeticChecker(groups, rates, _options).Run());
        diagnostician.DiagnoseAll();

        var byKey = new Dictionary<FactKey, List<ArithmeticCheck>>();
        foreach (var check in checks)
            foreach (var k in check.Facts.Distinct())
            {
                if (!byKey.TryGetValue(k, out var list)) byKey[k] = list = [];
                list.Add(check);
            }
        // The suspect of a failed check is the fact it relates that the fewest sources state (the stated figure it is
        // checked against, its last fact, on a tie): a figure two outlets agree on is not doubted for a single
        // source's figure beside it.
        var support = groups.ToDictionary(g => g.Key, g => g.Chosen >= 0 ? g.Candidates[g.Chosen].SourceIds.Length : 0);
        var suspects = checks.Where(k => !k.Passed && k.Facts.Count > 0)
            .Select(k => k.Facts.Select((f, i) => (f, i)).OrderBy(t => support.GetValueOrDefault(t.f)).ThenByDescending(t => t.i).First().f)
            .ToHashSet();
        foreach (var g in groups)
        {
            if (detach)
            {
                var rebuilt = BuildGroups(input.Read(g.Key), s => sourceIndex[s], rates, tables: false);
                if (rebuilt.Count != 1) throw new InvalidOperationException($"{g.Key}: the claims changed between the reconciler's passes");
                g.Attach(rebuilt[0]);
            }
            emit([BuildFact(g, trust, byKey.GetValueOrDefault(g.Key) ?? [], suspects.Contains(g.Key))]);
            if (detach) g.Detach();
        }
        var reliability = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++) reliability[sources[i]] = Math.Round(trust[i], 6);
        return (checks, reliability);
    }

    /// <summary>Builds every key with its vote tables, keeps what the later steps read of its observations and detaches
    /// them. Sources are numbered as they come, then renumbered in ordinal order (<paramref name="sources"/>) once all are
    /// known.</summary>
    private List<KeyGroup> FirstPass(IObservationPartitions input, FactKey[] keys, StatedRates rates, bool detach, out string[] sources)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<KeyGroup>(keys.Length);
        foreach (var key in keys)
            foreach (var g in BuildGroups(input.Read(key), s => seen.TryGetValue(s, out var i) ? i : seen[s] = seen.Count, rates, tables: true))
            {
                if (g.Key != key) throw new InvalidOperationException($"{g.Key}: read for the key {key}");
                if (detach)
                {
                    foreach (var c in g.Candidates) c.Markers = Diagnostician.MarkersOf(c, _options);
                    g.Detach();
                }
                groups.Add(g);
            }
        sources = seen.Keys.Order(StringComparer.Ordinal).ToArray();
        var map = new int[seen.Count];
        for (var i = 0; i < sources.Length; i++) map[seen[sources[i]]] = i;
        foreach (var g in groups) g.Renumber(map);
        return groups;
    }

    /// <summary>The keys of observations sorted in <see cref="ObservationOrder"/>, in key order; with their vote tables
    /// when <paramref name="tables"/>.</summary>
    private List<KeyGroup> BuildGroups(IReadOnlyList<Observation> sorted, Func<string, int> sourceIndex, StatedRates rates, bool tables)
    {
        var byKey = new Dictionary<FactKey, List<Observation>>();
        foreach (var o in sorted)
        {
            if (!byKey.TryGetValue(o.Key, out var list)) byKey[o.Key] = list = [];
            list.Add(o);
        }
        var keys = byKey.Keys.ToArray();
        Array.Sort(keys, FactKeyOrder.Instance);
        var groups = new List<KeyGroup>(keys.Length);
        foreach (var key in keys)
        {
            var (group, ids) = PrepareGroup(key, byKey[key], sourceIndex, rates);
            if (tables) BuildTables(group, ids);
            groups.Add(group);
        }
        return groups;
    }

    /// <summary>A key's prepared observations and its candidates, in preference order.</summary>
    private static (KeyGroup Group, string[] Ids) PrepareGroup(FactKey key, List<Observation> list, Func<string, int> sourceIndex, StatedRates rates)
    {
        var referenceUnit = ReferenceUnit(list);
        var prepared = new PreparedObservation[list.Count];
        for (var i = 0; i < list.Count; i++) prepared[i] = Prepare(list[i], sourceIndex(list[i].Source), referenceUnit, rates);

        var byValue = new Dictionary<string, List<PreparedObservation>>(StringComparer.Ordinal);
        var ids = new string[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            var p = prepared[i];
            var id = ids[i] = CandidateId(p.O);
            if (!byValue.TryGetValue(id, out var members)) byValue[id] = members = [];
            members.Add(p);
        }
        var candidates = byValue.Select(kv =>
        {
            kv.Value.Sort((a, b) => a.Precision != b.Precision ? a.Precision.CompareTo(b.Precision) : ObservationOrder.Instance.Compare(a.O, b.O));
            return new WorkingCandidate(kv.Key, kv.Value);
        }).ToList();
        candidates.Sort(CandidatePreference);
        var group = new KeyGroup(key, referenceUnit, prepared, candidates.ToArray())
        {
            PeriodLabel = PeriodLabel(key, list),
            Informative = prepared.Select(p => p.Source).Distinct().Skip(1).Any(),
        };
        return (group, ids);
    }

    /// <summary>The key's vote tables: its distinct writings (rows), the support each gives each candidate, and the share
    /// of its source's vote each observation carries.</summary>
    private void BuildTables(KeyGroup group, string[] ids)
    {
        var prepared = group.Observations;
        var c = group.Candidates.Length;
        // Observations written alike (same candidate, interval, unit and text) support every candidate alike: one row each.
        var rowOf = new Dictionary<(string, decimal, decimal, bool, bool, Unit, string?), int>();
        var rows = new int[prepared.Length];
        var rowCandidate = new List<int>();
        var candidateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < c; j++) candidateIndex[group.Candidates[j].Id] = j;
        var support = new SupportMatrix.Builder(c);
        // Each writing is compared only with the candidates it can support (a sweep over sorted intervals), not with all;
        // a key with few values compares them all, which costs less than sorting them.
        var sweep = c > SupportSweep.MinCandidates ? new SupportSweep(group.Candidates, _options) : null;
        var near = new List<int>(sweep is null ? c : 16);
        for (var i = 0; i < prepared.Length; i++)
        {
            var p = prepared[i];
            var signature = (ids[i], p.Interval.Low, p.Interval.High, p.Numeric, p.InReferenceUnit, p.O.Unit, p.NormalizedText);
            if (!rowOf.TryGetValue(signature, out var row))
            {
                rowOf[signature] = row = rowOf.Count;
                var own = candidateIndex[ids[i]];
                rowCandidate.Add(own);
                if (sweep is not null) sweep.Collect(p, own, near);
                else { near.Clear(); for (var j = 0; j < c; j++) near.Add(j); }
                foreach (var j in near)
                    support.Add(j, j == own ? 1f : (float)Agreement.Support(p, group.Candidates[j], _options));
                support.EndRow();
            }
            rows[i] = row;
        }
        group.RowSupport = support.Build();
        group.Row = rows;
        group.RowCount = rowOf.Count;
        group.RowCandidate = rowCandidate.ToArray();
        // Each source votes once per key: several observations from one source share its weight.
        var perSource = new Dictionary<int, int>();
        foreach (var p in prepared) perSource[p.Source] = perSource.GetValueOrDefault(p.Source) + 1;
        // A claim the extraction is unsure of carries that share of its vote.
        group.Share = prepared.Select(p => Math.Clamp(p.O.ExtractionConfidence, 0, 1) / perSource[p.Source]).ToArray();
    }

    private static string PeriodLabel(FactKey key, List<Observation> list)
    {
        var stated = list.Select(o => o.PeriodLabel).Where(l => !string.IsNullOrEmpty(l)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (stated is not null) return stated;
        return ReportingPeriod.TryParseIso(key.Period, out var p) ? p.Label : key.Period;
    }

    /// <summary>The unit most observations use (ties: ordinal), so that conversions are the exception.</summary>
    private static Unit ReferenceUnit(List<Observation> list)
    {
        var best = Unit.None;
        var bestCount = -1;
        foreach (var g in list.Where(o => o.Value is not null).GroupBy(o => o.Unit).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var n = g.Count();
            if (n > bestCount) { best = g.Key; bestCount = n; }
        }
        return best;
    }

    private static PreparedObservation Prepare(Observation o, int source, Unit referenceUnit, StatedRates rates)
    {
        if (o.Value is not { } v)
            return new PreparedObservation(o, source) { Numeric = false, NormalizedText = Agreement.Normalize(o.Text ?? "") };
        var precision = o.Precision > 0 ? o.Precision : ValueInterval.DerivePrecision(v);
        var raw = ValueInterval.Of(v, precision, o.Qualifier, o.RangeEnd);
        if (rates.TryConvert(raw, o.Unit, referenceUnit, out var converted, out var how))
            return new PreparedObservation(o, source)
            {
                Numeric = true, InReferenceUnit = true, Interval = converted, RawInterval = raw, Precision = RelativePrecision(precision, v), ConversionNote = how,
            };
        return new PreparedObservation(o, source) { Numeric = true, InReferenceUnit = false, Interval = raw, RawInterval = raw, Precision = RelativePrecision(precision, v) };
    }

    private static decimal RelativePrecision(decimal precision, decimal value) => value == 0 ? precision : ValueInterval.SafeDiv(precision, Math.Abs(value));

    private static string CandidateId(Observation o) => o.Value is { } v
        ? $"{o.Unit}|{o.Qualifier.ToSymbol()}|{Agreement.DecimalKey(v)}|{(o.RangeEnd is { } e ? Agreement.DecimalKey(e) : "")}"
        : "t|" + Agreement.Normalize(o.Text ?? "");

    /// <summary>Order in which equally supported candidates win: the reference unit, then exact figures, then the
    /// finer writing, then more observations, then the smaller value, then ordinal.</summary>
    private static int CandidatePreference(WorkingCandidate a, WorkingCandidate b)
    {
        var c = b.InReferenceUnit.CompareTo(a.InReferenceUnit);
        if (c != 0) return c;
        c = QualifierRank(a.Representative.O.Qualifier).CompareTo(QualifierRank(b.Representative.O.Qualifier));
        if (c != 0) return c;
        c = (a.Representative.O.RangeEnd is null).CompareTo(b.Representative.O.RangeEnd is null);
        if (c != 0) return -c;
        c = PrecisionOrder(a.Representative, b.Representative);
        if (c != 0) return c;
        c = b.Members.Count.CompareTo(a.Members.Count);
        if (c != 0) return c;
        // Nothing tells them apart: the smaller value, as plain voting decides ties, so that the order is numeric.
        if (a.Value is { } va && b.Value is { } vb && (c = va.CompareTo(vb)) != 0) return c;
        return string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>Finer writing first: by the width of the interval in the key's reference unit when both are in it (33998 and
    /// 33999 are written alike; relative precision would call the larger one finer), else by relative precision.</summary>
    private static int PrecisionOrder(PreparedObservation a, PreparedObservation b) =>
        a.Numeric && b.Numeric && a.InReferenceUnit && b.InReferenceUnit
            ? a.Interval.Width.CompareTo(b.Interval.Width)
            : a.Precision.CompareTo(b.Precision);

    private static int QualifierRank(Qualifier q) => q switch { Qualifier.Exact => 0, Qualifier.Approximate => 1, _ => 2 };

    /// <summary>Alternates voting and reliability estimation a bounded number of times.</summary>
    private double[] Iterate(List<KeyGroup> groups, string[] sources)
    {
        var sourceCount = sources.Length;
        var trust = new double[sourceCount];
        var weight = new double[sourceCount];
        Array.Fill(trust, _options.PriorReliability);
        var num = new double[sourceCount];
        var den = new double[sourceCount];
        // Sources with few observations in all form one crowd: they share a learned prior and are one party to copy detection.
        var observed = new int[sourceCount];
        foreach (var g in groups) foreach (var s in g.Sources) observed[s]++;
        var rare = observed.Select(n => n < _options.RareSourceObservations).ToArray();
        var pool = Enumerable.Range(0, sourceCount).Select(s => rare[s] ? sourceCount : s).ToArray();
        var dependence = _options.DependencePrior > 0 ? new SourceDependence(_options, Weight, s => sources[s], pool, sourceCount) : null;
        for (var iteration = 0; iteration < Math.Max(1, _options.MaxIterations); iteration++)
        {
            for (var s = 0; s < sourceCount; s++) weight[s] = Weight(trust[s]);
            var changed = false;
            foreach (var g in groups)
            {
                var chosen = Vote(g, weight, trust);
                if (chosen != g.Chosen || iteration == 0) { changed |= chosen != g.Chosen; g.Chosen = chosen; }
            }
            Array.Clear(num);
            Array.Clear(den);
            dependence?.BeginRound();
            foreach (var g in groups)
            {
                if (g.Informative) dependence?.Record(g, weight);
                if (_options.LeaveOneOut)
                {
                    if (g.Informative) AccumulateLeaveOneOut(g, weight, num, den);
                    continue;
                }
                if (!g.Informative && !_options.CountUncontested) continue;
                var c = g.Candidates.Length;
                for (var i = 0; i < g.Count; i++)
                {
                    var s = g.Sources[i];
                    num[s] += g.Support(i, g.Chosen);
                    den[s] += 1;
                }
            }
            var delta = 0.0;
            var prior = RarePrior(num, den, rare);
            for (var s = 0; s < sourceCount; s++)
            {
                var p = rare[s] ? prior : _options.PriorReliability;
                var t = (num[s] + _options.PriorStrength * p) / (den[s] + _options.PriorStrength);
                delta = Math.Max(delta, Math.Abs(t - trust[s]));
                trust[s] = t;
            }
            if (dependence is not null)
            {
                dependence.CrowdTrust = prior;
                dependence.Estimate(trust);
                for (var s = 0; s < sourceCount; s++) weight[s] = Weight(trust[s]);
                dependence.Apply(groups, weight);
            }
            if (iteration > 0 && !changed && delta < 1e-6) break;
        }
        for (var s = 0; s < sourceCount; s++) weight[s] = Weight(trust[s]);
        foreach (var g in groups) g.Chosen = Vote(g, weight, trust);
        return trust;
    }

    /// <summary>The prior for sources that say little (fewer than <see cref="ReconcilerOptions.RareSourceObservations"/>
    /// judged observations): their pooled record, smoothed towards <see cref="ReconcilerOptions.PriorReliability"/>. Sources seen
    /// once (anonymous editors, one-off sites) are judged as the crowd they belong to is, not as a fresh reliable source.</summary>
    private double RarePrior(double[] num, double[] den, bool[] rare)
    {
        if (_options.RareSourceObservations <= 0) return _options.PriorReliability;
        double n = 0, d = 0;
        for (var s = 0; s < num.Length; s++)
            if (rare[s]) { n += num[s]; d += den[s]; }
        return (n + _options.PriorStrength * _options.PriorReliability) / (d + _options.PriorStrength);
    }

    /// <summary>Scores each source's observations against the value the other sources would choose without it, so
    /// that a dominant source cannot confirm itself (a bot writing half the claims would otherwise always agree with
    /// the consensus it makes).</summary>
    private static void AccumulateLeaveOneOut(KeyGroup g, double[] weight, double[] num, double[] den)
    {
        var c = g.Candidates.Length;
        var obs = g.Sources;
        Span<double> scores = c <= 64 ? stackalloc double[c] : new double[c];
        Span<double> own = c <= 64 ? stackalloc double[c] : new double[c];
        var start = 0;
        var rowWeight = new Dictionary<int, double>();
        while (start < obs.Length)
        {
            var s = obs[start];
            var end = start;
            while (end < obs.Length && obs[end] == s) end++;
            // This source's own weight on each row it wrote, then its share of every candidate's score.
            rowWeight.Clear();
            for (var i = start; i < end; i++) rowWeight[g.Row[i]] = rowWeight.GetValueOrDefault(g.Row[i]) + g.EffectiveWeight(i, weight);
            // Each candidate's sum runs over the rows in the same order as over a dense table, skipping zeros.
            own.Clear();
            foreach (var (row, w) in rowWeight) g.RowSupport.AddRow(row, w, own);
            for (var j = 0; j < c; j++) scores[j] = g.Candidates[j].Score - own[j];
            var best = 0;
            for (var j = 1; j < c; j++)
                if (scores[j] > scores[best] + 1e-9 * (1 + Math.Abs(scores[best]))) best = j;
            for (var i = start; i < end; i++)
            {
                var sure = g.Sure(i);
                num[s] += sure * g.Support(i, best);
                den[s] += sure;
            }
            start = end;
        }
    }

    private double Weight(double t)
    {
        t = Math.Clamp(t, 0.001, 0.999);
        return _options.Weighting switch
        {
            SourceWeighting.LogOdds => Math.Max(0.01, Math.Log(t / (1 - t))),
            SourceWeighting.TrustScore => -Math.Log(1 - t),
            _ => t,
        };
    }

    /// <summary>Scores every candidate and returns the best (candidates are pre-sorted by preference for ties). A
    /// candidate that sources show to be another entity's figure keeps only part of its observations' weight.</summary>
    private static int Vote(KeyGroup g, double[] weight, double[] trust)
    {
        var c = g.Candidates.Length;
        var total = 0.0;
        var share = g.Share;
        for (var i = 0; i < g.Count; i++) total += weight[g.Sources[i]] * share[i];
        foreach (var candidate in g.Candidates)
            candidate.Discount = candidate.EntityTestimonies.Length == 0 ? 1 : EntityMismatchFinder.Discount(candidate, trust);
        // Weight of each row (all observations written alike), then each candidate's score from the rows.
        var rowWeight = new double[g.RowCount];
        for (var i = 0; i < g.Count; i++) rowWeight[g.Row[i]] += g.EffectiveWeight(i, weight);
        // Each candidate's score summed row by row (in row order, as over a dense table; zeros skipped).
        Span<double> scores = c <= 64 ? stackalloc double[c] : new double[c];
        scores.Clear();
        for (var r = 0; r < rowWeight.Length; r++) g.RowSupport.AddRow(r, rowWeight[r], scores);
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var j = 0; j < c; j++)
        {
            var score = scores[j];
            g.Candidates[j].Score = score;
            g.Candidates[j].Confidence = total > 0 ? Math.Min(1, score / total) : 0;
            if (j == 0 || score > bestScore + 1e-9 * (1 + Math.Abs(bestScore))) { best = j; bestScore = score; }
        }
        return best;
    }

    /// <summary>Gives every check its id (<c>K1</c>, …) in the order the audit lists them: failures first, then by kind and text.</summary>
    private static List<ArithmeticCheck> Number(List<ArithmeticCheck> checks) =>
        checks.OrderBy(c => c.Passed).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Description, StringComparer.Ordinal)
            .ThenBy(c => c.Detail, StringComparer.Ordinal).Select((c, i) => c with { Id = $"K{i + 1}" }).ToList();

    /// <summary>
    /// How likely the chosen value is right: its share of the weighted vote times the posterior of the Accu model (Dong,
    /// Berti-Equille and Srivastava 2009) for a value its (independent) sources state: a source of reliability r states
    /// the true value with probability r and each of <see cref="ReconcilerOptions.FalseValues"/> wrong values with
    /// (1 − r)/n, so the value's likelihood ratio is Π n·r/(1 − r) and its posterior L/(L + n). A value only one source
    /// states carries that source's reliability, never 1; two independent outlets that agree are far surer than either,
    /// since two wrong sources seldom write the same wrong figure. Sources counted as one by copy detection count as the
    /// geometric mean of their ratios. A failed arithmetic check halves the confidence of its suspect: the fact it relates
    /// that the fewest sources state.
    /// </summary>
    private double FactConfidence(KeyGroup g, WorkingCandidate c, double[] trust, bool failedCheck)
    {
        var n = Math.Max(1, _options.FalseValues);
        var logRatio = 0.0;
        foreach (var s in c.Members.Select(m => m.Source).Distinct())
        {
            var r = Math.Clamp(trust[s] * c.Members.Where(m => m.Source == s).Max(m => m.O.ExtractionConfidence), 0.001, 0.999);
            logRatio += Math.Log(n * r / (1 - r));
        }
        if (c.DependenceNote.Length > 0) logRatio /= 2;
        var posterior = 1 / (1 + n * Math.Exp(-logRatio));
        var share = g.Candidates.Length == 1 ? 1 : Math.Clamp(c.Confidence, 0, 1);
        var confidence = share * posterior;
        return failedCheck ? confidence * _options.FailedCheckFactor : confidence;
    }

    private ReconciledFact BuildFact(KeyGroup g, double[] trust, List<ArithmeticCheck> checks, bool suspect)
    {
        var candidates = new List<Candidate>(g.Candidates.Length);
        Candidate? chosen = null;
        for (var j = 0; j < g.Candidates.Length; j++)
        {
            var w = g.Candidates[j];
            var o = w.Representative.O;
            var isChosen = j == g.Chosen;
            // A failed check marks every fact it relates; its suspect loses confidence.
            var failed = isChosen && suspect;
            var cand = new Candidate(o.Value, o.Text, o.Unit, o.Qualifier, w.Members.Select(m => m.O).ToList())
            {
                Confidence = Math.Round(FactConfidence(g, w, trust, failed), 4),
                Chosen = isChosen,
                Diagnosis = isChosen ? g.ChosenDiagnosis : w.Diagnosis,
                Explanation = isChosen ? Join(g.ChoiceReason, g.ChosenNote, w.Explanation) : w.Explanation,
            };
            if (isChosen) chosen = cand;
            candidates.Add(cand);
        }
        // Chosen first, then by confidence, then preference order.
        var ordered = candidates.Select((c, i) => (c, i)).OrderByDescending(t => t.c.Chosen).ThenByDescending(t => t.c.Confidence).ThenBy(t => t.i).Select(t => t.c).ToList();
        var single = g.Candidates.Length == 1 && g.Observations.Select(o => o.Source).Distinct().Count() == 1;
        var status = single && g.ChosenDiagnosis == Diagnosis.None
            ? FactStatus.Single
            : g.ChosenDiagnosis != Diagnosis.None || ordered.Any(c => !c.Chosen && c.Diagnosis != Diagnosis.None)
                ? FactStatus.Conflict
                : FactStatus.Agreed;
        var note = status switch
        {
            FactStatus.Single => "one value stated",
            FactStatus.Agreed => ordered.Count == 1
                ? $"stated {g.Observations.Length} times"
                : $"{ordered.Count} writings agree: " + string.Join("; ", ordered.Where(c => !c.Chosen).Select(c => c.Explanation.TrimEnd('.')).Distinct(StringComparer.Ordinal)),
            _ => Summary(ordered),
        };
        return new ReconciledFact(g.Key, g.PeriodLabel, status, chosen!, ordered, note) { Checks = checks };
    }

    private static string Summary(List<Candidate> ordered)
    {
        var diagnoses = ordered.Where(c => !c.Chosen && c.Diagnosis != Diagnosis.None).Select(c => c.Diagnosis.ToCode())
            .Concat(ordered.Where(c => c.Chosen && c.Diagnosis != Diagnosis.None).Select(c => c.Diagnosis.ToCode()))
            .Distinct().ToList();
        return string.Join(", ", diagnoses);
    }

    private static string Join(params string[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>Total order on observations, so that sums and ties never depend on input order.</summary>
internal sealed class ObservationOrder : IComparer<Observation>
{
    public static ObservationOrder Instance { get; } = new();

    public int Compare(Observation? a, Observation? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var c = FactKeyOrder.Instance.Compare(a.Key, b.Key);
        if (c != 0) return c;
        if ((c = string.CompareOrdinal(a.Source, b.Source)) != 0) return c;
        if ((c = string.CompareOrdinal(a.Document, b.Document)) != 0) return c;
        if ((c = string.CompareOrdinal(a.ClaimId, b.ClaimId)) != 0) return c;
        if ((c = Nullable.Compare(a.Value, b.Value)) != 0) return c;
        if ((c = string.CompareOrdinal(a.Unit.Code, b.Unit.Code)) != 0) return c;
        if ((c = string.CompareOrdinal(a.Text, b.Text)) != 0) return c;
        if ((c = a.Qualifier.CompareTo(b.Qualifier)) != 0) return c;
        if ((c = a.Precision.CompareTo(b.Precision)) != 0) return c;
        if ((c = Nullable.Compare(a.RangeEnd, b.RangeEnd)) != 0) return c;
        if ((c = a.Start.CompareTo(b.Start)) != 0) return c;
        if ((c = a.End.CompareTo(b.End)) != 0) return c;
        if ((c = Nullable.Compare(a.EquivalentValue, b.EquivalentValue)) != 0) return c;
        if ((c = string.CompareOrdinal(a.EquivalentUnit?.Code, b.EquivalentUnit?.Code)) != 0) return c;
        if ((c = string.CompareOrdinal(a.PeriodLabel, b.PeriodLabel)) != 0) return c;
        // Scale matters for precision: 116.2 and 116.20 are equal decimals written differently.
        if ((c = (a.Value?.Scale ?? 0).CompareTo(b.Value?.Scale ?? 0)) != 0) return c;
        return string.CompareOrdinal(a.Quote, b.Quote);
    }
}

internal sealed class FactKeyOrder : IComparer<FactKey>
{
    public static FactKeyOrder Instance { get; } = new();

    public int Compare(FactKey? a, FactKey? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var c = string.CompareOrdinal(a.Entity, b.Entity);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Metric, b.Metric);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Segment, b.Segment);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Basis, b.Basis);
        return c != 0 ? c : string.CompareOrdinal(a.Period, b.Period);
    }
}
