using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NUnit.Framework;
using Pipeline.Recognition;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>Scale: synthetic observations from sources of known reliability. Times are printed, never asserted (speed
/// belongs to <c>pipeline bench</c>).</summary>
public class ReconcilerScaleTests
{
    internal static List<Observation> Synthetic(int keys, int perKey, int sources, int seed = 7)
    {
        var random = new Random(seed);
        var reliability = Enumerable.Range(0, sources).Select(_ => 0.5 + 0.5 * random.NextDouble()).ToArray();
        var list = new List<Observation>(keys * perKey);
        for (var k = 0; k < keys; k++)
        {
            var truth = random.Next(1000, 1_000_000);
            var key = new FactKey($"e{k / 10}", $"m{k % 10}", "2024-01-01/2024-12-31");
            for (var j = 0; j < perKey; j++)
            {
                var s = random.Next(sources);
                var value = random.NextDouble() < reliability[s] ? truth : truth + random.Next(-5000, 5000);
                list.Add(new Observation { Key = key, Source = $"s{s}", Value = value, Unit = Unit.Count, Precision = 1, ClaimId = $"c{list.Count}" });
            }
        }
        return list;
    }

    [Test, Explicit("a timing: run by hand; reconciliation speed is measured by `pipeline bench` (reconciliation scaling), never asserted in the default run")]
    public void Reconciles_a_hundred_thousand_observations_quickly()
    {
        var observations = Synthetic(20_000, 5, 200);
        var clock = Stopwatch.StartNew();
        var result = new TruthDiscoveryReconciler().Reconcile(observations);
        clock.Stop();
        TestContext.Out.WriteLine($"{observations.Count} observations, {result.Facts.Count} keys: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.That(result.Facts, Has.Count.EqualTo(20_000));
    }

    [Test]
    public void Same_result_in_any_input_order()
    {
        var observations = Synthetic(2_000, 5, 50, seed: 11);
        var shuffled = observations.OrderBy(o => (o.ClaimId.GetHashCode() * 31) ^ o.Source.Length).ToList();
        string Render(ReconciliationResult r) =>
            string.Join("\n", r.Facts.Select(f => $"{f.Key} {f.Chosen.Value} {f.Confidence} {f.Status} {string.Join(",", f.Candidates.Select(c => c.Value))}"))
            + string.Join("\n", r.SourceReliability.Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.That(Render(new TruthDiscoveryReconciler().Reconcile(shuffled)), Is.EqualTo(Render(new TruthDiscoveryReconciler().Reconcile(observations))));
    }

    [Test, Explicit("one million observations: run by hand (about a minute of CPU on the shared machine)")]
    public void Reconciles_a_million_observations()
    {
        var observations = Synthetic(200_000, 5, 1000);
        var clock = Stopwatch.StartNew();
        var result = new TruthDiscoveryReconciler().Reconcile(observations);
        clock.Stop();
        TestContext.Out.WriteLine($"{observations.Count} observations, {result.Facts.Count} keys: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.That(result.Facts, Has.Count.EqualTo(200_000));
    }
}
