using Pipeline.Cleaning;

namespace Pipeline.Chinese;

public static class ChineseExtensions
{
    /// <summary>Traditional → Simplified conversion with OpenCC (<see cref="ChineseConversionStage"/>), placed before the
    /// filters (their lexicons are Simplified) or else appended, and the <see cref="RegionEnricher"/> (where a Traditional
    /// article was written). Opens the converters now: when OpenCC is missing this throws
    /// <see cref="OpenCcUnavailableException"/> (exit code 2 in the CLI), never a per-document failure. Adding it twice
    /// keeps one stage.</summary>
    public static ExtractionPipelineBuilder UseChineseConversion(this ExtractionPipelineBuilder builder)
    {
        if (builder.TextStages.Contains<ChineseConversionStage>()) return builder;
        var stage = new ChineseConversionStage();
        var stages = builder.TextStages;
        if (!stages.InsertBefore<SpamFilterStage>(stage) && !stages.InsertBefore<BoilerplateStage>(stage)
            && !stages.InsertBefore<WidthSpacingStage>(stage))
            stages.Add(stage);
        builder.Enrichers.AddIfNotThere(new RegionEnricher(stage.Detector));
        return builder;
    }
}
