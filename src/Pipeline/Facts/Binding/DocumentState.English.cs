using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Facts.Binding;
using NodaTime;
using Pipeline.Recognition;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {
        /// <summary>A number that is a stock code, not a year or an amount: inside a lettered ticker (HKG: 1211,
        /// (2513.HK)) or right after a code word (under the code 2050, stock code: 9988). It is neither bound nor
        /// used as a period.</summary>
        internal bool IsStockCode(Mention m, IReadOnlyList<TickerSpan> tickers)
        {
            if (m.Kind is not (MentionKind.Period or MentionKind.Number)) return false;
            foreach (var t in tickers)
                if (t.Span.Start < m.Span.End && m.Span.Start < t.Span.End) return true;
            var from = Math.Max(0, m.Span.Start - 24);
            var lead = _text.AsSpan(from, m.Span.Start - from).TrimEnd().TrimEnd(':').TrimEnd('：').TrimEnd();
            var codes = _binder._words.CodeWords.FindAll(_text, from, from + lead.Length);
            return codes.Count > 0 && codes[^1].End == from + lead.Length && m.Text.All(char.IsAsciiDigit);
        }

        /// <summary>The text of [from, pos) trimmed, within the clause (what is written right before a figure).</summary>
        internal string TextBefore(int pos, int clause) => _text[clause..pos].TrimEnd();

        /// <summary>The text of [end, clauseEnd) trimmed at its start (what is written right after a figure).</summary>
        internal string TextAfter(int end, int clauseEnd) => end < clauseEnd ? _text[end..clauseEnd].TrimStart() : "";

        /// <summary>"surged as much as 72%": after a rise or fall word, "as much as" gives the exact peak of the move, not
        /// a bound.</summary>
        internal bool IsPeakMove(Mention m, Sentence s)
        {
            var clause = ClauseStart(m.Span.Start, s);
            var before = _text.AsSpan(clause, m.Span.Start - clause).TrimEnd();
            if (!before.EndsWith("as much as", StringComparison.OrdinalIgnoreCase)) return false;
            var lead = before[..^"as much as".Length].TrimEnd();
            if (lead.EndsWith(" by", StringComparison.OrdinalIgnoreCase)) lead = lead[..^3].TrimEnd();
            var leadEnd = clause + lead.Length;
            var end = clause + before.Length;
            return CuesIn(clause, end).Any(c => (c.End == leadEnd || c.End == end) && c.Value.Kind is CueKind.Rise or CueKind.Fall or CueKind.Metric);
        }

        /// <summary>True when a market or estimate word (consensus estimate, analysts expected, IPOs in) stands in [from, to).</summary>
        internal bool MarketWordsIn(int from, int to) => _binder._words.MarketWords.FindAll(_text, from, to).Count > 0;

        /// <summary>The figures that start in [from, to).</summary>
        internal List<Mention> FiguresBetween(int from, int to) => Between(_figures, m => m.Span.Start, from, to).ToList();

        /// <summary>A citation marker of an AI digest or a wiki ([8], [2][4]): a number in square brackets.</summary>
        internal bool IsCitationMarker(Mention m) =>
            m.Span.Start > 0 && m.Span.End < _text.Length && _text[m.Span.Start - 1] == '[' && _text[m.Span.End] == ']' && m.Text.All(char.IsAsciiDigit);

        /// <summary>An English segment the binding lexicon names next to the cue (<see cref="Binding.SegmentReader.Named"/>),
        /// looked for after the nearest figure or other cue before it in its clause.</summary>
        internal string? NamedSegment(PhraseMatch<Cue> cue, Sentence s)
        {
            var floor = ClauseStart(cue.Start, s);
            floor = AfterFigures(floor, cue.Start);
            // The company itself is never its own segment (Nio delivered 40,397 vehicles).
            foreach (var e in EntitiesIn(floor, cue.Start)) if (e.Span.End <= cue.Start) floor = Math.Max(floor, e.Span.End);
            // Another cue right against this one is part of the segment's name (Vehicle sales revenue: not deliveries).
            foreach (var c in CuesIn(floor, cue.Start))
                if (c.End <= cue.Start && c.Value.Kind == CueKind.Metric && Gap(c.End, cue.Start).Length > 0) floor = Math.Max(floor, c.End);
            if (_binder._segments.Named(_text, floor, cue.Start, cue.End, ClauseEnd(cue.End, s)) is { } named) return named;
            // …accelerated our Cloud Intelligence Group business, with revenue up 34%: the segment ends the clause before.
            var clause = ClauseStart(cue.Start, s);
            if (floor != clause || clause <= s.Start || !LeadsBack(_text.AsSpan(clause, cue.Start - clause))) return null;
            var previous = ClauseStart(clause - 1, s);
            return _binder._segments.Named(_text, previous, clause - 1, clause - 1, clause - 1);
        }

        /// <summary>An English word that names a metric only after a segment's name (Vehicle margin reached 14.7%:
        /// <see cref="BindingLexicon.SegmentMetricWords"/>) becomes that metric's cue when a segment the lexicon or the
        /// article's company names stands right before it and no cue covers it; the segment is then read before the cue
        /// as usual.</summary>
        private void AddSegmentMetricCues(List<Mention> mentions)
        {
            var added = false;
            foreach (var s in _sentences)
            {
                if (!s.English) continue;
                foreach (var w in _binder._words.SegmentMetricWords.FindAll(_text, s.Start, s.End))
                {
                    if (_binder._metrics.Find(w.Value) is not { } metric || InsideMention(mentions, w.Start, w.End)
                        || Between(_cues, c => c.Start, s.Start, w.End).Any(c => c.Start < w.End && w.Start < c.End)
                        || !SegmentNamedRightBefore(w.Start, s))
                        continue;
                    _cues.Add(new PhraseMatch<Cue>(w.Start, w.End, new Cue(_text[w.Start..w.End], CueKind.Metric, metric)));
                    added = true;
                }
            }
            if (added) _cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        /// <summary>True when a segment name ends right before <paramref name="pos"/> (only spaces between).</summary>
        private bool SegmentNamedRightBefore(int pos, Sentence s)
        {
            var from = Math.Max(s.Start, pos - 64);
            bool EndsHere(int end) => end <= pos && _text.AsSpan(end, pos - end).IsWhiteSpace();
            if (_binder._words.SegmentNames.FindAll(_text, from, pos).Any(n => EndsHere(n.End))) return true;
            return _frame.MainEntity is { } main && _binder._segmentNames.FindAll(main, _text, from, pos).Any(n => EndsHere(n.End));
        }

        private static readonly string[] BackLinks = ["with", "with its", "with the", "and", "while"];

        private static bool LeadsBack(ReadOnlySpan<char> lead)
        {
            var t = lead.Trim().ToString();
            return BackLinks.Contains(t, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Where an English figure's basis may be written: up to the figure, or on to the clause end when a basis
        /// phrase follows it (revenues increased 10% on a like-for-like basis).</summary>
        internal int EnglishBasisEnd(int pos, Sentence s)
        {
            var end = ClauseEnd(pos, s);
            var figure = Between(_figures, m => m.Span.Start, pos, pos + 1).FirstOrDefault();
            if (figure is null) return pos;
            var after = _text.AsSpan(figure.Span.End, end - figure.Span.End).TrimStart();
            foreach (var marker in CuesIn(figure.Span.End, end))
            {
                if (marker.Value.Kind is not (CueKind.YearOnYear or CueKind.QuarterOnQuarter)) break;
                after = _text.AsSpan(marker.End, end - marker.End).TrimStart();
            }
            return after.StartsWith("on a", StringComparison.OrdinalIgnoreCase) || after.StartsWith("on an", StringComparison.OrdinalIgnoreCase) ? end : pos;
        }
    

        /// <summary>The base period written right after an English figure (up from 10.7% a year ago; 10.0% in the
        /// previous quarter): a period word of the document's period moved back a year or a quarter, with only prepositions
        /// between. Null when none follows or the document's period is unknown.</summary>
        internal Anchor? BasePeriodAfter(Mention m, Sentence s, List<Anchor> anchors)
        {
            var end = ClauseEnd(m.Span.End, s);
            foreach (var a in anchors)
            {
                if (a.Start < m.Span.End) continue;
                if (a.Start >= end || a.Kind != AnchorKind.Period) return null;
                var words = _text[m.Span.End..a.Start].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                if (!words.All(PeriodPrepositions.Contains)) return null;
                var relative = _frame.RelativePeriods.Any(r => r.Start == a.Start && r.Kind is RelativePeriod.PriorYearSame or RelativePeriod.PreviousQuarter);
                return relative && !a.Unresolved ? a : null;
            }
            return null;
        }

        /// <summary>A figure that follows an English comparison base in a list (up from 10.7% a year ago and 10.0% the
        /// previous quarter): the earlier figure is a base and only "and" and qualifier words stand between them.</summary>
        internal bool FollowsEnglishBase(Mention m, Sentence s)
        {
            var clause = ClauseStart(m.Span.Start, s);
            var earlier = FiguresBetween(clause, m.Span.Start).LastOrDefault();
            if (earlier is null || !IsEnglishComparisonBase(earlier, s)) return false;
            var between = _text[earlier.Span.End..m.Span.Start];
            var and = between.LastIndexOf(" and ", StringComparison.OrdinalIgnoreCase);
            return and >= 0 && between[(and + 5)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => EnglishGapWords.Contains(w) || w is "above" or "below");
        }

        /// <summary>The quantity an English change names after its direction word (a 93% increase in deliveries): the cue
        /// belongs to the change written right before it, so a period after it still dates the figure.</summary>
        internal bool NamedAfterChange(int figureEnd, PhraseMatch<Cue> cue)
        {
            if (cue.Value.Kind != CueKind.Metric) return false;
            var direction = CuesIn(figureEnd, cue.Start).FirstOrDefault();
            return direction.Value is { Kind: CueKind.Rise or CueKind.Fall } && Gap(figureEnd, direction.Start).Length == 0
                   && Gap(direction.End, cue.Start) is "in" or "in the" or "in its" or "in their";
        }

        /// <summary>The change of a level bound earlier in the sentence, for an English "respectively" list of changes:
        /// the level's change metric (quarter-on-quarter when so marked), its entity, period, segment and basis; negative
        /// after a fall word.</summary>
        internal Claim? ChangeOfLevel(Item item, Mention level, Sentence s)
        {
            var m = item.Mention;
            var bound = _claims.LastOrDefault(c => c.Provenance.SourceSpan == level.SourceSpan && c.EquivalentOf is null);
            if (bound is null || m.Value is not Percentage p) return Unbound(m, UnboundReason.AmbiguousList);
            var words = CuesIn(level.Span.End, m.Span.Start).ToList();
            var qoq = words.Any(c => c.Value.Kind == CueKind.QuarterOnQuarter);
            var fall = words.LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall).Value?.Kind == CueKind.Fall;
            var definition = _binder._metrics.Find(bound.Metric);
            var id = qoq ? definition?.ChangeQoq : definition?.Change;
            if (id is null) return Unbound(m, UnboundReason.NoMetric);
            var value = fall ? new Percentage(-p.Percent, p.Precision) : p;
            var quote = _text[s.Start..s.End].Trim();
            return bound with
            {
                Metric = id,
                Value = value,
                Qualifier = Qualify(m, s),
                Provenance = new Provenance(_input.Document.Id, _input.Metadata.Outlet, m.SourceSpan, quote),
                RangeEnd = null,
                AsWritten = m.Text,
                StatedEquivalent = null,
            };
        }

        private static readonly string[] SubjectAnaphors = ["the company", "the group", "the firm", "it"];

        /// <summary>An English sentence whose grammatical subject is a word referring back, followed by its verb (The
        /// company is…, It sold…): "the company's", "its" and "the company, which" are not.</summary>
        internal bool OpensWithSubjectAnaphor(Sentence s)
        {
            var head = _text.AsSpan(s.Start, s.End - s.Start).TrimStart();
            foreach (var a in SubjectAnaphors)
                if (head.StartsWith(a, StringComparison.OrdinalIgnoreCase) && head.Length > a.Length + 1 && head[a.Length] == ' ' && char.IsAsciiLetterLower(head[a.Length + 1]))
                    return true;
            return false;
        }

        private static readonly string[] AsOfLeads = ["as of", "as at", "as of the end of", "by the end of"];

        /// <summary>The day an English sentence states its figures at (As of October 31, 2025, it had delivered…): a day
        /// written right after "as of" or "as at" before the figure.</summary>
        internal LocalDate? EnglishAsOfDay(Sentence s, List<Anchor> anchors, int pos)
        {
            foreach (var a in anchors)
            {
                if (a.Start >= pos) break;
                if (a.Kind != AnchorKind.Period || !a.Period.IsDay || a.Unresolved) continue;
                var before = _text.AsSpan(s.Start, a.Start - s.Start).TrimEnd();
                foreach (var lead in AsOfLeads)
                    if (before.EndsWith(lead, StringComparison.OrdinalIgnoreCase) && (before.Length == lead.Length || !char.IsAsciiLetter(before[^(lead.Length + 1)])))
                        return a.Period.Start;
            }
            return null;
        }

        /// <summary>A figure stated as of a day: a balance or running total is that day's; a flow over a period that the
        /// day falls inside runs from the period's start to that day (delivered 241,618 vehicles in 2025, as of October 31).</summary>
        internal static ReportingPeriod AsOf(ReportingPeriod period, LocalDate day, MetricDefinition metric)
        {
            if (metric.Timing is MetricTiming.Stock or MetricTiming.Span) return ReportingPeriod.Day(day);
            if (metric.Timing == MetricTiming.Flow && period.Start < day && day < period.End) return ReportingPeriod.Between(period.Start, day);
            return period;
        }

        /// <summary>A company name joined to a modifier suffix (Xiaomi-backed, Shenzhen-based): not the subject.</summary>
        internal bool IsModifier(EntityMention e)
        {
            foreach (var suffix in _binder._words.EntityModifiersEnglish)
                if (string.Compare(_text, e.Span.End, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }

        /// <summary>The day "on Thursday" names in an English sentence: the last such weekday on or before the
        /// publication date (wires write the weekday of the day they report).</summary>
        internal ReportingPeriod? WeekdayIn(Sentence s)
        {
            if (_input.Metadata.Published is not { } published) return null;
            var days = _binder._words.WeekdaysEnglish;
            for (var k = 0; k < days.Count; k++)
            {
                var at = _text.IndexOf("on " + days[k], s.Start, s.End - s.Start, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                var back = ((int)published.DayOfWeek - (k + 1) + 7) % 7;
                return ReportingPeriod.Day(published.PlusDays(-back));
            }
            return null;
        }

        /// <summary>A price or a market value that its sentence does not date: the company's trading debut when the
        /// article gives it (The shares closed at HK$120.60, up 69%; 上市首日…开盘价报5.12港元), else, in English, the
        /// publication date (a wire reports the day's trading; Chinese features recall earlier days' trading, so a
        /// Chinese figure stays undated).</summary>
        internal ReportingPeriod? TradingDay(MetricDefinition metric, string entity, Sentence s)
        {
            if (metric.Timing != MetricTiming.Instant || !(metric.Id.StartsWith("price.", StringComparison.Ordinal) || metric.Id.StartsWith("market_cap", StringComparison.Ordinal)))
                return null;
            if (_listingDates.TryGetValue(entity, out var day)) return day;
            if (!s.English) return null;
            if (WeekdayIn(s) is { } weekday) return weekday;
            return _input.Metadata.Published is { } published && !_input.Metadata.PublishedInferred ? ReportingPeriod.Day(published) : null;
        }
    }
}
