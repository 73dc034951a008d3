using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Pipeline.Documents;
using Pipeline.Output;
using Pipeline.Reconciliation;
using Pipeline.Storage;

namespace Pipeline.Batch;

/// <summary>
/// Runs the pipeline over a corpus into the store and the datasets. Documents stream through bounded channels:
/// one reader (ordered, decides unchanged/duplicate), <c>Jobs</c> workers, one store writer. Outputs are written
/// from the store at the end, sorted, to temporary names renamed into place: the same inputs give byte-identical
/// datasets whatever the number of workers or the order of the inputs.
/// </summary>
public sealed class BatchRunner
{
    private readonly ExtractionPipeline _pipeline;
    private readonly IReconciler _reconciler;
    private readonly string _pipelineVersion;
    private readonly IDocumentDispatcher? _dispatcher;

    /// <param name="dispatcher">Where documents are processed; null: in this process, on <c>Jobs</c> threads.</param>
    public BatchRunner(ExtractionPipeline pipeline, IReconciler reconciler, IDocumentDispatcher? dispatcher = null)
    {
        _pipeline = pipeline;
        _reconciler = reconciler;
        _pipelineVersion = PipelineVersion.Current;
        _dispatcher = dispatcher;
    }

    public RunSummary Run(BatchOptions options, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        var wall = Stopwatch.StartNew();
        var outDir = Path.GetFullPath(options.OutDir);
        Validate(options, outDir);
        Directory.CreateDirectory(outDir);
        using var runLock = AcquireLock(outDir);
        MarkOutputFolder(outDir);
        var location = options.Store ?? StoreLocation.Sqlite(Path.Combine(outDir, "pipeline.db"));
        using var store = location.Open();
        if (!store.TryLockRun()) throw new StoreBusyException($"another run is using the store {location}; wait for it to finish");
        if (options.Full) store.Clear();
        var runId = store.StartRun(options.Inputs, DateTimeOffset.UtcNow);

        var reader = new CorpusReader(options.Manifest) { ExcludedFolders = [outDir] };
        var total = (int)Math.Min(int.MaxValue, reader.CountItems(reader.ListFiles(options.Inputs)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Where each document can be read (manifest URLs), for the audit's source links; filled by the one reader task.
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new List<UnreadableInput>();
        int read = 0, unchanged = 0, duplicates = 0, processed = 0, quarantined = 0, done = 0, skipped = 0;
        var stageTimes = new Dictionary<string, double>(StringComparer.Ordinal);
        WorkerTimes? workerTimes = null;
        // Each processed document's clean text is written by the store writer as its rows are saved (the workers keep
        // the cores busy meanwhile); the run's end writes only those of documents it did not process itself.
        var cleanTexts = new CleanTextFiles(outDir);
        // What the process may allocate between two collections, whatever the collector's own allowance (which grows
        // with what the batch keeps): the store writer and the second pass tick it once a document.
        var ceiling = new AllocationCeiling(options.AllocationCeiling);

        var work = Channel.CreateBounded<RawDocument>(new BoundedChannelOptions(Math.Max(4, options.Jobs * 4)) { SingleWriter = true });
        var results = Channel.CreateBounded<DocumentResult>(new BoundedChannelOptions(Math.Max(4, options.Jobs * 4)) { SingleReader = true });

        // What earlier runs stored, read once: the reader decides "unchanged" without touching the store.
        var stored = store.StoredDocuments();

        // Reader: sequential, so which of two identical documents is the original never depends on timing.
        var pendingDuplicates = new List<(RawDocument Doc, string Of)>();
        // The subjects of the documents skipped as unchanged, and those of them whose figures wanted the batch's period
        // (the reader's alone until it is done): they count in this batch's coverage and take its second pass as if read now.
        var unchangedSubjects = new List<Pipeline.Facts.DocumentSubject>();
        var unchangedUndated = new List<UndatedDocument>();
        // With a dispatcher, the shell of each document sent (identity, metadata, hash: no content), for its second pass.
        var shells = new System.Collections.Concurrent.ConcurrentDictionary<string, RawDocument>(StringComparer.Ordinal);
        var readerTask = Task.Run(async () =>
        {
            try
            {
                // Keyed by the first 128 bits of each document's SHA-256, not its 64-character hex: the table lives as long
                // as the batch, and every byte of it a document keeps stays live to the end of the run.
                var hashInRun = new Dictionary<UInt128, string>();
                foreach (var item in reader.Read(options.Inputs))
                {
                    cancel.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref read);
                    if (item is UnreadableInput u)
                    {
                        lock (unreadable) unreadable.Add(u);
                        Interlocked.Increment(ref skipped);
                        continue;
                    }
                    var doc = ((DocumentInput)item).Document;
                    if (!seen.Add(doc.Id))
                    {
                        lock (unreadable) unreadable.Add(new UnreadableInput(doc.Path, doc.Id, "another input has the same document id"));
                        Interlocked.Increment(ref skipped);
                        continue;
                    }
                    if (doc.Metadata.Url is { Length: > 0 } url) urls[doc.Id] = url;
                    var contentKey = ContentKey(doc.ContentHash);
                    if (hashInRun.TryGetValue(contentKey, out var first))
                    {
                        lock (pendingDuplicates) pendingDuplicates.Add((doc, first));
                        Interlocked.Increment(ref skipped);
                        continue;
                    }
                    hashInRun[contentKey] = doc.Id;
                    // Unchanged since an earlier run: its rows stay, and the subject it gave counts in this batch's
                    // coverage; one whose figures wanted the batch's period goes to the second pass with the coverage
                    // its rows were read with, and is read again there only if this batch gives it another.
                    if (stored.TryGetValue(doc.Id, out var previous) && previous.ContentHash == doc.ContentHash
                        && previous.PipelineVersion == _pipelineVersion && previous.Status != "duplicate")
                    {
                        if (previous.Subject is { } kept) unchangedSubjects.Add(kept);
                        if (previous.Subject is { NeedsPeriod: true } wanting) unchangedUndated.Add(new(wanting.Entity, doc.Shell(), previous.CoverageKey));
                        Interlocked.Increment(ref unchanged);
                        Interlocked.Increment(ref skipped);
                        continue;
                    }
                    if (_dispatcher is not null) shells[doc.Id] = doc.Shell();
                    await work.Writer.WriteAsync(doc, cancel);
                }
            }
            finally
            {
                work.Writer.Complete();
            }
        }, cancel);

        if (_dispatcher is not null)
        {
            // Elsewhere: the workers write each document's rows themselves; this side counts what they committed and
            // keeps what the batch's second pass needs (each document's subject, the shells of the undated).
            var clusterCoverage = new BatchCoverage();
            var clusterUndated = new List<UndatedDocument>();
            var dispatched = _dispatcher.RunAsync(work.Reader, runId, _pipelineVersion, d =>
            {
                lock (stageTimes)
                {
                    clusterCoverage.Add(d.Subject);
                    if (d.Subject is { NeedsPeriod: true } subject && shells.TryGetValue(d.Id, out var shell)) clusterUndated.Add(new(subject.Entity, shell, null));
                    done++;
                    if (d.Processed) processed++; else quarantined++;
                    foreach (var (stage, seconds) in d.StageSeconds) stageTimes[stage] = stageTimes.GetValueOrDefault(stage) + seconds;
                    progress?.Report(new BatchProgress(done + unchanged, total, d.Id));
                }
            }, cancel);
            dispatched.GetAwaiter().GetResult();
            readerTask.GetAwaiter().GetResult();
            foreach (var kept in unchangedSubjects) clusterCoverage.Add(kept);
            clusterUndated.AddRange(unchangedUndated);
            var secondPass = Stopwatch.StartNew();
            DispatchSecondPass(reader, clusterUndated, clusterCoverage, runId, cancel);
            stageTimes["second-pass"] = secondPass.Elapsed.TotalSeconds;
        }
        else
        {
        // Workers: the pure per-document pipeline. A document that cannot date what it reports is kept for the second
        // pass as a shell (identity, metadata, hash: no content), with the company it is about, and its first read while
        // that fits the second pass's memory budget.
        var undated = new System.Collections.Concurrent.ConcurrentBag<UndatedDocument>();
        var keptReads = new KeptReads(options.SecondPassMemory);
        var waits = new WorkerWaits();
        var workers = Enumerable.Range(0, Math.Max(1, options.Jobs)).Select(_ => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (await work.Reader.WaitToReadAsync(cancel))
            {
                if (!work.Reader.TryRead(out var doc)) continue;
                var started = clock.Elapsed;
                waits.Input(started);
                var result = _pipeline.Process(doc);
                if (result.Subject is { NeedsPeriod: true } subject) undated.Add(new(subject.Entity, doc.Shell(), null, keptReads.TryKeep(result.Read)));
                var processed = clock.Elapsed;
                waits.Busy(processed - started);
                await results.Writer.WriteAsync(result, cancel);
                waits.Output(clock.Elapsed - processed);
                clock.Restart();
            }
        }, cancel)).ToArray();
        var coverage = new BatchCoverage();
        var workersDone = Task.WhenAll(workers).ContinueWith(t => results.Writer.Complete(t.Exception), TaskScheduler.Default);

        // Writer: this thread owns the store's writes.
        var inBatch = 0;
        foreach (var result in results.Reader.ReadAllAsync(cancel).ToBlockingEnumerable(cancel))
        {
            done++;
            ceiling.Tick();
            if (done % 1000 == 0) MemoryTrace.Mark($"run: {done} documents");
            store.BeginBatch();
            store.SaveResult(result, _pipelineVersion, runId);
            if (result.Status == DocumentStatus.Processed) cleanTexts.Write(result.Document.Id, result.Clean.Text);
            coverage.Add(result.Subject);
            if (++inBatch >= options.CommitEvery) { store.CommitBatch(); inBatch = 0; }
            if (result.Status == DocumentStatus.Processed) processed++; else quarantined++;
            foreach (var (stage, time) in result.StageTimes)
                stageTimes[stage] = stageTimes.GetValueOrDefault(stage) + time.TotalSeconds;
            progress?.Report(new BatchProgress(done + Volatile.Read(ref skipped), total, result.Document.Id));
        }
        store.CommitBatch();
        readerTask.GetAwaiter().GetResult();
        workersDone.GetAwaiter().GetResult();
        foreach (var w in workers) w.GetAwaiter().GetResult();
        foreach (var kept in unchangedSubjects) coverage.Add(kept);
        foreach (var wanting in unchangedUndated) undated.Add(wanting);
        workerTimes = waits.Summary(options.Jobs, wall.Elapsed.TotalSeconds);
        MemoryTrace.Mark($"run: {done} documents processed ({undated.Count} undated, {keptReads.Used / 1048576.0:0.0} MB of first reads kept)");

        var secondPass = Stopwatch.StartNew();
        SecondPass(reader, undated, coverage, options, store, runId, ceiling, cancel);
        stageTimes["second-pass"] = secondPass.Elapsed.TotalSeconds;
        undated.Clear();   // the first reads kept for the second pass are garbage from here
        }

        // Duplicates: identical content already processed in this run or an earlier one.
        foreach (var (doc, of) in pendingDuplicates)
        {
            store.BeginBatch();
            store.SaveDuplicate(doc, of, _pipelineVersion, runId);
            duplicates++;
        }
        store.CommitBatch();

        // Reconcile every claim of the documents this run saw; the datasets that do not depend on the facts are written
        // meanwhile, on this thread, while the reconciler works on another.
        var clock = Stopwatch.StartNew();
        var endCeiling = new AllocationCeiling(options.ReconciliationAllocationCeiling);
        using var outputs = new Outputs(outDir, options, store, seen, unreadable, cleanTexts, endCeiling);
        using var reconciliation = StoreReconciler.Reconcile(store, seen, _reconciler, outputs.WriteClaimsAndMentions,
            new AuditReportOptions { DocumentUrls = urls }, endCeiling);
        stageTimes["reconcile"] = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var (quarantinedDocuments, quarantineRows) = outputs.Finish(reconciliation);
        stageTimes["write"] = clock.Elapsed.TotalSeconds;
        MemoryTrace.Mark("run: outputs written");
        var (bound, unbound) = store.MentionCounts(seen);

        var quarantinedTotal = quarantinedDocuments + unreadable.Count;
        var summary = new RunSummary
        {
            Read = read, Processed = processed, Unchanged = unchanged, Duplicates = duplicates,
            Quarantined = quarantined + unreadable.Count, QuarantinedTotal = quarantinedTotal,
            Mentions = bound + unbound, UnboundMentions = unbound, UnboundReasons = store.UnboundReasons(seen), Claims = reconciliation.Claims, Facts = reconciliation.Facts.Count,
            Conflicts = reconciliation.Audit.Conflicts, FactsChanged = reconciliation.Changed,
            Seconds = wall.Elapsed.TotalSeconds,
            PeakMemoryMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            Stages = stageTimes.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
            QuarantineSample = quarantineRows.Take(RunSummary.SampleSize).ToList(),
            Workers = workerTimes,
        };
        var json = JsonSerializer.Serialize(summary, RunJson);
        AtomicFile.WriteText(Path.Combine(outDir, "run.json"), json + "\n");
        store.FinishRun(runId, DateTimeOffset.UtcNow, json);
        return summary;
    }

    /// <summary>The second pass of a run on the worker cluster: the same articles as <see cref="SecondPass"/>, read again
    /// with the batch's coverage and sent to the workers, which write them as in the first pass.</summary>
    private void DispatchSecondPass(CorpusReader reader, List<UndatedDocument> undated, BatchCoverage coverage, long runId,
        CancellationToken cancel)
    {
        var rereads = coverage.Rereads(undated);
        if (rereads.Count == 0 || _dispatcher is null) return;
        var again = Channel.CreateUnbounded<RawDocument>(new UnboundedChannelOptions { SingleWriter = true });
        foreach (var doc in reader.Reread(rereads.Select(u => u.Shell))) again.Writer.TryWrite(coverage.Give(doc));
        again.Writer.Complete();
        _dispatcher.RunAsync(again.Reader, runId, _pipelineVersion, _ => { }, cancel).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The second pass: an article that names its company but not the period it reports (上季, 三季度 with no year or
    /// date), or gives no listing day for its deal terms, is bound again with the period, the listing day and the deal
    /// year (for an article that writes no year at all) the batch's other articles on that company give. Only an
    /// article whose company's coverage differs from what its stored rows were read with can read differently (the
    /// coverage is looked up by the article's company alone), so only those are read again
    /// (<see cref="BatchCoverage.Rereads"/>). One whose first read the run kept (<see cref="KeptReads"/>) is bound
    /// again from it (<see cref="ExtractionPipeline.Rebind"/>: only binding reads the coverage); the others' content
    /// comes back from where it was read (the batch kept shells, not content) and they are processed whole. Both on
    /// <c>Jobs</c> workers, this thread writing the results.
    /// </summary>
    private void SecondPass(CorpusReader reader, IEnumerable<UndatedDocument> undated, BatchCoverage coverage, BatchOptions options,
        PipelineStore store, long runId, AllocationCeiling ceiling, CancellationToken cancel)
    {
        var rereads = coverage.Rereads(undated);
        if (rereads.Count == 0) return;
        var jobs = Math.Max(1, options.Jobs);
        var work = Channel.CreateBounded<Func<DocumentResult>>(new BoundedChannelOptions(jobs * 4) { SingleWriter = true });
        var results = Channel.CreateBounded<DocumentResult>(new BoundedChannelOptions(jobs * 4) { SingleReader = true });
        var readerTask = Task.Run(async () =>
        {
            try
            {
                foreach (var u in rereads)
                    if (u.Read is { } read) await work.Writer.WriteAsync(() => _pipeline.Rebind(coverage.Give(read)), cancel);
                foreach (var doc in reader.Reread(rereads.Where(u => u.Read is null).Select(u => u.Shell)))
                    await work.Writer.WriteAsync(() => _pipeline.Process(coverage.Give(doc)), cancel);
            }
            finally
            {
                work.Writer.Complete();
            }
        }, cancel);
        var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(async () =>
        {
            await foreach (var again in work.Reader.ReadAllAsync(cancel)) await results.Writer.WriteAsync(again(), cancel);
        }, cancel)).ToArray();
        var workersDone = Task.WhenAll(workers).ContinueWith(t => results.Writer.Complete(t.Exception), TaskScheduler.Default);
        foreach (var again in results.Reader.ReadAllAsync(cancel).ToBlockingEnumerable(cancel))
        {
            ceiling.Tick();
            store.BeginBatch();
            store.SaveResult(again, _pipelineVersion, runId);
        }
        store.CommitBatch();
        readerTask.GetAwaiter().GetResult();
        workersDone.GetAwaiter().GetResult();
        foreach (var w in workers) w.GetAwaiter().GetResult();
    }

    /// <summary>The first 128 bits of a hexadecimal content hash (SHA-256): two documents of a batch share it only when
    /// their content is the same.</summary>
    internal static UInt128 ContentKey(string hexHash) =>
        UInt128.Parse(hexHash.AsSpan(0, Math.Min(32, hexHash.Length)), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions RunJson = new(DatasetWriter.Json) { WriteIndented = true };

    /// <summary>The inputs and options are checked before anything is written: a typo never costs the previous outputs.</summary>
    private static void Validate(BatchOptions options, string outDir)
    {
        if (File.Exists(outDir)) throw new InvalidInputException($"--out {options.OutDir} is a file, not a folder");
        if (options.Manifest is { } m && !File.Exists(m)) throw new InvalidInputException($"manifest not found: {m}");
        if (options.Inputs.Count == 0) throw new InvalidInputException("no input given");
        foreach (var input in options.Inputs)
        {
            var full = Path.GetFullPath(input);
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
                throw new InvalidInputException($"input not found: {input}");
            var inOut = Path.TrimEndingDirectorySeparator(full);
            if (inOut == outDir || inOut.StartsWith(outDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidInputException($"input {input} is inside the output folder {options.OutDir}: outputs are never read as inputs");
        }
    }

    /// <summary>Marks the folder as the pipeline's output, so that no later run reads it as input.</summary>
    private static void MarkOutputFolder(string outDir)
    {
        var marker = Path.Combine(outDir, CorpusReader.OutputMarker);
        if (!File.Exists(marker))
            File.WriteAllText(marker, "Written by pipeline: this folder holds outputs and is never read as input.\n");
    }

    /// <summary>Writes every dataset from the store, streaming, beside the old ones, then renames them all into place.
    /// The claims, mentions, clean texts and quarantine first (<see cref="WriteClaimsAndMentions"/>, while the
    /// reconciler works), then the facts, conflicts and audit (<see cref="Finish"/>).</summary>
    private sealed class Outputs(string outDir, BatchOptions options, PipelineStore store, IReadOnlySet<string> seen,
        IReadOnlyList<UnreadableInput> unreadable, CleanTextFiles cleanTexts, AllocationCeiling ceiling) : IDisposable
    {
        private readonly OutputSet _outputs = new(outDir);
        private readonly OutputOptions _text = new() { Bom = options.Bom };
        private List<QuarantineRow> _quarantine = [];
        private int _quarantinedDocuments;
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        private void Table<TRow>(Table<TRow> table, Func<IEnumerable<TRow>> rows, ITableWriter byDefault)
        {
            foreach (var writer in options.Formats ?? [byDefault]) _outputs.WriteTable(table, ceiling.Over(rows()), writer, _text);
        }

        public void WriteClaimsAndMentions(Func<string, string> mergeEntity)
        {
            // One pass over the documents' rows, keeping what the end of the run needs of them (not the rows: a run's
            // documents are as many as its inputs, and the reconciliation runs meanwhile).
            var quarantined = new List<QuarantineRow>();
            // The run's documents not processed in the end (quarantined, duplicates: few, unlike the processed), and the
            // processed ones whose clean text this process did not write (unchanged, or read by cluster workers).
            var notProcessed = new HashSet<string>(StringComparer.Ordinal);
            var cleanFromStore = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in store.Documents(seen, withText: false))
            {
                if (d.Status == "quarantined") quarantined.Add(new QuarantineRow(d.Id, d.Path, d.Reason ?? ""));
                if (d.Status != "processed") notProcessed.Add(d.Id);
                else if (!cleanTexts.Has(d.Id)) cleanFromStore.Add(d.Id);
            }
            _quarantinedDocuments = quarantined.Count;
            _quarantine = quarantined.Concat(unreadable.Select(u => new QuarantineRow(u.Id, u.Path, u.Reason)))
                .OrderBy(q => q.Document, StringComparer.Ordinal).ThenBy(q => q.Path, StringComparer.Ordinal).ToList();
            Table(DatasetWriter.Mentions, () => store.Mentions(seen), OutputFormats.Jsonl);
            Table(DatasetWriter.Claims, () => store.Claims(seen).Select(c => mergeEntity(c.Entity) is var e && e != c.Entity ? c with { Entity = e } : c),
                OutputFormats.Csv);
            Table(DatasetWriter.Quarantine, () => _quarantine, OutputFormats.Csv);
            MemoryTrace.Mark("run: claims and mentions written");

            // Clean texts: those of the documents this process did not read in this run (unchanged since an earlier
            // run, or read by cluster workers) come from the store; the others were written as their rows were saved.
            if (cleanFromStore.Count > 0)
                foreach (var d in store.Documents(cleanFromStore, withText: true))
                    if (d.CleanText is not null) cleanTexts.Write(d.Id, d.CleanText);
            _written.UnionWith(cleanTexts.Keep(id => !notProcessed.Contains(id)));
        }

        /// <summary>Writes the facts, conflicts and audit, renames every dataset into place and forgets stale files;
        /// returns how many of the run's documents are quarantined, and the quarantine rows (unreadable inputs too).</summary>
        public (int QuarantinedDocuments, List<QuarantineRow> Quarantine) Finish(StoreReconciliation reconciliation)
        {
            Table(DatasetWriter.Facts, () => reconciliation.Facts, OutputFormats.Csv);
            Table(DatasetWriter.Conflicts, () => reconciliation.Conflicts, OutputFormats.Csv);
            _outputs.WriteText("audit.md", reconciliation.WriteMarkdown);
            _outputs.WriteText("audit.html", reconciliation.WriteHtml);
            _written.UnionWith(_outputs.Names);
            _outputs.Commit();

            // Only files this pipeline wrote (recorded in the store) are ever deleted: a stale clean text of a document no
            // longer read, a dataset in a format no longer chosen. A file of the user's in out/ is never touched.
            foreach (var stale in store.WrittenFiles())
                if (!_written.Contains(stale) && Path.Combine(outDir, stale) is var path && File.Exists(path)) File.Delete(path);
            store.ReplaceWrittenFiles(_written.Order(StringComparer.Ordinal));
            return (_quarantinedDocuments, _quarantine);
        }

        public void Dispose() => _outputs.Dispose();
    }

    /// <summary>Document ids become bounded, collision-free file names (see <see cref="DocumentIds.FileStem"/>).</summary>
    public static string SafeFileName(string id) => DocumentIds.FileStem(id);

    private static IDisposable AcquireLock(string outDir)
    {
        var path = Path.Combine(outDir, "pipeline.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new StoreBusyException($"another run is using {Path.GetFullPath(outDir)} (lock file {path}); wait for it to finish");
        }
    }
}
