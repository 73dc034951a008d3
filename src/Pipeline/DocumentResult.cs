using System;
using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Tables;
using Pipeline.Text;

namespace Pipeline;

public enum DocumentStatus { Processed, Quarantined }

/// <summary>Everything the pipeline made of one document. Offsets in mentions, claims, removals and diagnostics
/// point into <see cref="SourceDocument.Original"/>.</summary>
public sealed record DocumentResult(
    SourceDocument Document,
    DocumentMetadata Metadata,
    DocumentStatus Status,
    string? QuarantineReason,
    StageText Clean,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Mention> Unbound,
    IReadOnlyList<Removal> Removals,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, TimeSpan> StageTimes)
{
    /// <summary>The entities the document defines (from <see cref="BindingResult.Entities"/>), stored so that the
    /// batch can merge one company's names across documents.</summary>
    public IReadOnlyList<EntityDefinitionFound> Entities { get; init; } = [];

    /// <summary>The tables found in the cleaned text (offsets into the original), with their parts-vs-total checks.</summary>
    public IReadOnlyList<TableSummary> Tables { get; init; } = [];

    /// <summary>Why each of <see cref="Unbound"/> stayed unbound (<see cref="UnboundReason"/> codes, same order).</summary>
    public IReadOnlyList<string> UnboundReasons { get; init; } = [];

    /// <summary>The company the document is about and the period it reports (<see cref="BindingResult.Subject"/>).</summary>
    public DocumentSubject? Subject { get; init; }

    /// <summary>The document as read before binding (null for one quarantined before it): what the batch's second pass
    /// binds again with the coverage given (<see cref="ExtractionPipeline.Rebind"/>).</summary>
    public ReadDocument? Read { get; init; }
}
