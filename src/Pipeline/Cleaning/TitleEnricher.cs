using System;
using Pipeline.Documents;

namespace Pipeline.Cleaning;

/// <summary>The title when neither the manifest nor the page gave one: the first <c># heading</c> of the cleaned text,
/// or a short first line without sentence punctuation.</summary>
public sealed class TitleEnricher : IMetadataEnricher
{
    public string Name => "title";

    public DocumentMetadata Enrich(EnrichmentInput input) =>
        input.Metadata.Title is null && FindTitle(input.Text.Text) is { } title ? input.Metadata with { Title = title } : input.Metadata;

    internal static string? FindTitle(string text)
    {
        var seen = 0;
        foreach (var line in TextLine.Split(text))
        {
            var (s, e) = line.Trimmed(text);
            if (e == s) continue;
            var t = text[s..e];
            if (t.StartsWith("# ", StringComparison.Ordinal)) return t[2..].Trim();
            if (++seen > 3) break;
            if (seen == 1 && t.Length is >= 4 and <= 60 && t.IndexOfAny(['。', '，', ',', '！', '；']) < 0 && !char.IsAsciiDigit(t[0]))
                return t;
        }
        return null;
    }
}
