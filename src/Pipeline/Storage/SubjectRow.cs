using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Storage;

/// <summary>A <see cref="DocumentSubject"/> as the <c>documents.subject</c> column keeps it: a small JSON object with
/// ISO periods (<c>{"entity":"…","period":"2025-07-01/2025-09-30","needs_period":true,"listing_day":"2025-11-05"}</c>).</summary>
internal sealed record SubjectRow(
    [property: JsonPropertyName("entity")] string Entity,
    [property: JsonPropertyName("period")] string? Period,
    [property: JsonPropertyName("needs_period")] bool NeedsPeriod,
    [property: JsonPropertyName("listing_day")] string? ListingDay,
    [property: JsonPropertyName("deal_year")] string? DealYear)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string? Format(DocumentSubject? subject) => subject is null ? null
        : JsonSerializer.Serialize(new SubjectRow(subject.Entity, subject.Period?.ToIsoString(), subject.NeedsPeriod,
            subject.ListingDay?.ToIsoString(), subject.DealYear?.ToIsoString()), Options);

    /// <summary>The subject, or null for no text or text that is not a subject row (a store written by hand).</summary>
    public static DocumentSubject? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        SubjectRow? row;
        try
        {
            row = JsonSerializer.Deserialize<SubjectRow>(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        if (row is null || string.IsNullOrEmpty(row.Entity)) return null;
        return new DocumentSubject(row.Entity, Iso(row.Period), row.NeedsPeriod) { ListingDay = Iso(row.ListingDay), DealYear = Iso(row.DealYear) };
    }

    private static ReportingPeriod? Iso(string? iso) => ReportingPeriod.TryParseIso(iso, out var p) ? p : null;
}
