using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// A source's testimony that a competing figure belongs to another entity: the source states value V for entity E′
/// and a different value for E, where some other source states V for E (a bot that wrote the town's population on
/// the village's page, a parent company's revenue quoted for its subsidiary).
/// </summary>
/// <param name="Witness">Index of the source that tells the two entities apart.</param>
/// <param name="OtherEntity">The entity the witness gives the figure to.</param>
/// <param name="Coincidence">Probability that the witness would state the same figure for some other entity by
/// chance, given how many figures it states for this metric and period and how common the figure is among them.</param>
internal sealed record EntityTestimony(int Witness, string OtherEntity, double Coincidence);

/// <summary>
/// Finds <see cref="EntityTestimony"/> for every candidate of every contested key. A match counts only when it is
/// unlikely to be a coincidence: the expected number of chance matches, (figures the witness states for the metric
/// and period − 1) × (share of all figures for that metric and period that equal V elsewhere), must stay under
/// <see cref="ReconcilerOptions.EntityMismatchMaxCoincidence"/>. A prolific source matching a common round figure
/// proves nothing; a source with a few dozen figures that gives 1,194 to the town and 250 to the village does.
/// </summary>
internal static class EntityMismatchFinder
{
    private readonly record struct Slice(string Metric, string Period, Unit Unit);

    public static void Find(List<KeyGroup> groups, ReconcilerOptions options)
    {
        if (options.EntityMismatchMaxCoincidence <= 0) return;
        // Per (metric, period, unit): figures in all, figures per source, and who gives each figure to which entity.
        var total = new Dictionary<Slice, int>();
        var perSource = new Dictionary<(Slice, int), int>();
        var givers = new Dictionary<(Slice, string), List<(int Source, string Entity)>>();
        foreach (var g in groups)
        {
            foreach (var c in g.Candidates)
            {
                if (c.Probe is not { } probe) continue;
                var slice = SliceOf(g, probe);
                if (!givers.TryGetValue((slice, probe.Value), out var list)) givers[(slice, probe.Value)] = list = [];
                foreach (var source in c.SourceIds)
                {
                    total[slice] = total.GetValueOrDefault(slice) + 1;
                    perSource[(slice, source)] = perSource.GetValueOrDefault((slice, source)) + 1;
                    list.Add((source, g.Key.Entity));
                }
            }
        }

        foreach (var g in groups)
        {
            if (g.Candidates.Length < 2) continue;
            HashSet<int>? here = null;
            foreach (var c in g.Candidates)
            {
                c.EntityTestimonies = [];
                if (c.Probe is not { } probe) continue;
                var slice = SliceOf(g, probe);
                var list = givers[(slice, probe.Value)];
                var stating = c.SourceIds.ToHashSet();
                var elsewhere = list.Count - stating.Count;
                // A witness states at least two figures, so a chance match is expected at least elsewhere / total
                // times: when that is already too likely, no witness can count.
                if (elsewhere <= 0 || (double)elsewhere / total[slice] > options.EntityMismatchMaxCoincidence) continue;
                here ??= g.Sources.ToHashSet();
                var witnesses = new SortedDictionary<int, EntityTestimony>();
                foreach (var (source, entity) in list)
                {
                    if (entity == g.Key.Entity || stating.Contains(source) || !here.Contains(source)) continue;
                    var expected = (perSource[(slice, source)] - 1) * (double)elsewhere / total[slice];
                    if (expected > options.EntityMismatchMaxCoincidence) continue;
                    if (witnesses.TryGetValue(source, out var known) && string.CompareOrdinal(known.OtherEntity, entity) <= 0) continue;
                    witnesses[source] = new EntityTestimony(source, entity, 1 - Math.Exp(-expected));
                }
                c.EntityTestimonies = witnesses.Values.ToArray();
            }
        }
    }

    /// <summary>How much of a candidate's vote survives the testimonies: each witness removes the share it is
    /// believed (its reliability, less the chance that its match is a coincidence).</summary>
    public static double Discount(WorkingCandidate c, double[] trust)
    {
        var keep = 1.0;
        foreach (var t in c.EntityTestimonies) keep *= 1 - trust[t.Witness] * (1 - t.Coincidence);
        return keep;
    }

    private static Slice SliceOf(KeyGroup g, EntityProbe probe) => new(g.Key.Metric, g.Key.Period, probe.Unit);
}
