using Pipeline.Cleaning.Html;

namespace Pipeline.Cleaning;

public static class CleaningExtensions
{
    /// <summary>Decoding, HTML main-content extraction, spam and boilerplate removal, text repair, segmentation.
    /// Repairs run before conversion (pinyin, placeholders, hard wraps, '?' damage); filters after it (their lexicons
    /// are Simplified, with a small Traditional fold); width and spacing, and metadata inference, last.</summary>
    public static ExtractionPipelineBuilder UseCleaning(this ExtractionPipelineBuilder builder)
    {
        builder.Decoder = new TextDecoder();
        builder.HtmlStages.Add(new HtmlTextStage());
        builder.TextStages.Add(new PlaceholderStage());
        builder.TextStages.Add(new PinyinAnnotationStage());
        builder.TextStages.Add(new MojibakeStage());
        builder.TextStages.Add(new LineJoinStage());
        builder.TextStages.Add(new SpamFilterStage());
        builder.TextStages.Add(new BoilerplateStage());
        builder.TextStages.Add(new WidthSpacingStage());
        builder.TextStages.Add(new DocumentInfoStage());
        builder.Segmenter = new HeadingSegmenter();
        return builder;
    }
}
