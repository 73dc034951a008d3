using Pipeline.Cleaning.Html;

namespace Pipeline.Cleaning;

public static class CleaningExtensions
{
    /// <summary>Decoding, HTML main-content extraction, spam and boilerplate removal, text repair, segmentation.</summary>
    public static ExtractionPipelineBuilder UseCleaning(this ExtractionPipelineBuilder builder)
    {
        builder.Decoder = new TextDecoder();
        builder.HtmlStages.Add(new HtmlTextStage());
        builder.Segmenter = new HeadingSegmenter();
        return builder;
    }
}
