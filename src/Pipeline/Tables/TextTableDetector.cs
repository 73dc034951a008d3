using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Tables;

/// <summary>
/// Finds a filing's text tables: consecutive lines that end in two or more figures (<c>Total revenues 33,557 32,713
/// (7 %)</c>), with labels split over two lines (<c>Operating income</c> / <c>(loss) 5,925 …</c>) and heading lines
/// between them, under a header block naming the periods (<c>Q3 Q2 Q3</c> / <c>2024 2025 2025 YOY QOQ</c>,
/// <c>2025年 2024年 同比变动</c>), the currencies (<c>RMB RMB RMB US$</c>) and a unit note (<c>(In millions except per
/// ADS)</c>, <c>人民币百万元</c>). Header words are laid over the value columns in reading order: periods and currencies
/// from the first column on, change headers (YoY, QoQ, 同比) over the last columns; a line that names a duration
/// (<c>Three months ended September 30</c>, <c>截至九月三十日止三个月</c>) spans every column.
/// </summary>
public sealed class TextTableDetector(TableLexicon lexicon, ColumnReader columns) : ITableDetector
{
    private static readonly TimeSpan Timeout = Pipeline.Text.RegexLimits.Timeout;
    private static readonly Regex ValueToken = new(@"^(?:\(\s*[-−]?\d[\d,]*(?:\.\d+)?\s*[%％]?\s*\)|[-−]?\d[\d,]*(?:\.\d+)?\s*[%％]?)$",
        RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex YearOnly = new(@"^(?:19|20)\d{2}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Word = new(@"\S+", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex PeriodToken = new(
        @"^(?:Q[1-4](?:(?:19|20)\d{2})?|(?:19|20)\d{2}Q[1-4]|[1-4]Q(?:\d{2}|(?:19|20)\d{2})?|H[12](?:(?:19|20)\d{2})?|FY(?:19|20)\d{2}(?:/\d{2})?|(?:19|20)\d{2}年?(?:第?[一二三四1-4]季度|上半年|下半年|中期|年度|前三季度)?|(?:19|20)\d{2})$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex Note = new(@"[(（][^()（）]{2,80}[)）]", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Header lines read above the first row at most.</summary>
    private const int MaxHeaderLines = 8;

    /// <summary>Longer lines are prose, not a header or a row label.</summary>
    private const int MaxHeaderLength = 120;

    private sealed record Line(TextSpan Span, string Text, int LabelEnd, List<TableCell> Values)
    {
        public bool IsRow => Values.Count > 0;
        public bool Blank => string.IsNullOrWhiteSpace(Text);
    }

    public IEnumerable<DetectedTable> Detect(string text)
    {
        var lines = TableText.Lines(text).Select(s => Parse(text, s)).ToList();
        var k = 0;
        while (k < lines.Count)
        {
            if (!(lines[k].Values.Count >= 2)) { k++; continue; }
            // The body: value rows with at most two label-only lines (or one blank line) between them.
            var first = k;
            var last = k;
            var j = k + 1;
            while (j < lines.Count)
            {
                if (lines[j].IsRow) { last = j; j++; continue; }
                var gap = 0;
                var n = j;
                while (n < lines.Count && !lines[n].IsRow && gap < 3 && IsLabelOnly(lines[n])) { n++; gap++; }
                if (n < lines.Count && lines[n].IsRow && gap <= 2) { j = n; continue; }
                break;
            }
            k = last + 1;
            var rowCount = 0;
            for (var i = first; i <= last; i++) if (lines[i].IsRow) rowCount++;
            if (rowCount < 2) continue;
            var table = Build(text, lines, first, last);
            if (table is not null) yield return table;
        }
    }

    private static bool IsLabelOnly(Line line) =>
        line.Blank || (line.Text.Trim().Length <= 60 && !line.Text.TrimEnd().EndsWith('。') && line.Text.Count(c => c is '|' or '｜') < 2);

    private Line Parse(string text, TextSpan span)
    {
        var s = text[span.Start..span.End];
        if (s.Count(c => c is '|' or '｜') >= 2 || s.Length > 400) return new Line(span, s, s.Length, []);
        var words = Word.Matches(s).Select(m => (m.Index, m.Length)).ToList();
        // "(7" "%)" is one token.
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var w = s.Substring(words[i].Index, words[i].Length);
            var next = s.Substring(words[i + 1].Index, words[i + 1].Length);
            if ((w.StartsWith('(') && !w.Contains(')') && next is "%)" or ")" or "％)" or "%）")
                || (next is "%" or "％" && w.Length > 0 && char.IsAsciiDigit(w[^1])))
            {
                words[i] = (words[i].Index, words[i + 1].Index + words[i + 1].Length - words[i].Index);
                words.RemoveAt(i + 1);
            }
        }
        var values = new List<TableCell>();
        var labelEnd = s.Length;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var w = s.Substring(words[i].Index, words[i].Length);
            if (!ValueToken.IsMatch(w) && !lexicon.NoValue.Contains(w)) break;
            values.Insert(0, new TableCell(TextSpan.FromLength(span.Start + words[i].Index, words[i].Length), w));
            labelEnd = words[i].Index;
        }
        var label = s[..labelEnd].Trim();
        // Years alone are a header line, not a row; a row has a label or follows one.
        if (label.Length == 0 && values.All(v => YearOnly.IsMatch(v.Text))) values.Clear();
        if (values.Count > 0 && values.All(v => lexicon.NoValue.Contains(v.Text))) values.Clear();
        if (label.Length > 80) values.Clear();
        return new Line(span, s, values.Count > 0 ? labelEnd : s.Length, values);
    }

    private DetectedTable? Build(string text, List<Line> lines, int first, int last)
    {
        var width = 0;
        for (var i = first; i <= last; i++) width = Math.Max(width, lines[i].Values.Count);
        // Header lines above the body.
        var top = first;
        var header = new List<Line>();
        while (top - 1 >= 0 && header.Count < MaxHeaderLines)
        {
            var l = lines[top - 1];
            var t = l.Text.Trim();
            if (t.Length == 0 || t.Length > MaxHeaderLength || t.EndsWith('。') || (t.EndsWith('.') && t.Length > 40) || l.IsRow) break;
            header.Insert(0, l);
            top--;
        }
        // The line right above the first row may be the first half of its label.
        var pending = new List<Line>();
        if (header.Count > 0 && ContinuesLabel(header[^1].Text, Label(lines[first])) && HeaderTokens(header[^1].Text, width) is null)
        {
            pending.Add(header[^1]);
            header.RemoveAt(header.Count - 1);
        }
        var headers = Enumerable.Range(0, width).Select(_ => new List<string>()).ToList();
        var context = new List<string>();
        foreach (var h in header)
        {
            var tokens = HeaderTokens(h.Text, width, context);
            if (tokens is null) { context.Add(h.Text.Trim()); continue; }
            foreach (var (column, token) in tokens) headers[column].Add(token);
        }
        var rows = new List<TableRow>();
        for (var i = first; i <= last; i++)
        {
            var l = lines[i];
            if (!l.IsRow)
            {
                if (l.Blank) continue;
                var next = i + 1 <= last ? lines[i + 1] : null;
                if (next is not null && next.IsRow && ContinuesLabel(l.Text, Label(next))) { pending.Add(l); continue; }
                FlushHeading(rows, pending);
                pending.Add(l);
                FlushHeading(rows, pending);
                continue;
            }
            var labelCells = pending.Select(p => Trimmed(text, p.Span)).ToList();
            var own = Trimmed(text, new TextSpan(l.Span.Start, l.Span.Start + l.LabelEnd));
            if (own.Text.Length > 0) labelCells.Add(own);
            var start = pending.Count > 0 ? pending[0].Span.Start : l.Span.Start;
            var indent = Indent(pending.Count > 0 ? pending[0].Text : l.Text);
            pending.Clear();
            var values = new List<TableCell?>(l.Values);
            while (values.Count < width) values.Add(null);
            rows.Add(new TableRow(string.Join(' ', labelCells.Select(c => c.Text)), labelCells, values, indent, new TextSpan(start, l.Span.End)));
        }
        if (rows.Count(r => r.HasValues) < 2) return null;
        var span = new TextSpan(header.Count > 0 ? header[0].Span.Start : rows[0].Span.Start, rows[^1].Span.End);
        return new DetectedTable(TableKind.Text, span, headers.Select(h => string.Join(' ', h)).ToList(), string.Join('\n', context), rows);
    }

    private static void FlushHeading(List<TableRow> rows, List<Line> pending)
    {
        if (pending.Count == 0) return;
        var text = string.Join(' ', pending.Select(p => p.Text.Trim()));
        var span = new TextSpan(pending[0].Span.Start, pending[^1].Span.End);
        rows.Add(new TableRow(text, [], [], Indent(pending[0].Text), span));
        pending.Clear();
    }

    private static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] is ' ' or '\u3000' or '\t') n++;
        return n;
    }

    private static string Label(Line l) => l.Text[..l.LabelEnd].Trim();

    private static TableCell Trimmed(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return new TableCell(new TextSpan(s, e), text[s..e]);
    }

    /// <summary>A label-only line continues into the next row's label when that label starts with a parenthesis or a
    /// lower-case word (<c>(loss)</c>, <c>(non-GAAP)</c>), or the line ends with a joining word (<c>to</c>, <c>of</c>, 的).</summary>
    private bool ContinuesLabel(string line, string nextLabel)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.EndsWith(':') || t.EndsWith('：')) return false;
        if (nextLabel.Length > 0 && (nextLabel[0] is '(' or '（' || char.IsLower(nextLabel[0]))) return true;
        var lastWord = t.Split(' ')[^1];
        return lexicon.LabelJoiners.Any(j => string.Equals(j, lastWord, StringComparison.OrdinalIgnoreCase)
                                             || (!char.IsAsciiLetter(j[0]) && t.EndsWith(j, StringComparison.Ordinal)));
    }

    /// <summary>The header words of a line laid over the value columns, or null when the line names no column
    /// (a title, a note, a spanning duration: those go to the context).</summary>
    private List<(int Column, string Token)>? HeaderTokens(string line, int width, List<string>? context = null)
    {
        var rest = line;
        foreach (Match n in Note.Matches(line))
            if (lexicon.UnitNotes.FindAll(n.Value).Count > 0 || lexicon.Scales.FindAll(n.Value).Count > 0)
            {
                context?.Add(n.Value);
                rest = rest.Replace(n.Value, " ");
            }
        var spec = columns.ReadPeriod(rest);
        var words = Word.Matches(rest).Select(m => m.Value).Where(w => !w.All(c => c is '-' or '—' or '=' or '_')).ToList();
        var periods = new List<string>();
        var changes = new List<string>();
        var other = 0;
        foreach (var w in words)
        {
            if (PeriodToken.IsMatch(w) || IsWhole(lexicon.Currencies, w)) periods.Add(w);
            else if (IsWhole(lexicon.Changes, w) || w is "%" or "％" or "(%)") changes.Add(w);
            else if (!lexicon.LabelHeaders.Any(h => string.Equals(h, w, StringComparison.OrdinalIgnoreCase))) other++;
        }
        if (periods.Count + changes.Count == 0) return null;
        // A duration or an end date over every column (Three months ended September 30, 截至九月三十日止三个月).
        if ((spec.Months is not null || spec.End is not null) && periods.Count(p => YearOnly.IsMatch(p)) <= 1 && other > 0) return null;
        if (other > periods.Count + changes.Count) return null;
        if (periods.Count + changes.Count > width) return null;
        var tokens = periods.Select((p, i) => (i, p)).ToList();
        tokens.AddRange(changes.Select((c, i) => (width - changes.Count + i, c)));
        return tokens;
    }

    private static bool IsWhole<T>(Facts.PhraseMatcher<T> matcher, string word) =>
        matcher.FindAll(word) is [var m] && m.Start == 0 && m.End == word.Length;
}
