using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline;

/// <summary>
/// A document read up to its mentions: decoded, cleaned, converted, its metadata enriched, segmented and recognized,
/// with the diagnostics and removals of those stages. Everything after (binding, tables) is a function of this and the
/// metadata, so the batch's second pass binds it again with the coverage given (<see cref="ExtractionPipeline.Rebind"/>)
/// instead of reading the file again.
/// </summary>
public sealed record ReadDocument(
    SourceDocument Document,
    DocumentMetadata Metadata,
    StageText Text,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Removal> Removals)
{
    /// <summary>About how many bytes keeping it holds: the original and clean texts, the offset maps, the mentions and
    /// segments (a coarse per-object figure), and the diagnostics.</summary>
    public long EstimatedBytes =>
        2L * (Document.Original.Length + Text.Text.Length) + Text.Map.EstimatedBytes
        + 320L * Mentions.Count + 64L * Segments.Count + 160L * (Diagnostics.Count + Removals.Count);
}
