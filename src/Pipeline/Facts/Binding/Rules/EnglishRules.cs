using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>The second change of an English list after one rise or fall word: a decrease of 36.2% year-on-year and
/// 9.5% quarter-on-quarter; grew 15.0% Y/Y and 19.0% Q/Q. Only other changes, their year-on-year or sequential
/// markers, "and" and qualifier words stand between the rise or fall word and the figure.</summary>
public sealed class EnglishChangeListRule : IMetricRule
{
    public string Name => "change-list-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Points or FigureKinds.Multiple)) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null) return RuleOutcome.Pass;
        var between = f.Document.FiguresBetween(change.End, f.Position);
        if (between.Count == 0 || between.Any(m => m.Value is not (Percentage or PercentagePoints or Multiple))) return RuleOutcome.Pass;
        var from = change.End;
        var words = new List<string>();
        foreach (var m in between)
        {
            words.AddRange(f.Gap(from, m.Span.Start).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
            from = m.Span.End;
        }
        var markers = f.CuesIn(from, f.Position).Where(c => c.Value.Kind is CueKind.QuarterOnQuarter or CueKind.YearOnYear).ToList();
        foreach (var c in markers)
        {
            words.AddRange(f.Gap(from, c.Start).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
            from = c.End;
        }
        words.AddRange(f.Gap(from, f.Position).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        if (!words.All(w => w is "and" or "or" || ClaimBinder.DocumentState.EnglishGapWords.Contains(w))) return RuleOutcome.Pass;
        if (f.CuesIn(change.End, f.Position).Any(c => c.Value.Kind == CueKind.Metric)) return RuleOutcome.Pass;
        return Change.Of(f, f.ChangedQuantity(change.Start), change.Value.Kind == CueKind.Fall, multipleAsPercent: true);
    }
}
