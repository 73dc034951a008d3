using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;

namespace Pipeline.Chinese;

/// <summary>
/// Picks the conversion profile for a document: <c>hk2s</c> for Hong Kong text (manifest language <c>zh-HK</c>/<c>zh-MO</c>,
/// a Hong Kong outlet, or Cantonese / Hong Kong variant characters in the text), <c>tw2s</c> for Taiwan
/// (<c>zh-TW</c> or a Taiwan outlet), else <c>t2s</c>. Outlets and markers are data: <c>Lexicons/opencc/outlets.tsv</c>
/// and <c>Lexicons/opencc/hk-markers.txt</c>.
/// </summary>
public static class ProfileSelector
{
    /// <summary>How many Hong Kong marker characters make a document Hong Kong text.</summary>
    public const int HongKongMarkerThreshold = 3;

    private static readonly Lazy<Dictionary<string, ChineseProfile>> Outlets = new(LoadOutlets);
    private static readonly Lazy<System.Buffers.SearchValues<char>> HkMarkers = new(() => System.Buffers.SearchValues.Create(
        LexiconResources.ReadText("Lexicons/opencc/hk-markers.txt").Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .SelectMany(l => l.Where(c => !char.IsWhiteSpace(c))).Distinct().ToArray()));

    /// <summary>Loads the lexicons now, so a malformed one fails at start-up rather than on the first document.</summary>
    internal static void EnsureLoaded()
    {
        _ = Outlets.Value;
        _ = HkMarkers.Value;
    }

    public static ChineseProfile Choose(DocumentMetadata metadata, ReadOnlySpan<char> text) => Choose(metadata, text, out _);

    public static ChineseProfile Choose(DocumentMetadata metadata, ReadOnlySpan<char> text, out string reason)
    {
        if (FromLanguage(metadata.Language) is { } byLanguage)
        {
            reason = $"language {metadata.Language}";
            return byLanguage;
        }
        if (metadata.Outlet is { Length: > 0 } outlet && Outlets.Value.TryGetValue(outlet.Trim(), out var byOutlet))
        {
            reason = $"outlet {outlet}";
            return byOutlet;
        }
        var markers = 0;
        var set = HkMarkers.Value;
        for (var at = text.IndexOfAny(set); at >= 0; at = text[(at + 1)..].IndexOfAny(set) is var next and >= 0 ? at + 1 + next : -1)
            if (++markers >= HongKongMarkerThreshold)
            {
                reason = "Hong Kong characters in the text";
                return ChineseProfile.HK2S;
            }
        reason = "default";
        return ChineseProfile.T2S;
    }

    /// <summary>The profile a BCP 47 tag implies (<c>zh-HK</c>, <c>zh-Hant-HK</c>, <c>yue</c>, <c>zh-TW</c>…), or null.</summary>
    public static ChineseProfile? FromLanguage(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var parts = tag.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        var lang = parts[0].ToLowerInvariant();
        if (lang == "yue") return ChineseProfile.HK2S;
        if (lang != "zh") return null;
        foreach (var p in parts.Skip(1))
        {
            switch (p.ToUpperInvariant())
            {
                case "HK" or "MO": return ChineseProfile.HK2S;
                case "TW": return ChineseProfile.TW2S;
            }
        }
        return null;
    }

    private static Dictionary<string, ChineseProfile> LoadOutlets()
    {
        var map = new Dictionary<string, ChineseProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in LexiconResources.ReadText("Lexicons/opencc/outlets.tsv").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length != 2 || !ChineseProfiles.TryParse(cols[1], out var profile, out _))
                throw new OpenCcUnavailableException($"Lexicons/opencc/outlets.tsv: bad line '{line}' (want outlet<TAB>hk2s|tw2s).", suggestInstall: false);
            map[cols[0].Trim()] = profile;
        }
        return map;
    }
}
