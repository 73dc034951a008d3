using System.Linq;
using Pipeline.Chinese;
using Pipeline.Cleaning.Html;

namespace Pipeline.Cleaning;

/// <summary>
/// One <c>Use…</c> per cleaning stage, and <see cref="UseCleaning"/>, their composite. Order is the order of the
/// builder's lists: HTML extraction goes first; the repairs go before the Traditional → Simplified conversion when it
/// is already there (pinyin annotations split phrases the conversion would read); the filters and the normalisation
/// are appended, so they run after the conversion (their lexicons are Simplified). Calling a <c>Use…</c> twice keeps
/// one stage.
/// </summary>
public static class CleaningExtensions
{
    /// <summary>Decoding, HTML main-content extraction, repairs (placeholders, pinyin annotations, mojibake, hard-wrapped
    /// lines), spam and boilerplate filters, width and spacing, then the title and dateline enrichers and the heading
    /// segmenter.</summary>
    public static ExtractionPipelineBuilder UseCleaning(this ExtractionPipelineBuilder builder) =>
        builder.UseTextDecoder()
            .UseHtmlExtraction()
            .UsePlaceholderRepair()
            .UsePinyinAnnotationRemoval()
            .UseMojibakeRepair()
            .UseLineJoining()
            .UseSpamFilter()
            .UseBoilerplateFilter()
            .UseLostDecimalPointRepair()
            .UseWidthSpacing()
            .UseTitleEnricher()
            .UseDatelineEnricher()
            .UseHeadingSegmenter();

    /// <summary>Bytes to text: encoding detection (UTF-8, GBK, Big5…), damage reported (<see cref="TextDecoder"/>).</summary>
    public static ExtractionPipelineBuilder UseTextDecoder(this ExtractionPipelineBuilder builder)
    {
        builder.Decoder = new TextDecoder();
        return builder;
    }

    /// <summary>HTML pages to article text, first of all stages (<see cref="HtmlTextStage"/>; plain text skips it).</summary>
    public static ExtractionPipelineBuilder UseHtmlExtraction(this ExtractionPipelineBuilder builder, HtmlLexicon? lexicon = null)
    {
        if (!builder.TextStages.Contains<HtmlTextStage>()) builder.TextStages.Insert(0, new HtmlTextStage(lexicon ?? HtmlLexicon.Default));
        return builder;
    }

    /// <summary>Placeholders (<c>[图片]</c>, template leftovers) removed (<see cref="PlaceholderStage"/>).</summary>
    public static ExtractionPipelineBuilder UsePlaceholderRepair(this ExtractionPipelineBuilder builder) =>
        builder.AddRepair(new PlaceholderStage());

    /// <summary>Pinyin annotations after Han words removed (<see cref="PinyinAnnotationStage"/>).</summary>
    public static ExtractionPipelineBuilder UsePinyinAnnotationRemoval(this ExtractionPipelineBuilder builder) =>
        builder.AddRepair(new PinyinAnnotationStage());

    /// <summary>'?' damage and mojibake flagged and repaired where certain (<see cref="MojibakeStage"/>).</summary>
    public static ExtractionPipelineBuilder UseMojibakeRepair(this ExtractionPipelineBuilder builder) =>
        builder.AddRepair(new MojibakeStage());

    /// <summary>Hard-wrapped lines joined (<see cref="LineJoinStage"/>).</summary>
    public static ExtractionPipelineBuilder UseLineJoining(this ExtractionPipelineBuilder builder) =>
        builder.AddRepair(new LineJoinStage());

    /// <summary>Gambling/porn spam and inline ads removed (<see cref="SpamFilterStage"/>, <c>spam*.txt</c>).</summary>
    public static ExtractionPipelineBuilder UseSpamFilter(this ExtractionPipelineBuilder builder, CleaningLexicons? lexicons = null)
    {
        if (!builder.TextStages.Contains<SpamFilterStage>()) builder.TextStages.Add(new SpamFilterStage(lexicons ?? CleaningLexicons.Default));
        return builder;
    }

    /// <summary>Page furniture and footers removed (<see cref="BoilerplateStage"/>, <c>boilerplate.txt</c>).</summary>
    public static ExtractionPipelineBuilder UseBoilerplateFilter(this ExtractionPipelineBuilder builder, CleaningLexicons? lexicons = null)
    {
        if (!builder.TextStages.Contains<BoilerplateStage>()) builder.TextStages.Add(new BoilerplateStage(lexicons ?? CleaningLexicons.Default));
        return builder;
    }

    /// <summary>Full-width letters and digits, and spacing, normalised (<see cref="WidthSpacingStage"/>).</summary>
    public static ExtractionPipelineBuilder UseWidthSpacing(this ExtractionPipelineBuilder builder)
    {
        builder.TextStages.AddIfNotThere(new WidthSpacingStage());
        return builder;
    }

    /// <summary>Decimal points lost to spaces throughout a page repaired (<see cref="LostDecimalPointStage"/>), before the
    /// spacing stage (which stays last).</summary>
    public static ExtractionPipelineBuilder UseLostDecimalPointRepair(this ExtractionPipelineBuilder builder)
    {
        if (builder.TextStages.Contains<LostDecimalPointStage>()) return builder;
        if (builder.TextStages.Contains<WidthSpacingStage>()) builder.TextStages.InsertBefore<WidthSpacingStage>(new LostDecimalPointStage());
        else builder.TextStages.Add(new LostDecimalPointStage());
        return builder;
    }

    /// <summary>A title from the cleaned text when none was given (<see cref="TitleEnricher"/>).</summary>
    public static ExtractionPipelineBuilder UseTitleEnricher(this ExtractionPipelineBuilder builder)
    {
        builder.Enrichers.AddIfNotThere(new TitleEnricher());
        return builder;
    }

    /// <summary>A publication date from a dateline when none was given (<see cref="DatelineEnricher"/>).</summary>
    public static ExtractionPipelineBuilder UseDatelineEnricher(this ExtractionPipelineBuilder builder)
    {
        builder.Enrichers.AddIfNotThere(new DatelineEnricher());
        return builder;
    }

    /// <summary>Articles within a page split at headings (<see cref="HeadingSegmenter"/>).</summary>
    public static ExtractionPipelineBuilder UseHeadingSegmenter(this ExtractionPipelineBuilder builder)
    {
        builder.Segmenter = new HeadingSegmenter();
        return builder;
    }

    /// <summary>A repair runs on the text as written: before the conversion when it is there, else appended.</summary>
    private static ExtractionPipelineBuilder AddRepair(this ExtractionPipelineBuilder builder, ITextStage stage)
    {
        if (builder.TextStages.Any(s => s.GetType() == stage.GetType())) return builder;
        if (!builder.TextStages.InsertBefore<ChineseConversionStage>(stage)) builder.TextStages.Add(stage);
        return builder;
    }
}
