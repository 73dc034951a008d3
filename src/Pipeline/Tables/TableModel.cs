using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Text;

namespace Pipeline.Tables;

/// <summary>How a table was written: a Markdown pipe table (HTML tables reach the text stages as pipe rows, see
/// <c>ArticleExtractor</c>), or a filing's text table of aligned columns.</summary>
public enum TableKind { Markdown, Text }

/// <summary>One cell: its span in the cleaned text and its text (trimmed).</summary>
public sealed record TableCell(TextSpan Span, string Text);

/// <summary>A body row: the label (the label columns joined, or the text before the figures of a text row), the label
/// cells one by one, the value cells aligned to the table's value columns (null where the row has no cell there), the
/// label's indentation and the row's span (its line or lines).</summary>
public sealed record TableRow(string Label, IReadOnlyList<TableCell> LabelCells, IReadOnlyList<TableCell?> Values, int Indent, TextSpan Span)
{
    public bool HasValues => Values.Any(v => v is not null);
}

/// <summary>
/// A table found in the cleaned text, already aligned: <see cref="ColumnHeaders"/> holds, for each value column, the
/// header text written over it (several header lines joined); <see cref="Context"/> the text that applies to every
/// column (a spanning header, the unit note, the title lines above).
/// </summary>
public sealed record DetectedTable(TableKind Kind, TextSpan Span, IReadOnlyList<string> ColumnHeaders, string Context, IReadOnlyList<TableRow> Rows)
{
    public int Columns => ColumnHeaders.Count + 1;
}

/// <summary>A claim read from a table cell, with the table it comes from.</summary>
public sealed record TableClaim(Claim Claim, int Table, TextSpan CellSpan);

/// <summary>A parts-vs-total check of one table: the parts (segment rows) of a metric in one column against its total.</summary>
public sealed record TableTotalCheck(string Metric, string Period, decimal Total, decimal SumOfParts, int Parts, bool Agrees);

/// <summary>What the tables stage found in one document: tables (spans in the original), claims, checks.</summary>
public sealed record TableSummary(int Start, int End, int Rows, int Columns, string Kind, int Claims, IReadOnlyList<TableTotalCheck> Checks);

/// <summary>The tables stage's output for one document.</summary>
public sealed record TableResult(IReadOnlyList<TableSummary> Tables, IReadOnlyList<TableClaim> Claims, IReadOnlyList<TextSpan> BodySpans)
{
    public static TableResult Empty { get; } = new([], [], []);
}
