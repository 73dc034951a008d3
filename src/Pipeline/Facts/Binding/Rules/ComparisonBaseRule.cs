using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>
/// A figure stated as the comparison base of the quantity the sentence is about, or restating it for another period:
/// 车辆销售收入为 259 亿元，较 2024 年第三季度的 413 亿元大幅减少; 毛利率为 15.5%，相较于 2024 年同期的 20.9%;
/// 自由现金流为 -89 亿元，而去年同期为正值 91 亿元; 经调整EBITA盈利1.62亿元，上一季度为亏损5900万元. The figure follows a
/// base period (one led by a comparison word, or 去年同期 / 上一季度) with only link words (or a loss word) between, and
/// takes the metric of the nearest quantity before it in the sentence; its period is the base period (<see cref="ClaimBinder.DocumentState.PeriodBefore"/>).
/// </summary>
public sealed class ComparisonBaseRule : IMetricRule
{
    public string Name => "comparison-base";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English) return RuleOutcome.Pass;
        var anchor = f.Anchors.LastOrDefault(a => a.End <= f.Position && a.Start >= f.Clause && a.Kind == ClaimBinder.AnchorKind.Period);
        if (anchor.End == 0 || !anchor.Base) return RuleOutcome.Pass;
        // 上一季度为亏损5900万元 after 经调整EBITA盈利1.62亿元: a loss word restates the quantity as a loss (it is signed
        // by the loss word), it names no metric of its own.
        if (f.CuesIn(anchor.End, f.Position).Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall
                || c.Value.Kind == CueKind.Metric && !f.Document.Words.LossWords.Contains(c.Value.Phrase, System.StringComparer.Ordinal)))
            return RuleOutcome.Pass;
        if (!f.Document.IsRestatementGap(anchor.End, f.Position)) return RuleOutcome.Pass;
        var quantity = f.ChangedQuantity(anchor.Start);
        if (quantity.Value?.Metric is null) return RuleOutcome.Pass;
        return RuleOutcome.BindIfAccepted(f.Cumulate(quantity), f.Value, quantity);
    }
}
