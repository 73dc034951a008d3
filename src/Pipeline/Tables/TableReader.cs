using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Tables;

/// <summary>What the reader needs besides the table: the entity of its claims, the document, and the map from the
/// cleaned text back to the original.</summary>
public sealed record TableReadContext(string Entity, string DocumentId, string? Outlet, string Text, StageText Clean);

/// <summary>
/// Turns a detected table into claims: row label → metric (and basis, segment), column header → period (and basis,
/// currency, scale), unit note → currency and scale, parentheses or a minus → negative (a negative profit is the loss
/// metric's positive amount), a dash → no value, a change column → the row metric's change metric (growth in percent, a
/// ratio's change in points), a currency column without a period → the stated equivalent of the period column before it.
/// Rows grouped under a metric heading, indented under a metric row or written 其中/of which are segments of that metric;
/// where such parts and their total are both given, a parts-vs-total check is recorded.
/// </summary>
public sealed class TableReader(TableLexicon lexicon, RowLabelReader labels, ColumnReader columns, CellValueReader cells)
{
    private sealed record Group(MetricDefinition Metric, int Indent, string Basis, bool FromHeading = false);

    public (List<TableClaim> Claims, List<TableTotalCheck> Checks) Read(DetectedTable table, int index, TableReadContext ctx)
    {
        var claims = new List<TableClaim>();
        var contextSpec = columns.ReadPeriod(table.Context);
        var contextInfo = columns.Read(table.Context);
        var cols = table.ColumnHeaders.Select(columns.Read).ToList();
        var totals = new Dictionary<(int Group, string Metric, int Column), decimal>();
        var parts = new Dictionary<(int Group, string Metric, int Column), (decimal Sum, int Count, decimal Precision, string Period)>();
        Group? group = null;      // the metric the rows below are parts of
        var groupId = 0;
        string? headingSegment = null;
        var seenValues = false;
        foreach (var row in table.Rows)
        {
            if (!row.HasValues)
            {
                // A heading: a metric whose parts follow, or (inside the table) the segment of the rows below.
                var h = labels.Read(row.Label);
                if (h.Metric is not null) { group = new Group(h.Metric, row.Indent, h.Basis, true); groupId++; headingSegment = null; }
                else if (seenValues && h.Name.Length is > 0 and <= 20) { headingSegment = h.Name; group = null; groupId++; }
                continue;
            }
            seenValues = true;
            var (metric, segment, basis, perShare, isTotal, isPart) = Meaning(table, row, ref group, ref groupId, headingSegment);
            if (metric is null) continue;
            var rowClaims = new Dictionary<int, Claim>();
            for (var j = 0; j < row.Values.Count && j < cols.Count; j++)
            {
                if (row.Values[j] is not { } cell || cells.Read(cell.Text) is not { } value) continue;
                var claim = CellClaim(table, cols, j, contextSpec, contextInfo, metric, basis, segment, perShare, value, cell, row, ctx, rowClaims);
                if (claim is null) continue;
                rowClaims[j] = claim;
                claims.Add(new TableClaim(claim, index, cell.Span));
                if (cols[j].Change != ChangeKind.None || claim.Basis == Bases.StatedEquivalent || claim.Value is not Money money) continue;
                var key = (groupId, claim.Metric, j);
                if (isPart) parts[key] = parts.TryGetValue(key, out var p)
                    ? (p.Sum + Signed(claim), p.Count + 1, p.Precision + money.Precision, p.Period)
                    : (Signed(claim), 1, money.Precision, claim.Period.Label);
                else if (isTotal || segment.Length == 0) totals[key] = Signed(claim);
            }
        }
        var checks = new List<TableTotalCheck>();
        foreach (var (key, p) in parts)
        {
            if (p.Count < 2 || !totals.TryGetValue(key, out var total)) continue;
            checks.Add(new TableTotalCheck(key.Metric, p.Period, total, p.Sum, p.Count, Math.Abs(p.Sum - total) <= Math.Max(p.Precision, 0.5m)));
        }
        return (claims, checks);
    }

    private decimal Signed(Claim c) => lexicon.Losses.Values.Contains(c.Metric) ? -c.Value.Value : c.Value.Value;

    /// <summary>The metric, segment and basis of a row with figures, keeping track of groups.</summary>
    private (MetricDefinition? Metric, string Segment, string Basis, bool PerShare, bool Total, bool Part) Meaning(
        DetectedTable table, TableRow row, ref Group? group, ref int groupId, string? headingSegment)
    {
        if (row.LabelCells.Count == 2 && table.Kind == TableKind.Markdown)
        {
            // Two label columns (a rowspan group and its rows): the metric in one, the segment in the other.
            var a = labels.Read(row.LabelCells[0].Text);
            var b = labels.Read(row.LabelCells[1].Text);
            if (a.Metric is not null && b.Metric is null)
                return (a.Metric, b.Total ? "" : b.Name, Either(a.Basis, b.Basis), a.PerShare, b.Total, !b.Total);
            if (b.Metric is not null && a.Metric is null)
                return (b.Metric, a.Total ? "" : a.Name, Either(a.Basis, b.Basis), b.PerShare, a.Total, !a.Total);
        }
        var m = labels.Read(row.Label);
        if (m.Metric is not null && !m.Part)
        {
            if (group is null || row.Indent <= group.Indent || m.Total)
            {
                // A top-level metric row: the rows indented below it are its parts.
                if (!(group is not null && m.Total && m.Metric.Id == group.Metric.Id)) groupId++;
                group = new Group(m.Metric, row.Indent, m.Basis);
            }
            return (m.Metric, headingSegment ?? "", m.Basis, m.PerShare, m.Total, false);
        }
        if (group is null) return (null, "", "", false, false, false);
        if (m.Total) return (group.Metric, "", group.Basis, m.PerShare, true, false);
        var isPart = m.Part || row.Indent > group.Indent || group.FromHeading;
        return isPart && m.Name.Length > 0 ? (group.Metric, m.Name, Either(m.Basis, group.Basis), m.PerShare, false, true) : (null, "", "", false, false, false);
    }

    private static string Either(string a, string b) => a.Length > 0 ? a : b;

    private Claim? CellClaim(DetectedTable table, List<ColumnInfo> cols, int j, PeriodSpec contextSpec, ColumnInfo contextInfo,
        MetricDefinition metric, string basis, string segment, bool perShare, CellValue value, TableCell cell, TableRow row,
        TableReadContext ctx, Dictionary<int, Claim> rowClaims)
    {
        var col = cols[j];
        var units = labels.Read(row.LabelCells.Count == 2 ? row.LabelCells[0].Text : row.Label);
        basis = basis.Length > 0 ? basis : col.Basis;
        string? equivalentOf = null;
        NumericResolution? resolution;
        ReportingPeriod? period;
        if (col.Change != ChangeKind.None)
        {
            var points = value.Points;
            var percent = value.Percent || (!value.Points && table.ColumnHeaders[j].Contains('%'));
            if (!points && !percent) return null;
            var changeMetric = ChangeMetric(metric, col.Change, points);
            if (changeMetric is null) return null;
            period = LatestPeriod(cols, contextSpec, changeMetric.Timing);
            resolution = points ? new PercentagePoints(value.Number, value.Precision) : new Percentage(value.Number, value.Precision);
            metric = changeMetric;
        }
        else
        {
            var periodColumn = j;
            if (col.Period.Year is null && col.Currency is not null)
            {
                // A currency column without a period (RMB RMB RMB US$): the stated equivalent of the column before it.
                periodColumn = -1;
                for (var k = j - 1; k >= 0; k--)
                    if (cols[k].Period.Year is not null && cols[k].Change == ChangeKind.None) { periodColumn = k; break; }
                if (periodColumn < 0) return null;
                equivalentOf = rowClaims.TryGetValue(periodColumn, out var original) ? original.Id : null;
                if (equivalentOf is null) return null;
                basis = Bases.StatedEquivalent;
            }
            period = ColumnReader.Resolve(cols[periodColumn].Period, contextSpec, metric.Timing);
            if (value.Points) return null;
            if (value.Percent || (units.Percent && value.Currency is null && value.Scale is null))
            {
                if (!metric.Units.HasFlag(FigureKinds.Percent)) return null;
                resolution = new Percentage(value.Number, value.Precision);
            }
            else
            {
                var scale = value.Scale ?? units.Scale ?? (perShare ? 1m : col.Scale ?? contextInfo.Scale ?? 1m);
                var currency = value.Currency ?? units.Currency ?? col.Currency ?? contextInfo.Currency;
                var amount = value.Number * scale;
                if (metric.Units.HasFlag(FigureKinds.Money) && currency is { } cur)
                {
                    if (amount < 0 && lexicon.Losses.TryGetValue(metric.Id, out var lossId) && labels.Find(lossId) is { } loss)
                    {
                        metric = loss;
                        amount = -amount;
                    }
                    else if (lexicon.Losses.Values.Contains(metric.Id)) amount = Math.Abs(amount);
                    resolution = new Money(amount, cur, value.Precision * scale);
                }
                else if (metric.Units.HasFlag(FigureKinds.Count) && currency is null)
                    resolution = new Number(amount, value.Precision * scale, CountUnit.Count);
                else return null;
            }
        }
        if (period is not { } p) return null;
        var source = ctx.Clean.ToSource(cell.Span);
        var quote = ctx.Text[row.Span.Start..row.Span.End].Replace('\n', ' ').Trim();
        return new Claim(ctx.Entity, metric.Id, p, resolution, Qualifier.Exact, new Provenance(ctx.DocumentId, ctx.Outlet, source, quote))
        {
            Segment = segment,
            Basis = basis,
            AsWritten = cell.Text,
            EquivalentOf = equivalentOf,
        };
    }

    /// <summary>The change metric of a row metric: its own (<c>change</c>, <c>change_qoq</c>, <c>change_pp</c>,
    /// <c>change_pp_qoq</c> in metrics.yaml), else the naming convention's templates of tables.yaml; only ids the metric
    /// lexicon defines.</summary>
    private MetricDefinition? ChangeMetric(MetricDefinition metric, ChangeKind kind, bool points)
    {
        if (kind == ChangeKind.Unspecified) kind = ChangeKind.YearOnYear;
        var own = (kind, points) switch
        {
            (ChangeKind.YearOnYear, false) => metric.Change,
            (ChangeKind.QuarterOnQuarter, false) => metric.ChangeQoq,
            (ChangeKind.YearOnYear, true) => metric.ChangePoints,
            _ => metric.ChangePointsQoq,
        };
        if (own is not null && labels.Find(own) is { } d) return d;
        if (!lexicon.ChangeMetrics.TryGetValue((kind, points), out var templates)) return null;
        var stem = metric.Id.EndsWith("_pct", StringComparison.Ordinal) ? metric.Id[..^4] : metric.Id;
        foreach (var t in templates)
            if (labels.Find(t.Replace("{metric}", metric.Id).Replace("{stem}", stem)) is { } found) return found;
        return null;
    }

    /// <summary>The latest period among the table's period columns: the one a change column compares.</summary>
    private static ReportingPeriod? LatestPeriod(List<ColumnInfo> cols, PeriodSpec context, MetricTiming timing)
    {
        ReportingPeriod? latest = null;
        foreach (var c in cols)
        {
            if (c.Change != ChangeKind.None || c.Period.Year is null) continue;
            if (ColumnReader.Resolve(c.Period, context, timing) is { } p && (latest is null || p.End > latest.Value.End)) latest = p;
        }
        return latest;
    }
}
