using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Pipeline.Documents;

/// <summary>One row of <c>manifest.csv</c>: <c>file, outlet, url, published, language</c>.</summary>
public sealed record ManifestEntry(string File, DocumentMetadata Metadata, string? Problem);

/// <summary>Reads a manifest. Rows with an impossible date keep their other fields and carry a problem note. A manifest
/// is held for the whole batch, so rows that say the same (outlet, date, language, no URL) share one metadata record and
/// repeated outlet and language names one string.</summary>
public static class ManifestReader
{
    public static IReadOnlyDictionary<string, ManifestEntry> Read(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        var result = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (!csv.Read() || !csv.ReadHeader()) return result;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = new Dictionary<DocumentMetadata, DocumentMetadata>();
        string? Name(string? s) => NullIfEmpty(s) is { } n ? names.TryAdd(n, n) ? n : names[n] : null;
        while (csv.Read())
        {
            var file = Field(csv, "file");
            if (string.IsNullOrWhiteSpace(file)) continue;
            var publishedText = Field(csv, "published");
            string? problem = null;
            LocalDate? published = null;
            if (!string.IsNullOrWhiteSpace(publishedText))
            {
                published = ParseDate(publishedText);
                if (published is null) problem = $"manifest published date '{publishedText}' is not a valid date";
            }
            var metadata = new DocumentMetadata
            {
                Outlet = Name(Field(csv, "outlet")),
                Url = NullIfEmpty(Field(csv, "url")),
                Published = published,
                Language = Name(Field(csv, "language")),
            };
            if (!shared.TryAdd(metadata, metadata)) metadata = shared[metadata];
            var name = file.Trim();
            result[name] = new ManifestEntry(name, metadata, problem);
        }
        return result;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c> (also a leading date of an ISO date-time). Null for impossible dates.</summary>
    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length > 10 && (t[10] == 'T' || t[10] == ' ')) t = t[..10];
        var r = LocalDatePattern.Iso.Parse(t);
        return r.Success ? r.Value : null;
    }

    private static string? Field(CsvReader csv, string name) => csv.TryGetField<string>(name, out var v) ? v : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
