using System;
using System.Text;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Chinese;

/// <summary>
/// Where a Traditional Chinese article was written: <c>HK</c>, <c>TW</c>, or <c>Hant</c> (region unknown), from the
/// same evidence the conversion chose its profile by (the language tag, the outlet, Hong Kong characters), read from
/// the article's characters as written: the cleaned text mapped back to the original, so spam and page furniture do
/// not count and the conversion does not hide the script. A Simplified or non-Chinese article keeps no region. The
/// binder reads a bare 元 as HKD in a Hong Kong article.
/// </summary>
public sealed class RegionEnricher(ScriptDetector detector) : IMetadataEnricher
{
    public string Name => "region";

    public DocumentMetadata Enrich(EnrichmentInput input)
    {
        var m = input.Metadata;
        if (m.Region is not null) return m;
        var original = input.Document.Original;
        if (detector.Count(original).Traditional == 0) return m;   // nothing Traditional anywhere: no need to map
        var written = AsWritten(input.Text, original);
        if (detector.Count(written).Script != ChineseScript.Traditional) return m;
        var profile = ProfileSelector.Choose(m, written);
        return m with { Region = profile switch { ChineseProfile.HK2S => "HK", ChineseProfile.TW2S => "TW", _ => "Hant" } };
    }

    /// <summary>The original characters the cleaned text came from, in order (a replaced block once).</summary>
    internal static string AsWritten(StageText text, string original)
    {
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        for (var i = 0; i < starts.Length; i++) { starts[i] = i; ends[i] = i + 1; }
        text.Map.ToSourceStarts(starts);
        text.Map.ToSourceEnds(ends);
        var sb = new StringBuilder(text.Length);
        var covered = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var start = Math.Max(starts[i], covered);
            var end = ends[i];
            if (end <= start) continue;
            sb.Append(original, start, end - start);
            covered = end;
        }
        return sb.ToString();
    }
}
