namespace Pipeline.Recognition.English;

/// <summary>One <c>Use…</c> per English recognizer and <see cref="UseEnglishRecognizers"/>, their composite.</summary>
public static class EnglishExtensions
{
    /// <summary>English recognizers (culture <c>en</c>), after the Chinese ones: they read English articles and the
    /// English amounts inside Chinese text (<c>HK$116.20</c>); on equal spans the Chinese recognizers win.</summary>
    public static ExtractionPipelineBuilder UseEnglishRecognizers(this ExtractionPipelineBuilder builder, EnglishLexicon? lexicon = null) =>
        builder.UseEnglishQuantityRecognizer(lexicon).UseEnglishDateRecognizer(lexicon);

    /// <summary>English money, percentages, multiples and numbers (<see cref="EnglishQuantityRecognizer"/>).</summary>
    public static ExtractionPipelineBuilder UseEnglishQuantityRecognizer(this ExtractionPipelineBuilder builder, EnglishLexicon? lexicon = null)
    {
        builder.Recognizers.AddIfNotThere(new EnglishQuantityRecognizer(lexicon ?? EnglishLexicon.Default));
        return builder;
    }

    /// <summary>English dates and reporting periods (<see cref="EnglishDateRecognizer"/>).</summary>
    public static ExtractionPipelineBuilder UseEnglishDateRecognizer(this ExtractionPipelineBuilder builder, EnglishLexicon? lexicon = null)
    {
        builder.Recognizers.AddIfNotThere(new EnglishDateRecognizer(lexicon ?? EnglishLexicon.Default));
        return builder;
    }
}
