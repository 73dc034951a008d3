using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime.Text;
using Orleans;
using Pipeline.Documents;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Cluster;

/// <summary>A document as sent to a worker: the raw bytes (or supplied text) and what was read about it.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentWork
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Path { get; init; }
    [Id(2)] public required byte[] Bytes { get; init; }
    [Id(3)] public bool Html { get; init; }
    [Id(4)] public string? Text { get; init; }
    [Id(5)] public string? Outlet { get; init; }
    [Id(6)] public string? Url { get; init; }
    /// <summary>ISO date (<c>yyyy-MM-dd</c>).</summary>
    [Id(7)] public string? Published { get; init; }
    [Id(8)] public bool PublishedInferred { get; init; }
    [Id(9)] public string? Language { get; init; }
    [Id(10)] public string? Title { get; init; }
    [Id(11)] public string? Author { get; init; }
    [Id(12)] public IReadOnlyList<DiagnosticWork> ReadDiagnostics { get; init; } = [];
    [Id(13)] public string? Region { get; init; }
    /// <summary>The periods sibling documents report per company (ISO periods), for an undated article's second pass.</summary>
    [Id(14)] public Dictionary<string, string>? CoveragePeriods { get; init; }
    /// <summary>The listing days sibling documents give per company (ISO days).</summary>
    [Id(15)] public Dictionary<string, string>? CoverageListingDays { get; init; }
    /// <summary>The years sibling documents date each company's deal terms to (ISO years).</summary>
    [Id(16)] public Dictionary<string, string>? CoverageDealYears { get; init; }

    public static DocumentWork From(RawDocument doc) => new()
    {
        Id = doc.Id, Path = doc.Path, Bytes = doc.Bytes, Html = doc.Format == DocumentFormat.Html, Text = doc.Text,
        Outlet = doc.Metadata.Outlet, Url = doc.Metadata.Url,
        Published = doc.Metadata.Published is { } p ? LocalDatePattern.Iso.Format(p) : null,
        PublishedInferred = doc.Metadata.PublishedInferred, Language = doc.Metadata.Language, Title = doc.Metadata.Title,
        Author = doc.Metadata.Author, Region = doc.Metadata.Region,
        CoveragePeriods = Iso(doc.Metadata.CoveragePeriods), CoverageListingDays = Iso(doc.Metadata.CoverageListingDays),
        CoverageDealYears = Iso(doc.Metadata.CoverageDealYears),
        ReadDiagnostics = doc.ReadDiagnostics.Select(d => new DiagnosticWork((int)d.Severity, d.Code, d.Message, d.Span?.Start ?? -1, d.Span?.End ?? -1)).ToList(),
    };

    private static Dictionary<string, string>? Iso(IReadOnlyDictionary<string, ReportingPeriod>? periods) =>
        periods?.ToDictionary(c => c.Key, c => c.Value.ToIsoString(), StringComparer.Ordinal);

    private static Dictionary<string, ReportingPeriod>? Periods(Dictionary<string, string>? iso) =>
        iso?.ToDictionary(c => c.Key,
            c => ReportingPeriod.TryParseIso(c.Value, out var p) ? p : throw new InvalidDataException($"coverage period '{c.Value}' is not an ISO period"),
            StringComparer.Ordinal);

    public RawDocument ToRawDocument() => new(Id, Path, Bytes, Html ? DocumentFormat.Html : DocumentFormat.Text, new DocumentMetadata
    {
        Outlet = Outlet, Url = Url,
        Published = Published is null ? null : LocalDatePattern.Iso.Parse(Published).GetValueOrThrow(),
        PublishedInferred = PublishedInferred, Language = Language, Title = Title, Author = Author, Region = Region,
        CoveragePeriods = Periods(CoveragePeriods), CoverageListingDays = Periods(CoverageListingDays),
        CoverageDealYears = Periods(CoverageDealYears),
    })
    {
        Text = Text,
        ReadDiagnostics = ReadDiagnostics.Select(d => new Diagnostic((Severity)d.Severity, d.Code, d.Message,
            d.Start >= 0 ? new TextSpan(d.Start, d.End) : null)).ToList(),
    };
}

/// <summary>A diagnostic found while reading a document (span -1 when it has no place).</summary>
[GenerateSerializer, Immutable]
public sealed record DiagnosticWork([property: Id(0)] int Severity, [property: Id(1)] string Code, [property: Id(2)] string Message,
    [property: Id(3)] int Start, [property: Id(4)] int End);

/// <summary>A batch of documents for one worker call.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentBatch([property: Id(0)] long RunId, [property: Id(1)] string PipelineVersion,
    [property: Id(2)] IReadOnlyList<DocumentWork> Documents);

/// <summary>What a worker committed for one document.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentOutcome([property: Id(0)] string Id, [property: Id(1)] bool Processed,
    [property: Id(2)] Dictionary<string, double> StageSeconds)
{
    /// <summary>The document's subject as the binder read it (null when it names no company).</summary>
    [Id(3)] public SubjectWork? Subject { get; init; }
}

/// <summary>A <see cref="Pipeline.Facts.DocumentSubject"/> on the wire (ISO periods).</summary>
[GenerateSerializer, Immutable]
public sealed record SubjectWork([property: Id(0)] string Entity, [property: Id(1)] string? Period, [property: Id(2)] bool NeedsPeriod,
    [property: Id(3)] string? ListingDay, [property: Id(4)] string? DealYear)
{
    public static SubjectWork? From(Pipeline.Facts.DocumentSubject? s) => s is null ? null
        : new(s.Entity, s.Period?.ToIsoString(), s.NeedsPeriod, s.ListingDay?.ToIsoString(), s.DealYear?.ToIsoString());

    public Pipeline.Facts.DocumentSubject ToSubject() => new(Entity, Parse(Period), NeedsPeriod) { ListingDay = Parse(ListingDay), DealYear = Parse(DealYear) };

    private static ReportingPeriod? Parse(string? iso) => iso is not null && ReportingPeriod.TryParseIso(iso, out var p) ? p : null;
}

/// <summary>A worker's answer for a batch: every document committed, and which silo did it.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchOutcome([property: Id(0)] IReadOnlyList<DocumentOutcome> Documents, [property: Id(1)] string Worker);
