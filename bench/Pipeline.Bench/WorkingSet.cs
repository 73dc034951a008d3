using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Bench;

/// <summary>
/// A run's working set read at intervals: the median and 95th percentile of the readings, the highest and when it came,
/// and the highest in each tenth of the run. A peak that grows with the documents processed rises from tenth to tenth;
/// swings of one size show as a flat series.
/// </summary>
public sealed record WorkingSet(int Readings, double Median, double P95, double Highest, double HighestAt, IReadOnlyList<double> Tenths)
{
    /// <summary>Null for fewer than ten readings.</summary>
    public static WorkingSet? Of(IReadOnlyList<(double Seconds, double Mb)> samples)
    {
        if (samples.Count < 10) return null;
        var sorted = samples.Select(s => s.Mb).Order().ToList();
        double Quantile(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * (sorted.Count - 1)))];
        var highest = samples.MaxBy(s => s.Mb);
        var end = samples[^1].Seconds;
        var tenths = Enumerable.Range(0, 10)
            .Select(i => samples.Where(s => s.Seconds >= end * i / 10 && (i == 9 ? s.Seconds <= end : s.Seconds < end * (i + 1) / 10)).Select(s => s.Mb).DefaultIfEmpty(0).Max())
            .ToList();
        return new WorkingSet(samples.Count, Quantile(0.5), Quantile(0.95), highest.Mb, highest.Seconds, tenths);
    }
}
