using System.Collections.Generic;

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
    /// <param name="words">Bases, segments, relative periods, currency scopes and qualifiers (the embedded
    /// <c>Lexicons/common/binding.yaml</c> when not given).</param>
    /// <param name="rules">The metric rules in order (<see cref="Binding.Rules.MetricRules.Default"/> when not given):
    /// a new way of binding is one <see cref="Binding.Rules.IMetricRule"/> added to the list.</param>
    public static ExtractionPipelineBuilder UseClaimBinding(this ExtractionPipelineBuilder builder, MetricLexicon metrics, EntityLexicon entities,
        MetricLexicon? english = null, Binding.BindingLexicon? words = null, IReadOnlyList<Binding.Rules.IMetricRule>? rules = null)
    {
        builder.Binder = new ClaimBinder(metrics, entities, english, words, rules);
        return builder;
    }
}
