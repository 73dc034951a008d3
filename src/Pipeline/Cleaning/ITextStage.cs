using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// One step that rewrites text (HTML to text, spam removal, repair, script conversion). It returns the new text
/// with a map into <em>its own input</em>; the pipeline composes the maps. A stage is pure and immutable: no I/O,
/// no clock, safe to share across threads. Problems are reported to the context, never thrown.
/// </summary>
public interface ITextStage
{
    string Name { get; }

    /// <summary>Whether the stage runs for a document of this format (the HTML extraction runs for HTML only). Stages run
    /// in the order of the builder's <see cref="ExtractionPipelineBuilder.TextStages"/> list.</summary>
    bool AppliesTo(DocumentFormat format) => true;

    StageText Apply(string input, DocumentContext context);
}

/// <summary>Turns bytes into the text all offsets refer to.</summary>
public interface IDecoder
{
    /// <summary>Decodes; problems (undecodable bytes, binary content) are reported to the diagnostics list.</summary>
    string Decode(byte[] bytes, DocumentFormat format, List<Diagnostic> diagnostics);
}

/// <summary>Splits the final cleaned text into article segments.</summary>
public interface ISegmenter
{
    IReadOnlyList<Segment> Segment(string text);
}
