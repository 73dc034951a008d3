using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Documents;

namespace Pipeline.Cleaning;

/// <summary>
/// What <c>pipeline clean FILE --json</c> prints for one document: metadata, article segments, the cleaned text,
/// every removal and every diagnostic. All offsets are UTF-16 offsets into the decoded original
/// (<see cref="SourceDocument.Original"/>), end exclusive.
/// </summary>
public sealed record CleaningReport(
    string Id,
    string? Title,
    string? Published,
    bool PublishedInferred,
    string? Author,
    string? Outlet,
    IReadOnlyList<CleaningReport.SegmentEntry> Segments,
    string Text,
    IReadOnlyList<CleaningReport.RemovedEntry> Removed,
    IReadOnlyList<CleaningReport.DiagnosticEntry> Diagnostics,
    string Status,
    string? QuarantineReason)
{
    /// <summary>The tables found in the cleaned text: <c>start, end</c> into the decoded original, rows and columns.</summary>
    public IReadOnlyList<TableEntry> Tables { get; init; } = [];

    public sealed record TableEntry(int Start, int End, int Rows, int Columns, string Kind, int Claims, IReadOnlyList<Tables.TableTotalCheck> Checks);

    public sealed record SegmentEntry(string? Title, int Start, int End);
    public sealed record RemovedEntry(int Start, int End, string Reason);
    public sealed record DiagnosticEntry(string Severity, string Code, string Message, int? Start, int? End);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep Chinese readable; output is not embedded in HTML
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static CleaningReport Create(DocumentResult result)
    {
        var clean = result.Clean;
        var segments = result.Segments
            .Select(s => clean.ToSource(s.Span) is var src ? new SegmentEntry(s.Title, src.Start, src.End) : null!)
            .ToList();
        var m = result.Metadata;
        return new CleaningReport(
            result.Document.Id,
            m.Title,
            m.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            m.PublishedInferred,
            m.Author,
            m.Outlet,
            segments,
            clean.Text,
            result.Removals.OrderBy(r => r.Span.Start).Select(r => new RemovedEntry(r.Span.Start, r.Span.End, r.Reason)).ToList(),
            result.Diagnostics.Select(d => new DiagnosticEntry(d.Severity.ToString().ToLowerInvariant(), d.Code, d.Message, d.Span?.Start, d.Span?.End)).ToList(),
            result.Status == DocumentStatus.Processed ? "processed" : "quarantined",
            result.QuarantineReason)
        {
            Tables = result.Tables.Select(t => new TableEntry(t.Start, t.End, t.Rows, t.Columns, t.Kind, t.Claims, t.Checks)).ToList(),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The cleaned text, as <c>pipeline clean FILE</c> prints it without <c>--json</c>.</summary>
    public static string PlainText(DocumentResult result) => result.Clean.Text;
}
