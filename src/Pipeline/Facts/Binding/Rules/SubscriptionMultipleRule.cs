using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>A subscription multiple whose tranche was named earlier in the sentence (香港公开发售部分，超购1.5倍; 国际发售
/// 方面，公司实现了13.9倍认购倍数): a multiple in a clause that names no quantity, right after a subscription word (with only
/// a qualifier between) or right before one, is the subscription of the nearest cue before it in the sentence that takes
/// a multiple (the tranche). The words are <c>subscription_words</c> in <c>binding.yaml</c>.</summary>
public sealed class SubscriptionMultipleRule : IMetricRule
{
    public string Name => "subscription-multiple";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind != FigureKinds.Multiple || f.ClauseCues.Count > 0 || !NextToSubscriptionWord(f)) return RuleOutcome.Pass;
        var tranche = f.MetricCues(f.SentenceStart, f.Clause)
            .LastOrDefault(c => c.Value.Metric is { } m && (m.Units & FigureKinds.Multiple) != 0 && !f.InComparison(c));
        return tranche.Value?.Metric is { } metric ? RuleOutcome.Bind(metric, f.Value, tranche) : RuleOutcome.Pass;
    }

    private static bool NextToSubscriptionWord(FigureContext f)
    {
        var words = f.Document.Words.SubscriptionWords;
        var end = f.Mention.Span.End;
        var after = f.Gap(end, f.ClauseEnd(end));
        if (words.Any(w => after.StartsWith(w, StringComparison.Ordinal))) return true;
        var before = f.Gap(f.Clause, f.Position);
        foreach (var w in words)
        {
            var at = before.LastIndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && ClaimBinder.DocumentState.IsQualifierGap(before[(at + w.Length)..])) return true;
        }
        return false;
    }
}
