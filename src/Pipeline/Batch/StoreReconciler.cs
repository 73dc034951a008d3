using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Output;
using Pipeline.Reconciliation;
using Pipeline.Storage;

namespace Pipeline.Batch;

/// <summary>What reconciling a store gave: the result (quotes filled in for the audit), its rows, how many fact rows
/// changed against the store's previous table, how many claims went in, and the entity merge applied to them.</summary>
public sealed record StoreReconciliation(ReconciliationResult Result, IReadOnlyList<FactRow> Facts, IReadOnlyList<ConflictRow> Conflicts,
    int Changed, int Claims, Func<string, string> MergeEntity);

/// <summary>
/// The one reconciliation step over a store: every claim of the given documents, with entities merged across
/// documents, reconciled into facts and conflicts that replace the store's tables. <c>pipeline run</c> does it at the
/// end of a batch; <c>pipeline reconcile --store URL</c> does it alone, over every document of the store.
/// </summary>
public static class StoreReconciler
{
    /// <param name="meanwhile">Work that needs the store and the entity merge but not the facts (writing the claims and
    /// mentions): run on this thread while the reconciler works on another, so a run's end uses two cores.</param>
    public static StoreReconciliation Reconcile(PipelineStore store, IReadOnlySet<string> documents, IReconciler reconciler,
        Action<Func<string, string>>? meanwhile = null)
    {
        // One company written differently by different documents (云帆汽车 / Yunfan Auto, linked by 09876.HK) is one
        // entity: canonical names are merged through the definitions the documents stored, before reconciling.
        ReleaseMemory();
        MemoryTrace.Mark("reconcile: start");
        var merger = new EntityMerger(EntityLexicon.Default);
        merger.Add(store.EntityDefinitions(documents));
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        string Merge(string entity) => merged.TryGetValue(entity, out var m) ? m : merged[entity] = merger.Resolve(entity);
        var mergedKeys = new Dictionary<FactKey, FactKey>(); // one merged key object per key, not per claim
        FactKey MergeKey(FactKey k) => mergedKeys.TryGetValue(k, out var m) ? m : mergedKeys[k] = k with { Entity = Merge(k.Entity) };
        var observations = store.Observations(documents)
            .Select(o => Merge(o.Key.Entity) is var e && e != o.Key.Entity ? o with { Key = MergeKey(o.Key) } : o)
            .ToList();
        MemoryTrace.Mark($"reconcile: {observations.Count} observations read");
        ReleaseMemory();
        MemoryTrace.Mark("reconcile: collected");
        var computing = System.Threading.Tasks.Task.Run(() => reconciler.Reconcile(observations));
        meanwhile?.Invoke(Merge);
        MemoryTrace.Mark("reconcile: meanwhile done");
        var raw = computing.GetAwaiter().GetResult();
        MemoryTrace.Mark("reconcile: reconciled");
        // The reconciler's working tables (prepared observations, support, candidates) are garbage now: collected here,
        // the outputs below start from the facts and the claims they cite, not beside the reconciler's peak.
        ReleaseMemory();
        MemoryTrace.Mark("reconcile: collected");
        var reconciliation = WithQuotes(raw, store);
        MemoryTrace.Mark("reconcile: quotes");
        var factRows = reconciliation.Facts.Select(FactRow.From).ToList();
        var conflictRows = reconciliation.Facts.SelectMany(ConflictRow.From).ToList();
        MemoryTrace.Mark("reconcile: rows");
        var changed = store.ReplaceFacts(factRows, conflictRows);
        MemoryTrace.Mark("reconcile: stored");
        return new StoreReconciliation(reconciliation, factRows, conflictRows, changed, observations.Count, Merge);
    }

    /// <summary>
    /// A phase boundary: the heap the documents' processing (or the reading of the claims) grew is mostly garbage by
    /// now, and a collection only when the next phase's allocations ask for one would leave it committed beside the
    /// reconciliation's own working set, so that the process's peak grew with both. Collected and given back here, the
    /// reconciliation starts from what is live: the claims it holds. One blocking collection, tens of milliseconds.
    /// </summary>
    private static void ReleaseMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Observations are reconciled without their quotes (memory); the audit shows quotes, so they are
    /// fetched for the evidence it prints: every candidate of a conflict, and the first support of other facts.</summary>
    private static ReconciliationResult WithQuotes(ReconciliationResult result, PipelineStore store)
    {
        var wanted = result.Facts.SelectMany(f => f.Status == FactStatus.Conflict
            ? f.Candidates.SelectMany(c => c.Support)
            : f.Chosen.Support.Take(1)).Select(o => o.ClaimId).Where(id => id.Length > 0);
        var quotes = store.Quotes(wanted);
        Observation Fill(Observation o) => quotes.TryGetValue(o.ClaimId, out var q) && o.Quote.Length == 0 ? o with { Quote = q } : o;
        // A candidate none of whose claims gets a quote keeps its own list (no copy of every claim of the batch).
        Candidate FillCandidate(Candidate c) => c.Support.Any(o => o.Quote.Length == 0 && quotes.ContainsKey(o.ClaimId))
            ? c with { Support = c.Support.Select(Fill).ToList() }
            : c;
        var facts = result.Facts.Select(f => f with
        {
            Chosen = FillCandidate(f.Chosen),
            Candidates = f.Candidates.Select(FillCandidate).ToList(),
        }).ToList();
        return result with { Facts = facts };
    }
}
