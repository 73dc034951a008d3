using System;
using System.Collections.Generic;
using System.IO;

namespace Pipeline.Output;

/// <summary>How a column's text is typed by formats that carry types (Parquet, JSON lines). CSV writes the text.</summary>
public enum ColumnType
{
    /// <summary>Text.</summary>
    Text,
    /// <summary>An exact decimal (Parquet DECIMAL(38,12); in JSON lines a string, exact); text that is not a number is null.</summary>
    Decimal,
    /// <summary>A whole number (Parquet INT64; a JSON number).</summary>
    Integer,
    /// <summary>A fraction such as a confidence (Parquet DOUBLE; a JSON number).</summary>
    Real,
    /// <summary>true or false (Parquet BOOLEAN; a JSON boolean).</summary>
    Boolean,
}

/// <summary>One column of a dataset: its name, its type, and its cell text (invariant; null for none) for a row.</summary>
public sealed record Column<TRow>(string Name, ColumnType Type, Func<TRow, string?> Get);

/// <summary>A dataset's schema: the file name without extension and the columns in order.</summary>
public sealed record Table<TRow>(string Name, IReadOnlyList<Column<TRow>> Columns);

/// <summary>What the writers are told beyond the rows.</summary>
public sealed record OutputOptions
{
    /// <summary>Start text files with a UTF-8 byte-order mark (<c>--excel</c>/<c>--bom</c>): spreadsheet programs
    /// then read Chinese text as UTF-8 instead of the system code page.</summary>
    public bool Bom { get; init; }
}

/// <summary>Writes a dataset in one format. A new format is one class implementing this plus one line in
/// <see cref="OutputFormats.All"/>.</summary>
public interface ITableWriter
{
    /// <summary>The format's name on the command line and the file extension (<c>csv</c>).</summary>
    string Format { get; }

    void Write<TRow>(Stream stream, Table<TRow> table, IEnumerable<TRow> rows, OutputOptions options);
}
