using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>
/// Plain voting: for each key, the value with the most supporting sources wins (ties: the smaller value, then the
/// text, so the result is deterministic). Values agree only when equal. The baseline the truth-discovery
/// reconciler is measured against.
/// </summary>
public sealed class MajorityReconciler : IReconciler
{
    public ReconciliationResult Reconcile(IReadOnlyList<Observation> observations)
    {
        var facts = new List<ReconciledFact>();
        foreach (var group in observations.GroupBy(o => o.Key).OrderBy(g => g.Key.Entity, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Metric, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal))
        {
            var candidates = group
                .GroupBy(o => (o.Value, Text: o.Value is null ? o.Text : null, o.Unit, o.Qualifier))
                .Select(g => new Candidate(g.Key.Value, g.Key.Text ?? g.First().Text, g.Key.Unit, g.Key.Qualifier, g.ToList()))
                .OrderByDescending(c => c.Support.Select(o => o.Source).Distinct().Count())
                .ThenBy(c => c.Value ?? decimal.MaxValue)
                .ThenBy(c => c.Text, StringComparer.Ordinal)
                .ToList();
            var total = group.Select(o => o.Source).Distinct().Count();
            var ranked = candidates.Select((c, i) => c with
            {
                Chosen = i == 0,
                Confidence = (double)c.Support.Select(o => o.Source).Distinct().Count() / total,
                Diagnosis = i == 0 ? Diagnosis.None : Diagnosis.Unexplained,
            }).ToList();
            var status = ranked.Count > 1 ? FactStatus.Conflict : total > 1 ? FactStatus.Agreed : FactStatus.Single;
            facts.Add(new ReconciledFact(group.Key, group.First().PeriodLabel, status, ranked[0], ranked,
                status == FactStatus.Conflict ? "majority vote" : ""));
        }
        return new ReconciliationResult(facts, [], new Dictionary<string, double>());
    }
}
