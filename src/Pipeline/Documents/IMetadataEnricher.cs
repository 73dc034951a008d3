using Pipeline.Text;

namespace Pipeline.Documents;

/// <summary>What an enricher reads: the decoded original, the cleaned text with its map back to the original, and the
/// metadata as given and as enriched so far.</summary>
public sealed record EnrichmentInput(SourceDocument Document, StageText Text, DocumentMetadata Metadata);

/// <summary>
/// A metadata phase of its own, after the text stages and before segmentation: each enricher reads the cleaned text
/// and returns new metadata (a title, a publication date from a dateline, the region a Traditional text was written
/// in), or the metadata it was given when it learns nothing. Enrichers run in the order of the builder's
/// <see cref="ExtractionPipelineBuilder.Enrichers"/> list and never override what was given (manifest, page).
/// Pure like the stages: no I/O, no clock, safe to share across threads.
/// </summary>
public interface IMetadataEnricher
{
    string Name { get; }

    DocumentMetadata Enrich(EnrichmentInput input);
}
