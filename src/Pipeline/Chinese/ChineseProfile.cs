using System;

namespace Pipeline.Chinese;

/// <summary>The OpenCC conversions the pipeline uses. All three end in Mainland Simplified characters without
/// rewriting vocabulary: <c>tw2sp</c> (核心→内核) is deliberately absent.</summary>
public enum ChineseProfile
{
    /// <summary>Traditional (OpenCC standard) → Simplified. The default.</summary>
    T2S,
    /// <summary>Hong Kong Traditional variants → Simplified.</summary>
    HK2S,
    /// <summary>Taiwan Traditional variants → Simplified (characters only).</summary>
    TW2S,
}

public static class ChineseProfiles
{
    /// <summary>OpenCC's configuration name: <c>t2s</c>, <c>hk2s</c>, <c>tw2s</c>.</summary>
    public static string ConfigName(this ChineseProfile profile) => profile switch
    {
        ChineseProfile.T2S => "t2s",
        ChineseProfile.HK2S => "hk2s",
        ChineseProfile.TW2S => "tw2s",
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>Parses <c>t2s</c>/<c>hk2s</c>/<c>tw2s</c> (case-insensitive, optional <c>.json</c>). <c>tw2sp</c>
    /// and other names are refused with a message saying why.</summary>
    public static bool TryParse(string? name, out ChineseProfile profile, out string? error)
    {
        profile = ChineseProfile.T2S;
        error = null;
        var n = (name ?? "").Trim().ToLowerInvariant();
        if (n.EndsWith(".json", StringComparison.Ordinal)) n = n[..^5];
        switch (n)
        {
            case "t2s": profile = ChineseProfile.T2S; return true;
            case "hk2s": profile = ChineseProfile.HK2S; return true;
            case "tw2s": profile = ChineseProfile.TW2S; return true;
            case "tw2sp":
                error = "tw2sp rewrites vocabulary (核心→内核, 中文字幕→中文本幕) and is never used for news; use tw2s";
                return false;
            default:
                error = $"unknown profile '{name}': use t2s, hk2s or tw2s";
                return false;
        }
    }

    public static ChineseProfile Parse(string name) =>
        TryParse(name, out var p, out var error) ? p : throw new ArgumentException(error, nameof(name));
}
