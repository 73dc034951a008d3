using System.Net;
using Pipeline.Output;
using Pipeline.Reconciliation;

namespace Pipeline.Batch;

/// <summary>Writes the human audit report for a run.</summary>
internal static class AuditWriter
{
    public static void WriteMarkdown(TextWriter w, ReconciliationResult result, IReadOnlyList<DocumentRow> documents)
    {
        w.WriteLine("# Audit report");
        w.WriteLine();
        w.WriteLine($"{documents.Count} documents, {result.Facts.Count} facts, {result.Facts.Count(f => f.Status == FactStatus.Conflict)} conflicts.");
        w.WriteLine();
        w.WriteLine("## Conflicts");
        foreach (var f in result.Facts.Where(f => f.Status == FactStatus.Conflict))
        {
            w.WriteLine();
            w.WriteLine($"### {f.Key.Entity} · {f.Key.Metric} · {f.PeriodLabel}");
            foreach (var c in f.Candidates)
            {
                w.WriteLine($"- {(c.Chosen ? "**chosen** " : "")}{Invariant.Decimal(c.Value)} {c.Unit} ({c.Qualifier.ToSymbol()}) — {c.Diagnosis.ToCode()}");
                foreach (var o in c.Support) w.WriteLine($"  - {o.Document} [{o.Start}, {o.End}): “{o.Quote}”");
            }
        }
        w.WriteLine();
        w.WriteLine("## Facts");
        w.WriteLine();
        w.WriteLine("| entity | metric | period | value | unit | status | documents |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in result.Facts)
            w.WriteLine($"| {f.Key.Entity} | {f.Key.Metric} | {f.PeriodLabel} | {Invariant.Decimal(f.Chosen.Value)} | {f.Chosen.Unit} | {f.Status.ToFactStatus()} | {string.Join(", ", f.Documents)} |");
    }

    public static void WriteHtml(TextWriter w, ReconciliationResult result, IReadOnlyList<DocumentRow> documents)
    {
        using var md = new StringWriter();
        WriteMarkdown(md, result, documents);
        w.Write("<!doctype html><meta charset=\"utf-8\"><title>Audit report</title><pre>");
        w.Write(WebUtility.HtmlEncode(md.ToString()));
        w.Write("</pre>\n");
    }
}
