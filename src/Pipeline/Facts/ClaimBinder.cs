using Pipeline.Documents;
using Pipeline.Facts.Binding;
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
public sealed class ClaimBinder : IClaimBinder
{
    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n';
    private static bool IsClauseEnd(char c) => c is '，' or ',' or '：' or ':';

    /// <summary>Words before an English full stop that do not end a sentence (Yunfan Auto Inc. said).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Co", "Ltd", "Corp", "Mr", "Mrs", "Ms", "Dr", "No", "vs", "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Bhd", "Plc", "approx", "est", "Hon", "Prof",
    };

    /// <summary>A full stop ends an English sentence when a space or the end follows it and it is neither a decimal
    /// point nor an abbreviation's (U.S., Inc., a single initial), and the next word does not start in lower case.</summary>
    private static bool IsFullStop(string text, int i)
    {
        if (text[i] != '.' || i == 0) return false;
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('"' or '\'' or '”' or '’' or ')')) return false;
        var prev = text[i - 1];
        if (!(char.IsAsciiLetterOrDigit(prev) || prev is ')' or '%' or '"' or '”' or '’')) return false;
        var start = i;
        while (start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] == '.') && i - start < 12) start--;
        var word = text.AsSpan(start, i - start);
        if (word.Contains('.') || (word.Length == 1 && char.IsAsciiLetterUpper(word[0]))) return false;
        if (word.Length > 0 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        var j = i + 1;
        while (j < text.Length && text[j] == ' ') j++;
        return !(j < text.Length && char.IsAsciiLetterLower(text[j]));
    }

    private readonly MetricLexicon _metrics;
    private readonly MetricLexicon? _english;
    private readonly EntityFinder _entities;
    private readonly BindingLexicon _words;
    private readonly DocumentFrameReader _frames;
    private readonly SegmentReader _segments;
    private readonly BasisReader _bases;
    private readonly CurrencyConvention _currency;

    /// <param name="metrics">The lexicon of Chinese (and unknown-language) sentences.</param>
    /// <param name="entities">Known entities (names and aliases in every language).</param>
    /// <param name="english">The lexicon of sentences <see cref="LanguageDetector"/> calls English (both lexicons for
    /// mixed sentences); without it every sentence is read with <paramref name="metrics"/>.</param>
    /// <param name="words">Bases, segments, relative periods, currency scopes and qualifiers
    /// (<see cref="BindingLexicon.Default"/> when not given).</param>
    public ClaimBinder(MetricLexicon metrics, EntityLexicon entities, MetricLexicon? english = null, BindingLexicon? words = null)
    {
        _metrics = metrics;
        _english = english;
        _entities = new EntityFinder(entities);
        _words = words ?? BindingLexicon.Default;
        _frames = new DocumentFrameReader(_words);
        _segments = new SegmentReader(_words);
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

    private static bool IsFigure(Mention m) => m.Kind is not (MentionKind.Date or MentionKind.Period) && m.Value is NumericResolution;

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
    private readonly record struct Sentence(int Start, int End, int Paragraph, int Segment, bool AfterSemicolon = false)
    {
        /// <summary>Written in English: English cues, word order (periods after figures) and qualifiers.</summary>
        public bool English { get; init; }
    }

    private enum AnchorKind { Period, ListingDay, SamePeriod }

    /// <summary>A period written in a sentence. <see cref="Base"/>: the period of a comparison base (由 2024 年同期的…,
    /// 较去年同期, a year earlier), which dates the base figure but not the change or the new level after it.
    /// <see cref="Unresolved"/>: a relative period word whose document period is unknown: it dates nothing.</summary>
    private readonly record struct Anchor(int Start, int End, AnchorKind Kind, ReportingPeriod Period, bool AsOf)
    {
        public bool Base { get; init; }
        public bool Unresolved { get; init; }
    }

    /// <summary>One figure to bind, with the mention that states the same amount in another currency.</summary>
    private sealed class Item(Mention mention)
    {
        public Mention Mention { get; } = mention;
        public Mention? Equivalent { get; set; }
        public int End => Equivalent is { } e ? Math.Max(e.Span.End, Mention.Span.End) : Mention.Span.End;
        public ReportingPeriod? DistributedPeriod { get; set; }
        public bool Ambiguous { get; set; }
        /// <summary>A figure in parentheses after another that is not the same amount (60%（约 12 亿港元）): left unbound.</summary>
        public bool Appositive { get; set; }
    }

    private sealed class DocumentState
    {
        private readonly ClaimBinder _binder;
        private readonly BindingInput _input;
        private readonly string _text;
        private readonly List<PhraseMatch<Cue>> _cues;
        private readonly IReadOnlyList<EntityMention> _entityMentions;
        private readonly List<Mention> _figures;
        private readonly List<Mention> _periods;
        private readonly Dictionary<string, ReportingPeriod> _listingDates = new(StringComparer.Ordinal);
        private readonly List<Claim> _claims = [];
        private readonly HashSet<Mention> _used = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Mention, string> _reasons = new(ReferenceEqualityComparer.Instance);

        private Claim? Unbound(Mention m, string reason)
        {
            _reasons[m] = reason;
            return null;
        }

        public DocumentState(ClaimBinder binder, BindingInput input)
        {
            _binder = binder;
            _input = input;
            _text = input.Text;
            // Mentions outside the text (a caller's bug) are ignored rather than allowed to throw; they stay unbound.
            var mentions = input.Mentions.Where(m => m.Span.End <= _text.Length).OrderBy(m => m.Span.Start).ToList();
            _figures = mentions.Where(IsFigure).ToList();
            _periods = mentions.Where(m => m.Period is not null).ToList();
            var found = binder._entities.Find(_text);
            _entityMentions = found.Mentions;
            _definitions = found.Definitions;
            _frame = binder._frames.Read(_text, _entityMentions, _periods, input.Metadata);
            // Sentence ends (an English full stop needs its context) and clause breaks; a comma inside a recognised
            // mention (1,837 times; March 18, 2026) breaks nothing.
            _ends = new bool[_text.Length];
            var isBreak = new bool[_text.Length];
            var mi = 0;
            for (var i = 0; i < _text.Length; i++)
            {
                while (mi < mentions.Count && mentions[mi].Span.End <= i) mi++;
                var inMention = mi < mentions.Count && mentions[mi].Span.Start <= i;
                _ends[i] = IsSentenceEnd(_text[i]) || (!inMention && IsFullStop(_text, i));
                isBreak[i] = _ends[i] || (IsClauseEnd(_text[i]) && !(inMention && _text[i] == ','));
            }
            // Clause breaks, precomputed once so that every clause lookup is O(1): _breakBefore[i] is the position
            // after the last break before i, _breakFrom[i] the first break at or after i (text length if none).
            _breakBefore = new int[_text.Length + 1];
            _breakFrom = new int[_text.Length + 1];
            var last = 0;
            for (var i = 0; i <= _text.Length; i++)
            {
                _breakBefore[i] = last;
                if (i < _text.Length && isBreak[i]) last = i + 1;
            }
            var next = _text.Length;
            for (var i = _text.Length; i >= 0; i--)
            {
                if (i < _text.Length && isBreak[i]) next = i;
                _breakFrom[i] = next;
            }
            _sentences = Sentences();
            // Cues are read per sentence with the lexicon of its language; cues inside a recognised figure or date
            // are part of it, not cues.
            _cues = [];
            var english = binder._english;
            var buffer = new List<PhraseMatch<Cue>>();
            for (var k = 0; k < _sentences.Count; k++)
            {
                var s = _sentences[k];
                var language = english is null ? ContentLanguage.Chinese : LanguageDetector.Detect(_text.AsSpan(s.Start, s.End - s.Start));
                if (language == ContentLanguage.English) _sentences[k] = s with { English = true };
                buffer.Clear();
                if (language != ContentLanguage.English) binder._metrics.Matcher.FindInto(_text, s.Start, s.End, buffer);
                if (english is not null && language is ContentLanguage.English or ContentLanguage.Mixed)
                {
                    var before = buffer.Count;
                    english.Matcher.FindInto(_text, s.Start, s.End, buffer);
                    if (before > 0 && buffer.Count > before)
                    {
                        var ordered = buffer.OrderBy(c => c.Start).ToList(); // stable: the Chinese match first on a tie
                        buffer.Clear();
                        buffer.AddRange(ordered);
                    }
                }
                var end = -1;
                foreach (var c in buffer)
                {
                    // In a mixed sentence both lexicons may match one phrase (GMV): the first (Chinese) match is kept.
                    if (c.Start < end) continue;
                    end = c.End;
                    if (c.Value.Kind != CueKind.Ignore && !InsideMention(mentions, c.Start, c.End)) _cues.Add(c);
                }
            }
        }

        private readonly bool[] _ends;
        private readonly DocumentFrame _frame;
        private readonly List<Sentence> _sentences;
        private readonly IReadOnlyList<EntityDefinitionFound> _definitions;

        private readonly int[] _breakBefore;
        private readonly int[] _breakFrom;

        /// <summary>True when [start, end) overlaps a mention (mentions do not overlap one another).</summary>
        private static bool InsideMention(List<Mention> sorted, int start, int end)
        {
            var i = LowerBound(sorted, start + 1, m => m.Span.End);
            return i < sorted.Count && sorted[i].Span.Start < end;
        }

        public BindingResult Run()
        {
            var sentences = _sentences;
            FindListingDates(sentences);
            string? carried = null, inSegment = null;
            int paragraph = -1, segment = -1;
            ReportingPeriod? lastPeriod = null;
            foreach (var s in sentences)
            {
                if (s.Segment != segment) inSegment = null;
                if (s.Paragraph != paragraph || s.Segment != segment)
                {
                    carried = null;
                    lastPeriod = null;
                    paragraph = s.Paragraph;
                    segment = s.Segment;
                }
                var subject = Subject(s);
                // An English paragraph that names no entity but refers back (The company…, Its…) continues the
                // entity last named in the segment.
                if (subject is null && carried is null && s.English && inSegment is not null && RefersBack(s)) carried = inSegment;
                inSegment = subject?.Name ?? inSegment;
                BindSentence(s, subject, carried, ref lastPeriod);
                carried = subject?.Name ?? carried;
            }
            var unbound = _input.Mentions.Where(m => IsFigure(m) && !_used.Contains(m)).ToList();
            var reasons = unbound.Select(m => _reasons.GetValueOrDefault(m, UnboundReason.OutsideSentence)).ToList();
            return new BindingResult(_claims, unbound) { Entities = _definitions, UnboundReasons = reasons };
        }

        // ---- structure -------------------------------------------------------------------------------------

        /// <summary>Longest stretch bound as one sentence (news sentences are far shorter).</summary>
        private const int MaxSentenceLength = 512;

        private List<Sentence> Sentences()
        {
            var list = new List<Sentence>();
            var segments = _input.Segments.Count > 0
                ? _input.Segments.Select(s => s.Span).Where(s => s.End <= _text.Length).OrderBy(s => s.Start).ToList()
                : [new TextSpan(0, _text.Length)];
            for (var seg = 0; seg < segments.Count; seg++)
            {
                var span = segments[seg];
                var start = span.Start;
                var paragraph = 0;
                for (var i = span.Start; i < span.End; i++)
                {
                    var c = _text[i];
                    // A run without sentence punctuation longer than any real sentence is cut (the cut character starts
                    // the next piece), so the work per figure — cue and clause scans within its sentence — stays bounded
                    // and binding stays linear on unpunctuated input.
                    var end = _ends[i];
                    if (!end && i - start < MaxSentenceLength) continue;
                    if (i > start) list.Add(new Sentence(start, i, paragraph, seg, start > span.Start && _text[start - 1] is '；' or ';'));
                    if (c == '\n') paragraph++;
                    start = end ? i + 1 : i;
                }
                if (span.End > start) list.Add(new Sentence(start, span.End, paragraph, seg, start > span.Start && _text[start - 1] is '；' or ';'));
            }
            return list;
        }

        /// <summary>Start of the clause holding <paramref name="pos"/>: after the last clause break before it, within the sentence.</summary>
        private int ClauseStart(int pos, Sentence s) => Math.Max(s.Start, _breakBefore[Math.Min(pos, _text.Length)]);

        /// <summary>End of the clause holding <paramref name="pos"/> (exclusive), within the sentence.</summary>
        private int ClauseEnd(int pos, Sentence s) => Math.Min(s.End, _breakFrom[Math.Min(pos, _text.Length)]);

        private IEnumerable<T> Between<T>(IReadOnlyList<T> sorted, Func<T, int> start, int from, int to)
        {
            for (var i = LowerBound(sorted, from, start); i < sorted.Count && start(sorted[i]) < to; i++) yield return sorted[i];
        }

        private static int LowerBound<T>(IReadOnlyList<T> sorted, int value, Func<T, int> key)
        {
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (key(sorted[mid]) < value) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private IEnumerable<PhraseMatch<Cue>> CuesIn(int from, int to) => Between(_cues, c => c.Start, from, to);
        private IEnumerable<EntityMention> EntitiesIn(int from, int to) => Between(_entityMentions, e => e.Span.Start, from, to);

        private string Gap(int from, int to) => from < to ? _text[from..to].Trim() : "";

        // ---- entities --------------------------------------------------------------------------------------

        private static readonly string[] NotSubjectBefore = ["相比", "相较", "除了", "较", "对比", "不同于", "与", "和"];

        private static readonly string[] NotSubjectBeforeEnglish = ["compared with", "compared to", "than", "versus", "unlike", "like", "and", "with", "vs."];

        private bool IsExcluded(EntityMention e, int floor)
        {
            var before = _text.AsSpan(floor, e.Span.Start - floor).TrimEnd();
            foreach (var w in NotSubjectBefore)
                if (before.EndsWith(w, StringComparison.Ordinal)) return true;
            foreach (var w in NotSubjectBeforeEnglish)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return true;
            return false;
        }

        private EntityMention? Subject(Sentence s)
        {
            foreach (var e in EntitiesIn(s.Start, s.End))
                if (!IsExcluded(e, s.Start)) return e;
            return null;
        }

        private static readonly string[] Anaphors = ["the company", "the group", "the firm", "the issuer", "the listing", "its", "it", "the shares", "its shares"];

        /// <summary>True when an English sentence opens with a word referring back to an entity named before.</summary>
        private bool RefersBack(Sentence s)
        {
            var head = _text.AsSpan(s.Start, s.End - s.Start).TrimStart();
            foreach (var a in Anaphors)
                if (head.StartsWith(a, StringComparison.OrdinalIgnoreCase) && (head.Length == a.Length || !char.IsAsciiLetter(head[a.Length])))
                    return true;
            return false;
        }

        private string? EntityFor(int pos, Sentence s, EntityMention? subject, string? carried)
        {
            var clause = ClauseStart(pos, s);
            EntityMention? nearest = null;
            foreach (var e in EntitiesIn(clause, pos)) nearest = e;
            if (nearest is { } n) return n.Name;
            if (subject is { } sub && sub.Span.Start < pos) return sub.Name;
            return carried ?? _frame.MainEntity;
        }

        /// <summary>Listing dates: a day before a listing word (上市/挂牌/登陆/敲钟) in a sentence naming the entity.</summary>
        private void FindListingDates(List<Sentence> sentences)
        {
            foreach (var s in sentences)
            {
                foreach (var cue in CuesIn(s.Start, s.End).Where(c => c.Value.Kind == CueKind.Listing))
                {
                    Mention? day = null;
                    foreach (var p in Between(_periods, m => m.Span.Start, s.Start, cue.Start))
                        if (p.Period is { IsDay: true }) day = p;
                    // English puts the day after the verb: Yunfan Auto began trading … on March 18, 2026.
                    if (day is null && s.English)
                        day = Between(_periods, m => m.Span.Start, cue.End, s.End).FirstOrDefault(p => p.Period is { IsDay: true });
                    if (day is null) continue;
                    string? entity = null;
                    var after = _text.AsSpan(cue.End, Math.Min(3, s.End - cue.End));
                    if (after.StartsWith("的"))
                        entity = EntitiesIn(cue.End, Math.Min(s.End, cue.End + 16)).Select(e => e.Name).FirstOrDefault();
                    if (entity is null)
                    {
                        foreach (var e in EntitiesIn(s.Start, cue.Start))
                            if (!IsExcluded(e, s.Start)) entity = e.Name;
                    }
                    if (entity is not null) _listingDates.TryAdd(entity, day.Period!.Value);
                }
            }
        }

        // ---- periods ---------------------------------------------------------------------------------------

        private List<Anchor> Anchors(Sentence s)
        {
            var anchors = new List<Anchor>();
            var relative = _frame.RelativePeriods.Where(r => r.Start >= s.Start && r.End <= s.End).ToList();
            foreach (var r in relative)
                anchors.Add(new Anchor(r.Start, r.End, AnchorKind.Period, r.Period ?? default, false)
                {
                    Base = r.Kind is RelativePeriod.PriorYearSame or RelativePeriod.PreviousQuarter || IsBaseLead(r.Start, s),
                    Unresolved = r.Period is null,
                });
            foreach (var p in Between(_periods, m => m.Span.Start, s.Start, s.End))
            {
                if (relative.Any(r => r.Start < p.Span.End && p.Span.Start < r.End)) continue; // the document's period word wins
                var before = _text.AsSpan(Math.Max(s.Start, p.Span.Start - 4), p.Span.Start - Math.Max(s.Start, p.Span.Start - 4)).Trim();
                var asOf = p.Text.StartsWith("截至", StringComparison.Ordinal) || p.Text.StartsWith("截止", StringComparison.Ordinal)
                           || before.EndsWith("截至", StringComparison.Ordinal) || before.EndsWith("截止", StringComparison.Ordinal);
                anchors.Add(new Anchor(p.Span.Start, p.Span.End, AnchorKind.Period, p.Period!.Value, asOf)
                {
                    Base = IsBaseLead(p.Span.Start, s) || _text.AsSpan(p.Span.End, Math.Max(0, Math.Min(2, s.End - p.Span.End))).StartsWith("同期"),
                });
            }
            foreach (var c in CuesIn(s.Start, s.End))
            {
                if (c.Value.Kind == CueKind.ListingDay) anchors.Add(new Anchor(c.Start, c.End, AnchorKind.ListingDay, default, false));
                else if (c.Value.Kind == CueKind.SamePeriod) anchors.Add(new Anchor(c.Start, c.End, AnchorKind.SamePeriod, default, false));
            }
            anchors.Sort((a, b) => a.Start.CompareTo(b.Start));
            return anchors;
        }

        private static readonly string[] BaseLeads = ["由", "从", "较", "比", "相比", "相较", "相较于", "对比", "与", "比较", "较之", "同比"];

        /// <summary>True when a comparison word leads straight into the period at <paramref name="start"/> (较 2024 年,
        /// 由去年同期的): the period of a comparison base.</summary>
        private bool IsBaseLead(int start, Sentence s)
        {
            var from = Math.Max(s.Start, start - 3);
            var before = _text.AsSpan(from, start - from).TrimEnd();
            foreach (var w in BaseLeads) if (before.EndsWith(w, StringComparison.Ordinal)) return true;
            return false;
        }

        private ReportingPeriod? Resolve(Anchor a, List<Anchor> anchors, string entity, ReportingPeriod? lastPeriod)
        {
            switch (a.Kind)
            {
                case AnchorKind.Period:
                    return a.Unresolved ? null : a.Period;
                case AnchorKind.ListingDay:
                    return _listingDates.TryGetValue(entity, out var d) ? d : null;
                default:
                    ReportingPeriod? previous = null;
                    foreach (var b in anchors)
                        if (b.Start < a.Start && b.Kind == AnchorKind.Period) previous = b.Period;
                    return previous ?? lastPeriod;
            }
        }

        /// <summary>The list of periods right before <paramref name="pos"/> (2022 年、2023 年及 2024 年; 2022 年至 2024 年),
        /// each year of a year span counted.</summary>
        private List<ReportingPeriod> PeriodList(List<Anchor> anchors, int pos)
        {
            var idx = anchors.FindLastIndex(a => a.End <= pos);
            if (idx < 0 || anchors[idx].Kind != AnchorKind.Period) return [];
            var first = idx;
            while (first > 0 && anchors[first - 1].Kind == AnchorKind.Period && IsConnector(Gap(anchors[first - 1].End, anchors[first].Start))) first--;
            var list = new List<ReportingPeriod>();
            for (var i = first; i <= idx; i++)
            {
                var p = anchors[i].Period;
                if (p.Kind == PeriodKind.YearSpan)
                    for (var y = p.Start.Year; y <= p.End.Year; y++) list.Add(ReportingPeriod.Year(y));
                else list.Add(p);
            }
            return list;
        }

        private static readonly string[] Connectors = ["以及", "及", "和", "与", "、", "，", ",", "截至", "截止", "或"];

        private static bool IsConnector(string gap)
        {
            var rest = gap.Replace(" ", "");
            bool changed;
            do
            {
                changed = false;
                foreach (var c in Connectors)
                    if (rest.StartsWith(c, StringComparison.Ordinal)) { rest = rest[c.Length..]; changed = true; }
            } while (changed && rest.Length > 0);
            return rest.Length == 0;
        }

        // ---- figures ---------------------------------------------------------------------------------------

        private List<Item> Items(Sentence s)
        {
            var items = new List<Item>();
            foreach (var m in Between(_figures, f => f.Span.Start, s.Start, s.End))
            {
                if (items.Count > 0 && IsEquivalentOf(m, items[^1])) { items[^1].Equivalent = m; continue; }
                var appositive = items.Count > 0 && Gap(items[^1].End, m.Span.Start) is "（" or "(" or "（约" or "(约" or "（即" or "（合"
                    or "(about" or "(around" or "(approximately" or "(or" or "(or about" or "(i.e.";
                items.Add(new Item(m) { Appositive = appositive });
            }
            return items;
        }

        private bool IsEquivalentOf(Mention m, Item previous)
        {
            if (previous.Equivalent is not null) return false;
            var p = previous.Mention;
            if (p.EquivalentSpan == m.Span || m.EquivalentSpan == p.Span) return true;
            if (p.Value is not Money a || m.Value is not Money b || a.Currency == b.Currency) return false;
            var gap = Gap(p.Span.End, m.Span.Start);
            return gap is "（" or "(" or "（约" or "(约" or "（约合" or "(约合" or "（约合人民币" or "(约合人民币" or "（折合" or "（合"
                or "(about" or "(around" or "(approximately" or "(or" or "(or about" or "(equivalent to" or "(roughly";
        }

        /// <summary>Marks lists of figures joined by 、/和/及 in one clause and distributes periods over them.</summary>
        private void Distribute(List<Item> items, List<Anchor> anchors, Sentence s)
        {
            var i = 0;
            while (i < items.Count)
            {
                var j = i;
                while (j + 1 < items.Count && ClauseStart(items[j + 1].Mention.Span.Start, s) == ClauseStart(items[i].Mention.Span.Start, s)
                       && ClauseBreakFree(items[j].End, items[j + 1].Mention.Span.Start)
                       && IsListGap(Gap(items[j].End, items[j + 1].Mention.Span.Start))) j++;
                var n = j - i + 1;
                if (n >= 2)
                {
                    var periods = PeriodList(anchors, items[i].Mention.Span.Start);
                    for (var k = i; k <= j; k++)
                    {
                        if (periods.Count == n) items[k].DistributedPeriod = periods[k - i];
                        else items[k].Ambiguous = true;
                    }
                }
                i = j + 1;
            }
        }

        private bool ClauseBreakFree(int from, int to)
        {
            return _breakFrom[Math.Min(from, _text.Length)] >= to;
        }

        /// <summary>An English list separator between figures or periods: a comma, "and", ", and".</summary>
        private static bool IsEnglishListGap(string gap)
        {
            var rest = gap.Replace(",", " ").Trim();
            return rest is "" or "and" or "or";
        }

        private static readonly HashSet<string> PeriodListLead = new(StringComparer.OrdinalIgnoreCase) { "in", "for", "during", "over", "the", "years", "of" };

        /// <summary>English lists with "respectively": the figures joined by commas and "and" take the list of periods
        /// right after them (RMB 1.2 billion, RMB 2.5 billion and RMB 3.1 billion in 2022, 2023 and 2024, respectively)
        /// or right before them (In 2023 and 2024, revenue was …, respectively); lists that do not match stay unbound.</summary>
        private void DistributeEnglish(List<Item> items, List<Anchor> anchors, Sentence s)
        {
            var marker = CuesIn(s.Start, s.End).FirstOrDefault(c => c.Value.Kind == CueKind.Distributive);
            if (marker.Value is null) return;
            var i = 0;
            while (i < items.Count)
            {
                var j = i;
                while (j + 1 < items.Count && items[j + 1].Mention.Span.Start < marker.Start
                       && IsEnglishListGap(_text[items[j].End..items[j + 1].Mention.Span.Start])) j++;
                var n = j - i + 1;
                if (n >= 2 && items[j].End <= marker.Start)
                {
                    var periods = EnglishPeriodList(anchors, items[i].Mention.Span.Start, items[j].End, marker.Start);
                    for (var k = i; k <= j; k++)
                    {
                        if (periods.Count == n) items[k].DistributedPeriod = periods[k - i];
                        else items[k].Ambiguous = true;
                    }
                }
                i = j + 1;
            }
        }

        private List<ReportingPeriod> EnglishPeriodList(List<Anchor> anchors, int listStart, int listEnd, int markerStart)
        {
            var periods = anchors.Where(a => a.Kind == AnchorKind.Period).ToList();
            var chosen = new List<Anchor>();
            var after = periods.FindIndex(a => a.Start >= listEnd && a.End <= markerStart);
            if (after >= 0 && _text[listEnd..periods[after].Start].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).All(PeriodListLead.Contains))
            {
                chosen.Add(periods[after]);
                for (var k = after + 1; k < periods.Count && periods[k].End <= markerStart && IsEnglishListGap(_text[periods[k - 1].End..periods[k].Start]); k++)
                    chosen.Add(periods[k]);
            }
            else
            {
                var before = periods.FindLastIndex(a => a.End <= listStart);
                if (before < 0) return [];
                chosen.Add(periods[before]);
                for (var k = before - 1; k >= 0 && IsEnglishListGap(_text[periods[k].End..periods[k + 1].Start]); k--) chosen.Insert(0, periods[k]);
            }
            var list = new List<ReportingPeriod>();
            foreach (var a in chosen)
            {
                if (a.Period.Kind == PeriodKind.YearSpan)
                    for (var y = a.Period.Start.Year; y <= a.Period.End.Year; y++) list.Add(ReportingPeriod.Year(y));
                else list.Add(a.Period);
            }
            return list;
        }

        private static bool IsListGap(string gap) => gap is "、" or "和" or "及" or "以及" or "与" or "、约" or "和约" or "及约";

        // ---- binding ---------------------------------------------------------------------------------------

        private void BindSentence(Sentence s, EntityMention? subject, string? carried, ref ReportingPeriod? lastPeriod)
        {
            var items = Items(s);
            if (items.Count == 0)
            {
                foreach (var a in Anchors(s)) if (Dates(a)) lastPeriod = a.Period;
                return;
            }
            var anchors = Anchors(s);
            if (s.English) DistributeEnglish(items, anchors, s);
            else Distribute(items, anchors, s);
            foreach (var item in items)
            {
                if (item.Ambiguous || item.Appositive)
                {
                    _reasons[item.Mention] = item.Ambiguous ? UnboundReason.AmbiguousList : UnboundReason.Appositive;
                    continue;
                }
                var claim = BindItem(item, s, subject, carried, anchors, lastPeriod);
                if (claim is null) continue;
                _claims.Add(claim);
                _used.Add(item.Mention);
                if (item.Equivalent is { } eq)
                {
                    _used.Add(eq);
                    if (EquivalentClaim(claim, eq) is { } restated) _claims.Add(restated);
                }
            }
            foreach (var a in anchors) if (Dates(a)) lastPeriod = a.Period;
        }

        /// <summary>An anchor that may date the figures of later sentences of the paragraph: a period of the
        /// statement's own (not a base, a day or an unresolved word).</summary>
        private static bool Dates(Anchor a) => a.Kind == AnchorKind.Period && !a.Base && !a.Unresolved && !a.Period.IsDay;

        /// <summary>The amount stated beside a claim in another currency, as its own claim on the
        /// <see cref="Bases.StatedEquivalent"/> basis, linked to the claim it restates.</summary>
        private static Claim? EquivalentClaim(Claim claim, Mention equivalent)
        {
            if (equivalent.Value is not Money money || claim.Value is not Money own || own.Currency == money.Currency) return null;
            return claim with
            {
                Value = money,
                AsWritten = equivalent.Text,
                Basis = Bases.StatedEquivalent,
                EquivalentOf = claim.Id,
                StatedEquivalent = own,
                RangeEnd = null,
                Provenance = claim.Provenance with { SourceSpan = equivalent.SourceSpan },
            };
        }

        private Claim? BindItem(Item item, Sentence s, EntityMention? subject, string? carried, List<Anchor> anchors, ReportingPeriod? lastPeriod)
        {
            var m = item.Mention;
            if (m.Numeric is not { } value) return null;
            var pos = m.Span.Start;
            var entity = EntityFor(pos, s, subject, carried);
            if (entity is null) return Unbound(m, UnboundReason.NoEntity);
            var (metric, bound, cueUsed) = Metric(m, value, s, entity, subject, carried);
            if (metric is null || bound is null) return Unbound(m, UnboundReason.NoMetric);

            ReportingPeriod? period;
            if (item.DistributedPeriod is { } dp) period = dp;
            else if (s.English && metric.Timing != MetricTiming.Span && PeriodAfter(item, s, anchors) is { } after)
                period = Resolve(after, anchors, entity, lastPeriod) is { } p ? Adjust(p, after.AsOf, metric) : null;
            else if (s.English && IsEnglishComparisonBase(m, s)) period = null;
            else period = PeriodBefore(anchors, pos, s, metric, entity, lastPeriod);
            if (period is null) return Unbound(m, UnboundReason.NoPeriod);

            var quote = _text[s.Start..s.End].Trim();
            var provenance = new Provenance(_input.Document.Id, _input.Metadata.Outlet, m.SourceSpan, quote);
            var qualifier = Qualify(m, s);
            if (qualifier == Qualifier.Exact && metric.Id == RatioMetricOf(m, s)) qualifier = RatioQualifier(m, s);
            var (segment, basis) = cueUsed.Value is null ? ("", Bases.Reported) : (SegmentOf(cueUsed, s, entity), BasisOf(cueUsed, pos, s, metric.Id));
            return new Claim(entity, metric.Id, period.Value, _binder._currency.Apply(bound, m.Text, metric.Id, pos, _frame), qualifier, provenance)
            {
                RangeEnd = m.RangeEnd as NumericResolution,
                AsWritten = m.Text,
                StatedEquivalent = item.Equivalent?.Value as Money,
                Segment = segment,
                Basis = basis,
            };
        }

        /// <summary>The segment named right before the cue, after the nearest entity, period, figure or other cue of its
        /// clause (<see cref="SegmentReader"/>); never the entity itself.</summary>
        private string SegmentOf(PhraseMatch<Cue> cue, Sentence s, string entity)
        {
            var floor = ClauseStart(cue.Start, s);
            foreach (var e in EntitiesIn(floor, cue.Start)) floor = Math.Max(floor, e.Span.End);
            foreach (var p in Between(_periods, m => m.Span.Start, floor, cue.Start)) floor = Math.Max(floor, Math.Min(p.Span.End, cue.Start));
            foreach (var f in Between(_figures, m => m.Span.Start, floor, cue.Start)) floor = Math.Max(floor, Math.Min(f.Span.End, cue.Start));
            foreach (var c in CuesIn(floor, cue.Start)) if (c.End <= cue.Start) floor = Math.Max(floor, c.End);
            foreach (var r in _frame.RelativePeriods) if (r.End <= cue.Start && r.End > floor) floor = r.End;
            var segment = _binder._segments.Read(_text, floor, cue.Start);
            return segment == entity ? "" : segment;
        }

        /// <summary>The basis written in the cue's clause before the figure (经调整净利润…，按年跌72%: adjusted).</summary>
        private string BasisOf(PhraseMatch<Cue> cue, int pos, Sentence s, string metric) =>
            _binder._bases.Read(_text, ClauseStart(cue.Start, s), Math.Max(pos, cue.End), metric);

        /// <summary>The period of a figure from the anchors before it in its sentence: the nearest one (a flow is not
        /// dated by a day: that is when it was announced); past a comparison base (由 2024 年同期的 936 亿元增长 2.0% 至
        /// 955 亿元) the change and the new level take the sentence's own period, else the period carried in the
        /// paragraph, else the document's. With no anchor: the listing day for deal terms, the carried or the document's
        /// period for flows and balances.</summary>
        private ReportingPeriod? PeriodBefore(List<Anchor> anchors, int pos, Sentence s, MetricDefinition metric, string entity, ReportingPeriod? lastPeriod)
        {
            var flow = metric.Timing == MetricTiming.Flow;
            var before = anchors.Where(a => a.Start < pos && !(flow && a.Kind == AnchorKind.Period && a.Period.IsDay && !a.Unresolved)).ToList();
            if (metric.Timing == MetricTiming.Span)
            {
                var spans = before.Where(a => a.Kind == AnchorKind.Period && !a.Unresolved).Select(a => a.Period).ToList();
                return spans.Count == 0 ? null : ReportingPeriod.Between(spans.Min(p => p.Start), spans.Max(p => p.End));
            }
            if (HasUnresolvedDate(before.Count > 0 ? before[^1].End : s.Start, pos)) return null;
            if (before.Count > 0)
            {
                var a = before[^1];
                if (IsAlternative(a, s)) return null;
                if (a.Base && ChangeBetween(a.End, pos))
                {
                    var own = before.LastOrDefault(b => !b.Base && b.Start < a.Start && b.Kind == AnchorKind.Period);
                    if (own.Kind == AnchorKind.Period && own.End > 0) return Resolve(own, anchors, entity, lastPeriod) is { } p0 ? Adjust(p0, own.AsOf, metric) : null;
                    return Fallback(metric, lastPeriod);
                }
                return Resolve(a, anchors, entity, lastPeriod) is { } p ? Adjust(p, a.AsOf, metric) : null;
            }
            if (metric.Timing == MetricTiming.Listing && _listingDates.TryGetValue(entity, out var ld)) return ld;
            return Fallback(metric, lastPeriod);
        }

        /// <summary>A flow or a balance whose sentence names no period: the period carried in its paragraph, else the
        /// period the document reports.</summary>
        private ReportingPeriod? Fallback(MetricDefinition metric, ReportingPeriod? lastPeriod)
        {
            if (metric.Timing is not (MetricTiming.Flow or MetricTiming.Stock)) return null;
            var p = lastPeriod ?? _frame.CurrentPeriod;
            return p is { } q ? Adjust(q, false, metric) : null;
        }

        /// <summary>True when a rise or fall word stands between a comparison base and the figure.</summary>
        private bool ChangeBetween(int from, int to) => CuesIn(from, to).Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);

        private static readonly string[] ComparisonBaseEnglish = ["from", "than", "against", "over", "versus", "compared with", "compared to", "a year earlier"];

        private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

        private static readonly HashSet<string> PeriodPrepositions = new(StringComparer.OrdinalIgnoreCase)
            { "in", "on", "for", "during", "at", "the", "end", "of", "as", "by", "each", "a", "share", "per" };

        /// <summary>English dates a figure after it (net loss was RMB 1.2 billion in 2024; opened at HK$31.20 on the
        /// first day). The first period after the figure in its clause, unless a metric cue or a comparison word comes
        /// between (up 20% from 2023): taken when only prepositions separate them (…RMB 410 million in 2023, even after
        /// an earlier period), or when the clause has no period before the figure.</summary>
        private Anchor? PeriodAfter(Item item, Sentence s, List<Anchor> anchors)
        {
            var pos = item.Mention.Span.Start;
            var clause = ClauseStart(pos, s);
            var end = ClauseEnd(item.End, s);
            foreach (var a in anchors)
            {
                if (a.Start < item.End) continue;
                if (a.Start >= end) return null;
                if (CuesIn(item.End, a.Start).Any(c => c.Value.Kind is CueKind.Metric or CueKind.Comparison)) return null;
                var gap = _text[item.End..a.Start];
                var words = gap.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                if (words.Any(w => ComparisonBaseEnglish.Contains(w, StringComparer.OrdinalIgnoreCase))) return null;
                // A comparison base is dated only by a period written out (from 44.1% a year earlier: not by a
                // relative period the recognizers resolved against the publication date).
                if (IsEnglishComparisonBase(item.Mention, s) && !_text.AsSpan(a.Start, a.End - a.Start).ContainsAny(Digits)) return null;
                var adjacent = words.All(PeriodPrepositions.Contains)
                               && !Between(_figures, f => f.Span.Start, item.End, a.Start).Any(f => !ReferenceEquals(f, item.Equivalent));
                if (adjacent || !anchors.Any(b => b.Start >= clause && b.Start < pos)) return a;
                return null;
            }
            return null;
        }

        /// <summary>An English figure stated as a comparison base (rose to RMB 3 billion from RMB 2 billion): without a
        /// period of its own it is not dated by the sentence's period.</summary>
        private bool IsEnglishComparisonBase(Mention m, Sentence s)
        {
            var from = Math.Max(s.Start, m.Span.Start - 16);
            var before = _text.AsSpan(from, m.Span.Start - from).TrimEnd();
            foreach (var w in ComparisonBaseEnglish)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return true;
            return false;
        }

        /// <summary>True when a date the recognizers could not resolve (1 月 16 日 with no year known) stands between the
        /// period found and the figure: that nearer date is the figure's, so the figure cannot be dated.</summary>
        private bool HasUnresolvedDate(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (_text[i] is not ('月' or '日' or '号')) continue;
                var j = i - 1;
                while (j >= from && _text[j] == ' ') j--;
                if (j < from || !char.IsAsciiDigit(_text[j])) continue;
                if (!InsideMention(_periods, j, i + 1)) return true;
            }
            return false;
        }

        /// <summary>A period offered as one of alternatives (2026 年年中或年末) does not date a figure.</summary>
        private bool IsAlternative(Anchor a, Sentence s)
        {
            var before = _text.AsSpan(s.Start, a.Start - s.Start).TrimEnd();
            return before.EndsWith("或", StringComparison.Ordinal) || before.EndsWith("或者", StringComparison.Ordinal);
        }

        /// <summary>A day for metrics read on a day: 截至 2025 年 9 月 → 2025-09-30; otherwise prices need a written day.</summary>
        private static ReportingPeriod? Adjust(ReportingPeriod p, bool asOf, MetricDefinition metric)
        {
            if (p.IsDay || metric.Timing is MetricTiming.Flow or MetricTiming.Listing) return p;
            if (asOf && p.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half or PeriodKind.Year) return ReportingPeriod.Day(p.End);
            return metric.Timing == MetricTiming.Instant ? null : p;
        }

        /// <summary>The ratio metric a figure was read as (set by the ratio rule), to qualify it by its whole phrase.</summary>
        private readonly Dictionary<Mention, string> _ratioFigures = new(ReferenceEqualityComparer.Instance);

        private string? RatioMetricOf(Mention m, Sentence s) => _ratioFigures.GetValueOrDefault(m);

        /// <summary>约为当年收入的六倍: the 约 qualifies the ratio though it stands before the denominator.</summary>
        private Qualifier RatioQualifier(Mention m, Sentence s)
        {
            var clause = ClauseStart(m.Span.Start, s);
            var phrase = _text.AsSpan(clause, m.Span.Start - clause);
            if (phrase.Contains("约", StringComparison.Ordinal)) return Qualifier.Approximate;
            if (phrase.Contains("超过", StringComparison.Ordinal)) return Qualifier.GreaterThan;
            if (phrase.Contains("近", StringComparison.Ordinal)) return Qualifier.LessThan;
            return Qualifier.Exact;
        }

        private static readonly (string Word, Qualifier Q)[] QualifiersBefore =
        [
            ("大约", Qualifier.Approximate), ("约", Qualifier.Approximate), ("接近", Qualifier.LessThan), ("将近", Qualifier.LessThan),
            ("近", Qualifier.LessThan), ("不到", Qualifier.LessThan), ("不足", Qualifier.LessThan), ("低于", Qualifier.LessThan),
            ("超过", Qualifier.GreaterThan), ("超", Qualifier.GreaterThan), ("逾", Qualifier.GreaterThan), ("高于", Qualifier.GreaterThan),
            ("至少", Qualifier.GreaterOrEqual), ("最多", Qualifier.LessOrEqual),
        ];

        private static readonly (string Word, Qualifier Q)[] QualifiersAfter =
        [
            ("以上", Qualifier.GreaterThan), ("左右", Qualifier.Approximate), ("以下", Qualifier.LessOrEqual), ("多", Qualifier.GreaterThan),
            ("余", Qualifier.GreaterThan),
        ];

        private static readonly (string Word, Qualifier Q)[] QualifiersBeforeEnglish =
        [
            ("about", Qualifier.Approximate), ("around", Qualifier.Approximate), ("approximately", Qualifier.Approximate),
            ("roughly", Qualifier.Approximate), ("some", Qualifier.Approximate), ("an estimated", Qualifier.Approximate),
            ("nearly", Qualifier.LessThan), ("almost", Qualifier.LessThan), ("close to", Qualifier.LessThan), ("less than", Qualifier.LessThan),
            ("under", Qualifier.LessThan), ("below", Qualifier.LessThan), ("more than", Qualifier.GreaterThan), ("over", Qualifier.GreaterThan),
            ("above", Qualifier.GreaterThan), ("in excess of", Qualifier.GreaterThan), ("at least", Qualifier.GreaterOrEqual),
            ("no less than", Qualifier.GreaterOrEqual), ("up to", Qualifier.LessOrEqual), ("at most", Qualifier.LessOrEqual),
            ("no more than", Qualifier.LessOrEqual),
        ];

        private static readonly (string Word, Qualifier Q)[] QualifiersAfterEnglish =
        [
            ("or more", Qualifier.GreaterOrEqual), ("or so", Qualifier.Approximate), ("or less", Qualifier.LessOrEqual),
        ];

        private Qualifier QualifyEnglish(Mention m, Sentence s)
        {
            var from = Math.Max(s.Start, m.Span.Start - 16);
            var before = _text.AsSpan(from, m.Span.Start - from).TrimEnd();
            foreach (var (w, q) in QualifiersBeforeEnglish.OrderByDescending(x => x.Word.Length))
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return q;
            var after = _text.AsSpan(m.Span.End, Math.Min(10, s.End - m.Span.End)).TrimStart();
            foreach (var (w, q) in QualifiersAfterEnglish)
                if (after.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (after.Length == w.Length || !char.IsAsciiLetter(after[w.Length])))
                    return q;
            return Qualifier.Exact;
        }

        private Qualifier Qualify(Mention m, Sentence s)
        {
            if (m.Qualifier != Qualifier.Exact) return m.Qualifier;
            if (s.English) return QualifyEnglish(m, s);
            var before = _text.AsSpan(Math.Max(s.Start, m.Span.Start - 4), m.Span.Start - Math.Max(s.Start, m.Span.Start - 4)).TrimEnd();
            if (before.Length > 1 && before[^1] is '为' or '达' or '了' or '合') before = before[..^1].TrimEnd();
            foreach (var (w, q) in QualifiersBefore) if (before.EndsWith(w, StringComparison.Ordinal)) return q;
            var after = _text.AsSpan(m.Span.End, Math.Min(2, s.End - m.Span.End)).TrimStart();
            foreach (var (w, q) in QualifiersAfter) if (after.StartsWith(w, StringComparison.Ordinal)) return q;
            return Qualifier.Exact;
        }

        // ---- metrics ---------------------------------------------------------------------------------------

        private bool ContextHolds(PhraseMatch<Cue> cue, Sentence s)
        {
            if (cue.Value.ContextWords is not { Count: > 0 } words) return true;
            var before = _text.AsSpan(s.Start, cue.Start - s.Start);
            foreach (var w in words) if (before.Contains(w, StringComparison.Ordinal)) return true;
            return false;
        }

        private List<PhraseMatch<Cue>> MetricCues(int from, int to, Sentence s) =>
            CuesIn(from, to).Where(c => c.Value.Kind == CueKind.Metric && c.End <= to && ContextHolds(c, s)).ToList();

        /// <summary>True when <paramref name="from"/> is inside parentheses that close before <paramref name="to"/>: an
        /// aside (营业支出（…营收增幅为112%）…同比增长35.7%) does not lend its cues to the main line.</summary>
        private bool InClosedAside(int from, int to)
        {
            var depth = 0;
            for (var i = from; i < to; i++)
            {
                var ch = _text[i];
                if (ch is '（' or '(') depth++;
                else if (ch is '）' or ')' && --depth < 0) return true;
            }
            return false;
        }

        private bool InComparison(PhraseMatch<Cue> cue, Sentence s)
        {
            var clause = ClauseStart(cue.Start, s);
            return CuesIn(clause, cue.Start).Any(c => c.Value.Kind == CueKind.Comparison);
        }

        private (MetricDefinition? Metric, NumericResolution? Value, PhraseMatch<Cue> Cue) Metric(Mention m, NumericResolution value, Sentence s, string entity,
            EntityMention? subject, string? carried)
        {
            var pos = m.Span.Start;
            var clause = ClauseStart(pos, s);
            var kind = KindOf(value);
            var metricLex = _binder._metrics;

            // 1. A change: 上涨 3.3%, 同比增长 782%, 涨幅超过一倍.
            var change = CuesIn(clause, pos).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
            // English states levels after a change word (narrowed to RMB 320 million, rose to 35%): only a percentage
            // or multiple right after it is the change.
            if (s.English && kind is not (FigureKinds.Percent or FigureKinds.Multiple)) change = default;
            if (change.Value is not null && (s.English ? IsEnglishQualifierGap(Gap(change.End, pos)) : IsQualifierGap(Gap(change.End, pos))) && !CuesIn(change.End, pos).Any(c => c.Value.Kind == CueKind.Metric))
            {
                // The changed quantity is the nearest cue before the change word, comparison bases (较…的发行价) aside.
                var baseCue = MetricCues(s.Start, change.Start, s).Where(c => !InComparison(c, s) && !InClosedAside(c.End, pos)).LastOrDefault();
                if (baseCue.Value?.Metric?.Change is null) return default;
                var target = metricLex.Find(baseCue.Value.Metric!.Change!)!;
                NumericResolution? v = value switch
                {
                    Percentage p => p,
                    Multiple x when change.Value.Phrase.Contains('幅') => new Percentage(x.Times * 100, x.Precision * 100),
                    _ => null,
                };
                if (v is null || (target.Units & FigureKinds.Percent) == 0) return default;
                if (change.Value.Kind == CueKind.Fall && v is Percentage fall) v = new Percentage(-fall.Percent, fall.Precision);
                return (target, v, baseCue);
            }

            // 1b. English puts the direction after the change: opened 15% higher, closed 3.2% lower.
            if (s.English && kind is FigureKinds.Percent or FigureKinds.Multiple)
            {
                var after = CuesIn(m.Span.End, ClauseEnd(m.Span.End, s)).FirstOrDefault();
                if (after.Value is { Kind: CueKind.Rise or CueKind.Fall } && Gap(m.Span.End, after.Start).Length == 0)
                {
                    var baseCue = MetricCues(s.Start, pos, s).Where(c => !InComparison(c, s) && !InClosedAside(c.End, pos)).LastOrDefault();
                    if (baseCue.Value?.Metric?.Change is null) return default;
                    var target = metricLex.Find(baseCue.Value.Metric!.Change!)!;
                    NumericResolution? v = value switch
                    {
                        Percentage p => p,
                        Multiple x => new Percentage(x.Times * 100, x.Precision * 100),
                        _ => null,
                    };
                    if (v is null || (target.Units & FigureKinds.Percent) == 0) return default;
                    if (after.Value.Kind == CueKind.Fall && v is Percentage fall) v = new Percentage(-fall.Percent, fall.Precision);
                    return (target, v, baseCue);
                }
            }

            var clauseCues = MetricCues(clause, pos, s);
            // 2. A ratio: 当期收入的8倍以上, 收入的 6 倍.
            if (kind is FigureKinds.Percent or FigureKinds.Multiple && clauseCues.Count > 0)
            {
                var denominator = clauseCues[^1];
                var gap = Gap(denominator.End, pos);
                if (gap.StartsWith('的') && gap.Length <= 3 && !gap.Any(char.IsAsciiDigit))
                {
                    var numerator = MetricCues(s.Start, denominator.Start, s).LastOrDefault();
                    var ratio = numerator.Value is null ? null : metricLex.Ratio(numerator.Value.Metric!.Id, denominator.Value.Metric!.Id);
                    if (ratio is null) return default;
                    _ratioFigures[m] = ratio.Id;
                    return (ratio, value is Multiple x ? new Percentage(x.Times * 100, x.Precision * 100) : value, numerator);
                }
            }

            // 2b. An English ratio: a percentage or multiple "of" a cue (R&D spending … about 85% of revenue).
            if (s.English && kind is FigureKinds.Percent or FigureKinds.Multiple)
            {
                var denominator = CuesIn(m.Span.End, ClauseEnd(m.Span.End, s)).FirstOrDefault(c => c.Value.Kind == CueKind.Metric);
                if (denominator.Value is not null && Gap(m.Span.End, denominator.Start) is "of" or "of its" or "of total" or "of the" or "of their")
                {
                    var numerator = MetricCues(s.Start, pos, s).LastOrDefault();
                    var ratio = numerator.Value is null ? null : metricLex.Ratio(numerator.Value.Metric!.Id, denominator.Value.Metric!.Id);
                    if (ratio is null) return default;
                    _ratioFigures[m] = ratio.Id;
                    return (ratio, value is Multiple x ? new Percentage(x.Times * 100, x.Precision * 100) : value, numerator);
                }
            }

            // 3. The nearest cue before it in its clause.
            if (clauseCues.Count > 0)
            {
                var cue = clauseCues[^1];
                return Accept(Cumulate(cue, pos, s), kind, value, cue);
            }

            // 4. A cue right after it: 120 港元/股的价格开盘, 165 港元的发行价, 2.12 亿个人用户.
            var clauseEnd = ClauseEnd(m.Span.End, s);
            var post = CuesIn(m.Span.End, clauseEnd).FirstOrDefault(c => c.Value.Kind == CueKind.Metric && ContextHolds(c, s));
            if (post.Value is not null && IsPostGap(Gap(m.Span.End, post.Start)) && (post.Value.Metric!.Units & kind) != 0)
                return (post.Value.Metric, value, post);

            // 5. The nearest cue in an earlier clause, when this clause only adds a period or a link word before the
            // figure (…，2025 年上半年为 15.947 亿元; …，约 3050 万美元) and names no other entity.
            if (!OnlyLinkWords(clause, pos, s.English)) return default;
            var own = EntitiesIn(clause, pos).Select(e => e.Name).LastOrDefault();
            var earlier = MetricCues(s.Start, clause, s).Where(c => !InClosedAside(c.End, pos)).ToList();
            if (earlier.Count == 0) return default;
            var carriedCue = earlier[^1];
            var cueOwn = EntitiesIn(ClauseStart(carriedCue.Start, s), carriedCue.Start).Select(e => e.Name).LastOrDefault();
            if (own is not null && cueOwn is not null && own != cueOwn) return default;
            return Accept(Cumulate(carriedCue, pos, s), kind, value, carriedCue);
        }

        private static (MetricDefinition?, NumericResolution?, PhraseMatch<Cue>) Accept(MetricDefinition metric, FigureKinds kind,
            NumericResolution value, PhraseMatch<Cue> cue) =>
            (metric.Units & kind) != 0 ? (metric, value, cue) : default;

        /// <summary>累计/总计 right before the cue or between it and the figure → the metric's running total.</summary>
        private MetricDefinition Cumulate(PhraseMatch<Cue> cue, int pos, Sentence s)
        {
            var metric = cue.Value.Metric!;
            if (metric.Cumulative is not { } id) return metric;
            var clause = ClauseStart(cue.Start, s);
            var marked = CuesIn(clause, pos).Any(c => c.Value.Kind == CueKind.Cumulative && (c.Start > cue.Start || cue.Start - c.End <= 1));
            return marked ? _binder._metrics.Find(id) ?? metric : metric;
        }

        private static bool IsQualifierGap(string gap)
        {
            if (gap.Length > 5 || gap.StartsWith('至') || gap.StartsWith('到')) return false;
            foreach (var ch in gap)
                if (!"了近约超过逾达为高接将至少幅度 ".Contains(ch)) return false;
            return true;
        }

        private static readonly HashSet<string> EnglishGapWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "by", "about", "around", "approximately", "roughly", "nearly", "almost", "more", "than", "over", "some", "a", "an",
            "as", "much", "at", "least", "a year", "year-on-year",
        };

        /// <summary>English words between a rise/fall word and its figure: rose by about 12%, jumped as much as 40%.</summary>
        private static bool IsEnglishQualifierGap(string gap) =>
            gap.Length <= 24 && gap.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(EnglishGapWords.Contains);

        private static bool IsPostGap(string gap) =>
            gap.Length <= 6 && gap.All(ch => ch is '的' or '价' or '格' or '个' or '名' or '轮' or '股' or '每' or ' ' or '/' || char.IsAsciiLetter(ch));

        // Link words, and the verbs of attaining and moving to a level (获得, 录得, 进一步增长至, 降至截至…).
        private const string LinkChars = "为达约是的则而分别及和与、超过逾近共计已其中另外同时并且也获得录实现取有于进一步增长至到降升提高截";

        private static readonly System.Buffers.SearchValues<char> LinkCharSet = System.Buffers.SearchValues.Create(LinkChars);

        /// <summary>True when the clause text before the figure, periods and entities aside, is only link words.</summary>
        private static readonly HashSet<string> EnglishLinkWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "was", "were", "is", "are", "and", "at", "of", "to", "reached", "totaled", "totalled", "amounted", "stood", "came",
            "in", "for", "it", "its", "their", "the", "with", "while", "about", "around", "approximately", "nearly", "roughly",
            "more", "than", "over", "some", "an", "a", "then", "again", "further", "rising", "falling", "compared", "on", "by",
            "which", "up", "down", "as", "of", "recorded", "reported", "posted", "had", "has", "have", "been",
        };

        private bool OnlyLinkWords(int clause, int pos, bool english)
        {
            if (english)
            {
                // Periods, entities and other figures (RMB 2.5 billion and RMB 3.1 billion) aside.
                var periodsIn = Between(_periods, m => m.Span.Start, clause, pos).Concat(Between(_figures, m => m.Span.Start, clause, pos)).ToList();
                var entitiesIn = EntitiesIn(clause, pos).ToList();
                var i0 = clause;
                while (i0 < pos)
                {
                    if (periodsIn.FirstOrDefault(p => p.Span.Contains(i0)) is { } pm) { i0 = pm.Span.End; continue; }
                    var entity = entitiesIn.FindIndex(e => e.Span.Contains(i0));
                    if (entity >= 0) { i0 = entitiesIn[entity].Span.End; continue; }
                    if (!char.IsAsciiLetter(_text[i0])) { i0++; continue; }
                    var j = i0;
                    while (j < pos && char.IsAsciiLetter(_text[j])) j++;
                    if (!EnglishLinkWords.Contains(_text[i0..j])) return false;
                    i0 = j;
                }
                return true;
            }
            var residual = 0;
            var periods = Between(_periods, m => m.Span.Start, clause, pos).ToList();
            var entities = EntitiesIn(clause, pos).ToList();
            for (var i = clause; i < pos; i++)
            {
                if (periods.Any(p => p.Span.Contains(i)) || entities.Any(e => e.Span.Contains(i))) continue;
                var ch = _text[i];
                if (char.IsWhiteSpace(ch) || LinkCharSet.Contains(ch)) continue;
                if (++residual > 0) return false;
            }
            return true;
        }
    }
}
