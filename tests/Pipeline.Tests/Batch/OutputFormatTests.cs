using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using Parquet;
using Parquet.Schema;
using Pipeline.Batch;
using Pipeline.Output;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Batch;

/// <summary>The output writers: every dataset in every format, Parquet with typed columns read back by Parquet.Net,
/// JSON lines typed, and the default files unchanged by the writer interface.</summary>
public class OutputFormatTests
{
    private static string _dir = "";
    private static string Out => Path.Combine(_dir, "out");

    [OneTimeSetUp]
    public static void RunOnce()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-formats-" + Guid.NewGuid().ToString("N"));
        var runner = new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create());
        runner.Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = Out, Formats = OutputFormats.All });
    }

    [OneTimeTearDown]
    public static void CleanUp()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    [Test]
    public void Every_dataset_is_written_in_every_format()
    {
        foreach (var table in new[] { "claims", "facts", "conflicts", "quarantine", "mentions" })
            foreach (var format in OutputFormats.Names)
                Assert.That(File.Exists(Path.Combine(Out, $"{table}.{format}")), Is.True, $"{table}.{format}");
    }

    private static async Task<(DataField[] Fields, Dictionary<string, Array> Columns)> ReadParquet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var values = fields.ToDictionary(f => f.Name, _ => new List<object?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            foreach (var f in fields)
            {
                IEnumerable<object?> read;
                if (f.ClrType == typeof(decimal)) { var b = new decimal?[n]; await group.ReadAsync<decimal>(f, b.AsMemory()); read = b.Cast<object?>(); }
                else if (f.ClrType == typeof(long)) { var b = new long?[n]; await group.ReadAsync<long>(f, b.AsMemory()); read = b.Cast<object?>(); }
                else if (f.ClrType == typeof(double)) { var b = new double?[n]; await group.ReadAsync<double>(f, b.AsMemory()); read = b.Cast<object?>(); }
                else if (f.ClrType == typeof(bool)) { var b = new bool?[n]; await group.ReadAsync<bool>(f, b.AsMemory()); read = b.Cast<object?>(); }
                else { var b = new string[n]; await group.ReadAsync(f, b.AsMemory()); read = b; }
                values[f.Name].AddRange(read);
            }
        }
        return (fields, values.ToDictionary(kv => kv.Key, kv => (Array)kv.Value.ToArray()));
    }

    [Test]
    public async Task Parquet_columns_are_typed_and_hold_the_csv_values()
    {
        var (fields, columns) = await ReadParquet(Path.Combine(Out, "claims.parquet"));
        var byName = fields.ToDictionary(f => f.Name);
        Assert.That(byName["value"].ClrType, Is.EqualTo(typeof(decimal)));
        Assert.That(byName["start"].ClrType, Is.EqualTo(typeof(long)));
        Assert.That(byName["entity"].ClrType, Is.EqualTo(typeof(string)).Or.EqualTo(typeof(ReadOnlyMemory<char>)), "UTF-8 text");
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(DatasetWriter.Claims.Columns.Select(c => c.Name)));

        var csv = ReadCsv(Path.Combine(Out, "claims.csv"));
        Assert.That(columns["value"], Has.Length.EqualTo(csv.Count).And.Length.GreaterThan(0));
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.That(columns["value"].GetValue(i), Is.EqualTo(decimal.Parse(csv[i]["value"], CultureInfo.InvariantCulture)));
            Assert.That(columns["start"].GetValue(i), Is.EqualTo(long.Parse(csv[i]["start"], CultureInfo.InvariantCulture)));
            Assert.That(columns["quote"].GetValue(i), Is.EqualTo(csv[i]["quote"]));
        }

        var (factFields, facts) = await ReadParquet(Path.Combine(Out, "facts.parquet"));
        Assert.That(factFields.Single(f => f.Name == "confidence").ClrType, Is.EqualTo(typeof(double)));
        Assert.That(facts["confidence"].Cast<double?>(), Is.All.InRange(0.0, 1.0));
        var (conflictFields, _) = await ReadParquet(Path.Combine(Out, "conflicts.parquet"));
        Assert.That(conflictFields.Single(f => f.Name == "chosen").ClrType, Is.EqualTo(typeof(bool)));
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new CsvHelper.CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        return rows;
    }

    [Test]
    public void Jsonl_rows_carry_json_types()
    {
        var line = File.ReadLines(Path.Combine(Out, "facts.jsonl")).First();
        using var json = JsonDocument.Parse(line);
        Assert.That(json.RootElement.GetProperty("confidence").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(json.RootElement.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.String), "decimals stay exact strings");
        var conflict = File.ReadLines(Path.Combine(Out, "conflicts.jsonl")).First();
        using var c = JsonDocument.Parse(conflict);
        Assert.That(c.RootElement.GetProperty("chosen").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
    }

    [Test]
    public void Mentions_jsonl_is_byte_identical_to_the_serializer_it_replaced()
    {
        var rows = new[]
        {
            new MentionRow("a<b>&'\"", "money", "8440 万元 \u2028 HK$", 3, 10, "84400000", "CNY", "~", null, null, null),
            new MentionRow("文", "period", "2025年上半年", 0, 8, null, null, null, "2025-01-01", "2025-06-30", "12.5"),
        };
        var expected = new StringBuilder();
        foreach (var r in rows)
            expected.Append(JsonSerializer.Serialize(new
            {
                document = r.Document, kind = r.Kind, text = r.Text, start = r.Start, end = r.End, value = r.Value, unit = r.Unit,
                qualifier = r.Qualifier, period_start = r.PeriodStart, period_end = r.PeriodEnd, range_end = r.RangeEnd,
            }, DatasetWriter.Json)).Append('\n');
        var stream = new MemoryStream();
        DatasetWriter.WriteMentions(stream, rows);
        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(expected.ToString()));
    }

    [Test]
    public void An_empty_table_is_still_a_valid_parquet_file()
    {
        var stream = new MemoryStream();
        OutputFormats.All.Single(w => w.Format == "parquet").Write(stream, DatasetWriter.Quarantine, [], new OutputOptions());
        var path = Path.Combine(_dir, "empty.parquet");
        File.WriteAllBytes(path, stream.ToArray());
        var (fields, columns) = ReadParquet(path).GetAwaiter().GetResult();
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "document", "path", "reason" }));
        Assert.That(columns["document"], Is.Empty);
    }

    /// <summary>An independent reader: DuckDB (the engine analysts query Parquet with) sees the column types the README
    /// promises, and sums the values without a cast.</summary>
    [Test]
    public void Duckdb_reads_the_parquet_datasets_with_their_types()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Dictionary<string, string> Types(string table)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{Path.Combine(Out, table + ".parquet").Replace("'", "''")}')";
            using var r = cmd.ExecuteReader();
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.Read()) types[r.GetString(0)] = r.GetString(1);
            return types;
        }
        var claims = Types("claims");
        Assert.That(claims["value"], Does.StartWith("DECIMAL"));
        Assert.That(claims["precision"], Does.StartWith("DECIMAL"));
        Assert.That(claims["start"], Is.EqualTo("BIGINT"));
        Assert.That(claims["entity"], Is.EqualTo("VARCHAR"));
        var facts = Types("facts");
        Assert.That(facts["confidence"], Is.EqualTo("DOUBLE"));
        Assert.That(Types("conflicts")["chosen"], Is.EqualTo("BOOLEAN"));

        using var sum = connection.CreateCommand();
        sum.CommandText = $"SELECT SUM(value), COUNT(*) FROM read_parquet('{Path.Combine(Out, "claims.parquet").Replace("'", "''")}') WHERE unit = 'HKD'";
        using var row = sum.ExecuteReader();
        Assert.That(row.Read(), Is.True);
        var csvTotal = ReadCsv(Path.Combine(Out, "claims.csv")).Where(c => c["unit"] == "HKD").Sum(c => decimal.Parse(c["value"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(row.GetInt64(1), Is.GreaterThan(0));
        Assert.That(row.GetDecimal(0), Is.EqualTo(csvTotal));
    }
}
