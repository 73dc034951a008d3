using System.Collections.Generic;
using System.Linq;
using Pipeline.Text;

namespace Pipeline.Documents;

/// <summary>A span of the original that a stage removed, and why (spam line, footer, placeholder…).</summary>
public sealed record Removal(TextSpan Span, string Reason);

/// <summary>An article within a page: seed pages may carry several stories, and no entity or date is carried across.</summary>
/// <param name="Span">Offsets in the final cleaned text.</param>
public sealed record Segment(string? Title, TextSpan Span);

/// <summary>
/// What the stages learn about one document as it passes through them. Stages report in their own input
/// coordinates; the context maps every span back to the decoded original with the map composed so far.
/// </summary>
public sealed class DocumentContext
{
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<Removal> _removals = new();

    public DocumentContext(SourceDocument document)
    {
        Document = document;
        Metadata = document.Metadata;
        CurrentMap = OffsetMap.Identity(document.Original.Length);
    }

    public SourceDocument Document { get; }

    /// <summary>Metadata as improved by stages (an HTML title, a publication time found in the page).</summary>
    public DocumentMetadata Metadata { get; set; }

    /// <summary>Map from the current stage's input back to the original. Maintained by the pipeline.</summary>
    public OffsetMap CurrentMap { get; internal set; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    public IReadOnlyList<Removal> Removals => _removals;

    /// <summary>Reports a diagnostic whose span (if any) is in the current stage's input text.</summary>
    public void Report(Diagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic.Span is { } s ? diagnostic with { Span = CurrentMap.ToSource(s) } : diagnostic);
    }

    /// <summary>Reports a diagnostic whose span is already in original-document coordinates.</summary>
    public void ReportAtSource(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Records that the stage dropped <paramref name="span"/> (in its input text) for <paramref name="reason"/>.</summary>
    public void Removed(TextSpan span, string reason)
    {
        if (span.IsEmpty) return;
        _removals.Add(new Removal(CurrentMap.ToSource(span), reason));
    }

    /// <summary>A context resumed where an earlier read of the same document left it (its diagnostics, removals,
    /// metadata and map), for binding that read again (<see cref="ExtractionPipeline.Rebind"/>).</summary>
    internal static DocumentContext Resume(ReadDocument read)
    {
        var context = new DocumentContext(read.Document) { Metadata = read.Metadata, CurrentMap = read.Text.Map };
        context._diagnostics.AddRange(read.Diagnostics);
        context._removals.AddRange(read.Removals);
        return context;
    }

    public bool HasErrors => _diagnostics.Any(d => d.Severity == Severity.Error);
}
