using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>A bare issue verb right before the figure (…悉数行使超额配售权，按发售价每股44.05港元发行33,677,800股) issues what
/// the sentence named before it: that cue's metric, when it counts the same kind of figure and no figure of that kind
/// stands between (binding.yaml issue_verbs).</summary>
public sealed class IssueVerbObjectRule : IMetricRule
{
    public string Name => "issue-verb-object";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.ClauseCues.Count == 0) return RuleOutcome.Pass;
        var verb = f.ClauseCues[^1];
        if (!f.Document.Words.IssueVerbs.Contains(verb.Value.Phrase, StringComparer.Ordinal) || f.Gap(verb.End, f.Position).Trim().Length > 0)
            return RuleOutcome.Pass;
        var named = f.MetricCues(f.SentenceStart, verb.Start).LastOrDefault(c => c.Value.Metric is { } m && (m.Units & f.Kind) != 0);
        if (named.Value?.Metric is not { } metric || metric == verb.Value.Metric) return RuleOutcome.Pass;
        var doc = f.Document;
        if (doc.Between(doc._figures, m => m.Span.Start, named.End, f.Position).Any(m => m.Numeric is { } v && ClaimBinder.KindOf(v) == f.Kind))
            return RuleOutcome.Pass;
        return RuleOutcome.Bind(metric, f.Value, named);
    }
}
