namespace Pipeline.Recognition.English;

public static class EnglishExtensions
{
    /// <summary>English recognizers (culture <c>en</c>), after the Chinese ones: they read English articles and the
    /// English amounts inside Chinese text (<c>HK$116.20</c>); on equal spans the Chinese recognizers win.</summary>
    public static ExtractionPipelineBuilder UseEnglishRecognizers(this ExtractionPipelineBuilder builder)
    {
        var lexicon = EnglishLexicon.Default;
        builder.Recognizers.Add(new EnglishQuantityRecognizer(lexicon));
        builder.Recognizers.Add(new EnglishDateRecognizer(lexicon));
        return builder;
    }
}
