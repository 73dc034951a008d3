using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>A share price quoted with a quote word and no metric word of its own (截至收盘，地平线股价报4.1港元; 开盘即跌破
/// 发行价，报128.9港元): the price named earlier in the sentence, the nearest price cue (收盘, 开盘) that is not a
/// comparison base. The quote words are <c>price_quote_words</c> in <c>binding.yaml</c>.</summary>
public sealed class PriceQuoteRule : IMetricRule
{
    public string Name => "price-quote";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind != FigureKinds.Money || f.ClauseCues.Count > 0) return RuleOutcome.Pass;
        var before = f.Gap(f.Clause, f.Position).TrimEnd();
        if (!f.Document.QuoteWords.Any(w => before.EndsWith(w, StringComparison.Ordinal))) return RuleOutcome.Pass;
        var price = f.MetricCues(f.SentenceStart, f.Clause)
            .LastOrDefault(c => c.Value.Metric is { } m && m.Id.StartsWith(PricePrefix, StringComparison.Ordinal) && !f.InComparison(c));
        return price.Value?.Metric is { } metric ? RuleOutcome.BindIfAccepted(metric, f.Value, price) : RuleOutcome.Pass;
    }

    private const string PricePrefix = "price.";
}
