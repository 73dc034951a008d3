using Pipeline.Documents;
using Pipeline.Cleaning;

namespace Pipeline.Tests.Cleaning;

/// <summary>A pipeline with the cleaning stages only (no conversion, no recognizers), as the tests measure it.</summary>
internal static class CleaningHarness
{
    public static readonly ExtractionPipeline Pipeline = new ExtractionPipelineBuilder().UseCleaning().Build();

    public static DocumentResult Run(byte[] bytes, DocumentFormat format, string id = "test", DocumentMetadata? metadata = null) =>
        Pipeline.Process(new RawDocument(id, id, bytes, format, metadata ?? DocumentMetadata.Empty));

    public static DocumentResult RunHtml(string html) => Run(System.Text.Encoding.UTF8.GetBytes(html), DocumentFormat.Html);

    public static DocumentResult RunText(string text, DocumentMetadata? metadata = null) =>
        Run(System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text, metadata: metadata);
}
