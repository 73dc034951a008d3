using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Batch;

/// <summary>A document whose figures wanted the batch's period: the company it is about, its shell (identity, metadata,
/// hash: no content), the coverage its stored rows were read with (<see cref="DocumentMetadata.CoverageKey"/>; null
/// for rows read without any, as every document's first read is), and what its first read kept for binding it again
/// (null: the second pass reads its file again).</summary>
public sealed record UndatedDocument(string Entity, RawDocument Shell, string? ReadWith, ReadDocument? Read = null);

/// <summary>
/// The period each company's coverage in a batch reports: for every company, the period most of the documents about
/// it date themselves to (the latest on a tie). A document that names the company but not its period (上季 with no
/// publication date) is dated by it in the batch's second pass; one article alone never dates another.
/// </summary>
public sealed class BatchCoverage
{
    private readonly Dictionary<string, Dictionary<ReportingPeriod, int>> _votes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<ReportingPeriod, int>> _listings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<ReportingPeriod, int>> _dealYears = new(StringComparer.Ordinal);

    private DocumentMetadata? _given;

    public void Add(DocumentSubject? subject)
    {
        if (subject is null) return;
        _given = null;
        if (subject.ListingDay is { } day) Vote(_listings, subject.Entity, day);
        if (subject.DealYear is { } year) Vote(_dealYears, subject.Entity, year);
        if (subject.Period is { } period && period.Kind is PeriodKind.Quarter or PeriodKind.Half or PeriodKind.Year) Vote(_votes, subject.Entity, period);
    }

    /// <summary>The document with this batch's coverage given, for its second read.</summary>
    public RawDocument Give(RawDocument document) => document with { Metadata = Give(document.Metadata) };

    /// <summary>A document read before, with this batch's coverage given, for binding it again.</summary>
    public ReadDocument Give(ReadDocument read) => read with { Metadata = Give(read.Metadata) };

    private DocumentMetadata Give(DocumentMetadata metadata)
    {
        var given = Given();
        return metadata with
        {
            CoveragePeriods = given.CoveragePeriods, CoverageListingDays = given.CoverageListingDays, CoverageDealYears = given.CoverageDealYears,
        };
    }

    /// <summary>The coverage as metadata gives it (computed once after the last <see cref="Add"/>).</summary>
    private DocumentMetadata Given() => _given ??=
        DocumentMetadata.Empty with { CoveragePeriods = Periods(), CoverageListingDays = ListingDays(), CoverageDealYears = DealYears() };

    /// <summary>The undated documents this batch's coverage would read differently from how their stored rows were
    /// read (a company it now gives a period, a listing day or a deal year, or another one than before, or none where
    /// an earlier batch gave one), in id order.</summary>
    public IReadOnlyList<UndatedDocument> Rereads(IEnumerable<UndatedDocument> undated)
    {
        var given = Given();
        return undated.Where(u => given.CoverageKey(u.Entity) != u.ReadWith).OrderBy(u => u.Shell.Id, StringComparer.Ordinal).ToList();
    }

    private static void Vote(Dictionary<string, Dictionary<ReportingPeriod, int>> all, string entity, ReportingPeriod period)
    {
        if (!all.TryGetValue(entity, out var votes)) all[entity] = votes = new();
        votes[period] = votes.GetValueOrDefault(period) + 1;
    }

    /// <summary>Company → the period its documents report, where at least one document dates itself and no other
    /// period is reported as often.</summary>
    public IReadOnlyDictionary<string, ReportingPeriod> Periods() => Winners(_votes);

    /// <summary>Company → the listing day its documents give, where no other day is given as often.</summary>
    public IReadOnlyDictionary<string, ReportingPeriod> ListingDays() => Winners(_listings);

    /// <summary>Company → the year its documents date its deal terms to, where no other year is given as often.</summary>
    public IReadOnlyDictionary<string, ReportingPeriod> DealYears() => Winners(_dealYears);

    private static Dictionary<string, ReportingPeriod> Winners(Dictionary<string, Dictionary<ReportingPeriod, int>> all)
    {
        var periods = new Dictionary<string, ReportingPeriod>(StringComparer.Ordinal);
        foreach (var (entity, votes) in all)
        {
            var ranked = votes.OrderByDescending(v => v.Value).ThenByDescending(v => v.Key.End).ToList();
            if (ranked.Count > 1 && ranked[1].Value == ranked[0].Value && ranked[1].Key.Kind == ranked[0].Key.Kind) continue;
            periods[entity] = ranked[0].Key;
        }
        return periods;
    }
}

/// <summary>The first reads a run keeps for its second pass, within <see cref="BatchOptions.SecondPassMemory"/> bytes
/// (by <see cref="ReadDocument.EstimatedBytes"/>), each without its original text (<see cref="ReadDocument.WithoutOriginal"/>):
/// a read that does not fit is not kept, and its file is read again.</summary>
internal sealed class KeptReads(long budget)
{
    private long _used;

    /// <summary>Bytes kept so far (estimated).</summary>
    public long Used => System.Threading.Interlocked.Read(ref _used);

    /// <summary>The read, if it fits in what is left of the budget; else null.</summary>
    public ReadDocument? TryKeep(ReadDocument? read)
    {
        if (read is null || budget <= 0) return null;
        read = read.WithoutOriginal();
        var size = read.EstimatedBytes;
        if (System.Threading.Interlocked.Add(ref _used, size) <= budget) return read;
        System.Threading.Interlocked.Add(ref _used, -size);
        return null;
    }
}
