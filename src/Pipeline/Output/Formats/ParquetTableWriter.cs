using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Pipeline.Output.Formats;

/// <summary>
/// Apache Parquet through Parquet.Net, with typed columns: text as UTF-8 strings, decimals as DECIMAL(38,12) (exact for
/// every value the pipeline writes; text that is not a number, such as a reconciled text value, is null), integers as
/// INT64, reals as DOUBLE, booleans as BOOLEAN. Rows go out in row groups of <see cref="RowGroupSize"/>, so memory
/// stays bounded whatever the dataset's size.
/// </summary>
public sealed class ParquetTableWriter : ITableWriter
{
    public const int RowGroupSize = 50_000;

    public string Format => "parquet";

    public void Write<TRow>(Stream stream, Table<TRow> table, IEnumerable<TRow> rows, OutputOptions options) =>
        WriteAsync(stream, table, rows).GetAwaiter().GetResult();

    public static DataField FieldOf<TRow>(Column<TRow> c) => c.Type switch
    {
        ColumnType.Decimal => new DecimalDataField(c.Name, 38, 12, forceByteArrayEncoding: false, isNullable: true),
        ColumnType.Integer => new DataField<long?>(c.Name),
        ColumnType.Real => new DataField<double?>(c.Name),
        ColumnType.Boolean => new DataField<bool?>(c.Name),
        _ => new DataField<string>(c.Name, true),
    };

    private static async Task WriteAsync<TRow>(Stream stream, Table<TRow> table, IEnumerable<TRow> rows)
    {
        var fields = table.Columns.Select(FieldOf).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        var batch = new List<TRow>(RowGroupSize);
        var wroteAny = false;
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < RowGroupSize) continue;
            await WriteGroup(writer, table, fields, batch);
            wroteAny = true;
            batch.Clear();
        }
        if (batch.Count > 0 || !wroteAny) await WriteGroup(writer, table, fields, batch);
    }

    private static async Task WriteGroup<TRow>(ParquetWriter writer, Table<TRow> table, DataField[] fields, List<TRow> rows)
    {
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            var column = table.Columns[i];
            var field = fields[i];
            switch (column.Type)
            {
                case ColumnType.Decimal:
                    await group.WriteAsync<decimal>(field, rows.Select(r => ToDecimal(column.Get(r))).ToArray().AsMemory());
                    break;
                case ColumnType.Integer:
                    await group.WriteAsync<long>(field, rows.Select(r => long.TryParse(column.Get(r), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToArray().AsMemory());
                    break;
                case ColumnType.Real:
                    await group.WriteAsync<double>(field, rows.Select(r => double.TryParse(column.Get(r), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray().AsMemory());
                    break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(field, rows.Select(r => column.Get(r) is { } s ? s == "true" : (bool?)null).ToArray().AsMemory());
                    break;
                default:
                    await group.WriteAsync(field, rows.Select(r => column.Get(r)).ToArray());
                    break;
            }
        }
    }

    /// <summary>The exact decimal, rounded to the column's 12 decimals; null for text or a value beyond DECIMAL(38,12).</summary>
    private static decimal? ToDecimal(string? text)
    {
        if (Invariant.ParseDecimal(text) is not { } v) return null;
        return Math.Abs(v) >= 1e26m ? null : Math.Round(v, 12);
    }
}
