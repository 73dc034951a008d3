using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Recognition;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// The sweep that finds which candidates a writing can support never misses one: every candidate to which
/// <see cref="Agreement.Support"/> gives a non-zero share is among those it returns, for exact figures, approximate ones,
/// bounds, ranges, text values, negative figures, magnitude slips and two unit classes.
/// </summary>
public class SupportSweepTests
{
    private static readonly Unit Cny = Unit.Parse("CNY"), Usd = Unit.Parse("USD");

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Every_candidate_with_support_is_found(int seed)
    {
        var random = new Random(seed);
        var options = new ReconcilerOptions();
        var candidates = Candidates(random, 400);
        var sweep = new SupportSweep(candidates, options);
        var found = new List<int>();
        var writings = candidates.Select(c => c.Representative).Concat(Enumerable.Range(0, 200).Select(_ => Writing(random))).ToList();
        var supported = 0;
        foreach (var p in writings)
        {
            var own = Array.FindIndex(candidates, c => ReferenceEquals(c.Representative, p));
            sweep.Collect(p, Math.Max(own, 0), found);
            Assert.That(found, Is.Ordered.And.Unique);
            var set = found.ToHashSet();
            for (var j = 0; j < candidates.Length; j++)
            {
                if (Agreement.Support(p, candidates[j], options) == 0) continue;
                supported++;
                Assert.That(set, Does.Contain(j), $"{p.Interval} supports {candidates[j].Interval} ({candidates[j].Id}) but the sweep missed it");
            }
        }
        Assert.That(supported, Is.GreaterThan(writings.Count), "the sample should hold many supporting pairs");
    }

    [Test]
    public void Spread_figures_are_compared_with_their_neighbours_only()
    {
        // A thousand revenue figures between 1 and 1,000 (亿元), each written to the cent of 亿 as a repeated story
        // with its own figure is: a writing supports the few within the close-support reach, not all.
        var random = new Random(7);
        var candidates = Enumerable.Range(0, 1000)
            .Select(i => Candidate(Numeric(Math.Round((decimal)(1 + random.NextDouble() * 999), 2) * 100_000_000m, 1_000_000m, Qualifier.Exact, Cny, true)))
            .ToArray();
        var options = new ReconcilerOptions();
        var sweep = new SupportSweep(candidates, options);
        var found = new List<int>();
        long tried = 0, nonZero = 0;
        foreach (var c in candidates)
        {
            sweep.Collect(c.Representative, 0, found);
            tried += found.Count;
            nonZero += candidates.Count(x => Agreement.Support(c.Representative, x, options) != 0);
        }
        Assert.That(tried, Is.LessThan(candidates.Length * (long)candidates.Length / 4), "the sweep should try a fraction of all pairs");
        Assert.That(tried, Is.GreaterThanOrEqualTo(nonZero));
    }

    private static WorkingCandidate[] Candidates(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => Candidate(Writing(random))).ToArray();

    private static int _id;

    private static WorkingCandidate Candidate(PreparedObservation p) => new($"c{_id++}", [p]);

    /// <summary>A writing near one of a few figures: the figure itself, a near miss, a rounding, a slip by 10^k, a bound, a
    /// range, a negative, a text value; in the key's reference unit or in another.</summary>
    private static PreparedObservation Writing(Random random)
    {
        decimal[] figures = [1.32m, 21.954m, 116.2m, 4_800m, 92_930_000m, 1_320_000_000m, 0.05m];
        var figure = figures[random.Next(figures.Length)];
        var inReference = random.Next(5) > 0;
        var unit = inReference ? Cny : Usd;
        var kind = random.Next(10);
        var scale = (decimal)Math.Pow(10, -random.Next(0, 4)) * (random.Next(2) == 0 ? 1 : 10);
        var value = kind switch
        {
            0 => figure * (1 + (decimal)(random.NextDouble() - 0.5) / 10),
            1 => figure * ValueInterval.Pow10(random.Next(-6, 7)),
            2 => -figure,
            _ => figure + (decimal)(random.NextDouble() - 0.5) * figure / 50,
        };
        value = Math.Round(value, 4);
        var precision = Math.Max(ValueInterval.DerivePrecision(value), 0.0001m) * scale;
        return kind switch
        {
            3 => Numeric(value, precision, random.Next(2) == 0 ? Qualifier.GreaterThan : Qualifier.LessThan, unit, inReference),
            4 => Numeric(value, precision, Qualifier.Exact, unit, inReference, rangeEnd: value * (1 + (decimal)random.NextDouble())),
            5 => Numeric(value, precision, Qualifier.Approximate, unit, inReference),
            6 when random.Next(3) == 0 => new PreparedObservation(new Observation { Key = Key, Source = "s", Text = random.Next(2) == 0 ? "Nasdaq" : "HKEX" }, 0)
            {
                Numeric = false, NormalizedText = random.Next(2) == 0 ? "nasdaq" : "hkex",
            },
            _ => Numeric(value, precision, Qualifier.Exact, unit, inReference),
        };
    }

    private static readonly FactKey Key = new("星河科技", "revenue", "2025-01-01/2025-12-31");

    private static PreparedObservation Numeric(decimal value, decimal precision, Qualifier qualifier, Unit unit, bool inReference, decimal? rangeEnd = null)
    {
        var interval = ValueInterval.Of(value, precision, qualifier, rangeEnd);
        return new PreparedObservation(new Observation { Key = Key, Source = "s", Value = value, Unit = unit, Qualifier = qualifier, Precision = precision, RangeEnd = rangeEnd }, 0)
        {
            Numeric = true, InReferenceUnit = inReference, Interval = interval, RawInterval = interval, Precision = precision,
        };
    }
}
