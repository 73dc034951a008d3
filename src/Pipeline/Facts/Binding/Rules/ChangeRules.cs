using System;
using System.Collections.Generic;
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
            // A base dated to the previous quarter compares from the quantity on (营收和上一季度相比，增长幅度为14.2%).
            : markers.Count > 0 ? markers[^1].Value.Kind == CueKind.QuarterOnQuarter : f.PreviousQuarterBaseBefore(Math.Min(from, quantity.End));
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

    /// <summary>A percentage read as the change of a level (revenue, not a margin): passes when the quantity is missing
    /// or is a percentage itself, whose level the figure would be.</summary>
    public static RuleOutcome OfLevel(FigureContext f, PhraseMatch<Cue> quantity, bool fall) =>
        quantity.Value?.Metric is not { } metric || (metric.Units & FigureKinds.Percent) != 0
            ? RuleOutcome.Pass
            : Of(f, quantity, fall, multipleAsPercent: false);
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
        var gap = f.English ? f.Gap(change.End, f.Position) : ListGap(f, change.End);
        var qualifierOnly = f.English ? ClaimBinder.DocumentState.IsEnglishQualifierGap(gap) : ClaimBinder.DocumentState.IsQualifierGap(gap);
        if (!qualifierOnly || f.CuesIn(change.End, f.Position).Any(c => c.Value.Kind == CueKind.Metric)) return RuleOutcome.Pass;
        // 增长超过一倍: a multiple after a Chinese rise word is that many times 100 percent.
        return Change.Of(f, f.ChangedQuantity(change.Start), change.Value.Kind == CueKind.Fall, !f.English);
    }

    /// <summary>The words between a change word and the figure, a 分别 list's earlier figures and joiners aside (同比分别减少
    /// 1.5%/9.5%/5.3%: each figure is a change); the whole text when the figures between are no list.</summary>
    private static string ListGap(FigureContext f, int from)
    {
        var whole = f.Gap(from, f.Position);
        var figures = f.Document.FiguresBetween(from, f.Position);
        var first = figures.Count > 0 ? figures[0].Span.Start : f.Position;
        var distributive = f.CuesIn(f.Clause, first).LastOrDefault(c => c.Value.Kind == CueKind.Distributive);
        if (distributive.Value is null) return whole;
        for (var k = 0; k < figures.Count; k++)
            if (!IsJoiner(f.Gap(figures[k].Span.End, k + 1 < figures.Count ? figures[k + 1].Span.Start : f.Position))) return whole;
        return distributive.Start >= from
            ? f.Gap(from, distributive.Start) + f.Gap(distributive.End, first)
            : f.Gap(from, first);
    }

    private static bool IsJoiner(string gap) => gap == "/" || ClaimBinder.DocumentState.IsConnector(gap);
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

/// <summary>A growth rate written as the level it moved to (家电增速回落到4.9%, 平台和广告收入回升到12.7%): a percentage after
/// a rise or fall word and 到/至, about a quantity that is no percentage itself (a rate that moves to 13% is the rate), is
/// that quantity's change, as written: the fall word says the rate came down, not that the quantity fell. A change noun
/// that names a fall (跌幅收窄至2%) makes it a fall. When the quantity before the rate names no change, a cue between the
/// rate and its verb names what moved (跌幅一度扩大到10.27%: the intraday extreme).</summary>
public sealed class ChangeRateLevelRule : IMetricRule
{
    public string Name => "change-rate-level";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind != FigureKinds.Percent) return RuleOutcome.Pass;
        var changes = f.CuesIn(f.Clause, f.Position).Where(c => c.Value.Kind is CueKind.Rise or CueKind.Fall).ToList();
        if (changes.Count == 0) return RuleOutcome.Pass;
        var last = changes[^1];
        var gap = f.Gap(last.End, f.Position).Trim();
        var level = f.Document.Words.LevelWords.FirstOrDefault(w => gap.StartsWith(w, StringComparison.Ordinal));
        if (level is null || !ClaimBinder.DocumentState.IsQualifierGap(gap[level.Length..])
            || f.CuesIn(last.End, f.Position).Any(c => c.Value.Kind == CueKind.Metric))
            return RuleOutcome.Pass;
        // The clause's first change word names the rate (增速回落到, 跌幅一度扩大到): a fall there is a fall.
        var first = changes[0];
        var quantity = f.ChangedQuantity(first.Start);
        // 跌幅一度扩大到10.27%: when the quantity before names no change, a cue between the rate and its verb (一度: the
        // intraday extreme) names what moved.
        if (quantity.Value?.Metric?.Change is null && f.MetricCues(first.End, last.Start).LastOrDefault(c => c.Value.Metric?.Change is not null) is { Value: not null } between)
            quantity = between;
        return Change.OfLevel(f, quantity, first.Value.Kind == CueKind.Fall && first.End <= last.Start);
    }
}

/// <summary>A change written before its change noun (对比2024年59%的增速, 出现4.2%的同比负增长): a percentage followed, with
/// only 的 and a year-on-year or sequential marker between, by a rise or fall word is the change of the quantity named
/// before the figure.</summary>
public sealed class ChangeBeforeDirectionRule : IMetricRule
{
    public string Name => "change-before-direction";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind != FigureKinds.Percent) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        var after = f.CuesIn(end, f.ClauseEnd(end)).ToList();
        var direction = after.FirstOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (direction.Value is null) return RuleOutcome.Pass;
        var at = end;
        foreach (var c in after)
        {
            if (c.Start >= direction.Start) break;
            if (c.Value.Kind is not (CueKind.YearOnYear or CueKind.QuarterOnQuarter) || !IsLink(f, f.Gap(at, c.Start))) return RuleOutcome.Pass;
            at = c.End;
        }
        if (!IsLink(f, f.Gap(at, direction.Start))) return RuleOutcome.Pass;
        return Change.OfLevel(f, f.ChangedQuantity(f.Position), direction.Value.Kind == CueKind.Fall);
    }

    private static bool IsLink(FigureContext f, string gap) =>
        gap.Trim() is var g && (g.Length == 0 || f.Document.Words.FigureChangeLinks.Contains(g, StringComparer.Ordinal));
}

/// <summary>A figure that is a change by itself (实现翻番; revenue more than doubled) is the change of the quantity named
/// before it.</summary>
public sealed class ChangeFigureRule : IMetricRule
{
    public string Name => "change-figure";

    public RuleOutcome Apply(FigureContext f)
    {
        // The qualifier an English figure's text starts with (more than doubled) aside.
        var text = f.Mention.Text;
        if (!f.Document.Words.ChangeFigures.Any(w => text.Equals(w, StringComparison.OrdinalIgnoreCase)
                                                     || f.English && text.EndsWith(" " + w, StringComparison.OrdinalIgnoreCase)))
            return RuleOutcome.Pass;
        var quantity = f.ChangedQuantity(f.Position);
        // English: the quantity is the subject right before the verb (revenue more than doubled; not "doubled down on").
        if (f.English && (quantity.Value is null || f.Gap(quantity.End, f.Position).Length != 0)) return RuleOutcome.Pass;
        return Change.Of(f, quantity, fall: false, multipleAsPercent: false);
    }
}
