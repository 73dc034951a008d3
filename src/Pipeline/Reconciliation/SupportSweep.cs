using System;
using System.Collections.Generic;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// Which of a key's candidates a writing can lend support to, found without comparing it with every candidate.
/// <see cref="Agreement.Support"/> is non-zero only for a candidate in the same unit class whose interval overlaps the
/// writing's, lies within ten times <see cref="ReconcilerOptions.CloseScale"/> of it relative to the larger magnitude, or
/// overlaps it after a 10^k slip (|k| ≤ 12); text values only support the same text. The bounded, narrow candidates of
/// each unit class are sorted by their lower bound, and a writing scans outwards from its own position until no further
/// candidate can be that close, plus one window per slip exponent; unbounded and unusually wide candidates are always
/// tried. The result is a superset of the candidates with non-zero support, in ascending order: the caller evaluates
/// <see cref="Agreement.Support"/> on each, so the support table is the same, entry for entry, as over every pair. The
/// work per key grows with the pairs that support each other instead of with the square of its distinct values.
/// </summary>
internal sealed class SupportSweep
{
    /// <summary>Keys with at most this many candidates compare every pair: fewer comparisons than building the index.</summary>
    public const int MinCandidates = 48;

    /// <summary>Candidates of one unit class: the narrow bounded ones sorted by lower bound, the rest always tried.</summary>
    private sealed class UnitClass
    {
        public readonly List<int> Sorted = [];
        public double[] Low = [];
        public readonly List<int> Always = [];
        /// <summary>Upper bound on the width of the sorted candidates.</summary>
        public double MaxWidth;
    }

    private readonly WorkingCandidate[] _candidates;
    private readonly Dictionary<(bool InReference, Unit Unit), UnitClass> _classes = [];
    private readonly Dictionary<string, List<int>> _texts = new(StringComparer.Ordinal);
    /// <summary>Relative gap under which close support is non-zero (0 when close support is off); above 0.5 every
    /// candidate of the class is tried.</summary>
    private readonly double _reach;
    private readonly bool _slips;
    private readonly int[] _stamp;
    private int _round;

    public SupportSweep(WorkingCandidate[] candidates, ReconcilerOptions options)
    {
        _candidates = candidates;
        _reach = options.CloseSupport > 0 ? 10 * options.CloseScale : 0;
        _slips = options.SlipSupport > 0;
        _stamp = new int[candidates.Length];
        var widths = new Dictionary<UnitClass, List<(int Index, double Low, double Width)>>();
        for (var j = 0; j < candidates.Length; j++)
        {
            var r = candidates[j].Representative;
            if (!r.Numeric)
            {
                var text = r.NormalizedText ?? "";
                if (!_texts.TryGetValue(text, out var same)) _texts[text] = same = [];
                same.Add(j);
                continue;
            }
            var cls = ClassOf(r, create: true)!;
            if (!Bounded(r.Interval)) { cls.Always.Add(j); continue; }
            if (!widths.TryGetValue(cls, out var list)) widths[cls] = list = [];
            list.Add((j, (double)r.Interval.Low, (double)r.Interval.High - (double)r.Interval.Low));
        }
        foreach (var (cls, list) in widths)
        {
            // Ranges and coarse figures far wider than the class's typical writing are tried by every writing, so that
            // one range does not widen every scan.
            var ordered = list.ConvertAll(t => t.Width);
            ordered.Sort();
            var limit = Math.Max(16 * ordered[ordered.Count / 2], 0);
            list.Sort((a, b) => a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.Index.CompareTo(b.Index));
            var lows = new List<double>(list.Count);
            foreach (var (index, low, width) in list)
            {
                if (width > limit || double.IsNaN(width)) { cls.Always.Add(index); continue; }
                cls.Sorted.Add(index);
                lows.Add(low);
                cls.MaxWidth = Math.Max(cls.MaxWidth, width);
            }
            cls.Low = [.. lows];
            // Slack for the rounding of decimal to double.
            cls.MaxWidth = cls.MaxWidth * (1 + 1e-9) + Slack(cls.Low.Length == 0 ? 0 : Math.Max(Math.Abs(cls.Low[0]), Math.Abs(cls.Low[^1])));
        }
    }

    /// <summary>Fills <paramref name="result"/> with the candidates writing <paramref name="p"/> may support (always
    /// including <paramref name="own"/>, its own candidate), ascending.</summary>
    public void Collect(PreparedObservation p, int own, List<int> result)
    {
        result.Clear();
        if (++_round == int.MaxValue) { Array.Clear(_stamp); _round = 1; }
        Take(own, result);
        if (!p.Numeric)
        {
            if (_texts.TryGetValue(p.NormalizedText ?? "", out var same)) foreach (var j in same) Take(j, result);
        }
        else if (ClassOf(p, create: false) is { } cls)
        {
            foreach (var j in cls.Always) Take(j, result);
            if (!Bounded(p.Interval) || _reach > 0.5)
                foreach (var j in cls.Sorted) Take(j, result);
            else
            {
                Near(p.Interval, cls, result);
                if (_slips) Slips(p.Interval, cls, result);
            }
        }
        result.Sort();
    }

    private void Take(int j, List<int> result)
    {
        if (_stamp[j] == _round) return;
        _stamp[j] = _round;
        result.Add(j);
    }

    /// <summary>Candidates that overlap the interval or lie within the close-support reach of it. Scanning up from the
    /// first lower bound above the interval's upper end and down from there, a candidate b is passed over only when a
    /// lower bound on its gap exceeds the reach times an upper bound on the larger magnitude; both bounds move
    /// monotonically along the scan, so the first such candidate ends it.</summary>
    private void Near(ValueInterval a, UnitClass cls, List<int> result)
    {
        double aLow = (double)a.Low, aHigh = (double)a.High;
        var ma = Math.Max(Math.Abs(aLow), Math.Abs(aHigh));
        var w = cls.MaxWidth;
        var start = UpperBound(cls.Low, aHigh);
        for (var k = start; k < cls.Low.Length; k++)
        {
            var low = cls.Low[k];
            // Above the interval: the gap is low − aHigh; the candidate's magnitude is at most |low| + w.
            var gap = low - aHigh;
            var reach = _reach * Math.Max(ma, Math.Abs(low) + w);
            if (gap > reach + Slack(Math.Abs(low) + Math.Abs(aHigh) + ma + w)) break;
            Take(cls.Sorted[k], result);
        }
        for (var k = start - 1; k >= 0; k--)
        {
            var low = cls.Low[k];
            // At or below: the gap is at least aLow − (low + w).
            var gap = aLow - low - w;
            var reach = _reach * Math.Max(ma, Math.Abs(low) + w);
            if (gap > reach + Slack(Math.Abs(low) + Math.Abs(aLow) + ma + w)) break;
            Take(cls.Sorted[k], result);
        }
    }

    /// <summary>Candidates that overlap the interval scaled by 10^k for some k ≠ 0, |k| ≤ 12 (the exponents
    /// <see cref="Agreement.SlipExponent"/> tries): lower bounds between the scaled interval's low end less the widest
    /// candidate and its high end.</summary>
    private void Slips(ValueInterval a, UnitClass cls, List<int> result)
    {
        if (cls.Low.Length == 0) return;
        for (var k = -12; k <= 12; k++)
        {
            if (k == 0) continue;
            var scaled = a.Scale(ValueInterval.Pow10(k));
            if (!Bounded(scaled))
            {
                // Out of decimal's range: no scan can bound it; every candidate is tried.
                foreach (var j in cls.Sorted) Take(j, result);
                return;
            }
            double low = (double)scaled.Low, high = (double)scaled.High;
            var slack = Slack(Math.Abs(low) + Math.Abs(high) + cls.MaxWidth);
            var from = LowerBound(cls.Low, low - cls.MaxWidth - slack);
            for (var i = from; i < cls.Low.Length && cls.Low[i] <= high + slack; i++) Take(cls.Sorted[i], result);
        }
    }

    private UnitClass? ClassOf(PreparedObservation p, bool create)
    {
        var key = (p.InReferenceUnit, p.InReferenceUnit ? Unit.None : p.O.Unit);
        if (_classes.TryGetValue(key, out var cls)) return cls;
        if (!create) return null;
        return _classes[key] = new UnitClass();
    }

    private static bool Bounded(ValueInterval iv) => iv.Low != decimal.MinValue && iv.High != decimal.MaxValue;

    /// <summary>Rounding slack for sums and differences of doubles of about this size.</summary>
    private static double Slack(double magnitude) => 1e-9 * magnitude + double.Epsilon;

    /// <summary>First index whose value is greater than <paramref name="x"/>.</summary>
    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>First index whose value is at least <paramref name="x"/>.</summary>
    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
