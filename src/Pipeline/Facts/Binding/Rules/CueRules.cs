using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>The nearest metric cue before the figure in its clause (收入 2478 亿元, revenue was RMB 1.05 billion).</summary>
public sealed class NearestCueRule : IMetricRule
{
    public string Name => "nearest-cue";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.ClauseCues.Count == 0) return RuleOutcome.Pass;
        var cue = f.ClauseCues[^1];
        // 经调整EBITA盈利1.62亿元: the verb's line, when that line takes the figure's kind.
        if (f.ClauseCues.Count > 1 && f.ClauseCues[^2] is var line && f.IsVerbOf(cue, line) && (line.Value.Metric!.Units & f.Kind) != 0)
            cue = line;
        // 上一季度为亏损5900万元: a loss word after a comparison base restates the sentence's quantity for the base period
        // (the comparison-base rule reads it), unless nothing before the base names a quantity.
        if (f.Document.Words.LossWords.Contains(cue.Value.Phrase, StringComparer.Ordinal)
            && f.Anchors.Any(a => a.Base && a.Kind == ClaimBinder.AnchorKind.Period && a.Start >= f.Clause && a.End <= cue.Start)
            && f.ChangedQuantity(f.Clause).Value is not null)
            return RuleOutcome.Pass;
        // 股价从发行价71.59港元飙升至120.6港元: the cue led by 从 names the base; the level reached is not that metric.
        if (f.Document.NamesBaseOfChange(cue, f.Position)) return RuleOutcome.Reject;
        var metric = f.Cumulate(cue);
        if ((metric.Units & f.Kind) != 0) return RuleOutcome.Bind(metric, f.Value, cue);
        // 此次发售引入了8家基石投资者: a cue of another kind before a count leaves it to the cue right after it.
        return f.Kind is FigureKinds.Count or FigureKinds.Number && f.CueRightAfter() ? RuleOutcome.Pass : RuleOutcome.Reject;
    }
}

/// <summary>A cue right after the figure: 120 港元/股的价格开盘, 165 港元的发行价, 2.12 亿个人用户.</summary>
public sealed class CueAfterFigureRule : IMetricRule
{
    public string Name => "cue-after";

    public RuleOutcome Apply(FigureContext f)
    {
        var end = f.Mention.Span.End;
        var post = f.CuesIn(end, f.ClauseEnd(end)).FirstOrDefault(c => c.Value.Kind == CueKind.Metric && f.ContextHolds(c));
        if (post.Value is null || !f.Document.IsPostGap(AfterAside(f.Gap(end, post.Start))) || (post.Value.Metric!.Units & f.Kind) == 0)
            return RuleOutcome.Pass;
        return RuleOutcome.Bind(post.Value.Metric, f.Value, post);
    }

    /// <summary>The gap without a parenthesis that opens it: a stated equivalent or a gloss between the figure and its
    /// cue (162亿元（约22.7亿美元）的长期资产减值损失).</summary>
    private static string AfterAside(string gap)
    {
        if (gap.Length == 0 || gap[0] is not ('(' or '（')) return gap;
        var close = gap.IndexOfAny([')', '）']);
        return close < 0 ? gap : gap[(close + 1)..];
    }
}

/// <summary>The nearest cue in an earlier clause of the sentence, when the figure's clause only adds a period or a link
/// word before it (…，2025 年上半年为 15.947 亿元; …，约 3050 万美元) and names no other company.</summary>
public sealed class EarlierClauseCueRule : IMetricRule
{
    public string Name => "earlier-clause";

    public RuleOutcome Apply(FigureContext f)
    {
        var doc = f.Document;
        if (!doc.OnlyLinkWords(f.Clause, f.Position, f.English)) return RuleOutcome.Reject;
        var earlier = f.MetricCues(f.SentenceStart, f.Clause).Where(c => !f.InClosedAside(c.End, f.Position)).ToList();
        if (earlier.Count == 0) return RuleOutcome.Reject;
        var cue = earlier[^1];
        var own = doc.EntitiesIn(f.Clause, f.Position).Select(e => e.Name).LastOrDefault();
        var cueOwn = doc.EntitiesIn(doc.ClauseStart(cue.Start, f.Sentence), cue.Start).Select(e => e.Name).LastOrDefault();
        if (own is not null && cueOwn is not null && own != cueOwn) return RuleOutcome.Reject;
        return RuleOutcome.BindIfAccepted(f.Cumulate(cue), f.Value, cue);
    }
}
