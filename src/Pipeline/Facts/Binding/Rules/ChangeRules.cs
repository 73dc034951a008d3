using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>Reads a change as the change metric of the quantity it is about (收入按年升 5% → revenue_growth_pct).</summary>
internal static class Change
{
    /// <summary>The change metric of <paramref name="quantity"/> with the figure as a signed percentage; rejected when
    /// the quantity has no change metric or the figure is not a percentage (or a multiple where one is allowed).</summary>
    /// A change marked quarter-on-quarter (环比, 按季, sequentially) between the quantity and the figure is the
    /// quantity's quarter-on-quarter change; a change in percentage points (个百分点, pct, percentage points) of a ratio
    /// is the ratio's change in points.
    public static RuleOutcome Of(FigureContext f, PhraseMatch<Cue> quantity, bool fall, bool multipleAsPercent)
    {
        if (quantity.Value?.Metric is not { } metric) return RuleOutcome.Reject;
        var from = Math.Max(quantity.End, f.Clause);
        var markers = f.CuesIn(from, f.Position).Where(c => c.Value.Kind is CueKind.QuarterOnQuarter or CueKind.YearOnYear).ToList();
        var qoq = f.MarkerAfter() is { } own ? own.Value.Kind == CueKind.QuarterOnQuarter
            : markers.Count > 0 ? markers[^1].Value.Kind == CueKind.QuarterOnQuarter : f.PreviousQuarterBaseBefore(from);
        var points = f.Value is PercentagePoints;
        var id = (points, qoq) switch
        {
            (true, true) => metric.ChangePointsQoq,
            (true, false) => metric.ChangePoints,
            (false, true) => metric.ChangeQoq,
            _ => metric.Change,
        };
        if (id is null || f.Metrics.Find(id) is not { } target) return RuleOutcome.Reject;
        NumericResolution? v = f.Value switch
        {
            Percentage p => p,
            PercentagePoints pp => pp,
            Multiple x when multipleAsPercent => new Percentage(x.Times * 100, x.Precision * 100),
            _ => null,
        };
        if (v is null || (target.Units & ClaimBinder.KindOf(v)) == 0) return RuleOutcome.Reject;
        v = (fall, v) switch
        {
            (true, Percentage down) => new Percentage(-down.Percent, down.Precision),
            (true, PercentagePoints down) => new PercentagePoints(-down.Points, down.Precision),
            _ => v,
        };
        return RuleOutcome.Bind(target, v, quantity);
    }
}

/// <summary>A change written after a rise or fall word: 上涨 3.3%, 同比增长 782%, 涨幅超过一倍, rose 12%. Only a
/// percentage or a multiple right after an English change word is the change (rose to RMB 3 billion is a level).</summary>
public sealed class ChangeAfterDirectionRule : IMetricRule
{
    public string Name => "change";

    public RuleOutcome Apply(FigureContext f)
    {
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null) return RuleOutcome.Pass;
        if (f.English && f.Kind is not (FigureKinds.Percent or FigureKinds.Multiple or FigureKinds.Points)) return RuleOutcome.Pass;
        var gap = f.Gap(change.End, f.Position);
        var qualifierOnly = f.English ? ClaimBinder.DocumentState.IsEnglishQualifierGap(gap) : ClaimBinder.DocumentState.IsQualifierGap(gap);
        if (!qualifierOnly || f.CuesIn(change.End, f.Position).Any(c => c.Value.Kind == CueKind.Metric)) return RuleOutcome.Pass;
        return Change.Of(f, f.ChangedQuantity(change.Start), change.Value.Kind == CueKind.Fall, change.Value.Phrase.Contains('幅'));
    }
}

/// <summary>English puts the direction after the change: opened 15% higher, closed 3.2% lower.</summary>
public sealed class DirectionAfterChangeRule : IMetricRule
{
    public string Name => "direction-after";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Multiple or FigureKinds.Points)) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        // A year-on-year or sequential marker may stand between (a 62.7% year-over-year decrease).
        if (f.MarkerAfter() is { } marker) end = marker.End;
        var after = f.CuesIn(end, f.ClauseEnd(end)).FirstOrDefault();
        if (after.Value is not { Kind: CueKind.Rise or CueKind.Fall } || f.Gap(end, after.Start).Length != 0) return RuleOutcome.Pass;
        // a 93% increase in deliveries: the quantity is named after the direction word.
        var named = f.CuesIn(after.End, f.ClauseEnd(after.End)).FirstOrDefault();
        var quantity = named.Value is { Kind: CueKind.Metric } && f.Gap(after.End, named.Start) is "in" or "in the" or "in its" or "in their"
            ? named : f.ChangedQuantity(f.Position);
        return Change.Of(f, quantity, after.Value.Kind == CueKind.Fall, multipleAsPercent: true);
    }
}
