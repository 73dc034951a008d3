using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>The key facts are reconciled under. <paramref name="Segment"/> is empty for the whole company and
/// <paramref name="Basis"/> empty for a reported figure: a segment's revenue never competes with the group's, nor an
/// adjusted profit with the reported one.</summary>
public sealed record FactKey(string Entity, string Metric, string Period, string Segment = "", string Basis = "")
{
    /// <summary>Human text of the key (<c>阿里巴巴 revenue [云智能集团] 2025-07-01/2025-09-30</c>).</summary>
    public override string ToString() =>
        $"{Entity} {Metric}{(Segment.Length > 0 ? $" [{Segment}]" : "")}{(Basis.Length > 0 ? $" ({Basis})" : "")} {Period}";
}

/// <summary>
/// One source's value for a key, the reconciler's input. Built from a <see cref="Facts.Claim"/> or read from any
/// claims file (<c>pipeline reconcile</c>), so the engine also serves data our extractor never saw.
/// </summary>
public sealed record Observation
{
    public required FactKey Key { get; init; }
    /// <summary>Who said it: an outlet, a web source, an editor. Reliability is learned per source.</summary>
    public required string Source { get; init; }
    /// <summary>Document the value came from (a source may have several).</summary>
    public string Document { get; init; } = "";
    /// <summary>Numeric value in base units, when the value is numeric.</summary>
    public decimal? Value { get; init; }
    /// <summary>The value as text when it is not numeric (a gate, a name), or as written.</summary>
    public string? Text { get; init; }
    public Unit Unit { get; init; } = Unit.None;
    public Qualifier Qualifier { get; init; } = Qualifier.Exact;
    /// <summary>Size of one unit in the last written digit (0 when unknown: then the value's own digits decide).</summary>
    public decimal Precision { get; init; }
    /// <summary>Upper end of a stated range.</summary>
    public decimal? RangeEnd { get; init; }
    /// <summary>An amount stated beside this one in another currency (for implied exchange rates).</summary>
    public decimal? EquivalentValue { get; init; }
    public Unit? EquivalentUnit { get; init; }
    public string ClaimId { get; init; } = "";
    public string Quote { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>Human period label (<c>2025H1</c>).</summary>
    public string PeriodLabel { get; init; } = "";
    /// <summary>The figure's own text in the quote (<c>7000万美元</c>), highlighted in the audit.</summary>
    public string AsWritten { get; init; } = "";
    /// <summary>Where the document can be read (from the manifest), linked from the audit.</summary>
    public string Url { get; init; } = "";
    /// <summary>How sure the extraction is that the claim says what it is read as saying (0..1): a claim bound by a weak
    /// rule counts for less, both in the vote and in what it teaches about its source.</summary>
    public double ExtractionConfidence { get; init; } = 1;
}
