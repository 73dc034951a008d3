using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts.Binding;
using Pipeline.Facts.Binding.Rules;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>
/// Binds recognised figures to (entity, metric, period) within a clause and a sentence, reading cues from the metric
/// lexicon and entities from <see cref="EntityFinder"/>. Rules, in order, for each figure:
/// <list type="bullet">
/// <item>an amount in parentheses right after another in another currency is that claim's <see cref="Claim.StatedEquivalent"/>;</item>
/// <item>a figure right after a rise/fall word (上涨 3.3%) is the change of the nearest metric before it that has a
/// change metric, skipping comparison bases (较 165 港元的发行价);</item>
/// <item>a percentage or multiple right after "&lt;cue&gt;的" is a ratio to that cue (当期收入的8倍 → rd_to_revenue_pct);</item>
/// <item>otherwise the nearest cue before it in its clause, then a cue right after it (120 港元/股的价格开盘), then the
/// nearest cue in an earlier clause of the sentence; the cue must accept the figure's kind;</item>
/// <item>the entity is the nearest one in the clause, else the sentence's subject, else the subject carried from an
/// earlier sentence of the same paragraph (never across segments);</item>
/// <item>the period is the nearest period before it in the sentence; a list of figures after 分别 is distributed
/// over the list of periods (a year span counts its years); 首日 is the entity's listing date; 同期/当年 the period in
/// context; 累计 spans all the periods in the sentence; IPO figures default to the listing date.</item>
/// </list>
/// When an entity, metric or period cannot be determined the figure stays unbound. Linear in the text length.
/// </summary>
public sealed partial class ClaimBinder : IClaimBinder
{
    internal static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n';
    internal static bool IsClauseEnd(char c) => c is '，' or ',' or '：' or ':';

    /// <summary>Words before an English full stop that do not end a sentence (Yunfan Auto Inc. said).</summary>
    internal static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Co", "Ltd", "Corp", "Mr", "Mrs", "Ms", "Dr", "No", "vs", "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Bhd", "Plc", "approx", "est", "Hon", "Prof",
    };

    /// <summary>A list dash between spaces ends a statement in the bulleted summaries AI digests write without full
    /// stops (…盈利改善所致 - 即时零售业务收入为229.06亿元…); a dash between two numbers (26 - 28) does not.</summary>
    internal static bool IsListMark(string text, int i)
    {
        if (text[i] is not ('-' or '–' or '—') || i == 0 || i + 1 >= text.Length || text[i - 1] != ' ' || text[i + 1] != ' ') return false;
        var before = text.AsSpan(0, i).TrimEnd();
        var after = text.AsSpan(i + 1).TrimStart();
        if (before.Length == 0 || after.Length == 0) return false;
        // After a table row's closing bar an English bullet may follow (… | 22% | - R&D expenses increased by 10%).
        return (Text.Han.IsHan(before[^1]) || before[^1] == ']') && Text.Han.IsHan(after[0])
               || before[^1] == '|' && (Text.Han.IsHan(after[0]) || char.IsAsciiLetterUpper(after[0]));
    }

    /// <summary>A full stop ends an English sentence when a space or the end follows it and it is neither a decimal
    /// point nor an abbreviation's (U.S., Inc., a single initial), and the next word does not start in lower case.</summary>
    internal static bool IsFullStop(string text, int i)
    {
        if (text[i] != '.' || i == 0) return false;
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('"' or '\'' or '”' or '’' or ')')) return false;
        var prev = text[i - 1];
        if (!(char.IsAsciiLetterOrDigit(prev) || prev is ')' or ']' or '%' or '"' or '”' or '’')) return false;
        var start = i;
        while (start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] == '.') && i - start < 12) start--;
        var word = text.AsSpan(start, i - start);
        if (word.Contains('.') || (word.Length == 1 && char.IsAsciiLetterUpper(word[0]))) return false;
        if (word.Length > 0 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        var j = i + 1;
        while (j < text.Length && text[j] == ' ') j++;
        return !(j < text.Length && char.IsAsciiLetterLower(text[j]));
    }

    internal readonly MetricLexicon _metrics;
    internal readonly MetricLexicon? _english;
    internal readonly EntityFinder _entities;
    internal readonly EntityLexicon _knownEntities;
    internal readonly BindingLexicon _words;
    internal readonly DocumentFrameReader _frames;
    internal readonly SegmentReader _segments;
    internal readonly SegmentCatalogue _segmentNames;
    internal readonly BasisReader _bases;
    internal readonly CurrencyConvention _currency;
    internal readonly IReadOnlyList<IMetricRule> _rules;
    internal readonly TradingCalendars _calendars;

    /// <param name="metrics">The lexicon of Chinese (and unknown-language) sentences.</param>
    /// <param name="entities">Known entities (names and aliases in every language).</param>
    /// <param name="english">The lexicon of sentences <see cref="LanguageDetector"/> calls English (both lexicons for
    /// mixed sentences); without it every sentence is read with <paramref name="metrics"/>.</param>
    /// <param name="words">Bases, segments, relative periods, currency scopes and qualifiers
    /// (<see cref="BindingLexicon.Default"/> when not given).</param>
    /// <param name="rules">The metric rules in order (<see cref="MetricRules.Default"/> when not given).</param>
    /// <param name="calendars">The exchanges' trading calendars (<see cref="TradingCalendars.Default"/> when not given).</param>
    public ClaimBinder(MetricLexicon metrics, EntityLexicon entities, MetricLexicon? english = null, BindingLexicon? words = null,
        IReadOnlyList<IMetricRule>? rules = null, TradingCalendars? calendars = null)
    {
        _calendars = calendars ?? TradingCalendars.Default;
        _rules = rules ?? MetricRules.Default;
        _metrics = metrics;
        _english = english;
        _entities = new EntityFinder(entities);
        _knownEntities = entities;
        _words = words ?? BindingLexicon.Default;
        _frames = new DocumentFrameReader(_words, entities.FiscalYearEnd);
        _segments = new SegmentReader(_words);
        _segmentNames = new SegmentCatalogue(entities, [.. _words.SegmentSuffixes, .. _words.SegmentNameEndings], _words.SegmentNameConjunctions, _words.SegmentNameVariants);
        _bases = new BasisReader(_words);
        _currency = new CurrencyConvention(_words);
    }

    /// <summary>The entity definitions and mentions the binder reads in a text (for cross-document merging with
    /// <see cref="EntityMerger"/>).</summary>
    public DocumentEntities FindEntities(string text) => _entities.Find(text);

    /// <summary>A binder with the embedded Simplified Chinese lexicons.</summary>
    public static ClaimBinder CreateChinese() => new(MetricLexicon.Chinese, EntityLexicon.Chinese);

    /// <summary>The default binder: Chinese and English metric lexicons chosen per sentence, entity names in both.</summary>
    public static ClaimBinder CreateDefault() => new(MetricLexicon.Chinese, EntityLexicon.Default, MetricLexicon.English);

    public BindingResult Bind(BindingInput input)
    {
        var text = input.Text;
        if (text.Length == 0 || input.Mentions.Count == 0) return new BindingResult([], input.Mentions.Where(IsFigure).ToList());
        var doc = new DocumentState(this, input);
        return doc.Run();
    }

    internal static bool IsFigure(Mention m) => m.Kind is not (MentionKind.Date or MentionKind.Period) && m.Value is NumericResolution
                                                && m.Value is not Number { Unit: CountUnit.Duration or CountUnit.Ordinal };

    internal static FigureKinds KindOf(NumericResolution value) => value switch
    {
        Money => FigureKinds.Money,
        Percentage => FigureKinds.Percent,
        PercentagePoints => FigureKinds.Points,
        Multiple => FigureKinds.Multiple,
        Number { Unit: CountUnit.Shares } => FigureKinds.Shares,
        Number { Unit: CountUnit.Count } => FigureKinds.Count,
        _ => FigureKinds.Number,
    };

    /// <summary>A sentence of a segment; <see cref="AfterSemicolon"/> when the previous one ended with ；, which joins
    /// two statements about the same period (上半年，…1056.2亿元；营业额385.7亿元).</summary>
    internal readonly record struct Sentence(int Start, int End, int Paragraph, int Segment, bool AfterSemicolon = false)
    {
        /// <summary>Written in English: English cues, word order (periods after figures) and qualifiers.</summary>
        public bool English { get; init; }
    }

    internal enum AnchorKind { Period, ListingDay, SamePeriod }

    /// <summary>A period written in a sentence. <see cref="Base"/>: the period of a comparison base (由 2024 年同期的…,
    /// 较去年同期, a year earlier), which dates the base figure but not the change or the new level after it.
    /// <see cref="Unresolved"/>: a relative period word whose document period is unknown: it dates nothing.</summary>
    internal readonly record struct Anchor(int Start, int End, AnchorKind Kind, ReportingPeriod Period, bool AsOf)
    {
        public bool Base { get; init; }
        public bool Unresolved { get; init; }
    }

    /// <summary>One figure to bind, with the mention that states the same amount in another currency.</summary>
    internal sealed class Item(Mention mention)
    {
        public Mention Mention { get; } = mention;
        public Mention? Equivalent { get; set; }
        public int End => Equivalent is { } e ? Math.Max(e.Span.End, Mention.Span.End) : Mention.Span.End;
        public ReportingPeriod? DistributedPeriod { get; set; }
        /// <summary>The company segment a list of segments gives this figure (有道、云音乐收入分别为13亿、23.2亿).</summary>
        public string? DistributedSegment { get; set; }
        public bool Ambiguous { get; set; }
        /// <summary>The figure's place in its list and the list's length (for lists no period list matches).</summary>
        public int ListIndex { get; set; }
        public int ListSize { get; set; }
        /// <summary>A figure in parentheses after another that is not the same amount (60%（约 12 亿港元）): left unbound.</summary>
        public bool Appositive { get; set; }
        /// <summary>An English "respectively" list of changes after as many levels (net revenue was X, and games revenue
        /// was Y, with growth rates of 1.7% and 2.5%, respectively): the level this change belongs to.</summary>
        public Mention? ChangeOf { get; set; }
        /// <summary>An English "respectively" list whose metrics are named after it (747 and 23 times among retail and
        /// institutional investors, respectively): the cue this figure takes.</summary>
        public PhraseMatch<Cue>? DistributedCue { get; set; }
        /// <summary>A list of changes stated against a list of comparisons (环比、同比分别下降2.1pct、2.8pct): the one this
        /// figure is stated against (quarter-on-quarter or year-on-year).</summary>
        public CueKind? DistributedComparison { get; set; }
    }
}
