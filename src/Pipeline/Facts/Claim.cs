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

    /// <summary>The part of the company the figure is about (<c>云智能集团</c>); empty for the whole company.</summary>
    public string Segment { get; init; } = "";

    /// <summary>How the figure is measured; empty for reported (see <see cref="Bases"/>).</summary>
    public string Basis { get; init; } = "";

    /// <summary>The figure's own text as the article writes it (<c>7000万美元</c>, <c>HK$57</c>).</summary>
    public string AsWritten { get; init; } = "";

    /// <summary>For a stated equivalent in another currency, the id of the claim it restates (its basis is
    /// <see cref="Bases.StatedEquivalent"/>).</summary>
    public string? EquivalentOf { get; init; }
}

/// <summary>The basis values claims use (empty = as reported). A basis is part of the fact key: figures on different
/// bases never compete.</summary>
public static class Bases
{
    public const string Reported = "";
    /// <summary>Non-GAAP / non-IFRS / 经调整.</summary>
    public const string Adjusted = "adjusted";
    /// <summary>An amount restated in another currency beside the figure (<c>（约合 13.2 亿美元）</c>).</summary>
    public const string StatedEquivalent = "stated-equivalent";
}
