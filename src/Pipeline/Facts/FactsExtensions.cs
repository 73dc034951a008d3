namespace Pipeline.Facts;

public static class FactsExtensions
{
    /// <summary>Binds mentions into claims with the embedded zh-Hans metric and entity lexicons.</summary>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder)
    {
        builder.Binder = ClaimBinder.CreateChinese();
        return builder;
    }

    /// <summary>Binds mentions into claims with the given lexicons.</summary>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder, MetricLexicon metrics, EntityLexicon entities)
    {
        builder.Binder = new ClaimBinder(metrics, entities);
        return builder;
    }
}
