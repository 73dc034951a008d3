namespace Pipeline.Batch;

/// <summary>Identifies the code and data that produced stored results: a document is reprocessed when it changes.
/// Builds are deterministic, so the library's module version id changes exactly when its code or embedded lexicons do.</summary>
public static class PipelineVersion
{
    public static string Current { get; } =
        $"{Storage.PipelineStore.SchemaVersion}:{typeof(ExtractionPipeline).Assembly.ManifestModule.ModuleVersionId:N}";
}
