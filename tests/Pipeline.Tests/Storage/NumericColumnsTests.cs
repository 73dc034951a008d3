using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Output;
using Pipeline.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Storage;

/// <summary>The store keeps numbers as numbers: <c>value</c>, <c>precision</c>, <c>range_end</c>, <c>equivalent_value</c>
/// and <c>confidence</c> are NUMERIC, so SQL sums them without a cast, and the exact decimal text beside each
/// (<c>value_text</c>…) is what comes back, digit for digit.</summary>
public class NumericColumnsTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-numeric-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    /// <summary>Facts whose values a float cannot hold exactly (19 significant digits, trailing zeros), a text value, and
    /// confidences written with a trailing zero.</summary>
    private static IReadOnlyList<FactRow> Facts() =>
    [
        new("智谱", "ipo_proceeds", "", "", "2026-01-08", "2026-01-08", "4300000000", "HKD", "=", "agreed", "2", "a;b", "0.80", ""),
        new("智谱", "offer_price", "", "", "2026-01-08", "2026-01-08", "116.20", "HKD", "=", "single", "1", "a", "0.61", ""),
        new("京东", "revenue", "", "", "2025-07-01/2025-09-30", "2025Q3", "1234567890123456.789", "CNY", "~", "single", "1", "c", "0.5", ""),
        new("京东", "rating", "", "", "2025-09-30", "2025-09-30", "买入", "", "=", "single", "1", "c", "0.4", ""),
    ];

    [Test]
    public void Sqlite_sums_values_without_a_cast_and_gives_back_the_exact_text()
    {
        var path = Path.Combine(_dir, "pipeline.db");
        Directory.CreateDirectory(_dir);
        using (var store = PipelineStore.Open(path))
        {
            store.ReplaceFacts(Facts(), []);
            // Written again unchanged: the rows read back compare equal, so nothing changed (exact text round trip).
            Assert.That(store.ReplaceFacts(Facts(), []), Is.EqualTo(0));
        }
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        object? Q(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return cmd.ExecuteScalar(); }
        Assert.Multiple(() =>
        {
            Assert.That(Q("SELECT typeof(value) FROM facts WHERE metric = 'ipo_proceeds'"), Is.EqualTo("integer"));
            Assert.That(Q("SELECT typeof(value) FROM facts WHERE metric = 'offer_price'"), Is.EqualTo("real"));
            Assert.That(Q("SELECT typeof(value) FROM facts WHERE metric = 'rating'"), Is.EqualTo("null"), "a text value has no number");
            Assert.That(Convert.ToDouble(Q("SELECT SUM(value) FROM facts WHERE unit = 'HKD'"), CultureInfo.InvariantCulture),
                Is.EqualTo(4300000116.2).Within(1e-6));
            Assert.That(Convert.ToDouble(Q("SELECT SUM(confidence) FROM facts"), CultureInfo.InvariantCulture), Is.EqualTo(2.31).Within(1e-9));
            Assert.That(Q("SELECT value_text FROM facts WHERE metric = 'revenue'"), Is.EqualTo("1234567890123456.789"));
            Assert.That(Q("SELECT value_text FROM facts WHERE metric = 'offer_price'"), Is.EqualTo("116.20"));
        });
    }

    [Test]
    public void A_run_stores_every_claim_value_as_a_number_beside_its_text()
    {
        var input = TestCorpus.Make(Path.Combine(_dir, "in"), 4);
        var output = Path.Combine(_dir, "out");
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [input], OutDir = output });
        using var c = new SqliteConnection($"Data Source={Path.Combine(output, "pipeline.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value, value_text, precision, precision_text, typeof(value) FROM claims";
        var rows = 0;
        decimal sum = 0;
        using (var r = cmd.ExecuteReader())
        while (r.Read())
        {
            rows++;
            var text = r.GetString(1);
            Assert.That(r.GetString(4), Is.AnyOf("integer", "real"), $"claim value {text} stored as {r.GetString(4)}");
            Assert.That(r.GetDouble(0), Is.EqualTo(double.Parse(text, CultureInfo.InvariantCulture)).Within(1e-9).Percent);
            Assert.That(r.GetDouble(2), Is.EqualTo(double.Parse(r.GetString(3), CultureInfo.InvariantCulture)).Within(1e-9).Percent);
            sum += decimal.Parse(text, CultureInfo.InvariantCulture);
        }
        Assert.That(rows, Is.GreaterThan(0));
        cmd.CommandText = "SELECT SUM(value) FROM claims";
        Assert.That(Convert.ToDouble(cmd.ExecuteScalar(), CultureInfo.InvariantCulture), Is.EqualTo((double)sum).Within(1e-9).Percent);
    }

    [Test]
    public void Postgres_keeps_values_as_exact_numerics()
    {
        var db = TestPostgres.CreateDatabase();
        try
        {
            using (var store = StoreLocation.Parse(db).Open())
            {
                store.ReplaceFacts(Facts(), []);
                Assert.That(store.ReplaceFacts(Facts(), []), Is.EqualTo(0));
            }
            Assert.Multiple(() =>
            {
                Assert.That(TestPostgres.Scalar(db, "SELECT SUM(value) FROM facts WHERE unit = 'CNY'"), Is.EqualTo(1234567890123456.789m));
                Assert.That(TestPostgres.Scalar(db, "SELECT SUM(value) FROM facts WHERE unit = 'HKD'"), Is.EqualTo(4300000116.20m));
                Assert.That(TestPostgres.Scalar(db, "SELECT SUM(confidence) FROM facts"), Is.EqualTo(2.31m));
                Assert.That(TestPostgres.Scalar(db, "SELECT value FROM facts WHERE metric = 'rating'"), Is.EqualTo(DBNull.Value));
                Assert.That(TestPostgres.Scalar(db, "SELECT pg_typeof(value)::text FROM facts LIMIT 1"), Is.EqualTo("numeric"));
            });
        }
        finally
        {
            TestPostgres.Drop(db);
        }
    }
}
