using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;

namespace Pipeline.Output;

/// <summary>
/// Writes the datasets (<c>claims.csv</c>, <c>facts.csv</c>, <c>conflicts.csv</c>, <c>quarantine.csv</c>,
/// <c>mentions.jsonl</c>). Formats are invariant and rows arrive sorted, so the same data gives byte-identical files.
/// </summary>
public static class DatasetWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static void WriteClaims(TextWriter writer, IEnumerable<ClaimRow> rows) => WriteCsv(writer,
        ["claim_id", "document", "source", "entity", "metric", "segment", "basis", "period", "period_label", "value", "unit", "qualifier",
            "precision", "range_end", "as_written", "equivalent_of", "quote", "start", "end"],
        rows.Select(r => new[] { r.ClaimId, r.Document, r.Source, r.Entity, r.Metric, r.Segment, r.Basis, r.Period, r.PeriodLabel, r.Value,
            r.Unit, r.Qualifier, r.Precision, r.RangeEnd ?? "", r.AsWritten, r.EquivalentOf ?? "", r.Quote, Invariant.Int(r.Start),
            Invariant.Int(r.End) }));

    public static void WriteFacts(TextWriter writer, IEnumerable<FactRow> rows) => WriteCsv(writer,
        ["entity", "metric", "segment", "basis", "period", "period_label", "value", "unit", "qualifier", "status", "sources", "documents",
            "confidence", "checks", "note"],
        rows.Select(r => new[] { r.Entity, r.Metric, r.Segment, r.Basis, r.Period, r.PeriodLabel, r.Value, r.Unit, r.Qualifier, r.Status, r.Sources,
            r.Documents, r.Confidence, r.Checks, r.Note }));

    public static void WriteConflicts(TextWriter writer, IEnumerable<ConflictRow> rows) => WriteCsv(writer,
        ["entity", "metric", "segment", "basis", "period", "period_label", "value", "unit", "qualifier", "as_written", "claim_ids", "sources",
            "documents", "confidence", "diagnosis", "chosen", "explanation"],
        rows.Select(r => new[] { r.Entity, r.Metric, r.Segment, r.Basis, r.Period, r.PeriodLabel, r.Value, r.Unit, r.Qualifier, r.AsWritten,
            r.ClaimIds, r.Sources, r.Documents, r.Confidence, r.Diagnosis, r.Chosen ? "true" : "false", r.Explanation }));

    public static void WriteQuarantine(TextWriter writer, IEnumerable<QuarantineRow> rows) => WriteCsv(writer,
        ["document", "path", "reason"], rows.Select(r => new[] { r.Document, r.Path, r.Reason }));

    public static void WriteMentions(TextWriter writer, IEnumerable<MentionRow> rows)
    {
        foreach (var r in rows)
        {
            writer.Write(JsonSerializer.Serialize(new
            {
                document = r.Document, kind = r.Kind, text = r.Text, start = r.Start, end = r.End, value = r.Value, unit = r.Unit,
                qualifier = r.Qualifier, period_start = r.PeriodStart, period_end = r.PeriodEnd, range_end = r.RangeEnd,
            }, Json));
            writer.Write('\n');
        }
    }

    private static void WriteCsv(TextWriter writer, string[] header, IEnumerable<string[]> rows)
    {
        using var csv = new CsvWriter(writer, Csv, leaveOpen: true);
        foreach (var h in header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.NextRecord();
        }
        csv.Flush();
    }
}
