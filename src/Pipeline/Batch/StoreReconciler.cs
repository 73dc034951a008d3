using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Output;
using Pipeline.Reconciliation;
using Pipeline.Storage;

namespace Pipeline.Batch;

/// <summary>What reconciling a store gave: the audit built fact by fact (quotes filled in), the checks and source
/// reliabilities, the fact and conflict rows, how many fact rows changed against the store's previous table, how many
/// claims went in, and the entity merge applied to them. The audit's text and the rows wait in temporary files
/// (<see cref="TextSpool"/>, <see cref="RowSpool{T}"/>) until the outputs are written; disposing removes them.</summary>
public sealed record StoreReconciliation(AuditSections Audit, IReadOnlyList<ArithmeticCheck> Checks, IReadOnlyDictionary<string, double> SourceReliability,
    RowSpool<FactRow> Facts, RowSpool<ConflictRow> Conflicts, int Changed, int Claims, Func<string, string> MergeEntity) : IDisposable
{
    public void WriteMarkdown(System.IO.TextWriter w) => Audit.WriteMarkdown(Checks, SourceReliability, w);
    public void WriteHtml(System.IO.TextWriter w) => Audit.WriteHtml(Checks, SourceReliability, w);

    public void Dispose()
    {
        Audit.Dispose();
        Facts.Dispose();
        Conflicts.Dispose();
    }
}

/// <summary>
/// The one reconciliation step over a store: every claim of the given documents, with entities merged across
/// documents, reconciled into facts and conflicts that replace the store's tables. <c>pipeline run</c> does it at the
/// end of a batch; <c>pipeline reconcile --store URL</c> does it alone, over every document of the store. The claims
/// are read a key at a time, as the reconciler asks (<see cref="IObservationPartitions"/>), on a second connection,
/// and each fact becomes rows and audit text as it is made, spooled to temporary files: what is held is one key's claims
/// and the vote tables of all keys.
/// </summary>
public static class StoreReconciler
{
    /// <param name="meanwhile">Work that needs the store and the entity merge but not the facts (writing the claims and
    /// mentions): run on this thread while the reconciler works on another, so a run's end uses two cores.</param>
    /// <param name="ceiling">Ticked as claims are read (<see cref="AllocationCeiling"/>).</param>
    public static StoreReconciliation Reconcile(PipelineStore store, IReadOnlySet<string> documents, IReconciler reconciler,
        Action<Func<string, string>>? meanwhile = null, AuditReportOptions? audit = null, AllocationCeiling? ceiling = null)
    {
        // One company written differently by different documents (云帆汽车 / Yunfan Auto, linked by 09876.HK) is one
        // entity: canonical names are merged through the definitions the documents stored, before reconciling.
        ReleaseMemory();
        MemoryTrace.Mark("reconcile: start");
        var merger = new EntityMerger(EntityLexicon.Default);
        merger.Add(store.EntityDefinitions(documents));
        var merged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string Merge(string entity) => merged.GetOrAdd(entity, merger.Resolve);
        var keys = store.ClaimKeys();
        foreach (var k in keys) Merge(k.Entity); // resolved here, once, before two threads ask
        var sections = new AuditSections(audit);
        var factRows = new RowSpool<FactRow>(SpooledRowsJson.Default.FactRow);
        var conflictRows = new RowSpool<ConflictRow>(SpooledRowsJson.Default.ConflictRow);
        var result = new StoreReconciliation(sections, [], new Dictionary<string, double>(), factRows, conflictRows, 0, 0, Merge);
        var claims = 0;
        using var reader = store.OpenReader();
        var partitions = new StorePartitions(reader, documents, keys, Merge, ReleaseMemory, ceiling ?? AllocationCeiling.None);
        void Take(IReadOnlyList<ReconciledFact> facts)
        {
            if (factRows.Count == 0) MemoryTrace.Mark("reconcile: first fact");
            foreach (var f in WithQuotes(facts, reader, sections.Options))
            {
                claims += f.Candidates.Sum(c => c.Support.Count);
                factRows.Add(FactRow.From(f));
                conflictRows.AddRange(ConflictRow.From(f));
                sections.Add(f);
            }
        }
        try
        {
            var computing = System.Threading.Tasks.Task.Run(() => reconciler.Reconcile(partitions, Take));
            try
            {
                meanwhile?.Invoke(Merge);
            }
            catch
            {
                // The reconciler reads the second connection and writes the spools: it is done with them before they go.
                try { computing.Wait(); } catch (AggregateException) { }
                throw;
            }
            MemoryTrace.Mark("reconcile: meanwhile done");
            var (checks, reliability) = computing.GetAwaiter().GetResult();
            MemoryTrace.Mark("reconcile: reconciled");
            // The reconciler's vote tables are garbage now, and the collector sized its allowance for new objects to them
            // (it does so at each full collection: those between the keys' reads counted them): given back here, the
            // facts are stored and the outputs written from what is live.
            ReleaseMemory();
            var changed = store.ReplaceFacts(factRows, conflictRows);
            MemoryTrace.Mark("reconcile: stored");
            return result with { Checks = checks, SourceReliability = reliability, Changed = changed, Claims = claims };
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A phase boundary: the heap the documents' processing (or the reading of the claims) grew is mostly garbage by
    /// now, and a collection only when the next phase's allocations ask for one would leave it committed beside the
    /// reconciliation's own working set, so that the process's peak grew with both. Collected and given back here, the
    /// reconciliation starts from what is live: the claims it holds. One blocking collection, tens of milliseconds.
    /// </summary>
    private static void ReleaseMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The facts are built from observations read without their quotes (memory: only the first pass reads them,
    /// for the basis markers); the audit shows quotes, so they are fetched for the evidence it prints: every candidate
    /// of a conflict it lists, and the first support of other facts.</summary>
    private static IEnumerable<ReconciledFact> WithQuotes(IReadOnlyList<ReconciledFact> facts, PipelineStore store, AuditReportOptions audit)
    {
        var wanted = facts.SelectMany(f => f.Status == FactStatus.Conflict
            ? AuditReport.Listed(f, audit).SelectMany(c => c.Support)
            : f.Chosen.Support.Take(1)).Select(o => o.ClaimId).Where(id => id.Length > 0);
        var quotes = store.Quotes(wanted);
        Observation Fill(Observation o) => quotes.TryGetValue(o.ClaimId, out var q) && o.Quote.Length == 0 ? o with { Quote = q } : o;
        // A candidate none of whose claims gets a quote keeps its own list (no copy of every claim of the batch).
        Candidate FillCandidate(Candidate c) => c.Support.Any(o => o.Quote.Length == 0 && quotes.ContainsKey(o.ClaimId))
            ? c with { Support = c.Support.Select(Fill).ToList() }
            : c;
        return facts.Select(f => f with
        {
            Chosen = FillCandidate(f.Chosen),
            Candidates = f.Candidates.Select(FillCandidate).ToList(),
        });
    }
}

/// <summary>The claims of a store's documents read a key at a time (every key the entity merge joins into one), with
/// entities merged; with their quotes the first time a key is read only.</summary>
internal sealed class StorePartitions : IObservationPartitions
{
    private readonly PipelineStore _store;
    private readonly IReadOnlySet<string> _documents;
    private readonly Func<string, string> _merge;
    private readonly Dictionary<FactKey, List<FactKey>> _written = [];
    private readonly HashSet<FactKey> _quoted = [];

    /// <summary>Bytes the process allocates (on any thread) between two calls of the release callback. A count of claims
    /// read would let the heap grow with what the keys between two calls make of their claims (a conflict of thousands of
    /// values allocates tens of megabytes for its rows and audit); a count of bytes bounds it. The writing of claims and
    /// mentions that runs meanwhile on another thread counts too: counting the reconciling thread's bytes alone left that
    /// writing's garbage to the collector's own pace, and the 1 GB run's peak rose from 293-304 MB to 318-328 MB. Every 32 MB
    /// rather than 64: 1 GB run peak 283-287 MB against 313-329 MB, reconciliation 13.3-14.7 s against 13.0-14.2 s; on
    /// the issue-20 corpus the run's end took 0.51-0.55 s against 0.49-0.54 s (five interleaved rounds).</summary>
    public const long ReleaseEveryBytes = 32L << 20;

    private readonly Action _release;
    private readonly AllocationCeiling _ceiling;
    private long _allocatedAtRelease = GC.GetTotalAllocatedBytes();

    /// <param name="release">Called before a key is read once the process has allocated <see cref="ReleaseEveryBytes"/>
    /// since the last call: most of it is garbage by then (the reconciler keeps only each key's vote tables), and collected
    /// it leaves the process instead of piling up beside what is live.</param>
    public StorePartitions(PipelineStore store, IReadOnlySet<string> documents, IReadOnlyList<FactKey> keys, Func<string, string> merge,
        Action release, AllocationCeiling ceiling)
    {
        (_store, _documents, _merge, _release, _ceiling) = (store, documents, merge, release, ceiling);
        foreach (var key in keys)
        {
            var merged = key with { Entity = merge(key.Entity) };
            if (!_written.TryGetValue(merged, out var list)) _written[merged] = list = [];
            list.Add(key);
        }
        Keys = _written.Keys.ToArray();
    }

    public IReadOnlyList<FactKey> Keys { get; }

    public IReadOnlyList<Observation> Read(FactKey key)
    {
        if (!_written.TryGetValue(key, out var keys)) return [];
        if (GC.GetTotalAllocatedBytes() - _allocatedAtRelease >= ReleaseEveryBytes)
        {
            _release();
            _allocatedAtRelease = GC.GetTotalAllocatedBytes();
        }
        // A key's first read (the reconciler's first pass) carries the quotes: the basis markers of each value's clause
        // (盘中, 收盘, 经调整 ...) are read from them then, and kept. Later reads do without: the audit fetches the quotes
        // of what it prints. (Cutting each quote to its clause as it is read kept the 1 GB store's reconciliation no
        // smaller: 181-195 MB against 173-174 MB, two runs each.)
        var withQuotes = _quoted.Add(key);
        var read = ObservationPartitions.Sort(_ceiling.Over(keys.SelectMany(k => _store.Observations(_documents, k, withQuotes))).Select(o => Merged(o, key)));
        return read;
    }

    public IReadOnlyList<Observation> Equivalents() =>
        ObservationPartitions.Sort(_store.EquivalentObservations(_documents).Select(o => Merged(o, o.Key with { Entity = _merge(o.Key.Entity) })));

    /// <summary>The observation under its merged key (one key object for all of them).</summary>
    private static Observation Merged(Observation o, FactKey key) => o.Key == key ? o : o with { Key = key };
}
