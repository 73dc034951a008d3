namespace Pipeline.Chinese;

public static class ChineseExtensions
{
    /// <summary>Traditional → Simplified conversion with OpenCC (<see cref="ChineseConversionStage"/>). Opens the
    /// converters now: when OpenCC is missing this throws <see cref="OpenCcUnavailableException"/> (exit code 2 in the
    /// CLI), never a per-document failure. Adding it twice keeps one stage.</summary>
    public static ExtractionPipelineBuilder UseChineseConversion(this ExtractionPipelineBuilder builder)
    {
        if (builder.TextStages.Any(s => s is ChineseConversionStage)) return builder;
        builder.TextStages.Add(new ChineseConversionStage());
        return builder;
    }
}
