using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Pipeline.Output.Formats;

/// <summary>
/// RFC 4180 CSV through CsvHelper. Cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return) are neutralised by CsvHelper's <see cref="InjectionOptions.Escape"/>:
/// the cell is quoted and prefixed with <c>'</c>. A plain number (<c>-3.5</c>) and a qualifier symbol (<c>=</c>,
/// <c>>=</c>) are data, not formulas, and are written as they are. Control characters other than line breaks and tabs are removed.
/// </summary>
public sealed class CsvTableWriter : ITableWriter
{
    public string Format => "csv";

    internal static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        InjectionOptions = InjectionOptions.Escape,
    };

    public void Write<TRow>(Stream stream, Table<TRow> table, IEnumerable<TRow> rows, OutputOptions options)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(options.Bom), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var csv = new SafeCsvWriter(text);
        foreach (var c in table.Columns) csv.WriteField(c.Name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var c in table.Columns) csv.WriteField(Clean(c.Get(row)));
            csv.NextRecord();
        }
        csv.Flush();
    }

    /// <summary>Removes control characters (escape sequences, NUL, bell…) but keeps line breaks and tabs, which CSV quotes.</summary>
    internal static string Clean(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        foreach (var ch in cell)
            if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))
                return new string(cell.Where(x => !char.IsControl(x) || x is '\n' or '\r' or '\t').ToArray());
        return cell;
    }

    /// <summary>CsvHelper's writer with the injection escape, except for plain numbers.</summary>
    internal sealed class SafeCsvWriter(TextWriter writer) : CsvWriter(writer, Config, leaveOpen: true)
    {
        protected override string SanitizeForInjection(string? field) =>
            field is not null && (IsPlainNumber(field) || field is "=" or "==") ? field : base.SanitizeForInjection(field);

        private static bool IsPlainNumber(string s) =>
            s.Length > 0 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
    }
}
