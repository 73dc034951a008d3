using System;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Chinese;

/// <summary>
/// The Traditional → Simplified text stage. Chooses the profile per document (<see cref="ProfileSelector"/>),
/// converts only the paragraphs that hold a character the profile changes, and returns the offset map that follows
/// every replacement, so later mentions point at the original Traditional characters. Converters are opened when
/// the stage is built (a missing OpenCC throws <see cref="OpenCcUnavailableException"/> there, at start-up).
/// </summary>
public sealed class ChineseConversionStage : ITextStage
{
    private readonly ChineseConverter _t2s;
    private readonly ChineseConverter _hk2s;
    private readonly ChineseConverter _tw2s;
    private readonly ScriptDetector _detector;

    public ChineseConversionStage()
        : this(ChineseConverter.Open(ChineseProfile.T2S), ChineseConverter.Open(ChineseProfile.HK2S), ChineseConverter.Open(ChineseProfile.TW2S))
    {
    }

    public ChineseConversionStage(ChineseConverter t2s, ChineseConverter hk2s, ChineseConverter tw2s)
    {
        _t2s = t2s;
        _hk2s = hk2s;
        _tw2s = tw2s;
        _detector = new ScriptDetector(t2s);
        ProfileSelector.EnsureLoaded();
    }

    public string Name => "chinese-conversion";

    /// <summary>The detector over this stage's <c>t2s</c> converter (shared with <see cref="RegionEnricher"/>).</summary>
    public ScriptDetector Detector => _detector;

    public ChineseConverter ConverterFor(ChineseProfile profile) => profile switch
    {
        ChineseProfile.HK2S => _hk2s,
        ChineseProfile.TW2S => _tw2s,
        _ => _t2s,
    };

    public StageText Apply(string input, DocumentContext context)
    {
        if (input.Length == 0) return StageText.Original(input);
        try
        {
            var profile = ProfileSelector.Choose(context.Metadata, input, out var reason);
            var result = ConverterFor(profile).Convert(input, out var stats);
            if (stats.ConvertedParagraphs > 0)
            {
                var counts = _detector.Count(input);
                context.Report(Diagnostic.Info("chinese.converted",
                    $"{counts.Script} text ({counts.Traditional} Traditional, {counts.SimplifiedOnly} Simplified-only of {counts.Han} Han characters): " +
                    $"{stats.ConvertedParagraphs} of {stats.Paragraphs} paragraphs converted with {profile.ConfigName()} ({reason})"));
            }
            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OpenCcUnavailableException)
        {
            context.Report(Diagnostic.Warning("chinese.conversion-failed", $"Traditional→Simplified conversion failed, text kept as is: {e.Message}"));
            return StageText.Original(input);
        }
    }
}
