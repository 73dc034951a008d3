
namespace Pipeline.Documents;

/// <summary>A document after decoding: the text every offset in the outputs refers to (UTF-16, end exclusive).</summary>
public sealed record SourceDocument(string Id, string Path, string ContentHash, DocumentFormat Format, string Original, DocumentMetadata Metadata)
{
    public static SourceDocument FromText(string id, string text, DocumentMetadata? metadata = null, DocumentFormat format = DocumentFormat.Text) =>
        new(id, id, "", format, text, metadata ?? DocumentMetadata.Empty);
}
