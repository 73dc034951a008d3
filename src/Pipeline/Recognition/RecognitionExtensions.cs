using Pipeline.Recognition.Dates;
using Pipeline.Recognition.Quantities;

namespace Pipeline.Recognition;

public static class RecognitionExtensions
{
    /// <summary>All recognizers, in priority order: quantities (money, percentages, points, multiples, numbers),
    /// then dates and periods. Overlaps go to the longest span, then to this order.</summary>
    public static ExtractionPipelineBuilder UseRecognizers(this ExtractionPipelineBuilder builder)
    {
        var lexicon = ChineseLexicon.Default;
        builder.Recognizers.Add(new QuantityRecognizer(lexicon));
        builder.Recognizers.Add(new DateRecognizer(lexicon));
        return builder;
    }

    /// <summary>The recognizers of the standard pipeline (<see cref="ExtractionPipelineBuilder.CreateDefault"/>: the Chinese
    /// ones, then the English ones), without the cleaning, conversion and binding stages it would also load: what
    /// <c>pipeline recognize</c> runs.</summary>
    public static RecognitionModel CreateStandardModel() =>
        new ExtractionPipelineBuilder().UseRecognizers().UseEnglishRecognizers().Build().Recognition;

    /// <summary>The standard zh-Hans model, without a pipeline (the CLI's <c>recognize</c> and the benchmark).</summary>
    public static RecognitionModel CreateChineseModel()
    {
        var lexicon = ChineseLexicon.Default;
        return new RecognitionModel([new QuantityRecognizer(lexicon), new DateRecognizer(lexicon)]);
    }
}
