using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Orleans;
using Pipeline.Batch;
using Pipeline.Documents;

namespace Pipeline.Cluster;

/// <summary>How a run sends documents to the workers.</summary>
public sealed record DispatchOptions
{
    /// <summary>Documents per worker call (one store transaction on the worker).</summary>
    public int BatchSize { get; init; } = 8;
    /// <summary>Batches sent and not yet answered (back-pressure: the reader waits beyond this).</summary>
    public int MaxInFlight { get; init; } = 8;
    /// <summary>Tries per batch before the run gives up (each on another grain, so on a live worker).</summary>
    public int MaxAttempts { get; init; } = 10;
    /// <summary>A try unanswered this many times longer than a typical batch (a moving average of the answered ones)
    /// is given up and the batch sent again: a worker killed mid-batch never answers, and waiting for the cluster to
    /// notice takes longer.</summary>
    public double StallFactor { get; init; } = 10;
    /// <summary>Bounds of that wait (the upper one also applies before any batch has been answered).</summary>
    public TimeSpan MinStall { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxStall { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Sends documents in batches to stateless worker grains spread over the silos, a bounded number in flight. A batch
/// whose call fails (its worker died, the connection dropped, a timeout) is sent again under another grain key,
/// which the client routes to another gateway; workers write each document's rows by delete-then-insert in one
/// transaction per batch, so a batch done twice leaves one copy. Each document is reported once, from the answer
/// that committed it.
/// </summary>
public sealed class ClusterDispatcher(IClusterClient client, DispatchOptions options, Action<string>? log = null) : IDocumentDispatcher
{
    private readonly Dictionary<string, int> _byWorker = new(StringComparer.Ordinal);
    private int _retries;
    private readonly object _timing = new();
    private double _typicalTicks; // moving average of answered batches' durations; 0 until one is answered

    /// <summary>How long a try may go unanswered before the batch is sent again (re-read while waiting, so the first
    /// batches, sent before any answer, are judged by what the later ones show).</summary>
    private TimeSpan StallLimit
    {
        get
        {
            double typical;
            lock (_timing) typical = _typicalTicks;
            if (typical == 0) return options.MaxStall;
            var limit = TimeSpan.FromTicks((long)(typical * options.StallFactor));
            return limit < options.MinStall ? options.MinStall : limit > options.MaxStall ? options.MaxStall : limit;
        }
    }

    private void Answered(TimeSpan took)
    {
        lock (_timing) _typicalTicks = _typicalTicks == 0 ? took.Ticks : 0.8 * _typicalTicks + 0.2 * took.Ticks;
    }

    /// <summary>The call's answer, or a <see cref="TimeoutException"/> once it has gone unanswered past the stall limit.</summary>
    private async Task<T> AnswerOrStall<T>(Task<T> call, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!call.IsCompleted)
        {
            var remaining = StallLimit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"no answer in {clock.Elapsed.TotalSeconds:0} s (its worker is gone or stalled)");
            await Task.WhenAny(call, Task.Delay(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancel));
            cancel.ThrowIfCancellationRequested();
        }
        Answered(clock.Elapsed);
        return await call;
    }

    /// <summary>Documents committed per worker (by silo name) in the last run.</summary>
    public IReadOnlyDictionary<string, int> DocumentsByWorker { get { lock (_byWorker) return new Dictionary<string, int>(_byWorker); } }

    /// <summary>Batches sent again after a failed call.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task RunAsync(ChannelReader<RawDocument> documents, long runId, string pipelineVersion, Action<DispatchedDocument> committed,
        CancellationToken cancel)
    {
        using var slots = new SemaphoreSlim(options.MaxInFlight);
        var sent = new List<Task>();
        var batch = new List<DocumentWork>(options.BatchSize);
        var number = 0;

        async Task SendAsync(List<DocumentWork> docs)
        {
            await slots.WaitAsync(cancel);
            var n = number++;
            sent.Add(Task.Run(async () =>
            {
                try { await DispatchAsync(new DocumentBatch(runId, pipelineVersion, docs), n, committed, cancel); }
                finally { slots.Release(); }
            }, cancel));
        }

        await foreach (var doc in documents.ReadAllAsync(cancel))
        {
            batch.Add(DocumentWork.From(doc));
            if (batch.Count < options.BatchSize) continue;
            await SendAsync(batch);
            batch = new List<DocumentWork>(options.BatchSize);
        }
        if (batch.Count > 0) await SendAsync(batch);
        await Task.WhenAll(sent);
    }

    private async Task DispatchAsync(DocumentBatch batch, int number, Action<DispatchedDocument> committed, CancellationToken cancel)
    {
        for (var attempt = 0; ; attempt++)
        {
            // The key picks the grain and so the gateway the client routes through; a retry takes another key.
            var grain = client.GetGrain<IDocumentWorkerGrain>(number % options.MaxInFlight + (long)attempt * options.MaxInFlight);
            try
            {
                var outcome = await AnswerOrStall(grain.Process(batch), cancel);
                lock (_byWorker) _byWorker[outcome.Worker] = _byWorker.GetValueOrDefault(outcome.Worker) + outcome.Documents.Count;
                foreach (var d in outcome.Documents) committed(new DispatchedDocument(d.Id, d.Processed, d.StageSeconds) { Subject = d.Subject?.ToSubject() });
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt + 1 < options.MaxAttempts)
            {
                Interlocked.Increment(ref _retries);
                log?.Invoke($"batch {number} ({batch.Documents.Count} documents from {batch.Documents[0].Id}) failed on try {attempt + 1}: " +
                            $"{e.GetType().Name}: {FirstLine(e.Message)}; sending it again");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (1 << Math.Min(attempt, 5)))), cancel);
            }
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
