using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Cluster;
using Pipeline.Documents;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Tests.Cluster;

/// <summary>A document sent to a worker arrives as it was read: every metadata property, the bytes, the diagnostics.</summary>
public class DocumentWorkTests
{
    [Test]
    public void A_document_survives_the_trip_to_a_worker_with_all_its_metadata()
    {
        var metadata = new DocumentMetadata
        {
            Outlet = "经济通", Url = "https://example.invalid/hk/2026/01/08/zhipu", Published = new LocalDate(2026, 1, 8), PublishedInferred = true,
            Language = "zh-HK", Title = "智谱今日上市", Author = "記者 陳大文", Region = "HK",
            CoveragePeriods = new Dictionary<string, ReportingPeriod> { ["智谱"] = ReportingPeriod.Quarter(2025, 4) },
            CoverageListingDays = new Dictionary<string, ReportingPeriod> { ["智谱"] = ReportingPeriod.Day(new LocalDate(2026, 1, 8)) },
            CoverageDealYears = new Dictionary<string, ReportingPeriod> { ["智谱"] = ReportingPeriod.Year(2026) },
        };
        // Every settable property has a value: a property added later and not carried fails here.
        foreach (var property in typeof(DocumentMetadata).GetProperties().Where(p => p.CanWrite))
            Assert.That(property.GetValue(metadata), Is.Not.Null.And.Not.EqualTo(false), $"set {property.Name} in this test");

        var raw = new RawDocument("etnet-0108", "in/etnet-0108.html", [0xE6, 0x99, 0xBA], DocumentFormat.Html, metadata)
        {
            Text = "智谱",
            ReadDiagnostics = [Diagnostic.Warning("manifest.date", "2026-02-30 cannot exist", new TextSpan(0, 2)), Diagnostic.Info("x", "no place")],
        };
        var back = DocumentWork.From(raw).ToRawDocument();

        // The coverage map arrives as an equal map, not the same instance (records compare a dictionary by reference).
        Assert.That(back.Metadata with { CoveragePeriods = null, CoverageListingDays = null, CoverageDealYears = null },
            Is.EqualTo(raw.Metadata with { CoveragePeriods = null, CoverageListingDays = null, CoverageDealYears = null }));
        Assert.That(back.Metadata.CoverageDealYears, Is.EquivalentTo(raw.Metadata.CoverageDealYears!));
        Assert.That(back.Metadata.CoveragePeriods, Is.EquivalentTo(raw.Metadata.CoveragePeriods!));
        Assert.That(back.Metadata.CoverageListingDays, Is.EquivalentTo(raw.Metadata.CoverageListingDays!));
        Assert.That((back.Id, back.Path, back.Format, back.Text, back.ContentHash), Is.EqualTo((raw.Id, raw.Path, raw.Format, raw.Text, raw.ContentHash)));
        Assert.That(back.ReadDiagnostics, Is.EqualTo(raw.ReadDiagnostics));
    }
}
