namespace Pipeline.Facts;

public static class FactsExtensions
{
    /// <summary>Binds mentions into claims with the embedded lexicons: zh-Hans metrics for Chinese sentences, en
    /// metrics for English ones, entity names in both (<see cref="ClaimBinder.CreateDefault"/>).</summary>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder)
    {
        builder.Binder = ClaimBinder.CreateDefault();
        return builder;
    }

    /// <summary>Binds mentions into claims with the given lexicons (<paramref name="english"/> for English sentences).</summary>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder, MetricLexicon metrics, EntityLexicon entities,
        MetricLexicon? english = null)
    {
        builder.Binder = new ClaimBinder(metrics, entities, english);
        return builder;
    }
}
