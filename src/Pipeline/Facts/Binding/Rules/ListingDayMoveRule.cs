using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>A debut move with no price named (上市首日即暴涨68.46%; 股价从发行价71.59港元飙升至120.6港元): after a listing-day
/// word earlier in the sentence, a percentage right after a rise or fall word that names no quantity is the day's change
/// against the offer price as it closed (<c>price.close_change_pct</c>, signed), and an amount of money the move reached
/// (飙升至, 跌到, 上涨14.01%至) is the closing price. A sentence that names the open or an intraday point names it with a cue, which
/// the other rules read; a market's or an index's move is not the company's. A base figure before the move (从发行价…)
/// keeps its own cue, and names no quantity of a later move in the sentence (…飙升至120.6港元，次日继续上涨14.01%).</summary>
public sealed class ListingDayMoveRule : IMetricRule
{
    public string Name => "listing-day-move";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Money)) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null || f.Document.MarketWordsIn(f.Clause, f.Position)
            || !f.CuesIn(f.SentenceStart, change.Start).Any(c => c.Value.Kind == CueKind.ListingDay))
            return RuleOutcome.Pass;
        // 从发行价71.59港元飙升至: the cue of a base figure before the move is the base's, not the quantity that moved.
        var bases = f.Document.FiguresBetween(f.Clause, change.Start);
        var from = bases.Count > 0 ? bases[^1].Span.End : f.Clause;
        // …股价从发行价71.59港元飙升至120.6港元，次日继续上涨14.01%: the base of an earlier move names no quantity of this one.
        if (f.MetricCues(from, f.Position).Count > 0
            || bases.Count == 0 && f.ChangedQuantity(change.Start) is { Value: not null } quantity && !f.Document.NamesBaseOfChange(quantity, change.Start))
            return RuleOutcome.Pass;
        var gap = f.Gap(change.End, f.Position).Trim();
        var fall = change.Value.Kind == CueKind.Fall;
        if (f.Value is Percentage p && ClaimBinder.DocumentState.IsQualifierGap(gap) && f.Metrics.Find(CloseChange) is { } moved)
            return RuleOutcome.Bind(moved, fall ? new Percentage(-p.Percent, p.Precision) : p, change);
        // 上涨14.01%至137.5港元: the change may stand between the move word and the level it reached.
        if (f.Kind == FigureKinds.Money && f.Document.FiguresBetween(change.End, f.Position) is [{ Value: Percentage } stated]
            && ClaimBinder.DocumentState.IsQualifierGap(f.Gap(change.End, stated.Span.Start)))
            gap = f.Gap(stated.Span.End, f.Position);
        var level = f.Document.Words.LevelWords.FirstOrDefault(w => gap.StartsWith(w, StringComparison.Ordinal));
        if (f.Kind == FigureKinds.Money && level is not null && ClaimBinder.DocumentState.IsQualifierGap(gap[level.Length..])
            && f.Metrics.Find(Close) is { } close)
            return RuleOutcome.BindIfAccepted(close, f.Value, change);
        return RuleOutcome.Pass;
    }

    private const string CloseChange = "price.close_change_pct";
    private const string Close = "price.close";
}
