using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts.Binding;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {
        internal readonly ClaimBinder _binder;
        internal readonly BindingInput _input;
        internal readonly string _text;
        internal readonly List<PhraseMatch<Cue>> _cues;
        internal readonly IReadOnlyList<EntityMention> _entityMentions;
        internal readonly List<Mention> _figures;
        internal readonly List<Mention> _periods;
        internal readonly Dictionary<string, ReportingPeriod> _listingDates = new(StringComparer.Ordinal);
        internal readonly List<Claim> _claims = [];
        internal readonly HashSet<Mention> _used = new(ReferenceEqualityComparer.Instance);
        internal readonly Dictionary<Mention, string> _reasons = new(ReferenceEqualityComparer.Instance);

        internal readonly Dictionary<int, string?> _mainBySegment = new();

        /// <summary>The company a segment of the page (one story) is about: the document frame's reading of the
        /// entities named in that segment alone, so that no story lends its company to the next.</summary>
        internal string? MainEntityOf(int segment)
        {
            if (_mainBySegment.TryGetValue(segment, out var known)) return known;
            var spans = _sentences.Where(x => x.Segment == segment).ToList();
            string? main = null;
            if (spans.Count > 0)
            {
                var (from, to) = (spans[0].Start, spans[^1].End);
                var inSegment = _entityMentions.Where(e => e.Span.Start >= from && e.Span.End <= to && !_openingShortNames.Contains(e.Span.Start))
                    .Select(e => e with { Span = new Text.TextSpan(e.Span.Start - from, e.Span.End - from) }).ToList();
                main = DocumentFrameReader.MainEntity(inSegment);
            }
            return _mainBySegment[segment] = main;
        }

        internal Claim? Unbound(Mention m, string reason)
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
            var found = binder._entities.Find(_text);
            var mentions = input.Mentions.Where(m => m.Span.End <= _text.Length && !IsStockCode(m, found.Tickers) && !IsCitationMarker(m)).OrderBy(m => m.Span.Start).ToList();
            _figures = mentions.Where(IsFigure).ToList();
            _periods = mentions.Where(m => m.Period is not null).ToList();
            _entityMentions = found.Mentions.Where(e => !IsModifier(e)).ToList();
            _definitions = found.Definitions;
            _frame = binder._frames.Read(_text, _entityMentions, _periods, input.Metadata);
            RedateToCoveredListingDay();
            _entityMentions = WithOpeningShortNames(WithShortName(_entityMentions));
            // Sentence ends (an English full stop needs its context) and clause breaks; a comma inside a recognised
            // mention (1,837 times; March 18, 2026) breaks nothing.
            // Only the punctuation that may end a sentence or a clause is visited (a vectorised search between them).
            _ends = new bool[_text.Length];
            var breaks = new List<int>();
            var mi = 0;
            for (var i = _text.AsSpan().IndexOfAny(Punctuation); i >= 0;)
            {
                while (mi < mentions.Count && mentions[mi].Span.End <= i) mi++;
                var inMention = mi < mentions.Count && mentions[mi].Span.Start <= i;
                _ends[i] = IsSentenceEnd(_text[i]) || (!inMention && (IsFullStop(_text, i) || IsListMark(_text, i)));
                if (_ends[i] || (IsClauseEnd(_text[i]) && !(inMention && _text[i] == ','))) breaks.Add(i);
                var next = _text.AsSpan(i + 1).IndexOfAny(Punctuation);
                i = next < 0 ? -1 : i + 1 + next;
            }
            // Clause breaks, precomputed once so that every clause lookup is O(1): _breakBefore[i] is the position
            // after the last break before i (0 if none), _breakFrom[i] the first break at or after i (text length if none).
            _breakBefore = new int[_text.Length + 1];
            _breakFrom = new int[_text.Length + 1];
            var previous = -1;
            foreach (var b in breaks)
            {
                _breakBefore.AsSpan(previous + 1, b - previous).Fill(previous + 1);
                _breakFrom.AsSpan(previous + 1, b - previous).Fill(b);
                previous = b;
            }
            _breakBefore.AsSpan(previous + 1).Fill(previous + 1);
            _breakFrom.AsSpan(previous + 1).Fill(_text.Length);
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
            AddSegmentCues(mentions);
            AddSegmentMetricCues(mentions);
        }

        /// <summary>A reported segment of the article's company written as the subject of a figure with no metric word
        /// of its own (汽车销售按年增长15%至192亿元, 家电增速回落到4.9%) is that segment's revenue: the segment names a line of
        /// revenue. A cue for it is added right after the name, unless a metric word stands between the name and the
        /// clause's first figure (汽车销售毛利率为13.1%, 阿里国际数字商业(AIDC)收入347.99亿元).</summary>
        private void AddSegmentCues(List<Mention> mentions)
        {
            if (_frame.MainEntity is not { } main || _binder._metrics.Find(_binder._words.SegmentRevenueMetric) is not { } revenue) return;
            var added = false;
            foreach (var (start, end, segment) in _binder._segmentNames.FindAll(main, _text, 0, _text.Length))
            {
                var s = _sentences.FirstOrDefault(x => x.Start <= start && end <= x.End);
                if (s.End == 0 || s.English || InsideMention(mentions, start, end)) continue;
                var clauseEnd = ClauseEnd(end, s);
                var figure = Between(_figures, m => m.Span.Start, end, clauseEnd).FirstOrDefault();
                if (figure is null || Between(_cues, c => c.Start, start, figure.Span.Start).Any(c => c.Value.Kind == CueKind.Metric)) continue;
                _cues.Add(new PhraseMatch<Cue>(end, end, new Cue(_text[start..end], CueKind.Metric, revenue)));
                added = true;
            }
            if (added) _cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        internal readonly bool[] _ends;

        /// <summary>Every character <see cref="IsSentenceEnd"/>, <see cref="IsClauseEnd"/>, <see cref="IsFullStop"/> or
        /// <see cref="IsListMark"/> may accept.</summary>
        private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create("。！？；!?;\n，,：:.-–—");
        internal readonly DocumentFrame _frame;
        internal readonly List<Sentence> _sentences;
        internal readonly IReadOnlyList<EntityDefinitionFound> _definitions;

        internal readonly int[] _breakBefore;
        internal readonly int[] _breakFrom;

        /// <summary>True when [start, end) overlaps a mention (mentions do not overlap one another).</summary>
        internal static bool InsideMention(List<Mention> sorted, int start, int end)
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
                // The company is a unit of China's Zijin Mining…: a company named after an English subject that refers
                // back is a complement; the sentence (and the next "It sold…") stays with the company referred to.
                if (subject is not null && s.English && OpensWithSubjectAnaphor(s) && (carried ?? inSegment) is { } referred && referred != subject.Value.Name)
                {
                    subject = null;
                    carried = referred;
                }
                inSegment = subject?.Name ?? inSegment;
                BindSentence(s, subject, carried, ref lastPeriod);
                // A company named in an enumeration (阿里巴巴、百度…为该公司IPO的基石投资者) is not what the paragraph goes on about.
                if (subject is { } named && !IsEnumerated(named)) carried = named.Name;
            }
            var unbound = _input.Mentions.Where(m => IsFigure(m) && !_used.Contains(m)).ToList();
            var reasons = unbound.Select(m => _reasons.GetValueOrDefault(m, UnboundReason.OutsideSentence)).ToList();
            var documentSubject = _frame.MainEntity is { } main
                // Figures left undated want the batch's help when the article reports no period, or when it has no
                // publication date and gives no listing day of its own (prices of a yearless 11月5日 debut).
                ? new DocumentSubject(main, _frame.CurrentPeriod, reasons.Contains(UnboundReason.NoPeriod)
                      && (_frame.CurrentPeriod is null || _input.Metadata.Published is null && !_listingDates.ContainsKey(main)))
                  {
                      ListingDay = _listingDates.TryGetValue(main, out var listed) ? listed : null,
                      DealYear = _frame.ReportYear is { } year ? ReportingPeriod.Year(year) : null,
                  }
                : null;
            return new BindingResult(_claims, unbound) { Entities = _definitions, UnboundReasons = reasons, Subject = documentSubject };
        }
    }
}
