using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Text;

namespace Pipeline.Tables;

/// <summary>
/// The entity a document's table claims belong to. A table rarely names its company in a row: its figures are the
/// document's main entity's. A seam so that the binder's own notion of the main entity can replace the default.
/// </summary>
public interface IMainEntitySource
{
    string? MainEntity(BindingResult binding);
}

/// <summary>The entity the binder's claims name most often in the document (ties: the one named first), else the first
/// entity the document defines; null when neither exists (the tables then yield no claim: no entity is invented).</summary>
public sealed class MostClaimedEntity : IMainEntitySource
{
    public string? MainEntity(BindingResult binding) =>
        binding.Claims.Select((c, i) => (c.Entity, i)).GroupBy(x => x.Entity, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.i)).Select(g => g.Key).FirstOrDefault()
        ?? binding.Entities.FirstOrDefault()?.Canonical;
}

/// <summary>
/// The tables stage: after binding, finds the tables of the cleaned text (Markdown/HTML pipe tables, filing text
/// tables), reads their cells into claims for the document's main entity, and checks parts against totals. Pure and
/// immutable; one instance serves every document.
/// </summary>
public sealed class TableStage
{
    private readonly IReadOnlyList<ITableDetector> _detectors;
    private readonly TableReader _reader;
    private readonly IMainEntitySource _entity;

    public TableStage(TableLexicon lexicon, IReadOnlyList<MetricLexicon> metrics, IMainEntitySource? entity = null)
    {
        var cells = new CellValueReader(lexicon);
        var columns = new ColumnReader(lexicon);
        _detectors = [new MarkdownTableDetector(cells), new TextTableDetector(lexicon, columns)];
        _reader = new TableReader(lexicon, new RowLabelReader(lexicon, metrics), columns, cells);
        _entity = entity ?? new MostClaimedEntity();
    }

    /// <summary>The default stage: the embedded table words and the Chinese and English metric lexicons.</summary>
    public static TableStage CreateDefault() => new(TableLexicon.Default, [MetricLexicon.Chinese, MetricLexicon.English]);

    public const string Name = "tables";

    /// <summary>Tables in the text, in order, without overlaps (a Markdown table wins over a text table on the same lines).</summary>
    public IReadOnlyList<DetectedTable> Detect(string text)
    {
        var found = new List<DetectedTable>();
        foreach (var detector in _detectors)
            foreach (var t in detector.Detect(text))
                if (!found.Any(f => f.Span.Overlaps(t.Span))) found.Add(t);
        return found.OrderBy(t => t.Span.Start).ToList();
    }

    public TableResult Read(StageText clean, BindingResult binding, SourceDocument document, DocumentMetadata metadata, DocumentContext? diagnostics = null)
    {
        var tables = Detect(clean.Text);
        if (tables.Count == 0) return TableResult.Empty;
        var entity = _entity.MainEntity(binding);
        var summaries = new List<TableSummary>();
        var claims = new List<TableClaim>();
        var bodies = new List<TextSpan>();
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            var (found, checks) = entity is null
                ? ([], [])
                : _reader.Read(t, i, new TableReadContext(entity, document.Id, metadata.Outlet, clean.Text, clean));
            var source = clean.ToSource(t.Span);
            summaries.Add(new TableSummary(source.Start, source.End, t.Rows.Count, t.Columns, t.Kind.ToString().ToLowerInvariant(), found.Count, checks));
            claims.AddRange(found);
            if (found.Count > 0) bodies.Add(source);
            foreach (var c in checks.Where(c => !c.Agrees))
                diagnostics?.ReportAtSource(Diagnostic.Warning("table.parts-total",
                    $"table {i + 1}: the parts of {c.Metric} ({c.Period}) add up to {c.SumOfParts}, the total says {c.Total}", source));
        }
        return new TableResult(summaries, claims, bodies);
    }
}

public static class TablesExtensions
{
    /// <summary>Reads tables after binding: their cells become claims appended to the binder's (see <see cref="TableStage"/>).</summary>
    public static ExtractionPipelineBuilder UseTables(this ExtractionPipelineBuilder builder, TableStage? stage = null)
    {
        builder.Tables = stage ?? TableStage.CreateDefault();
        return builder;
    }
}
