using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Pipeline.Documents;

namespace Pipeline.Batch;

/// <summary>A document a dispatcher has had processed and committed to the store.</summary>
/// <param name="Processed">False when the document was quarantined.</param>
/// <param name="StageSeconds">Seconds spent per stage on this document.</param>
public sealed record DispatchedDocument(string Id, bool Processed, IReadOnlyDictionary<string, double> StageSeconds)
{
    /// <summary>The company the document is about and what it could not date (for the batch's second pass).</summary>
    public Pipeline.Facts.DocumentSubject? Subject { get; init; }
}

/// <summary>
/// Processes documents elsewhere (the worker cluster) instead of in this process: whoever processes a document also
/// writes its rows to the shared store, one transaction per document batch. <see cref="BatchRunner"/> still reads the
/// inputs, decides unchanged and duplicate documents, reconciles and writes the datasets.
/// </summary>
public interface IDocumentDispatcher
{
    /// <summary>Processes every document the channel yields; reports each one once, after its rows are committed.
    /// Returns when every document is committed; a document whose worker died is sent again.</summary>
    Task RunAsync(ChannelReader<RawDocument> documents, long runId, string pipelineVersion, Action<DispatchedDocument> committed,
        CancellationToken cancel);
}
