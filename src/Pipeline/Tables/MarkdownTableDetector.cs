using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Tables;

/// <summary>
/// Finds Markdown pipe tables in the cleaned text, including the broken ones real pages have: rows without the outer
/// pipes, ragged rows (fewer or more cells than the header), a missing separator row (the first row is the header when
/// it holds no figures), and a whole table squeezed into one line (<c>| A | B | | :--- | :--- | | x | 1 |</c>, where
/// the separator row tells the column count). HTML tables reach the text as pipe rows (see <c>ArticleExtractor</c>).
/// Leading columns with no figure in any row are label columns (a <c>rowspan</c> group and its rows).
/// </summary>
public sealed class MarkdownTableDetector(CellValueReader cells) : ITableDetector
{
    private static readonly Regex Separator = new(@"^\s*:?-{2,}:?\s*$", RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    /// <summary>Characters of text before a table read as its context (title, unit note).</summary>
    private const int ContextLength = 300;

    private readonly record struct Seg(int Start, int End, string Text)
    {
        public bool Blank => string.IsNullOrWhiteSpace(Text);
        public TableCell Cell(string source)
        {
            int s = Start, e = End;
            while (s < e && char.IsWhiteSpace(source[s])) s++;
            while (e > s && char.IsWhiteSpace(source[e - 1])) e--;
            return new TableCell(new TextSpan(s, e), source[s..e]);
        }
    }

    public IEnumerable<DetectedTable> Detect(string text)
    {
        var lines = TableText.Lines(text);
        var k = 0;
        while (k < lines.Count)
        {
            if (PipeCount(text, lines[k]) < 2) { k++; continue; }
            var first = k;
            while (k < lines.Count && PipeCount(text, lines[k]) >= 2) k++;
            var group = lines.GetRange(first, k - first);
            var table = group.Count == 1 ? OneLine(text, group[0]) ?? Rows(text, group) : Rows(text, group);
            if (table is not null) yield return table;
        }
    }

    private static int PipeCount(string text, TextSpan line)
    {
        var n = 0;
        for (var i = line.Start; i < line.End; i++) if (text[i] is '|' or '｜') n++;
        return n;
    }

    private static List<Seg> Split(string text, TextSpan line)
    {
        var segs = new List<Seg>();
        var start = line.Start;
        for (var i = line.Start; i <= line.End; i++)
        {
            if (i < line.End && text[i] is not ('|' or '｜')) continue;
            segs.Add(new Seg(start, i, text[start..i]));
            start = i + 1;
        }
        return segs;
    }

    /// <summary>A table written as one line: the separator run fixes the column count; rows follow, each after an
    /// empty segment (<c>| |</c> between rows).</summary>
    private DetectedTable? OneLine(string text, TextSpan line)
    {
        var segs = Split(text, line);
        for (var k = 0; k < segs.Count; k++)
        {
            if (!Separator.IsMatch(segs[k].Text)) continue;
            var n = 0;
            while (k + n < segs.Count && Separator.IsMatch(segs[k + n].Text)) n++;
            if (n < 2 || k - 1 - n < 0 || !segs[k - 1].Blank) return null;
            var header = segs.GetRange(k - 1 - n, n).Select(s => s.Cell(text)).ToList();
            var rows = new List<List<TableCell>>();
            var i = k + n;
            while (i + n < segs.Count && segs[i].Blank)
            {
                rows.Add(segs.GetRange(i + 1, n).Select(s => s.Cell(text)).ToList());
                i += n + 1;
            }
            if (rows.Count == 0) return null;
            var context = Tail(text[Math.Max(0, line.Start - ContextLength)..segs[k - 1 - n].Start]);
            var start = header[0].Span.Start;
            var end = rows[^1][^1].Span.End;
            return Build(text, [header], rows, context, start, end);
        }
        return null;
    }

    private DetectedTable? Rows(string text, List<TextSpan> lines)
    {
        var rows = new List<List<TableCell>>();
        var separator = -1;
        foreach (var line in lines)
        {
            var segs = Split(text, line);
            // Outer pipes leave an empty first and last segment; a row without them does not.
            if (segs.Count > 1 && segs[0].Blank) segs.RemoveAt(0);
            if (segs.Count > 1 && segs[^1].Blank) segs.RemoveAt(segs.Count - 1);
            if (segs.Count >= 2 && segs.All(s => Separator.IsMatch(s.Text)))
            {
                if (separator < 0) separator = rows.Count;
                continue;
            }
            rows.Add(segs.Select(s => s.Cell(text)).ToList());
        }
        if (rows.Count < 2) return null;
        // Without a separator the leading rows that hold no figure (only words or years) are the header.
        var headerRows = separator > 0 ? separator : 0;
        if (separator <= 0)
            while (headerRows < rows.Count - 1 && rows[headerRows].Skip(1).All(c => !IsFigure(c.Text))) headerRows++;
        var context = Tail(text[Math.Max(0, lines[0].Start - ContextLength)..lines[0].Start]);
        return Build(text, rows.Take(headerRows).ToList(), rows.Skip(headerRows).ToList(), context, lines[0].Start, lines[^1].End);
    }

    private static string HeaderText(List<TableCell> row, int j, int labels)
    {
        var k = j;
        while (k >= labels && (k >= row.Count || row[k].Text.Length == 0)) k--;
        // Only a cell whose own text is empty inherits, and only from a value column in the same header row.
        return k >= labels && (j >= row.Count || row[j].Text.Length == 0) && j - k <= 3 ? row[k].Text : j < row.Count ? row[j].Text : "";
    }

    /// <summary>A row's span with its outer pipes (the quote of its claims).</summary>
    private static TextSpan Outer(string text, int start, int end)
    {
        var s = start;
        while (s > 0 && text[s - 1] is ' ' or '\t') s--;
        if (s > 0 && text[s - 1] is '|' or '｜') start = s - 1;
        var e = end;
        while (e < text.Length && text[e] is ' ' or '\t') e++;
        if (e < text.Length && text[e] is '|' or '｜') end = e + 1;
        return new TextSpan(start, end);
    }

    private bool IsFigure(string cell) => cells.Read(cell) is not null && !Year.IsMatch(cell.Trim());

    private static readonly Regex Year = new(@"^(?:19|20)\d{2}$", RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    private static string Tail(string s) => s.Length <= ContextLength ? s : s[^ContextLength..];

    private DetectedTable? Build(string text, List<List<TableCell>> header, List<List<TableCell>> body, string context, int start, int end)
    {
        if (body.Count == 0) return null;
        var width = Math.Max(header.Select(r => r.Count).DefaultIfEmpty(0).Max(), body.Max(r => r.Count));
        if (width < 2) return null;
        // Label columns: leading columns where no body row has a figure (at most two: a rowspan group, then the row).
        var labels = 1;
        while (labels < Math.Min(2, width - 1) && body.All(r => labels >= r.Count || cells.Read(r[labels].Text) is null)) labels++;
        // A header cell left empty beside a filled one spans it (colspan): it carries on to the right.
        var headers = new List<string>();
        for (var j = labels; j < width; j++)
            headers.Add(string.Join(' ', header.Select(r => HeaderText(r, j, labels)).Where(t => t.Length > 0)));
        var labelHeader = string.Join(' ', header.SelectMany(r => r.Take(labels)).Select(c => c.Text));
        var rows = new List<TableRow>();
        List<TableCell>? above = null;
        foreach (var row in body)
        {
            // A label cell left empty under a filled one (rowspan) is the one above.
            var r = row;
            if (above is not null && labels == 2 && r.Count > 1 && r[0].Text.Length == 0 && r[1].Text.Length > 0 && above[0].Text.Length > 0)
                r = [above[0], .. r.Skip(1)];
            above = r;
            // A label spread over two columns (colspan) is one label.
            var labelCells = r.Take(labels).Where(c => c.Text.Length > 0).DistinctBy(c => c.Text).ToList();
            var values = new List<TableCell?>();
            for (var j = labels; j < width; j++) values.Add(j < r.Count && r[j].Text.Length > 0 ? r[j] : null);
            var label = string.Join(' ', labelCells.Select(c => c.Text));
            var span = Outer(text, r[0].Span.Start, r[^1].Span.End);
            rows.Add(new TableRow(label, labelCells, values, 0, span));
        }
        return new DetectedTable(TableKind.Markdown, new TextSpan(start, end), headers, (context + "\n" + labelHeader).Trim(), rows);
    }
}

/// <summary>Finds tables of one kind in the cleaned text.</summary>
public interface ITableDetector
{
    IEnumerable<DetectedTable> Detect(string text);
}

/// <summary>Line helpers for the detectors.</summary>
internal static class TableText
{
    /// <summary>The lines of a text (spans without the line break).</summary>
    public static List<TextSpan> Lines(string text)
    {
        var lines = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
            lines.Add(new TextSpan(start, end));
            start = i + 1;
        }
        return lines;
    }
}
