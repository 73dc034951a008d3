namespace Pipeline.Text;

/// <summary>Text produced by a stage, with the map from its offsets back to the decoded original document.</summary>
public sealed record StageText(string Text, OffsetMap Map)
{
    public static StageText Original(string text) => new(text, OffsetMap.Identity(text.Length));

    public int Length => Text.Length;

    /// <summary>Applies a stage's local result (whose map points into this text) and composes the maps.</summary>
    public StageText Then(StageText local) => new(local.Text, Map.Then(local.Map));

    public TextSpan ToSource(TextSpan span) => Map.ToSource(span);

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
