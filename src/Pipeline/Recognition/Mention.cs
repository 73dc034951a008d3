using System;
using Pipeline.Text;

namespace Pipeline.Recognition;

public enum MentionKind { Number, Percentage, Points, Multiple, Money, Date, Period }

public static class MentionKindExtensions
{
    /// <summary>Lower-case name used in the datasets (<c>money</c>, <c>period</c>…).</summary>
    public static string ToCode(this MentionKind kind) => kind switch
    {
        MentionKind.Number => "number",
        MentionKind.Percentage => "percentage",
        MentionKind.Points => "points",
        MentionKind.Multiple => "multiple",
        MentionKind.Money => "money",
        MentionKind.Date => "date",
        MentionKind.Period => "period",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// A recognised quantity, date or period. <see cref="Span"/> is in the text the recognizer read;
/// <see cref="SourceSpan"/> is filled by the pipeline from the composed offset map and points into the decoded
/// original document.
/// </summary>
public sealed record Mention(MentionKind Kind, TextSpan Span, string Text, Resolution Value, Qualifier Qualifier = Qualifier.Exact)
{
    /// <summary>Upper end of a range (<c>151至165港元</c>): <see cref="Value"/> is the lower end.</summary>
    public Resolution? RangeEnd { get; init; }

    /// <summary>Where the upper end of a range is written (<c>165港元</c> of <c>151至165港元</c>), in the text the
    /// recognizer read; <see cref="RangeEndSourceSpan"/> is the same in the original, filled by the pipeline.</summary>
    public TextSpan? RangeEndSpan { get; init; }

    public TextSpan? RangeEndSourceSpan { get; init; }

    /// <summary>Span of another mention that states the same amount in another currency
    /// (<c>13.2 亿美元（92.93 亿元人民币）</c>): the two are conversions of one another.</summary>
    public TextSpan? EquivalentSpan { get; init; }

    /// <summary>A price per share (<c>每股 165 港元</c>, <c>120 港元 / 股</c>).</summary>
    public bool IsPerShare { get; init; }

    /// <summary>Offsets in the decoded original document. Default until the pipeline maps <see cref="Span"/>.</summary>
    public TextSpan SourceSpan { get; init; }

    /// <summary>Which recognizer produced it (for overlap ties and diagnostics).</summary>
    public string Recognizer { get; init; } = "";

    public ReportingPeriod? Period => Value is PeriodResolution p ? p.Period : null;
    public NumericResolution? Numeric => Value as NumericResolution;
}
