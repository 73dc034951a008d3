using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Reconciliation;

namespace Pipeline.Bench;

/// <summary>Synthetic observations for reconciliation benchmarks: sources of varied reliability report values for
/// many keys, with exact agreement, rounding, magnitude slips and outliers. Deterministic for a seed.</summary>
public static class ObservationGenerator
{
    /// <param name="statedPairs">Share of observations that also state the amount in another currency (as
    /// <c>13.2 亿美元（92.93 亿元人民币）</c> does), which the reconciler turns into conversions and rate checks.</param>
    public static List<Observation> Generate(int count, int seed, int sources = 20, int perKey = 10, double statedPairs = 0)
    {
        var random = new Random(seed);
        var keys = Math.Max(1, count / perKey);
        var reliability = Enumerable.Range(0, sources).Select(_ => 0.5 + random.NextDouble() * 0.5).ToArray();
        var metrics = new[] { "revenue", "net_loss", "rd_expense", "market_cap", "users" };
        var result = new List<Observation>(count);
        for (var i = 0; i < count; i++)
        {
            var k = i % keys;
            var truth = 1_000_000m + k * 137m;
            var s = random.Next(sources);
            var r = random.NextDouble();
            var value = r < reliability[s] ? truth
                : r < reliability[s] + 0.1 ? Math.Round(truth / 1000m) * 1000m
                : r < reliability[s] + 0.15 ? truth * 10m
                : truth + random.Next(1, 500_000);
            result.Add(new Observation
            {
                Key = new FactKey($"E{k / 5}", metrics[k % metrics.Length], "2025-01-01/2025-12-31"),
                Source = $"S{s:D2}",
                Document = $"D{s:D2}-{k}",
                Value = value,
                Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Unit = Recognition.Unit.Parse("CNY"),
                ClaimId = $"c{i}",
                PeriodLabel = "2025",
                EquivalentValue = random.NextDouble() < statedPairs ? Math.Round(value * 7.1m, 2) : null,
                EquivalentUnit = Recognition.Unit.Parse("USD"),
            });
        }
        return result;
    }
}
