using Pipeline.Documents;
using Pipeline.Recognition;

namespace Pipeline.Facts;

/// <summary>What a binder reads: the cleaned text, its segments, the mentions found in it (spans in that text,
/// source spans filled), and the document.</summary>
public sealed record BindingInput(string Text, IReadOnlyList<Segment> Segments, IReadOnlyList<Mention> Mentions, SourceDocument Document, DocumentMetadata Metadata);

/// <summary>Claims made, and the mentions that could not be bound (no entity, metric or period could be determined).</summary>
public sealed record BindingResult(IReadOnlyList<Claim> Claims, IReadOnlyList<Mention> Unbound)
{
    /// <summary>The entities the document defines (canonical name, legal, short and English names, tickers): what
    /// links its canonical names to other documents' (see <see cref="EntityMerger"/>).</summary>
    public IReadOnlyList<EntityDefinitionFound> Entities { get; init; } = [];

    public static BindingResult Empty { get; } = new([], []);
}

/// <summary>Turns mentions into claims. Pure; never invents an entity or a period.</summary>
public interface IClaimBinder
{
    BindingResult Bind(BindingInput input);
}
