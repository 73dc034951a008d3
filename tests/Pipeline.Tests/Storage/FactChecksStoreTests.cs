using System.IO;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Output;
using Pipeline.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Storage;

/// <summary>The store keeps each fact's arithmetic checks (<c>pass:K3;fail:K7</c>) as <c>facts.csv</c> writes them, in
/// SQLite and in PostgreSQL, and a rerun that changes only a fact's checks counts that fact as changed.</summary>
public class FactChecksStoreTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-checks-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static FactRow Fact(string metric, string checks) =>
        new("智谱", metric, "", "", "2025-01-01/2025-06-30", "2025H1", "2358000000", "CNY", "=", "agreed", "路透社;财联社", "a;b", "0.9100",
            "stated 2 times") { Checks = checks };

    [Test]
    public void Checks_come_back_from_sqlite_and_a_change_in_them_alone_is_a_changed_fact() =>
        RoundTrip(StoreLocation.Sqlite(Path.Combine(_dir, "pipeline.db")));

    [Test]
    public void Checks_come_back_from_postgres_and_a_change_in_them_alone_is_a_changed_fact()
    {
        var db = TestPostgres.CreateDatabase();
        try { RoundTrip(StoreLocation.Parse(db)); }
        finally { TestPostgres.Drop(db); }
    }

    private void RoundTrip(StoreLocation location)
    {
        Directory.CreateDirectory(_dir);
        FactRow[] first = [Fact("net_loss", "fail:K1;pass:K4"), Fact("revenue", "")];
        using var store = PipelineStore.Open(location);
        Assert.That(store.ReplaceFacts(first, []), Is.EqualTo(2), "both facts are new");
        Assert.That(store.Facts().Select(f => (f.Metric, f.Checks)), Is.EqualTo(new[] { ("net_loss", "fail:K1;pass:K4"), ("revenue", "") }));
        Assert.That(store.ReplaceFacts(first, []), Is.EqualTo(0), "the same rows again change nothing");
        FactRow[] second = [Fact("net_loss", "pass:K1;pass:K4"), Fact("revenue", "")];
        Assert.That(store.ReplaceFacts(second, []), Is.EqualTo(2), "the old row goes and the new one comes: checks count");
        Assert.That(store.Facts()[0].Checks, Is.EqualTo("pass:K1;pass:K4"));
    }

    [Test]
    public void A_runs_store_holds_the_checks_facts_csv_shows()
    {
        var outDir = Path.Combine(_dir, "out");
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        var csv = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(Path.Combine(outDir, "facts.csv")))
        using (var parser = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture))
        {
            parser.Read();
            parser.ReadHeader();
            while (parser.Read())
                csv[string.Join("|", parser.GetField("entity"), parser.GetField("metric"), parser.GetField("segment"), parser.GetField("basis"),
                    parser.GetField("period"))] = parser.GetField("checks") ?? "";
        }
        using var store = PipelineStore.Open(Path.Combine(outDir, "pipeline.db"));
        var stored = store.Facts().ToDictionary(f => string.Join("|", f.Entity, f.Metric, f.Segment, f.Basis, f.Period), f => f.Checks, StringComparer.Ordinal);
        Assert.That(csv.Values.Count(v => v.Length > 0), Is.GreaterThan(0), "the seed corpus has facts with arithmetic checks");
        Assert.That(stored, Is.EquivalentTo(csv));
    }
}
