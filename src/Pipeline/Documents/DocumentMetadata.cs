using System.Collections.Generic;
using NodaTime;

namespace Pipeline.Documents;

public enum DocumentFormat { Text, Html }

/// <summary>What is known about a document besides its text: from a manifest, a .jsonl record, or the page itself.</summary>
public sealed record DocumentMetadata
{
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public LocalDate? Published { get; init; }
    /// <summary>True when <see cref="Published"/> was read from the text (a dateline) rather than given.</summary>
    public bool PublishedInferred { get; init; }
    /// <summary>BCP 47 tag as given (<c>zh-Hans</c>, <c>zh-Hant</c>, <c>zh-HK</c>, <c>en</c>), or null.</summary>
    public string? Language { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    /// <summary>Where the Chinese text was written, as its conversion told: <c>HK</c>, <c>TW</c>, <c>Hant</c>
    /// (Traditional, region unknown), or null (Simplified or not Chinese). Share prices written with a bare 元 in a
    /// Hong Kong article are in HKD.</summary>
    public string? Region { get; init; }

    /// <summary>The period other documents of the same batch report for each company (canonical name → period), set
    /// by the batch's second pass for a document that names its company but cannot date what it reports itself
    /// (上季, 三季度 with no year and no publication date). The binder reads it only when the text gives no period.</summary>
    public IReadOnlyDictionary<string, Pipeline.Recognition.ReportingPeriod>? CoveragePeriods { get; init; }

    /// <summary>The listing day other documents of the same batch give each company (canonical name → day), set with
    /// <see cref="CoveragePeriods"/> in the second pass: an undated article's deal terms and debut prices take it when
    /// the text gives no day of its own.</summary>
    public IReadOnlyDictionary<string, Pipeline.Recognition.ReportingPeriod>? CoverageListingDays { get; init; }

    /// <summary>The year other documents of the same batch date each company's deal terms to (canonical name → year),
    /// set with <see cref="CoverageListingDays"/>: an article that writes no year at all keys its deal terms by it.</summary>
    public IReadOnlyDictionary<string, Pipeline.Recognition.ReportingPeriod>? CoverageDealYears { get; init; }

    /// <summary>Whether this is the batch's second read of the document, with the coverage of the other documents given.</summary>
    public bool IsCoverageRead => CoveragePeriods is not null || CoverageListingDays is not null || CoverageDealYears is not null;

    /// <summary>What the coverage gives <paramref name="entity"/> (its period, listing day and deal year, ISO), null when
    /// it gives nothing: two reads of a document about it with the same key bind the same.</summary>
    public string? CoverageKey(string entity)
    {
        var period = Iso(CoveragePeriods, entity);
        var listing = Iso(CoverageListingDays, entity);
        var deal = Iso(CoverageDealYears, entity);
        return period is null && listing is null && deal is null ? null : $"{period}|{listing}|{deal}";
    }

    /// <summary>The period the coverage gives <paramref name="entity"/>, null when it gives none.</summary>
    public Pipeline.Recognition.ReportingPeriod? CoveredPeriod(string entity) => Find(CoveragePeriods, entity);

    /// <summary>The listing day the coverage gives <paramref name="entity"/>, null when it gives none.</summary>
    public Pipeline.Recognition.ReportingPeriod? CoveredListingDay(string entity) => Find(CoverageListingDays, entity);

    /// <summary>The deal year the coverage gives <paramref name="entity"/>, null when it gives none.</summary>
    public Pipeline.Recognition.ReportingPeriod? CoveredDealYear(string entity) => Find(CoverageDealYears, entity);

    // Not GetValueOrDefault: for a company the coverage does not name, that gives the default period (year 1), not null.
    private static Pipeline.Recognition.ReportingPeriod? Find(IReadOnlyDictionary<string, Pipeline.Recognition.ReportingPeriod>? coverage, string entity) =>
        coverage is not null && coverage.TryGetValue(entity, out var period) ? period : null;

    private static string? Iso(IReadOnlyDictionary<string, Pipeline.Recognition.ReportingPeriod>? coverage, string entity) =>
        Find(coverage, entity)?.ToIsoString();

    public static DocumentMetadata Empty { get; } = new();
}
