namespace Pipeline.Recognition;

public static class RecognitionExtensions
{
    /// <summary>All recognizers, in priority order.</summary>
    public static ExtractionPipelineBuilder UseRecognizers(this ExtractionPipelineBuilder builder) => builder;
}
