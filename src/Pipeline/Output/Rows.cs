using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Reconciliation;

namespace Pipeline.Output;

/// <summary>A document as listed in the outputs.</summary>
public sealed record DocumentRow(string Id, string Path, string Status, string? DuplicateOf, string? Reason, string? Outlet,
    string? Published, bool PublishedInferred, string? Title, string? CleanText);

/// <summary>One line of <c>mentions.jsonl</c>.</summary>
public sealed record MentionRow(string Document, string Kind, string Text, int Start, int End, string? Value, string? Unit,
    string? Qualifier, string? PeriodStart, string? PeriodEnd, string? RangeEnd)
{
    public static MentionRow From(string document, Mention m)
    {
        var numeric = m.Numeric;
        var period = m.Period;
        return new MentionRow(document, m.Kind.ToCode(), m.Text, m.SourceSpan.Start, m.SourceSpan.End,
            numeric is null ? null : Invariant.Decimal(numeric.Value),
            numeric?.UnitCode,
            numeric is null ? null : m.Qualifier.ToSymbol(),
            period?.Start.ToString("yyyy-MM-dd", null), period?.End.ToString("yyyy-MM-dd", null),
            m.RangeEnd is NumericResolution r ? Invariant.Decimal(r.Value) : null);
    }
}

/// <summary>One row of <c>claims.csv</c> (and of the store's claims table).</summary>
public sealed record ClaimRow(string ClaimId, string Document, string? Outlet, string Entity, string Metric, string Period,
    string PeriodLabel, string Value, string Unit, string Qualifier, string Precision, string? RangeEnd, string? EquivalentValue,
    string? EquivalentUnit, string Quote, int Start, int End)
{
    /// <summary>The part of the company (empty: the whole company).</summary>
    public string Segment { get; init; } = "";
    /// <summary>The basis (empty: as reported).</summary>
    public string Basis { get; init; } = "";
    /// <summary>The figure's own text.</summary>
    public string AsWritten { get; init; } = "";
    /// <summary>The claim this one restates in another currency.</summary>
    public string? EquivalentOf { get; init; }
    /// <summary>Who said it (the outlet, or the document when the outlet is unknown): the reconciler's source.</summary>
    public string Source => string.IsNullOrWhiteSpace(Outlet) ? Document : Outlet!;

    public static ClaimRow From(Claim c) => new(
        c.Id, c.Provenance.DocumentId, c.Provenance.Outlet, c.Entity, c.Metric, c.Period.ToIsoString(), c.Period.Label,
        Invariant.Decimal(c.Value.Value), c.Value.UnitCode, c.Qualifier.ToSymbol(), Invariant.Decimal(c.Value.Precision),
        c.RangeEnd is { } r ? Invariant.Decimal(r.Value) : null,
        c.StatedEquivalent is { } e ? Invariant.Decimal(e.Amount) : null, c.StatedEquivalent?.Currency.Code,
        c.Provenance.Quote, c.Provenance.SourceSpan.Start, c.Provenance.SourceSpan.End)
    {
        Segment = c.Segment, Basis = c.Basis, AsWritten = c.AsWritten, EquivalentOf = c.EquivalentOf,
    };

    /// <summary>The reconciler's view of the claim. The source is the outlet (reliability is learned per outlet),
    /// or the document when the outlet is unknown; the key is <paramref name="key"/> when given (a key object shared by
    /// every claim of the key: see <see cref="Storage.PipelineStore"/>), else <see cref="KeyOf"/>.</summary>
    public Observation ToObservation(FactKey? key = null) => new()
    {
        Key = key ?? KeyOf(),
        Source = Source,
        Document = Document,
        Value = Invariant.ParseDecimal(Value),
        Text = Value,
        Unit = Recognition.Unit.Parse(Unit),
        Qualifier = QualifierExtensions.FromSymbol(Qualifier),
        Precision = Invariant.ParseDecimal(Precision) ?? 0m,
        RangeEnd = Invariant.ParseDecimal(RangeEnd),
        EquivalentValue = Invariant.ParseDecimal(EquivalentValue),
        EquivalentUnit = EquivalentUnit is null ? null : Recognition.Unit.Parse(EquivalentUnit),
        ClaimId = ClaimId,
        Quote = Quote,
        Start = Start,
        End = End,
        PeriodLabel = PeriodLabel,
        AsWritten = AsWritten,
    };

    /// <summary>The fact key the claim states.</summary>
    public FactKey KeyOf() => new(Entity, Metric, Period, Segment, Basis);
}

/// <summary>One row of <c>facts.csv</c>.</summary>
public sealed record FactRow(string Entity, string Metric, string Segment, string Basis, string Period, string PeriodLabel,
    string Value, string Unit, string Qualifier, string Status, string Sources, string Documents, string Confidence, string Note)
{
    /// <summary>The arithmetic checks the fact takes part in: <c>pass:K3;fail:K7</c> (ids as in the audit).</summary>
    public string Checks { get; init; } = "";

    public static FactRow From(ReconciledFact f) => new(
        f.Key.Entity, f.Key.Metric, f.Key.Segment, f.Key.Basis, f.Key.Period, f.PeriodLabel,
        f.Chosen.Value is { } v ? Invariant.Decimal(v) : f.Chosen.Text ?? "", f.Chosen.Unit.Code, f.Chosen.Qualifier.ToSymbol(),
        f.Status.ToFactStatus(), string.Join(";", f.Sources), string.Join(";", f.Documents), Invariant.Fixed(f.Confidence), f.Note)
    {
        Checks = string.Join(";", f.Checks.Select(c => (c.Passed ? "pass:" : "fail:") + c.Id)),
    };
}

/// <summary>One row of <c>conflicts.csv</c>: a competing value for a key in conflict.</summary>
public sealed record ConflictRow(string Entity, string Metric, string Segment, string Basis, string Period, string Value,
    string Unit, string Qualifier, string Documents, string Diagnosis, bool Chosen)
{
    public string PeriodLabel { get; init; } = "";
    /// <summary>The claims stating this value (<c>;</c>-separated).</summary>
    public string ClaimIds { get; init; } = "";
    /// <summary>The value as each source wrote it (distinct writings, <c> / </c>-separated).</summary>
    public string AsWritten { get; init; } = "";
    public string Sources { get; init; } = "";
    public string Confidence { get; init; } = "";
    /// <summary>Why this value differs from the chosen one, or, on the chosen row, why it won.</summary>
    public string Explanation { get; init; } = "";

    public static IEnumerable<ConflictRow> From(ReconciledFact f) => f.Status != FactStatus.Conflict
        ? []
        : f.Candidates.Select(c => new ConflictRow(f.Key.Entity, f.Key.Metric, f.Key.Segment, f.Key.Basis, f.Key.Period,
            c.Value is { } v ? Invariant.Decimal(v) : c.Text ?? "", c.Unit.Code, c.Qualifier.ToSymbol(), string.Join(";", c.Documents),
            c.Chosen ? "chosen" : c.Diagnosis.ToCode(), c.Chosen)
        {
            PeriodLabel = f.PeriodLabel,
            ClaimIds = string.Join(";", c.Support.Select(o => o.ClaimId).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            AsWritten = string.Join(" / ", c.Support.Select(o => o.AsWritten.Length > 0 ? o.AsWritten : o.Text ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)),
            Sources = string.Join(";", c.Support.Select(o => o.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            Confidence = Invariant.Fixed(c.Confidence),
            Explanation = c.Explanation,
        });
}

/// <summary>One row of <c>quarantine.csv</c>.</summary>
public sealed record QuarantineRow(string Document, string Path, string Reason);
