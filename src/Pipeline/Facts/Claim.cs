using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>Where a claim comes from: the document, the figure's offsets in the decoded original, the sentence quoted.</summary>
public sealed record Provenance(string DocumentId, string? Outlet, TextSpan SourceSpan, string Quote);

/// <summary>
/// One figure an article states: (entity, metric, period, value, unit, qualifier), traceable to its characters.
/// </summary>
public sealed record Claim(string Entity, string Metric, ReportingPeriod Period, NumericResolution Value, Qualifier Qualifier, Provenance Provenance)
{
    /// <summary>Stable id: document id and the figure's start offset in the original.</summary>
    public string Id => $"{Provenance.DocumentId}:{Provenance.SourceSpan.Start}";

    /// <summary>Upper end when the article gives a range (the value is then the lower end).</summary>
    public NumericResolution? RangeEnd { get; init; }

    /// <summary>The same amount as stated in another currency in the same place (<c>13.2 亿美元（92.93 亿元人民币）</c>).</summary>
    public Money? StatedEquivalent { get; init; }
}
