using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Pipeline.Documents;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// Reads any claims file into observations: required columns <c>source, entity, metric, period, value, unit</c>;
/// optional <c>segment, basis, qualifier, document, quote, precision, range_end, equivalent_value, equivalent_unit, claim_id,
/// period_label, as_written, url, extraction_confidence</c>. Values that do not parse as numbers are kept as text. Header names are case-insensitive.
/// Bad rows never throw: they are skipped and reported as diagnostics.
/// </summary>
public static class ObservationCsvReader
{
    public static readonly string[] RequiredColumns = ["source", "entity", "metric", "period", "value", "unit"];

    public static IReadOnlyList<Observation> Read(TextReader reader) => Read(reader, out _);

    public static IReadOnlyList<Observation> Read(TextReader reader, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var diags = new List<Diagnostic>();
        diagnostics = diags;
        var list = new List<Observation>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            diags.Add(Problem("empty", "the claims file has no header"));
            return list;
        }
        var header = csv.HeaderRecord ?? [];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) index.TryAdd(header[i].Trim().Replace(' ', '_'), i);
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            diags.Add(Problem("missing-columns", $"missing required column(s): {string.Join(", ", missing)}"));
            return list;
        }
        string Get(string name) => index.TryGetValue(name, out var i) && csv.TryGetField<string>(i, out var v) && v is not null ? v : "";

        var row = 1;
        while (csv.Read())
        {
            row++;
            var source = Get("source");
            var entity = Get("entity");
            var metric = Get("metric");
            var period = Get("period");
            var rawValue = Get("value");
            if (source.Length == 0 || metric.Length == 0 || rawValue.Length == 0)
            {
                if (source.Length + metric.Length + rawValue.Length > 0) diags.Add(Problem("incomplete-row", $"row {row}: source, metric and value are required"));
                continue;
            }
            Qualifier qualifier;
            try { qualifier = QualifierExtensions.FromSymbol(Get("qualifier")); }
            catch (FormatException e) { diags.Add(Problem("bad-qualifier", $"row {row}: {e.Message}")); qualifier = Qualifier.Exact; }
            var value = ParseDecimal(rawValue);
            var periodLabel = Get("period_label");
            if (periodLabel.Length == 0 && ReportingPeriod.TryParseIso(period, out var p)) periodLabel = p.Label;
            var document = Get("document");
            list.Add(new Observation
            {
                Key = new FactKey(entity, metric, period, Get("segment"), Get("basis")),
                Source = source,
                Document = document.Length > 0 ? document : source,
                Value = value,
                Text = rawValue,
                Unit = Unit.Parse(Get("unit")),
                Qualifier = qualifier,
                Precision = ParseDecimal(Get("precision")) is { } pr && pr > 0 ? pr : 0,
                RangeEnd = ParseDecimal(Get("range_end")),
                EquivalentValue = ParseDecimal(Get("equivalent_value")),
                EquivalentUnit = Get("equivalent_unit") is { Length: > 0 } eu ? Unit.Parse(eu) : null,
                ClaimId = Get("claim_id") is { Length: > 0 } id ? id : $"row{row}",
                Quote = Get("quote"),
                PeriodLabel = periodLabel,
                AsWritten = Get("as_written"),
                Url = Get("url"),
                ExtractionConfidence = ParseDecimal(Get("extraction_confidence")) is { } ec && ec is > 0 and <= 1 ? (double)ec : 1,
            });
        }
        return list;
    }

    /// <summary>Invariant decimal; thousands separators and a leading plus are allowed, the written scale is kept.</summary>
    internal static decimal? ParseDecimal(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Contains(',') && t.Split('.')[0].Split(',').Skip(1).All(g => g.Length == 3)) t = t.Replace(",", "");
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static Diagnostic Problem(string code, string message) => Diagnostic.Warning("reconcile.csv." + code, message);
}
