using System.Threading.Tasks;
using Pipeline.Recognition.Dates;
using Pipeline.Recognition.English;
using Pipeline.Recognition.Quantities;

namespace Pipeline.Recognition;

/// <summary>One <c>Use…</c> per Chinese recognizer and <see cref="UseRecognizers"/>, their composite. The Chinese
/// recognizers go before the English ones when those are already there (on equal spans the earlier wins).</summary>
public static class RecognitionExtensions
{
    /// <summary>The Chinese recognizers, in priority order: quantities (money, percentages, points, multiples, numbers),
    /// then dates and periods. Overlaps go to the longest span, then to this order.</summary>
    public static ExtractionPipelineBuilder UseRecognizers(this ExtractionPipelineBuilder builder, ChineseLexicon? lexicon = null) =>
        builder.UseQuantityRecognizer(lexicon).UseDateRecognizer(lexicon);

    /// <summary>Money, percentages, percentage points, multiples and numbers (<see cref="QuantityRecognizer"/>).</summary>
    public static ExtractionPipelineBuilder UseQuantityRecognizer(this ExtractionPipelineBuilder builder, ChineseLexicon? lexicon = null) =>
        builder.AddChinese(new QuantityRecognizer(lexicon ?? ChineseLexicon.Default));

    /// <summary>Dates and reporting periods by named patterns (<see cref="DateRecognizer"/>, <see cref="DatePatterns"/>).</summary>
    public static ExtractionPipelineBuilder UseDateRecognizer(this ExtractionPipelineBuilder builder, ChineseLexicon? lexicon = null) =>
        builder.AddChinese(new DateRecognizer(lexicon ?? ChineseLexicon.Default));

    private static ExtractionPipelineBuilder AddChinese(this ExtractionPipelineBuilder builder, IRecognizer recognizer)
    {
        var list = builder.Recognizers;
        foreach (var r in list)
            if (r.GetType() == recognizer.GetType()) return builder;
        if (!list.InsertBefore<EnglishQuantityRecognizer>(recognizer) && !list.InsertBefore<EnglishDateRecognizer>(recognizer))
            list.Add(recognizer);
        return builder;
    }

    /// <summary>The recognizers of the standard pipeline (<see cref="ExtractionPipelineBuilder.CreateDefault"/>: the Chinese
    /// ones, then the English ones), without the cleaning, conversion and binding stages it would also load: what
    /// <c>pipeline recognize</c> runs.</summary>
    public static RecognitionModel CreateStandardModel()
    {
        // The Chinese lexicon loads on another thread while this one builds the English recognizers (their lexicon
        // and regexes): most of a short `pipeline recognize`'s start-up, halved on two cores. The Chinese recognizers
        // still go first (UseRecognizers places them before the English ones).
        var chinese = Task.Run(() => ChineseLexicon.Default);
        var builder = new ExtractionPipelineBuilder().UseEnglishRecognizers();
        return builder.UseRecognizers(chinese.GetAwaiter().GetResult()).Build().Recognition;
    }

    /// <summary>The standard zh-Hans model, without a pipeline (the CLI's <c>recognize</c> and the benchmark).</summary>
    public static RecognitionModel CreateChineseModel() =>
        new ExtractionPipelineBuilder().UseRecognizers().Build().Recognition;
}
