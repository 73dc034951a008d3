using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>The metric a figure binds to, its value as that metric reads it (a fall made negative, a multiple read
/// as a percentage), and the cue it was read from (its segment and basis are read around that cue).</summary>
public readonly record struct MetricChoice(MetricDefinition Metric, NumericResolution Value, PhraseMatch<Cue> Cue);

/// <summary>What a rule says about a figure: it binds it, it rules it out (no later rule may bind it), or it does not
/// apply and the next rule is asked.</summary>
public readonly record struct RuleOutcome(MetricChoice? Choice, bool Decided)
{
    public static RuleOutcome Pass => new(null, false);
    public static RuleOutcome Reject => new(null, true);
    public static RuleOutcome Bind(MetricDefinition metric, NumericResolution value, PhraseMatch<Cue> cue) => new(new MetricChoice(metric, value, cue), true);

    /// <summary>Binds when the metric accepts the figure's kind, otherwise rules the figure out.</summary>
    public static RuleOutcome BindIfAccepted(MetricDefinition metric, NumericResolution value, PhraseMatch<Cue> cue) =>
        (metric.Units & ClaimBinder.KindOf(value)) != 0 ? Bind(metric, value, cue) : Reject;
}

/// <summary>
/// One way a figure finds its metric (a change after a rise word, a ratio, the nearest cue…). Rules are asked in the
/// order registered in <see cref="MetricRules.Default"/>; the first that decides wins. A rule reads the sentence
/// through <see cref="FigureContext"/> and never changes it.
/// </summary>
public interface IMetricRule
{
    /// <summary>Short name, for documentation and diagnostics (<c>change</c>, <c>ratio</c>, <c>nearest-cue</c>).</summary>
    string Name { get; }

    RuleOutcome Apply(FigureContext figure);
}

/// <summary>A figure with its sentence, as rules see it.</summary>
public sealed class FigureContext
{
    internal FigureContext(ClaimBinder.DocumentState document, Mention mention, NumericResolution value, ClaimBinder.Sentence sentence)
    {
        Document = document;
        Mention = mention;
        Value = value;
        Sentence = sentence;
        Position = mention.Span.Start;
        Clause = document.ClauseStart(Position, sentence);
        Kind = ClaimBinder.KindOf(value);
    }

    internal ClaimBinder.DocumentState Document { get; }
    public Mention Mention { get; }
    public NumericResolution Value { get; }
    internal ClaimBinder.Sentence Sentence { get; }
    public bool English => Sentence.English;
    /// <summary>Where the figure starts in the cleaned text.</summary>
    public int Position { get; }
    /// <summary>Where the figure's clause starts.</summary>
    public int Clause { get; }
    public FigureKinds Kind { get; }
    public MetricLexicon Metrics => Document.Metrics;

    private List<PhraseMatch<Cue>>? _clauseCues;
    private List<ClaimBinder.Anchor>? _anchors;

    /// <summary>The periods, listing days and same-period words of the sentence, in order.</summary>
    internal List<ClaimBinder.Anchor> Anchors => _anchors ??= Document.Anchors(Sentence);

    /// <summary>True when a comparison base dated to the quarter before the reported one stands between
    /// <paramref name="from"/> and the figure (较 2025 年第二季度的 289 亿元也下降了 10.4%: a change on the quarter).</summary>
    public bool PreviousQuarterBaseBefore(int from) => Document.PreviousQuarterBase(Anchors, from, Position);

    /// <summary>The metric cues of the figure's clause before it.</summary>
    public List<PhraseMatch<Cue>> ClauseCues => _clauseCues ??= Document.MetricCues(Clause, Position, Sentence);

    /// <summary>The metric cues of the sentence between two positions.</summary>
    public List<PhraseMatch<Cue>> MetricCues(int from, int to) => Document.MetricCues(from, to, Sentence);

    internal SortedRange<PhraseMatch<Cue>> CuesIn(int from, int to) => Document.CuesIn(from, to);
    public string Gap(int from, int to) => Document.Gap(from, to);
    public int ClauseEnd(int pos) => Document.ClauseEnd(pos, Sentence);
    public int SentenceStart => Sentence.Start;
    public bool InComparison(PhraseMatch<Cue> cue) => Document.InComparison(cue, Sentence);
    public bool InClosedAside(int from, int to) => Document.InClosedAside(from, to);
    public bool ContextHolds(PhraseMatch<Cue> cue) => Document.ContextHolds(cue, Sentence);

    /// <summary>The cue's metric for this figure's kind (<see cref="Cue.MetricFor"/>), or its running total when 累计
    /// marks it.</summary>
    public MetricDefinition Cumulate(PhraseMatch<Cue> cue) =>
        Document.Cumulate(cue.Value.MetricFor(Kind) is { } own && own != cue.Value.Metric ? cue with { Value = cue.Value with { Metric = own } } : cue, Position, Sentence);

    /// <summary>A year-on-year or quarter-on-quarter marker written right after the figure (9.5% quarter-on-quarter,
    /// 14.7% sequentially), which says what the figure compares against.</summary>
    public PhraseMatch<Cue>? MarkerAfter()
    {
        var end = Mention.Span.End;
        var next = CuesIn(end, ClauseEnd(end)).FirstOrDefault();
        return next.Value is { Kind: CueKind.QuarterOnQuarter or CueKind.YearOnYear } && Gap(end, next.Start).Length == 0 ? next : null;
    }

    /// <summary>True when a metric cue that takes the figure's kind follows it with only a measure word between (8家基石投资者).</summary>
    public bool CueRightAfter()
    {
        var end = Mention.Span.End;
        var post = CuesIn(end, ClauseEnd(end)).FirstOrDefault(c => c.Value.Kind == CueKind.Metric && ContextHolds(c));
        return post.Value?.Metric is { } m && (m.Units & Kind) != 0 && Document.IsPostGap(Gap(end, post.Start));
    }

    /// <summary>Records that the figure was read as a ratio (its qualifier is then read over the whole phrase).</summary>
    public void MarkRatio(MetricDefinition ratio) => Document.RatioFigures[Mention] = ratio.Id;

    /// <summary>The nearest cue before <paramref name="pos"/> in the sentence that is not a comparison base and not
    /// inside an aside closed before the figure: the quantity a change is about.</summary>
    public PhraseMatch<Cue> ChangedQuantity(int pos)
    {
        var cues = MetricCues(SentenceStart, pos).Where(c => !InComparison(c) && !InClosedAside(c.End, Position)).ToList();
        if (cues.Count == 0) return default;
        return cues.Count > 1 && IsVerbOf(cues[^1], cues[^2]) ? cues[^2] : cues[^1];
    }

    /// <summary>经调整EBITA盈利1.62亿元: a profit or loss word (binding.yaml <c>result_verbs</c>) written right after
    /// another line's cue is that line's verb, not a metric of its own.</summary>
    public bool IsVerbOf(PhraseMatch<Cue> verb, PhraseMatch<Cue> line) =>
        Document.Words.ResultVerbs.Contains(verb.Value.Phrase, StringComparer.Ordinal) && Gap(line.End, verb.Start).Length == 0;
}
