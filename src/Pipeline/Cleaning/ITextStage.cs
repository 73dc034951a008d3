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

    /// <summary>Where the stage runs; the builder orders stages by phase, then by the order they were added.</summary>
    StagePhase Phase { get; }

    StageText Apply(string input, DocumentContext context);
}

/// <summary>The order text stages run in. Markup and repair see the text as written (pinyin annotations must go
/// before conversion); filters and normalisation see Simplified text, so their lexicons need one script only.</summary>
public enum StagePhase
{
    /// <summary>HTML to text, main-content extraction.</summary>
    Markup = 0,
    /// <summary>Repairs that must precede conversion: pinyin annotations, hard-wrapped lines, placeholders.</summary>
    Repair = 1,
    /// <summary>Traditional → Simplified.</summary>
    Conversion = 2,
    /// <summary>Spam, ads, boilerplate, footers (lexicons in Simplified).</summary>
    Filter = 3,
    /// <summary>Width and spacing normalisation, last.</summary>
    Normalize = 4,
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
