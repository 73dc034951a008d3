using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>One observation prepared for comparison: its interval in the key's reference unit.</summary>
internal sealed class PreparedObservation(Observation observation, int source)
{
    public Observation O { get; private set; } = observation;

    /// <summary>Lets go of the observation's quote (a key's representatives and writings are kept to the end; their clauses'
    /// markers are read before).</summary>
    public void ForgetQuote()
    {
        if (O.Quote.Length > 0) O = O with { Quote = "" };
    }
    /// <summary>Index of its source (renumbered once the reconciler has seen every source, see <see cref="KeyGroup.Renumber"/>).</summary>
    public int Source { get; set; } = source;
    public bool Numeric { get; init; }
    /// <summary>True when <see cref="Interval"/> is expressed in the key's reference unit.</summary>
    public bool InReferenceUnit { get; init; }
    public ValueInterval Interval { get; init; }
    /// <summary>The interval in the observation's own unit.</summary>
    public ValueInterval RawInterval { get; init; }
    public decimal Precision { get; init; }
    public string? NormalizedText { get; init; }
    public string ConversionNote { get; init; } = "";
}

/// <summary>A distinct value for a key with the observations stating exactly it. Between the reconciler's passes its
/// members are detached (see <see cref="KeyGroup.Detach"/>): what the vote, the checks and the diagnosis read stays.</summary>
internal sealed class WorkingCandidate(string id, List<PreparedObservation> members)
{
    private List<PreparedObservation>? _members = members;

    public string Id { get; } = id;
    public List<PreparedObservation> Members => _members ?? throw new InvalidOperationException($"candidate {Id}: its observations are not attached");
    /// <summary>The most precise member: its interval and precision stand for the candidate.</summary>
    public PreparedObservation Representative { get; } = members[0];
    /// <summary>Its distinct sources, in the order of its members (their names through the reconciler's source table: once
    /// renumbered, the numbers follow the names' ordinal order).</summary>
    public int[] SourceIds { get; private set; } = members.Select(m => m.Source).Distinct().ToArray();
    /// <summary>The basis markers its members' clauses state (see <see cref="Diagnostician"/>), kept when the members are detached.</summary>
    public IReadOnlySet<string>? Markers { get; set; }
    /// <summary>What <see cref="EntityMismatchFinder"/> reads of the candidate: its figure and unit when the figure can
    /// identify it (null otherwise).</summary>
    public EntityProbe? Probe { get; } = EntityProbe.Of(members[0].O);
    public void Detach() => _members = null;
    public void Attach(List<PreparedObservation> members) => _members = members;
    /// <summary>Renumbers the sources (see <see cref="KeyGroup.Renumber"/>).</summary>
    public void Renumber(int[] map) => SourceIds = Array.ConvertAll(SourceIds, s => map[s]);
    public ValueInterval Interval => Representative.Interval;
    public bool Numeric => Representative.Numeric;
    public bool InReferenceUnit => Representative.InReferenceUnit;
    public double Score { get; set; }
    public double Confidence { get; set; }
    public Diagnosis Diagnosis { get; set; }
    public string Explanation { get; set; } = "";
    public decimal? Value => Representative.O.Value;
    /// <summary>Sources that give this figure to another entity (see <see cref="EntityMismatchFinder"/>).</summary>
    public EntityTestimony[] EntityTestimonies { get; set; } = [];
    /// <summary>Pairs of its sources counted as their joint record by <see cref="SourceDependence"/> (last estimate).</summary>
    public string DependenceNote { get; set; } = "";
    /// <summary>Share of its observations' weight the candidate keeps after <see cref="EntityTestimonies"/> (last vote).</summary>
    public double Discount { get; set; } = 1;

    public decimal Magnitude
    {
        get
        {
            var iv = Interval;
            if (iv.Low == decimal.MinValue) return Math.Abs(iv.High);
            if (iv.High == decimal.MaxValue) return Math.Abs(iv.Low);
            return Math.Max(Math.Abs(iv.Low), Math.Abs(iv.High));
        }
    }
}

/// <summary>A candidate's figure as <see cref="EntityMismatchFinder"/> compares it across entities.</summary>
internal sealed record EntityProbe(Unit Unit, string Value)
{
    /// <summary>Exact or approximate single figures only: bounds and ranges are too loose to identify a figure.</summary>
    public static EntityProbe? Of(Observation o) =>
        o.Value is not { } v || o.RangeEnd is not null || o.Qualifier is not (Qualifier.Exact or Qualifier.Approximate)
            ? null
            : new EntityProbe(o.Unit, Agreement.DecimalKey(v));
}

/// <summary>All observations of one key, their candidates and the support each observation gives each candidate.
/// The vote tables (sources, rows, shares, support), the candidates' representatives and sources and the key's distinct
/// writings are the group's own; the prepared observations and the candidates' members are detached after the key is
/// built and attached again from a rebuild of the key when its fact is made, so that the reconciler holds the claims
/// of one key at a time.</summary>
internal sealed class KeyGroup(FactKey key, Unit referenceUnit, PreparedObservation[] observations, WorkingCandidate[] candidates)
{
    private PreparedObservation[]? _observations = observations;

    public FactKey Key { get; } = key;
    public Unit ReferenceUnit { get; } = referenceUnit;
    public PreparedObservation[] Observations => _observations ?? throw new InvalidOperationException($"{Key}: its observations are not attached");
    public WorkingCandidate[] Candidates { get; } = candidates;
    /// <summary>Source of each observation.</summary>
    public int[] Sources { get; } = Array.ConvertAll(observations, o => o.Source);
    /// <summary>How sure the extraction is of each observation (<see cref="Observation.ExtractionConfidence"/>); null
    /// when it is sure of all of them, as it mostly is (the tables are kept for every key to the end).</summary>
    private readonly double[]? _sure = observations.All(o => o.O.ExtractionConfidence == 1)
        ? null : Array.ConvertAll(observations, o => o.O.ExtractionConfidence);

    /// <summary>How sure the extraction is of observation <paramref name="i"/>.</summary>
    public double Sure(int i) => _sure?[i] ?? 1;
    /// <summary>Number of observations.</summary>
    public int Count => Sources.Length;
    /// <summary>The first observation of each distinct writing (numeric or not, value, interval and unit as written, range
    /// or not, qualifier), in observation order: whatever tests only those finds the same first observation as over all.</summary>
    public PreparedObservation[] Writings { get; } = DistinctWritings(observations);

    private static PreparedObservation[] DistinctWritings(PreparedObservation[] observations)
    {
        var seen = new HashSet<(bool, decimal?, ValueInterval, Unit, bool, Qualifier)>();
        return observations.Where(o => seen.Add((o.Numeric, o.O.Value, o.RawInterval, o.O.Unit, o.O.RangeEnd is null, o.O.Qualifier))).ToArray();
    }

    /// <summary>Lets go of the observations and the candidates' members (what the vote, checks and diagnosis read stays).</summary>
    public void Detach()
    {
        _observations = null;
        foreach (var c in Candidates)
        {
            c.Detach();
            c.Representative.ForgetQuote();
        }
        foreach (var w in Writings) w.ForgetQuote();
    }

    /// <summary>Takes the observations and members of <paramref name="rebuilt"/>, the same key built again from the same
    /// claims (the same candidates in the same order, or the store changed under the reconciler).</summary>
    public void Attach(KeyGroup rebuilt)
    {
        if (rebuilt.Key != Key || rebuilt.Count != Count || rebuilt.Candidates.Length != Candidates.Length)
            throw new InvalidOperationException($"{Key}: the claims changed between the reconciler's passes");
        for (var j = 0; j < Candidates.Length; j++)
            if (rebuilt.Candidates[j].Id != Candidates[j].Id)
                throw new InvalidOperationException($"{Key}: the claims changed between the reconciler's passes");
        _observations = rebuilt.Observations;
        for (var j = 0; j < Candidates.Length; j++) Candidates[j].Attach(rebuilt.Candidates[j].Members);
    }

    /// <summary>Renumbers the sources through <paramref name="map"/> (the first pass numbers them as they come; the
    /// reconciler numbers them in ordinal order once it has seen them all).</summary>
    public void Renumber(int[] map)
    {
        for (var i = 0; i < Sources.Length; i++) Sources[i] = map[Sources[i]];
        foreach (var c in Candidates) c.Renumber(map);
        var kept = (_observations ?? []).Concat(Writings).Concat(Candidates.Select(c => c.Representative));
        foreach (var o in kept.Distinct(ReferenceEqualityComparer.Instance).Cast<PreparedObservation>()) o.Source = map[o.Source];
    }
    /// <summary>Support of each distinct writing (row) for each candidate: observations that are written alike share a
    /// row, so the work per key grows with its distinct values, not with its observations; pairs that lend each other
    /// nothing are not stored.</summary>
    public SupportMatrix RowSupport { get; set; } = SupportMatrix.Empty;
    /// <summary>Row of each observation.</summary>
    public int[] Row { get; set; } = [];
    public int RowCount { get; set; }
    /// <summary>Weight factor of each observation from <see cref="SourceDependence"/> (null: all 1).</summary>
    public double[]? Factor { get; set; }
    /// <summary>Candidate each row states.</summary>
    public int[] RowCandidate { get; set; } = [];
    /// <summary>Vote weight observation <paramref name="i"/> carries: its source's weight, its share of that source's vote
    /// here, its candidate's entity-mismatch discount and its copy-detection factor.</summary>
    public double EffectiveWeight(int i, double[] weight) =>
        weight[Sources[i]] * Share[i] * Candidates[RowCandidate[Row[i]]].Discount * (Factor?[i] ?? 1);
    /// <summary>How much observation <paramref name="i"/> supports candidate <paramref name="j"/>.</summary>
    public float Support(int i, int j) => RowSupport.Get(Row[i], j);
    /// <summary>Fraction of its source's vote each observation carries (1 / observations of that source here).</summary>
    public double[] Share { get; set; } = [];
    public int Chosen { get; set; }
    /// <summary>Why a check overrode the vote, when it did.</summary>
    public string ChoiceReason { get; set; } = "";
    /// <summary>More than one source speaks: the key tells something about reliability.</summary>
    public bool Informative { get; set; }
    public WorkingCandidate ChosenCandidate => Candidates[Chosen];
    public string PeriodLabel { get; set; } = "";
    /// <summary>Set when a check found the chosen value itself wrong (a total on the wrong span).</summary>
    public Diagnosis ChosenDiagnosis { get; set; }
    public string ChosenNote { get; set; } = "";
}

/// <summary>How closely values support one another: agreement, closeness, magnitude slips.</summary>
internal static class Agreement
{
    public static bool Agree(PreparedObservation a, PreparedObservation b)
    {
        if (!a.Numeric || !b.Numeric) return !a.Numeric && !b.Numeric && a.NormalizedText == b.NormalizedText;
        if (a.InReferenceUnit != b.InReferenceUnit) return false;
        if (!a.InReferenceUnit && a.O.Unit != b.O.Unit) return false;
        return a.Interval.Overlaps(b.Interval);
    }

    public static double Support(PreparedObservation o, WorkingCandidate c, ReconcilerOptions options)
    {
        var r = c.Representative;
        if (!o.Numeric || !r.Numeric) return !o.Numeric && !r.Numeric && o.NormalizedText == r.NormalizedText ? 1 : 0;
        if (o.InReferenceUnit != r.InReferenceUnit || (!o.InReferenceUnit && o.O.Unit != r.O.Unit)) return 0;
        if (o.Interval.Overlaps(r.Interval))
        {
            // A precise figure is consistent with a coarser one (596,638 with "600,000", 1159.46 with "> 1000") but
            // says more: it lends the coarse writing only part of its vote, so specific values win over vague ones.
            var ow = o.Interval.Width;
            var cw = r.Interval.Width;
            return ow < cw / 2 ? options.CoarserSupport : 1;
        }
        var best = 0.0;
        if (options.CloseSupport > 0)
        {
            var rel = RelativeGap(o.Interval, r.Interval);
            if (rel < 10 * options.CloseScale) best = options.CloseSupport * Math.Exp(-rel / options.CloseScale);
        }
        if (options.SlipSupport > best && SlipExponent(o.Interval, r.Interval) != 0) best = options.SlipSupport;
        return best;
    }

    /// <summary>Gap between the intervals relative to the larger magnitude.</summary>
    public static double RelativeGap(ValueInterval a, ValueInterval b)
    {
        var gap = a.Gap(b);
        if (gap == 0) return 0;
        if (gap == decimal.MaxValue) return double.PositiveInfinity;
        var m = Math.Max(Finite(a), Finite(b));
        return m == 0 ? double.PositiveInfinity : (double)gap / (double)m;
    }

    private static decimal Finite(ValueInterval iv) =>
        Math.Max(iv.Low == decimal.MinValue ? 0 : Math.Abs(iv.Low), iv.High == decimal.MaxValue ? 0 : Math.Abs(iv.High));

    /// <summary>The k ≠ 0 for which <paramref name="a"/> × 10^k agrees with <paramref name="b"/>, or 0.</summary>
    public static int SlipExponent(ValueInterval a, ValueInterval b)
    {
        if (a.Low == decimal.MinValue || a.High == decimal.MaxValue || b.Low == decimal.MinValue || b.High == decimal.MaxValue) return 0;
        var ma = a.Low / 2 + a.High / 2;
        var mb = b.Low / 2 + b.High / 2;
        if (ma == 0 || mb == 0 || Math.Sign(ma) != Math.Sign(mb)) return 0;
        // A slip keeps the digits: both figures need two significant digits at least ("1" is no slip of 1,000,000).
        if (SignificantDigits(a) < 2 || SignificantDigits(b) < 2) return 0;
        var k0 = (int)Math.Round(Math.Log10((double)Math.Abs(mb)) - Math.Log10((double)Math.Abs(ma)));
        for (var k = k0 - 1; k <= k0 + 1; k++)
        {
            if (k == 0 || Math.Abs(k) > 12) continue;
            if (a.Scale(ValueInterval.Pow10(k)).Overlaps(b)) return k;
        }
        return 0;
    }

    /// <summary>Digits of the midpoint that the interval's width leaves significant (21.954 ± 0.0005 → 5).</summary>
    private static int SignificantDigits(ValueInterval iv)
    {
        var mid = Math.Abs(iv.Low / 2 + iv.High / 2);
        var width = ValueInterval.SafeAdd(iv.High, -iv.Low);
        if (mid == 0) return 0;
        if (width <= 0) return 28;
        return Math.Max(0, (int)Math.Floor(Math.Log10((double)mid)) - (int)Math.Floor(Math.Log10((double)width)) + 1);
    }

    public static string Normalize(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && n > 0) buffer[n++] = ' ';
            space = false;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        return new string(buffer[..n]);
    }

    public static string DecimalKey(decimal v)
    {
        var s = v.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        return s;
    }
}
