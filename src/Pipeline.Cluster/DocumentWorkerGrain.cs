using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace Pipeline.Cluster;

/// <summary>Runs the pure pipeline over a batch of documents and commits their rows to the shared store.</summary>
public interface IDocumentWorkerGrain : IGrainWithIntegerKey
{
    Task<BatchOutcome> Process(DocumentBatch batch);
}

/// <summary>
/// A stateless worker: any silo may run any batch, several at once. The batch's rows are written in one transaction
/// (each document deleted then inserted), so a batch sent again after a worker died, or twice, leaves exactly one
/// copy of each document's rows.
/// </summary>
[StatelessWorker]
public sealed class DocumentWorkerGrain(WorkerContext context) : Grain, IDocumentWorkerGrain
{
    public Task<BatchOutcome> Process(DocumentBatch batch) =>
        // The pipeline is CPU-bound and synchronous: run it on the thread pool, not on the grain scheduler.
        Task.Run(() => context.ProcessBatch(batch));
}

/// <summary>What every worker grain of a silo shares: the built pipeline, the store, the count of documents done.</summary>
public sealed class WorkerContext(ExtractionPipeline pipeline, Storage.StoreLocation store, string name)
{
    private long _processed;

    public string Name { get; } = name;
    public Storage.StoreLocation Store { get; } = store;
    /// <summary>Documents this silo has committed.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Called between a batch's processing and its commit (tests use it to stop a worker mid-batch).</summary>
    public Action<DocumentBatch>? BeforeCommit { get; set; }

    public BatchOutcome ProcessBatch(DocumentBatch batch)
    {
        var results = batch.Documents.Select(d => pipeline.Process(d.ToRawDocument())).ToList();
        BeforeCommit?.Invoke(batch);
        using (var db = Storage.PipelineStore.Connect(Store))
        {
            db.BeginBatch();
            try
            {
                foreach (var result in results) db.SaveResult(result, batch.PipelineVersion, batch.RunId);
                db.CommitBatch();
            }
            catch
            {
                db.RollbackBatch();
                throw;
            }
        }
        Interlocked.Add(ref _processed, results.Count);
        return new BatchOutcome(results.Select(r => new DocumentOutcome(r.Document.Id, r.Status == DocumentStatus.Processed,
            r.StageTimes.ToDictionary(p => p.Key, p => p.Value.TotalSeconds)) { Subject = SubjectWork.From(r.Subject) }).ToList(), Name);
    }
}
