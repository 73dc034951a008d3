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
    /// <summary>
    /// The read as a batch keeps it for its second pass: without the original text. Nothing after the mentions reads the
    /// original (their figures as written were taken from it, and every offset reaches it through the clean text's map),
    /// so rebinding this gives what rebinding the whole read gives; an HTML page's markup, most of what a read holds,
    /// is not kept waiting for the end of the batch.
    /// </summary>
    public ReadDocument WithoutOriginal() => Document.Original.Length == 0 ? this : this with { Document = Document with { Original = "" } };

    /// <summary>About how many bytes keeping it holds: the original and clean texts, the offset maps, the mentions and
    /// segments (a coarse per-object figure), and the diagnostics.</summary>
    public long EstimatedBytes =>
        2L * (Document.Original.Length + Text.Text.Length) + Text.Map.EstimatedBytes
        + 320L * Mentions.Count + 64L * Segments.Count + 160L * (Diagnostics.Count + Removals.Count);
}
