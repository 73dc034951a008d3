namespace Pipeline.Facts;

public static class FactsExtensions
{
    /// <summary>Binds mentions into claims.</summary>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder) => builder;
}
