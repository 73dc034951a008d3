using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pipeline.Reconciliation;

namespace Pipeline.Output;

/// <summary>
/// The audit built fact by fact (<see cref="Add"/>, in key order), so that a reconciliation that hands its facts over a
/// partition at a time never holds them all: each fact's text is written into its section (conflicts, agreed, single;
/// Markdown and HTML) and its counts added, and the whole report is put together once the checks and reliabilities are
/// known (<see cref="WriteMarkdown"/>, <see cref="WriteHtml"/>). The sections' text is spooled (<see cref="TextSpool"/>):
/// past a few hundred kilobytes it waits in temporary files, deleted on <see cref="Dispose"/>, so that the report of a
/// batch of any size costs bounded memory; what is held is the counts per source and diagnosis.
/// </summary>
public sealed class AuditSections(AuditReportOptions? options = null) : IDisposable
{
    private readonly AuditReportOptions _options = options ?? new AuditReportOptions();

    public AuditReportOptions Options => _options;
    private readonly TextSpool _mdConflicts = new();
    private readonly TextSpool _mdAgreed = new();
    private readonly TextSpool _mdSingle = new();
    private readonly TextSpool _htmlConflicts = new();
    private readonly TextSpool _htmlAgreed = new();
    private readonly TextSpool _htmlSingle = new();
    private readonly Dictionary<string, (int Observations, int Chosen, int Overruled)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<Diagnosis, int> _diagnoses = [];
    private readonly SortedSet<string> _entities = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _metrics = new(StringComparer.Ordinal);

    public int Facts { get; private set; }
    public int Conflicts { get; private set; }
    public int Agreed { get; private set; }
    public int Single { get; private set; }

    public void Add(ReconciledFact f)
    {
        Facts++;
        _entities.Add(f.Key.Entity);
        _metrics.Add(f.Key.Metric);
        switch (f.Status)
        {
            case FactStatus.Conflict:
                Conflicts++;
                AuditReport.WriteMdConflict(_mdConflicts, f, Conflicts, _options);
                AuditReport.WriteHtmlConflict(_htmlConflicts, f, Conflicts, _options);
                break;
            case FactStatus.Agreed:
                if (++Agreed <= _options.MaxAgreedRows) Row(f, _mdAgreed, _htmlAgreed);
                break;
            case FactStatus.Single:
                if (++Single <= _options.MaxAgreedRows) Row(f, _mdSingle, _htmlSingle);
                break;
        }
        Count(f);
    }

    private static void Row(ReconciledFact f, TextWriter md, TextWriter html)
    {
        AuditReport.WriteMdFactRow(md, f);
        AuditReport.WriteHtmlFactRow(html, f);
    }

    /// <summary>Per source: observations, and on facts in conflict how many of its values were chosen or overruled; per
    /// diagnosis, the competing values it explains.</summary>
    private void Count(ReconciledFact f)
    {
        foreach (var c in f.Candidates)
        {
            if (!c.Chosen) _diagnoses[c.Diagnosis] = _diagnoses.GetValueOrDefault(c.Diagnosis) + 1;
            foreach (var o in c.Support)
            {
                var x = _sources.GetValueOrDefault(o.Source);
                _sources[o.Source] = (x.Observations + 1, x.Chosen, x.Overruled);
            }
            if (f.Status != FactStatus.Conflict) continue;
            foreach (var s in c.Support.Select(o => o.Source).Distinct(StringComparer.Ordinal))
            {
                var x = _sources[s];
                _sources[s] = c.Chosen ? (x.Observations, x.Chosen + 1, x.Overruled) : c.Diagnosis == Diagnosis.None ? x : (x.Observations, x.Chosen, x.Overruled + 1);
            }
        }
    }

    private string SummaryLine(IReadOnlyList<ArithmeticCheck> checks, IReadOnlyDictionary<string, double> reliability) =>
        $"{Facts} facts: {Conflicts} in conflict, {Agreed} agreed, {Single} from a single statement. " +
        $"{checks.Count} arithmetic checks: {checks.Count(c => c.Passed)} pass, {checks.Count(c => !c.Passed)} fail. {reliability.Count} sources.";

    public void WriteMarkdown(IReadOnlyList<ArithmeticCheck> checks, IReadOnlyDictionary<string, double> reliability, TextWriter w)
    {
        w.WriteLine($"# {_options.Title}");
        w.WriteLine();
        w.WriteLine(SummaryLine(checks, reliability));
        w.WriteLine();
        w.WriteLine("## Conflicts");
        w.WriteLine();
        if (Conflicts == 0) w.WriteLine("None.");
        _mdConflicts.CopyTo(w);
        AuditReport.WriteMdChecks(w, checks);
        AuditReport.WriteMdFactsHead(w, "Agreed facts", Agreed);
        _mdAgreed.CopyTo(w);
        AuditReport.WriteMdFactsTail(w, Agreed, _options.MaxAgreedRows);
        AuditReport.WriteMdFactsHead(w, "Single-source facts", Single);
        _mdSingle.CopyTo(w);
        AuditReport.WriteMdFactsTail(w, Single, _options.MaxAgreedRows);
        AuditReport.WriteMdReliability(w, reliability, _sources, _options.MaxAgreedRows);
        AuditReport.WriteMdCatalogue(w, _diagnoses);
    }

    public void WriteHtml(IReadOnlyList<ArithmeticCheck> checks, IReadOnlyDictionary<string, double> reliability, TextWriter w)
    {
        AuditReport.WriteHtmlHead(w, _options, SummaryLine(checks, reliability), _entities, _metrics);
        w.WriteLine($"<h2 id=\"conflicts\">Conflicts ({Conflicts})</h2>");
        if (Conflicts == 0) w.WriteLine("<p>None.</p>");
        _htmlConflicts.CopyTo(w);
        AuditReport.WriteHtmlChecks(w, checks);
        AuditReport.WriteHtmlFactsHead(w, "agreed", $"Agreed facts ({Agreed})", Agreed);
        _htmlAgreed.CopyTo(w);
        AuditReport.WriteHtmlFactsTail(w, Agreed, _options.MaxAgreedRows);
        AuditReport.WriteHtmlFactsHead(w, "single", $"Single-source facts ({Single})", Single);
        _htmlSingle.CopyTo(w);
        AuditReport.WriteHtmlFactsTail(w, Single, _options.MaxAgreedRows);
        AuditReport.WriteHtmlTail(w, reliability, _sources, _diagnoses, _options.MaxAgreedRows);
    }

    public void Dispose()
    {
        foreach (var spool in new[] { _mdConflicts, _mdAgreed, _mdSingle, _htmlConflicts, _htmlAgreed, _htmlSingle }) spool.Dispose();
    }
}
