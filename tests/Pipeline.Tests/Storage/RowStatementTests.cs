using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Storage;
using Pipeline.Text;

namespace Pipeline.Tests.Storage;

/// <summary>The store's per-row statements write what an ADO.NET command with named parameters writes, and say so
/// when a statement or its values are wrong.</summary>
public class RowStatementTests
{
    private string _dir = "";
    private SqliteConnection _connection = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-rows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "t.db")};Pooling=False");
        _connection.Open();
        Execute("CREATE TABLE t(k INTEGER PRIMARY KEY, quote TEXT, value NUMERIC, flag INTEGER NOT NULL)");
    }

    [TearDown]
    public void TearDown()
    {
        _connection.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static readonly object?[][] Rows =
    [
        [1, "寧德時代第三季營收同比增長12.5%，至1,041.9億元人民幣", 104190000000m, 1],
        [2, "Revenue rose to $3.80 billion <from $3.41 billion> & beat estimates", 3.80m, 0],
        [3, null, 1234567890123456.789m, 1],
        [4, "a\0b", -0.05m, 0],
        [5, "", 0m, 1],
        [6, "每股派息0.30港元", 12L, 1],
    ];

    [Test]
    public void SqliteStatementStoresWhatANamedCommandStores()
    {
        const string sql = "INSERT INTO t(k, quote, value, flag) VALUES (@k, @quote, @value, @flag)";
        using (var tx = _connection.BeginTransaction())
        {
            foreach (var row in Rows)
            {
                using var cmd = _connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.Parameters.AddWithValue("@k", row[0]);
                cmd.Parameters.AddWithValue("@quote", row[1] ?? DBNull.Value);
                cmd.Parameters.AddWithValue("@value", row[2]);
                cmd.Parameters.AddWithValue("@flag", row[3]);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var byCommand = Dump();
        Execute("DELETE FROM t");

        using (var tx = _connection.BeginTransaction())
        using (var statement = new SqliteRowStatement(_connection, sql, ["k", "quote", "value", "flag"]))
        {
            foreach (var row in Rows) statement.Run(tx, row);
            tx.Commit();
        }
        var byStatement = Dump();

        Assert.That(byStatement, Is.EqualTo(byCommand));
        Assert.That(byStatement, Has.Count.EqualTo(Rows.Length));
        Assert.That(byStatement[0], Does.Contain("|integer|104190000000|"), "a whole decimal is an integer in a NUMERIC column");
        Assert.That(byStatement[3], Does.StartWith("4|text|610062|"), "a NUL inside a quote is kept");
    }

    [Test]
    public void ValuesAreGivenInTheOrderOfTheNames()
    {
        using (var statement = new SqliteRowStatement(_connection, "INSERT INTO t(flag, k, value) VALUES (@flag, @k, @value)", ["k", "value", "flag"]))
            statement.Run(null, [7, 2.5m, 1]);
        Assert.That(Dump(), Is.EqualTo(new[] { "7|null||real|2.5|1" }));
    }

    [Test]
    public void AWrongStatementOrWrongValuesAreReported()
    {
        Assert.Throws<ArgumentException>(() => new SqliteRowStatement(_connection, "INSERT INTO t(k, flag) VALUES (@k, @flag)", ["k", "flagg"]));
        Assert.Throws<ArgumentException>(() => new SqliteRowStatement(_connection, "DELETE FROM t WHERE k = @k; DELETE FROM t", ["k"]));
        Assert.Throws<SqliteException>(() => new SqliteRowStatement(_connection, "INSERT INTO nowhere(k) VALUES (@k)", ["k"]));

        using var statement = new SqliteRowStatement(_connection, "INSERT INTO t(k, flag) VALUES (@k, @flag)", ["k", "flag"]);
        Assert.Throws<ArgumentException>(() => statement.Run(null, [1]));
        Assert.Throws<ArgumentException>(() => statement.Run(null, [1, new Uri("https://example.com")]));
        statement.Run(null, [1, 1]);
        var e = Assert.Throws<SqliteException>(() => statement.Run(null, [1, 0]))!;
        Assert.That(e.SqliteErrorCode, Is.EqualTo(19), "the key is taken (SQLITE_CONSTRAINT)");
        // The statement was reset after the failure: it runs again.
        statement.Run(null, [2, 0]);
        Assert.That(Dump().Select(r => r.Split('|')[0]), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void StoredJsonIsWhatTheSerializerWrites()
    {
        Segment[] segments = [new("一、業績概覽 <摘要>", new TextSpan(0, 12)), new(null, new TextSpan(12, 480))];
        Removal[] removals = [new(new TextSpan(3, 9), "spam: 加微信领取\"内幕\"消息"), new(new TextSpan(40, 41), "placeholder")];
        Diagnostic[] diagnostics = [new(Severity.Warning, "mojibake", "疑似亂碼 'Ã©' & more", new TextSpan(5, 8)), new(Severity.Info, "no-date", "no date")];

        Assert.That(StoredJson.Segments(segments),
            Is.EqualTo(JsonSerializer.Serialize(segments.Select(s => new { s.Title, s.Span.Start, s.Span.End }))));
        Assert.That(StoredJson.Removals(removals),
            Is.EqualTo(JsonSerializer.Serialize(removals.Select(r => new { r.Span.Start, r.Span.End, r.Reason }))));
        Assert.That(StoredJson.Diagnostics(diagnostics), Is.EqualTo(JsonSerializer.Serialize(diagnostics.Select(d => d.ToString()))));
        Assert.That(StoredJson.Segments([]), Is.EqualTo("[]"));
    }

    private List<string> Dump()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT k, typeof(quote), hex(CAST(quote AS BLOB)), typeof(value), value, flag FROM t ORDER BY k";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
