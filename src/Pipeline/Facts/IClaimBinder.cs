using System.Collections.Generic;
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

    /// <summary>Why each unbound mention stayed unbound (an <see cref="UnboundReason"/> code), in the order of
    /// <see cref="Unbound"/>; empty when the binder records none.</summary>
    public IReadOnlyList<string> UnboundReasons { get; init; } = [];

    /// <summary>The company the document is about and the period it reports, as the binder read them;
    /// <see cref="DocumentSubject.NeedsPeriod"/> when figures stayed undated for want of that period.</summary>
    public DocumentSubject? Subject { get; init; }

    public static BindingResult Empty { get; } = new([], []);
}

/// <summary>The company a document is about, the period it reports (null when it cannot tell), and whether figures
/// stayed unbound for want of that period (the batch may then date it from other documents on the same company).</summary>
public sealed record DocumentSubject(string Entity, ReportingPeriod? Period, bool NeedsPeriod)
{
    /// <summary>The company's listing day as the document gives it.</summary>
    public ReportingPeriod? ListingDay { get; init; }

    /// <summary>The year the document's own text or publication date gives its deal terms when it gives no listing day
    /// (<see cref="ReportingPeriod.Year(int)"/>); null when it writes no year at all.</summary>
    public ReportingPeriod? DealYear { get; init; }
}

/// <summary>Turns mentions into claims. Pure; never invents an entity or a period.</summary>
public interface IClaimBinder
{
    BindingResult Bind(BindingInput input);
}

/// <summary>Why a figure stayed unbound: the codes <c>run.json</c> counts under <c>unbound_reasons</c>.</summary>
public static class UnboundReason
{
    /// <summary>No company named in the clause, the sentence, the paragraph, and none dominates the article.</summary>
    public const string NoEntity = "no-entity";
    /// <summary>No metric cue reaches the figure, or the cue does not accept its kind (a count after a price cue).</summary>
    public const string NoMetric = "no-metric";
    /// <summary>No period before or after the figure, none carried in the paragraph, and the article's own period unknown.</summary>
    public const string NoPeriod = "no-period";
    /// <summary>A list of figures (、/and) whose count does not match the list of periods it goes with.</summary>
    public const string AmbiguousList = "ambiguous-list";
    /// <summary>A figure in parentheses after another that is not the same amount in another currency.</summary>
    public const string Appositive = "appositive";
    /// <summary>The figure was never reached by a sentence (empty text, or a mention outside the text).</summary>
    public const string OutsideSentence = "outside-sentence";
}
