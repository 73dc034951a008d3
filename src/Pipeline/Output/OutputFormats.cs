using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Output.Formats;

namespace Pipeline.Output;

/// <summary>The output formats, registered in one place. Datasets are written in each format chosen with
/// <c>--format</c>; without it, as before: tables as CSV and mentions as JSON lines.</summary>
public static class OutputFormats
{
    public static readonly IReadOnlyList<ITableWriter> All = [new CsvTableWriter(), new JsonlTableWriter(), new ParquetTableWriter()];

    /// <summary>The names accepted by <c>--format</c>.</summary>
    public static IEnumerable<string> Names => All.Select(w => w.Format);

    /// <summary>Parses <c>csv,jsonl,parquet</c>; null for the default. An unknown name is a usage error naming the known ones.</summary>
    public static IReadOnlyList<ITableWriter>? Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return null;
        var chosen = new List<ITableWriter>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var writer = All.FirstOrDefault(w => string.Equals(w.Format, name, StringComparison.OrdinalIgnoreCase))
                         ?? throw new Batch.InvalidInputException($"unknown output format '{name}' (known: {string.Join(", ", Names)})");
            if (!chosen.Contains(writer)) chosen.Add(writer);
        }
        return chosen.Count > 0 ? chosen : null;
    }

    public static ITableWriter Csv => All.First(w => w is CsvTableWriter);
    public static ITableWriter Jsonl => All.First(w => w is JsonlTableWriter);
}
