using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

internal static class Ratio
{
    /// <summary>The ratio of the numerator's metric to the denominator's, as the lexicon defines it; rejected when it
    /// defines none.</summary>
    public static RuleOutcome Of(FigureContext f, PhraseMatch<Cue> numerator, PhraseMatch<Cue> denominator)
    {
        var ratio = numerator.Value is null ? null : f.Metrics.Ratio(numerator.Value.Metric!.Id, denominator.Value.Metric!.Id);
        if (ratio is null) return RuleOutcome.Reject;
        f.MarkRatio(ratio);
        var value = f.Value is Multiple x ? new Percentage(x.Times * 100, x.Precision * 100) : f.Value;
        return RuleOutcome.Bind(ratio, value, numerator);
    }
}

/// <summary>A ratio written "&lt;denominator cue&gt;的 N 倍 / N%" after its numerator (研发开支甚至是当期收入的8倍以上;
/// 香港公开发售股份数目占全球发售的百分比为15%, with a ratio word of binding.yaml <c>ratio_words</c>).</summary>
public sealed class RatioOfCueRule : IMetricRule
{
    public string Name => "ratio";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.Kind is not (FigureKinds.Percent or FigureKinds.Multiple) || f.ClauseCues.Count == 0) return RuleOutcome.Pass;
        var denominator = f.ClauseCues[^1];
        // A cue that names the ratio itself (研发投入占营收的比例达到6.97%) is read by the nearest-cue rule.
        if ((denominator.Value.Metric!.Units & f.Kind) != 0) return RuleOutcome.Pass;
        var gap = f.Gap(denominator.End, f.Position);
        if (!gap.StartsWith('的') || gap.Any(char.IsAsciiDigit)) return RuleOutcome.Pass;
        // 占全球发售的百分比为15%: a word naming the ratio may follow 的.
        var rest = gap[1..];
        if (f.Document.Words.RatioWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal)) is { } named) rest = rest[named.Length..];
        if (rest.Length > 2) return RuleOutcome.Pass;
        return Ratio.Of(f, f.MetricCues(f.SentenceStart, denominator.Start).LastOrDefault(), denominator);
    }
}

/// <summary>An English ratio: a percentage or multiple "of" a cue after it (R&amp;D spending … about 85% of revenue), or
/// "of" a whole that binding.yaml <c>ratio_wholes_en</c> names (10.86 million shares allocated to retail investors,
/// representing about 10 per cent of the total offering: the retail tranche's share of the offering), when the lexicon
/// defines the ratio of the quantity named before the figure to that whole.</summary>
public sealed class EnglishRatioRule : IMetricRule
{
    private static readonly string[] Links = ["of", "of its", "of total", "of the", "of their"];

    public string Name => "ratio-of";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Multiple)) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        var numerator = f.MetricCues(f.SentenceStart, f.Position).LastOrDefault();
        var denominator = f.CuesIn(end, f.ClauseEnd(end)).FirstOrDefault(c => c.Value.Kind == CueKind.Metric);
        if (denominator.Value is not null && Links.Contains(f.Gap(end, denominator.Start))) return Ratio.Of(f, numerator, denominator);
        return OfWhole(f, numerator);
    }

    /// <summary>The ratio of the numerator to a whole named after "of the" (the IPO, the total offering); passes when the
    /// text names no such whole or the lexicon defines no such ratio.</summary>
    private static RuleOutcome OfWhole(FigureContext f, PhraseMatch<Cue> numerator)
    {
        var end = f.Mention.Span.End;
        var whole = f.Document.Words.RatioWholesEnglish.FindAll(f.Document.TextAfter(end, f.ClauseEnd(end))).FirstOrDefault();
        if (whole.Value is null || numerator.Value?.Metric is not { } part) return RuleOutcome.Pass;
        var after = f.Document.TextAfter(end, f.ClauseEnd(end));
        if (!Links.Contains(after[..whole.Start].Trim()) || f.Metrics.Ratio(part.Id, whole.Value) is not { } ratio) return RuleOutcome.Pass;
        f.MarkRatio(ratio);
        var value = f.Value is Multiple x ? new Percentage(x.Times * 100, x.Precision * 100) : f.Value;
        return RuleOutcome.Bind(ratio, value, numerator);
    }
}
