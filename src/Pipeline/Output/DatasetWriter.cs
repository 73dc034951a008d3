using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pipeline.Output;

/// <summary>
/// The datasets' schemas, one place: <c>claims</c>, <c>facts</c>, <c>conflicts</c>, <c>quarantine</c>, <c>mentions</c>,
/// each a list of typed columns that every <see cref="ITableWriter"/> writes (CSV, JSON lines, Parquet). Formats are
/// invariant and rows arrive sorted, so the same data gives byte-identical files.
/// </summary>
public static class DatasetWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    private static Column<T> Text<T>(string name, Func<T, string?> get) => new(name, ColumnType.Text, get);
    private static Column<T> Dec<T>(string name, Func<T, string?> get) => new(name, ColumnType.Decimal, get);
    private static Column<T> Int<T>(string name, Func<T, int> get) => new(name, ColumnType.Integer, r => Invariant.Int(get(r)));

    public static readonly Table<ClaimRow> Claims = new("claims",
    [
        Text<ClaimRow>("claim_id", r => r.ClaimId), Text<ClaimRow>("document", r => r.Document), Text<ClaimRow>("source", r => r.Source),
        Text<ClaimRow>("entity", r => r.Entity), Text<ClaimRow>("metric", r => r.Metric), Text<ClaimRow>("segment", r => r.Segment),
        Text<ClaimRow>("basis", r => r.Basis), Text<ClaimRow>("period", r => r.Period), Text<ClaimRow>("period_label", r => r.PeriodLabel),
        Dec<ClaimRow>("value", r => r.Value), Text<ClaimRow>("unit", r => r.Unit), Text<ClaimRow>("qualifier", r => r.Qualifier),
        Dec<ClaimRow>("precision", r => r.Precision), Dec<ClaimRow>("range_end", r => r.RangeEnd ?? ""),
        Text<ClaimRow>("as_written", r => r.AsWritten), Text<ClaimRow>("equivalent_of", r => r.EquivalentOf ?? ""),
        Dec<ClaimRow>("equivalent_value", r => r.EquivalentValue ?? ""), Text<ClaimRow>("equivalent_unit", r => r.EquivalentUnit ?? ""),
        Text<ClaimRow>("quote", r => r.Quote), Int<ClaimRow>("start", r => r.Start), Int<ClaimRow>("end", r => r.End),
    ]);

    public static readonly Table<FactRow> Facts = new("facts",
    [
        Text<FactRow>("entity", r => r.Entity), Text<FactRow>("metric", r => r.Metric), Text<FactRow>("segment", r => r.Segment),
        Text<FactRow>("basis", r => r.Basis), Text<FactRow>("period", r => r.Period), Text<FactRow>("period_label", r => r.PeriodLabel),
        Dec<FactRow>("value", r => r.Value), Text<FactRow>("unit", r => r.Unit), Text<FactRow>("qualifier", r => r.Qualifier),
        Text<FactRow>("status", r => r.Status), Text<FactRow>("sources", r => r.Sources), Text<FactRow>("documents", r => r.Documents),
        new("confidence", ColumnType.Real, r => r.Confidence), Text<FactRow>("checks", r => r.Checks), Text<FactRow>("note", r => r.Note),
    ]);

    public static readonly Table<ConflictRow> Conflicts = new("conflicts",
    [
        Text<ConflictRow>("entity", r => r.Entity), Text<ConflictRow>("metric", r => r.Metric), Text<ConflictRow>("segment", r => r.Segment),
        Text<ConflictRow>("basis", r => r.Basis), Text<ConflictRow>("period", r => r.Period), Text<ConflictRow>("period_label", r => r.PeriodLabel),
        Dec<ConflictRow>("value", r => r.Value), Text<ConflictRow>("unit", r => r.Unit), Text<ConflictRow>("qualifier", r => r.Qualifier),
        Text<ConflictRow>("as_written", r => r.AsWritten), Text<ConflictRow>("claim_ids", r => r.ClaimIds),
        Text<ConflictRow>("sources", r => r.Sources), Text<ConflictRow>("documents", r => r.Documents),
        new("confidence", ColumnType.Real, r => r.Confidence), Text<ConflictRow>("diagnosis", r => r.Diagnosis),
        new("chosen", ColumnType.Boolean, r => r.Chosen ? "true" : "false"), Text<ConflictRow>("explanation", r => r.Explanation),
    ]);

    public static readonly Table<QuarantineRow> Quarantine = new("quarantine",
        [Text<QuarantineRow>("document", r => r.Document), Text<QuarantineRow>("path", r => r.Path), Text<QuarantineRow>("reason", r => r.Reason)]);

    public static readonly Table<MentionRow> Mentions = new("mentions",
    [
        Text<MentionRow>("document", r => r.Document), Text<MentionRow>("kind", r => r.Kind), Text<MentionRow>("text", r => r.Text),
        Int<MentionRow>("start", r => r.Start), Int<MentionRow>("end", r => r.End), Dec<MentionRow>("value", r => r.Value),
        Text<MentionRow>("unit", r => r.Unit), Text<MentionRow>("qualifier", r => r.Qualifier),
        Text<MentionRow>("period_start", r => r.PeriodStart), Text<MentionRow>("period_end", r => r.PeriodEnd),
        Dec<MentionRow>("range_end", r => r.RangeEnd),
    ]);

    // The single-format helpers (CSV for tables, JSON lines for mentions), for callers that want one file.
    public static void WriteClaims(Stream s, IEnumerable<ClaimRow> rows) => OutputFormats.Csv.Write(s, Claims, rows, new());
    public static void WriteFacts(Stream s, IEnumerable<FactRow> rows) => OutputFormats.Csv.Write(s, Facts, rows, new());
    public static void WriteConflicts(Stream s, IEnumerable<ConflictRow> rows) => OutputFormats.Csv.Write(s, Conflicts, rows, new());
    public static void WriteQuarantine(Stream s, IEnumerable<QuarantineRow> rows) => OutputFormats.Csv.Write(s, Quarantine, rows, new());
    public static void WriteMentions(Stream s, IEnumerable<MentionRow> rows) => OutputFormats.Jsonl.Write(s, Mentions, rows, new());
}
