using System;

namespace Pipeline.Chinese;

/// <summary>The script of a stretch of Chinese text.</summary>
public enum ChineseScript
{
    /// <summary>No Han characters at all.</summary>
    None,
    Simplified,
    Traditional,
    /// <summary>Traditional characters beside Simplified-only ones ("pseudo-Traditional": 於 and 于, 後 and 后).</summary>
    Mixed,
}

/// <summary>Counts of Han characters in a text: all of them, those the converter changes (Traditional), and those that
/// are only ever the <em>result</em> of a conversion (Simplified forms such as 于/后/里/么).</summary>
public readonly record struct ScriptCounts(int Han, int Traditional, int SimplifiedOnly)
{
    public ChineseScript Script =>
        Han == 0 ? ChineseScript.None
        : Traditional == 0 ? ChineseScript.Simplified
        : SimplifiedOnly == 0 ? ChineseScript.Traditional
        : ChineseScript.Mixed;

    public static ScriptCounts operator +(ScriptCounts a, ScriptCounts b) =>
        new(a.Han + b.Han, a.Traditional + b.Traditional, a.SimplifiedOnly + b.SimplifiedOnly);
}

/// <summary>
/// Tells Simplified, Traditional and mixed text apart with the converter's own character table: a character is
/// Traditional when <c>t2s</c> changes it, Simplified-only when it is what <c>t2s</c> turns something into and is
/// never changed itself. No separate lexicon to drift from OpenCC's data.
/// </summary>
public sealed class ScriptDetector
{
    private readonly ulong[] _traditional = new ulong[1024];
    private readonly ulong[] _simplified = new ulong[1024];

    public ScriptDetector(ChineseConverter t2s)
    {
        foreach (var (from, to) in t2s.CharMappings)
        {
            Set(_traditional, from);
        }
        foreach (var (from, to) in t2s.CharMappings)
            if (to.Length == 1 && !Has(_traditional, to[0])) Set(_simplified, to[0]);
    }

    /// <summary>The detector over the shared <c>t2s</c> converter.</summary>
    public static ScriptDetector Default => LazyDefault.Value;

    private static readonly Lazy<ScriptDetector> LazyDefault = new(() => new ScriptDetector(ChineseConverter.Open(ChineseProfile.T2S, overrides: false)));

    public ScriptCounts Count(ReadOnlySpan<char> text)
    {
        int han = 0, trad = 0, simp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < FirstHan)
            {
                // Markup, Latin text and CJK punctuation hold no Han character: skipped a vector at a time (most of an
                // HTML page's characters are ASCII).
                var next = text[i..].IndexOfAnyExceptInRange('\0', (char)(FirstHan - 1));
                if (next < 0) break;
                i += next;
                c = text[i];
            }
            if (char.IsHighSurrogate(c))
            {
                if (c is >= '\uD840' and <= '\uD8BF') han++; // planes 2-3: CJK extensions
                continue;
            }
            if (!Pipeline.Text.Han.IsHan(c)) continue;
            han++;
            if (Has(_traditional, c)) trad++;
            else if (Has(_simplified, c)) simp++;
        }
        return new ScriptCounts(han, trad, simp);
    }

    public ChineseScript Detect(ReadOnlySpan<char> text) => Count(text).Script;

    /// <summary>Below U+3400 (CJK Extension A) no character is Han (<see cref="Pipeline.Text.Han.IsHan"/>) nor a surrogate.</summary>
    private const char FirstHan = '\u3400';

    /// <summary>CJK Unified Ideographs (and extension A) and compatibility ideographs.</summary>

    private static void Set(ulong[] bits, char c) => bits[c >> 6] |= 1UL << (c & 63);
    private static bool Has(ulong[] bits, char c) => (bits[c >> 6] & (1UL << (c & 63))) != 0;
}
