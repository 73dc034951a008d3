using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts.Binding;
using Pipeline.Facts.Binding.Rules;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {

        internal void BindSentence(Sentence s, EntityMention? subject, string? carried, ref ReportingPeriod? lastPeriod)
        {
            if (!ContinuesStatement(s)) _statement = s.Start;
            var items = Items(s);
            if (items.Count == 0)
            {
                foreach (var a in Anchors(s)) if (Dates(a)) lastPeriod = a.Period;
                return;
            }
            var anchors = Anchors(s);
            if (s.English) DistributeEnglish(items, anchors, s);
            else Distribute(items, anchors, s);
            var lastFigure = int.MaxValue;
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                // A list of figures no period list matches may follow a list of the company's segments.
                if (item.Ambiguous && item.ListSize > 1 && EntityFor(item.Mention.Span.Start, s, subject, carried) is { } owner
                    && SegmentList(owner, s, items[index - item.ListIndex].Mention.Span.Start, item.ListSize) is { } segments)
                {
                    item.DistributedSegment = segments[item.ListIndex];
                    item.Ambiguous = false;
                }
                if (item.Ambiguous || item.Appositive)
                {
                    _reasons[item.Mention] = item.Ambiguous ? UnboundReason.AmbiguousList : UnboundReason.Appositive;
                    continue;
                }
                var claim = item.ChangeOf is { } level ? ChangeOfLevel(item, level, s) : BindItem(item, s, subject, carried, anchors, lastPeriod);
                if (claim is null) continue;
                foreach (var end in RangeEnds(claim, item.Mention)) _claims.Add(end);
                if (PricedAtRangeEnd(claim, item.Mention, s) is { } priced) _claims.Add(priced);
                _used.Add(item.Mention);
                lastFigure = item.Mention.Span.Start;
                if (item.Equivalent is { } eq)
                {
                    _used.Add(eq);
                    if (EquivalentClaim(claim, eq) is { } restated) _claims.Add(restated);
                }
            }
            // The period the sentence's figures were stated for carries on; one written after its last figure
            // (…至188亿美元，创有史以来最高第一季度收入) dated none of them.
            foreach (var a in anchors) if (Dates(a) && a.Start < lastFigure) lastPeriod = a.Period;
        }

        /// <summary>A claim on a range (预计交付12万至12.5万台) as the claims of its two ends: the metrics the lexicon names
        /// for them (<see cref="MetricDefinition.RangeLow"/>: the marketed price range), else two bounds of the metric
        /// itself, at least the low end and at most the high end. The high end keeps its own place in the original.</summary>
        internal IEnumerable<Claim> RangeEnds(Claim claim, Mention m)
        {
            if (claim.RangeEnd is not { } high)
            {
                yield return claim;
                yield break;
            }
            var definition = _binder._metrics.Find(claim.Metric);
            var named = definition?.RangeLow is { } lowId && definition.RangeHigh is { } highId ? (Low: lowId, High: highId) : default;
            var highSpan = m.RangeEndSourceSpan is { } hs && hs.Start > claim.Provenance.SourceSpan.Start ? hs
                : new TextSpan(claim.Provenance.SourceSpan.End - 1, claim.Provenance.SourceSpan.End);
            yield return claim with
            {
                Metric = named.Low ?? claim.Metric,
                RangeEnd = null,
                Qualifier = named.Low is null && claim.Qualifier == Qualifier.Exact ? Qualifier.GreaterOrEqual : claim.Qualifier,
            };
            yield return claim with
            {
                Metric = named.High ?? claim.Metric,
                Value = high,
                RangeEnd = null,
                Qualifier = named.High is null && claim.Qualifier == Qualifier.Exact ? Qualifier.LessOrEqual : claim.Qualifier,
                Provenance = claim.Provenance with { SourceSpan = highSpan },
            };
        }

        /// <summary>A deal priced at one end of its range (以招股价上限36.3元定价): a figure bound to a range end and followed
        /// right away by a cue of the metric whose range that end is (定价 → the offer price) is that metric too. The second
        /// claim keeps its own place in the original: the figure's last character.</summary>
        internal Claim? PricedAtRangeEnd(Claim claim, Mention m, Sentence s)
        {
            if (claim.RangeEnd is not null) return null;
            var end = m.Span.End;
            var next = CuesIn(end, ClauseEnd(end, s)).FirstOrDefault(c => c.Value.Kind == CueKind.Metric);
            if (next.Value?.Metric is not { } priced || priced.Id == claim.Metric || (priced.RangeHigh != claim.Metric && priced.RangeLow != claim.Metric)
                || !IsPostGap(Gap(end, next.Start)) || claim.Provenance.SourceSpan.End - claim.Provenance.SourceSpan.Start < 2)
                return null;
            var span = claim.Provenance.SourceSpan;
            return claim with { Metric = priced.Id, Provenance = claim.Provenance with { SourceSpan = new TextSpan(span.End - 1, span.End) } };
        }

        /// <summary>An anchor that may date the figures of later sentences of the paragraph: a period of the
        /// statement's own (not a base, a day or an unresolved word).</summary>
        internal static bool Dates(Anchor a) => a.Kind == AnchorKind.Period && !a.Base && !a.Unresolved && !a.Period.IsDay;

        /// <summary>The amount stated beside a claim in another currency, as its own claim on the
        /// <see cref="Bases.StatedEquivalent"/> basis, linked to the claim it restates.</summary>
        internal static Claim? EquivalentClaim(Claim claim, Mention equivalent)
        {
            if (equivalent.Value is not Money money || claim.Value is not Money own || own.Currency == money.Currency) return null;
            // A loss read as a negative amount restates as a negative amount (a loss of 1.14 yuan (15 cents) per ADS).
            if (own.Amount < 0 && money.Amount > 0) money = money with { Amount = -money.Amount };
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

        internal Claim? BindItem(Item item, Sentence s, EntityMention? subject, string? carried, List<Anchor> anchors, ReportingPeriod? lastPeriod)
        {
            var m = item.Mention;
            if (m.Numeric is not { } value) return null;
            var pos = m.Span.Start;
            var entity = EntityFor(pos, s, subject, carried);
            if (entity is null) return Unbound(m, UnboundReason.NoEntity);
            var choice = item.DistributedCue is { Value.Metric: { } named } namedCue && (named.Units & KindOf(value)) != 0
                ? new MetricChoice(named, value, namedCue) : Metric(m, value, s);
            if (choice is not var (metric, bound, cueUsed)) return Unbound(m, UnboundReason.NoMetric);
            if (item.DistributedComparison is { } comparison) metric = ComparedAs(metric, comparison);
            if (metric.Listing is { } listing && NamesListing(s, pos) && _binder._metrics.Find(listing) is { } proceeds) metric = proceeds;
            if (metric.Falling is { } falling && FallsBefore(pos, s) && _binder._metrics.Find(falling) is { } low) metric = low;
            if (metric.Timing == MetricTiming.Listing) entity = EntityFor(pos, s, subject, carried, participantsOut: true) ?? entity;
            bound = SignedByLossWord(bound, metric, m, s);

            ReportingPeriod? period;
            if (item.DistributedPeriod is { } dp) period = dp;
            else if (s.English && metric.Timing != MetricTiming.Span && PeriodAfter(item, s, anchors) is { } after)
                period = Resolve(after, anchors, entity, lastPeriod) is { } p ? Adjust(p, after.AsOf, metric) : null;
            else if (s.English && IsEnglishComparisonBase(m, s)) period = null;
            else period = PeriodBefore(anchors, pos, s, metric, entity, lastPeriod);
            if (period is null && !HasUnresolvedDate(s.Start, pos)) period = TradingDay(metric, entity, s);
            if (period is { } dated && s.English && EnglishAsOfDay(s, anchors, pos) is { } asOf) period = AsOf(dated, asOf, metric);
            if (period is null) return Unbound(m, UnboundReason.NoPeriod);
            if (!s.English && metric.Timing == MetricTiming.Flow && period is { Kind: PeriodKind.YearSpan } span) period = SpanEndOf(span, m, s) ?? span;
            else if (!s.English && metric.Timing == MetricTiming.Flow && period is { Kind: PeriodKind.Year } && WrittenSpan(anchors, pos) is { } written)
                period = SpanEndOf(written, m, s) ?? period;

            var quote = _text[s.Start..s.End].Trim();
            var provenance = new Provenance(_input.Document.Id, _input.Metadata.Outlet, m.SourceSpan, quote);
            var qualifier = Qualify(m, s);
            if (qualifier == Qualifier.Exact && metric.Id == RatioMetricOf(m, s)) qualifier = RatioQualifier(m, s);
            var (segment, basis) = cueUsed.Value is null ? ("", Bases.Reported)
                : (_binder._words.IsReportedFigure(metric.Id) ? SegmentOf(cueUsed, s, entity) : "", BasisOf(cueUsed, pos, s, metric.Id));
            // A basis word that is the figure's whole cue (超额配售权 → the over-allotment shares) names the metric, not its basis.
            if (basis != Bases.Reported && cueUsed.Value!.Phrase is var phrase
                && _binder._words.BasisMatcher.FindAll(phrase).Any(b => b.Value.Basis == basis && b.Start == 0 && b.End == phrase.Length)) basis = Bases.Reported;
            if (item.DistributedSegment is { } listed) segment = listed;
            if (segment.Length > 0) _lastSegment = (s.Segment, s.Paragraph, segment);
            // Each figure of a 分别 list has its own segment; none of them is what the statement goes on about.
            if (_binder._words.IsReportedFigure(metric.Id) && item.DistributedSegment is null) _sentenceTopic = (_statement, entity, segment);
            // 港股报55.15港元；A股报收54.50元: a price of another share class is kept apart under it, in yuan.
            var shareClass = ShareClassOf(metric.Id, s.Start, pos);
            if (shareClass is { Length: > 0 }) segment = shareClass;
            var stated = CountedBy(metric, shareClass is { Length: > 0 } ? bound : _binder._currency.Apply(bound, m.Text, metric.Id, pos, _frame));
            return new Claim(entity, metric.Id, period.Value, stated, qualifier, provenance)
            {
                // A range has one currency: a bare 元 read as HKD at its lower end is HKD at its upper end.
                RangeEnd = m.RangeEnd is Money end && stated is Money own ? end with { Currency = own.Currency } : m.RangeEnd as NumericResolution,
                AsWritten = m.Text,
                StatedEquivalent = item.Equivalent?.Value as Money,
                Segment = segment,
                Basis = basis,
            };
        }

        /// <summary>True when a listing word (上市, 挂牌, went public) or a listing-day word stands in the sentence before
        /// <paramref name="pos"/>: the figure is about a listing.</summary>
        private bool NamesListing(Sentence s, int pos) =>
            CuesIn(s.Start, pos).Any(c => c.Value.Kind is CueKind.Listing or CueKind.ListingDay);

        /// <summary>The change metric of the same quantity stated against <paramref name="comparison"/> (a year-on-year
        /// change in percentage points named for a list item stated quarter on quarter is the quarter-on-quarter one).</summary>
        private MetricDefinition ComparedAs(MetricDefinition metric, CueKind comparison)
        {
            var qoq = comparison == CueKind.QuarterOnQuarter;
            foreach (var d in _binder._metrics.Metrics)
            {
                string? target = null;
                if (metric.Id == d.Change || metric.Id == d.ChangeQoq) target = qoq ? d.ChangeQoq : d.Change;
                else if (metric.Id == d.ChangePoints || metric.Id == d.ChangePointsQoq) target = qoq ? d.ChangePointsQoq : d.ChangePoints;
                else continue;
                return target is not null && _binder._metrics.Find(target) is { } found ? found : metric;
            }
            return metric;
        }

        /// <summary>A level that moved over a span of years (2022年至2024年…从12.9亿元飙升至295亿元): the first year's after a
        /// from word, the last year's after a to word (binding.yaml span_moves).</summary>
        private ReportingPeriod? SpanEndOf(ReportingPeriod span, Mention m, Sentence s)
        {
            var before = _text.AsSpan(ClauseStart(m.Span.Start, s), m.Span.Start - ClauseStart(m.Span.Start, s)).TrimEnd();
            foreach (var w in _binder._words.SpanFromWords)
                if (before.EndsWith(w, StringComparison.Ordinal)) return ReportingPeriod.Year(span.Start.Year);
            foreach (var w in _binder._words.SpanToWords)
                if (before.EndsWith(w, StringComparison.Ordinal)) return ReportingPeriod.Year(span.End.Year);
            return null;
        }

        /// <summary>Two years written with a from word and a to word before them, with other words between (从2014年上市至2024年，
        /// 公司营收从98亿元一路攀升至269亿元): the span they bound, which <see cref="SpanEndOf"/> reads like 2014年至2024年.</summary>
        private ReportingPeriod? WrittenSpan(List<Anchor> anchors, int pos)
        {
            var years = anchors.Where(a => a.Kind == AnchorKind.Period && a.End <= pos && a.Period.Kind == PeriodKind.Year).ToList();
            if (years.Count < 2 || years[^2].Period.Start.Year >= years[^1].Period.Start.Year) return null;
            bool Led(Anchor a, IReadOnlyList<string> words)
            {
                var before = _text.AsSpan(0, a.Start).TrimEnd();
                foreach (var w in words) if (before.EndsWith(w, StringComparison.Ordinal)) return true;
                return false;
            }
            return Led(years[^2], _binder._words.SpanFromWords) && Led(years[^1], _binder._words.SpanToWords)
                ? ReportingPeriod.Between(years[^2].Period.Start, years[^1].Period.End) : null;
        }

        /// <summary>A bare number (引入4基石投资者: no classifier after it) bound to a metric that counts things is a count.</summary>
        private static NumericResolution CountedBy(MetricDefinition metric, NumericResolution value) =>
            value is Number { Unit: CountUnit.None } n && (metric.Units & FigureKinds.Count) != 0 ? n with { Unit = CountUnit.Count } : value;

        /// <summary>A profit-type line written as a loss (去年同期蚀29.05亿元 after 经调整EBITA; 转亏3亿元): a loss word right
        /// before the amount (binding.yaml loss_words) makes it negative, unless the metric is a loss itself (net_loss).</summary>
        private NumericResolution SignedByLossWord(NumericResolution value, MetricDefinition metric, Mention m, Sentence s)
        {
            if (s.English || value is not Money { Amount: > 0 } money || metric.Id.EndsWith("_loss", StringComparison.Ordinal)
                || _binder._metrics.IsChange(metric.Id)) return value;
            var clause = ClauseStart(m.Span.Start, s);
            // 稀释净亏损：0.62元: a label's colon joins the loss word to its amount.
            if (clause > s.Start && _text[clause - 1] is ':' or '：') clause = ClauseStart(clause - 1, s);
            ReadOnlySpan<char> Before(int length) => _text.AsSpan(Math.Max(clause, m.Span.Start - length), m.Span.Start - Math.Max(clause, m.Span.Start - length));
            // 扭亏为盈, 转亏为盈: the loss is behind; the amount is a profit.
            foreach (var w in _binder._words.LossReversals)
                if (Before(8).Contains(w, StringComparison.Ordinal)) return value;
            var before = Before(4);
            foreach (var w in _binder._words.LossWords)
                if (before.Contains(w, StringComparison.Ordinal)) return money with { Amount = -money.Amount };
            return value;
        }

        /// <summary>The last segment a figure was bound to (for 该板块, 相关 in the sentences after it).</summary>
        private (int DocumentSegment, int Paragraph, string Name)? _lastSegment;

        /// <summary>The segment the last results figure of the statement was bound to (its statement start, company and
        /// segment): the clauses after it go on about that segment (阿里云智能收入大升34%之余，亦录得经调整EBITA 36.04亿元),
        /// and so do the clauses after a semicolon (国际数字商业集团收入348亿元，多一成；经调整EBITA转赚1.62亿元).</summary>
        private (int Statement, string Entity, string Segment)? _sentenceTopic;

        /// <summary>Where the statement of the sentence being bound starts: the sentence's own start, or that of the
        /// sentence before it when a semicolon joins them.</summary>
        private int _statement = -1;

        /// <summary>The segment of a figure under its company's own name for it (<see cref="SegmentCatalogue"/>): the one
        /// the article writes before the cue when the lexicon knows it; else a segment of the company the lexicon knows,
        /// written in the cue's clause before it, when it holds what the segment reader read (百度核心业务营收, 在线营销收入:
        /// the reader leaves out the company's name and the link word 在); else in a leading clause of the sentence with no
        /// figure between (汽车业务作为核心支柱，2024年实现收入…); else the segment as written.</summary>
        internal string SegmentOf(PhraseMatch<Cue> cue, Sentence s, string entity)
        {
            var written = WrittenSegment(cue, s, entity);
            var names = _binder._segmentNames;
            if (names.Known(entity, written) is { } known) return known;
            var clause = ClauseStart(cue.Start, s);
            if (names.Find(entity, _text, AfterFigures(clause, cue.Start), cue.Start, out var name) is { } found
                && (name.Contains(written, StringComparison.OrdinalIgnoreCase) || written.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    || written.EndsWith(names.Stem(name), StringComparison.OrdinalIgnoreCase)))
                return found;
            if (written.Length > 0) return written;
            if (_binder._words.SegmentCues.TryGetValue(cue.Value.Phrase, out var channel)) return channel;
            var opens = clause <= s.Start;
            if (opens && !(ContinuesStatement(s) && !NamesPeriod(s.Start, cue.Start)) || NamesWholeCompany(clause, cue.End)) return "";
            if (_sentenceTopic is { } t && t.Statement == _statement && t.Entity == entity) return t.Segment;
            if (opens) return "";
            return names.Find(entity, _text, AfterFigures(s.Start, clause), clause, out _) ?? "";
        }

        /// <summary>True when [from, to) names a period (10月, 上季): a clause after a semicolon that dates itself is a new
        /// item (汽车销售利润率升至14.7%；10月共交付40397辆汽车), not more about the segment before it.</summary>
        private bool NamesPeriod(int from, int to) =>
            Between(_periods, m => m.Span.Start, from, to).Any() || _frame.RelativePeriods.Any(r => r.Start >= from && r.End <= to);

        /// <summary>True when the clause up to the cue names the company or its whole (集团, 总收入, overall): the figure
        /// is the company's, not the segment an earlier clause of the sentence was about.</summary>
        private bool NamesWholeCompany(int clause, int cueEnd)
        {
            if (EntitiesIn(clause, cueEnd).Any()) return true;
            var span = _text.AsSpan(clause, cueEnd - clause);
            foreach (var w in _binder._words.WholeCompanyWords)
                if (span.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The segment named right before the cue, after the nearest entity, period, figure or other cue of its
        /// clause (<see cref="SegmentReader"/>); never the entity itself.</summary>
        private string WrittenSegment(PhraseMatch<Cue> cue, Sentence s, string entity)
        {
            if (s.English && NamedSegment(cue, s) is { } named) return named;
            var floor = ClauseStart(cue.Start, s);
            foreach (var e in EntitiesIn(floor, cue.Start)) floor = Math.Max(floor, e.Span.End);
            foreach (var p in Between(_periods, m => m.Span.Start, floor, cue.Start)) floor = Math.Max(floor, Math.Min(p.Span.End, cue.Start));
            floor = AfterFigures(floor, cue.Start);
            foreach (var c in CuesIn(floor, cue.Start)) if (c.End <= cue.Start) floor = Math.Max(floor, c.End);
            foreach (var r in _frame.RelativePeriods) if (r.End <= cue.Start && r.End > floor) floor = r.End;
            var before = _text.AsSpan(floor, cue.Start - floor).Trim();
            // 该板块净营收: the words that end a segment phrase (净, 总, 的) may stand between the anaphor and the cue.
            for (var trimmed = true; trimmed;)
            {
                foreach (var anaphor in _binder._words.SegmentAnaphors)
                    if (before.EndsWith(anaphor, StringComparison.Ordinal))
                        return _lastSegment is { } last && s.Segment == last.DocumentSegment && s.Paragraph - last.Paragraph <= 1 ? last.Name : "";
                trimmed = false;
                foreach (var w in _binder._words.SegmentSuffixes)
                    if (!trimmed && before.Length > w.Length && before.EndsWith(w, StringComparison.Ordinal)) { before = before[..^w.Length].TrimEnd(); trimmed = true; }
            }
            var segment = _binder._segments.Read(_text, floor, cue.Start, [entity, _frame.MainEntity ?? ""]);
            if (segment == entity || s.English && _binder._entities.CanonicalOf(segment) == entity || _binder._entities.IsTradeOfName(entity, segment)) return "";
            if (segment.Length > 0)
                foreach (var prefix in _binder._words.SegmentCuePrefixes)
                    if (cue.Value.Phrase.StartsWith(prefix, StringComparison.Ordinal) && !segment.EndsWith(prefix, StringComparison.Ordinal))
                        return segment + prefix;
            return segment;
        }

        /// <summary>The basis written in the cue's clause before the figure (经调整净利润…，按年跌72%: adjusted), else in the
        /// sentence's leading clause when that clause states no figure: it qualifies what follows (剔除汇兑损益，Q4净利润同比下降
        /// 1.38%; 前述超额配售权悉数行使后，H股由…增加至258,197,600股), except a comparison base before a rise or fall; else, for a
        /// results figure, in a framing clause before it with no figure between (…，按照非香港财务报告准则计算，净利润…: adjusted).</summary>
        internal string BasisOf(PhraseMatch<Cue> cue, int pos, Sentence s, string metric)
        {
            var start = ClauseStart(cue.Start, s);
            var basis = _binder._bases.Read(_text, start, Math.Max(s.English ? EnglishBasisEnd(pos, s) : pos, cue.End), metric);
            if (basis != Bases.Reported) return basis;
            if (start <= s.Start)
                return !_binder._words.IsReportedFigure(metric) ? basis
                    : FramingBasis(start, s, metric) is var framed && framed != Bases.Reported ? framed : ListLeadBasis(s, metric);
            var lead = ClauseEnd(s.Start, s);
            if (lead < start && !Between(_figures, m => m.Span.Start, s.Start, lead).Any()
                // A comparison base (由224,519,800股增加至258,197,600股) is the figure before what the leading clause describes.
                && !ChangeBetween(pos, ClauseEnd(pos, s)))
            {
                basis = _binder._bases.Read(_text, s.Start, lead, metric);
                if (basis != Bases.Reported) return basis;
            }
            // Deal terms keep to their clause (假设超额配股权未获行使，…，公开发售…: each clause its own basis), except
            // under a condition clause before them (若超额配股权悉数行使，…，最终募资额有望达62.18亿港元).
            // A broker's count earlier in the sentence (融资申购倍数高达698.57倍，超额认购超过930倍) holds for what follows it,
            // unless the figure's clause says it is the final one (…，最终公开发售获1500倍认购).
            if (_binder._words.SentenceScopeEnds.FindAll(_text, start, pos).Count == 0)
            {
                basis = _binder._bases.ReadSentenceScoped(_text, s.Start, start, metric);
                if (basis != Bases.Reported) return basis;
            }
            if (!_binder._words.IsReportedFigure(metric)) return ConditionBasis(start, s, metric);
            basis = _binder._bases.Read(_text, AfterFigures(s.Start, start), start, metric);
            if (basis != Bases.Reported) return basis;
            basis = FramingBasis(start, s, metric);
            return basis != Bases.Reported ? basis : ListLeadBasis(s, metric);
        }

        /// <summary>The basis of a framing clause (a basis and no figure) earlier in the statement (the sentences a
        /// semicolon joins), reached over a run of figure lines that state no basis of their own: it qualifies each line
        /// of the run (按非香港财务报告准则计量，集团的经营溢利率为3.4%，净利率为2.1%; 剔除长期资产减值影响后，经营利润为11亿元…；
        /// 归属百度的净利润为26亿元). A line with a basis of its own, or a clause with no figure and no basis (根据披露数据估算，
        /// MEGA召回影响下，…), ends the run. Reported when there is none.</summary>
        private string FramingBasis(int clause, Sentence s, string metric)
        {
            var floor = s.AfterSemicolon && _statement >= 0 && _statement < s.Start ? _statement : s.Start;
            foreach (var (start, end) in ClausesBefore(clause, floor))
            {
                var basis = _binder._bases.Read(_text, start, end, metric);
                var stated = Between(_figures, m => m.Span.Start, start, end).Any();
                if (basis != Bases.Reported) return stated ? Bases.Reported : basis;
                if (!stated) break;
            }
            return Bases.Reported;
        }

        /// <summary>The basis a condition clause earlier in the sentence states for what follows it (若超额配股权悉数行使,
        /// 最多可额外发行约2.03亿股, 最终募资额有望达62.18亿港元): the clause opens with a condition word (binding.yaml
        /// <c>condition_words</c>) and states no figure. Metrics whose id says the basis (<c>basis_in_metric</c>) take
        /// none. Reported when there is no such clause.</summary>
        private string ConditionBasis(int clause, Sentence s, string metric)
        {
            foreach (var (start, end) in ClausesBefore(clause, s.Start))
            {
                var text = _text.AsSpan(start, end - start).TrimStart();
                foreach (var w in _binder._words.ConditionWords)
                    if (text.StartsWith(w, StringComparison.Ordinal) && !Between(_figures, m => m.Span.Start, start, end).Any()
                        && _binder._bases.Read(_text, start, end, metric) is var basis && basis != Bases.Reported)
                        return basis;
            }
            return Bases.Reported;
        }

        /// <summary>The share class of a price or market value (<see cref="BindingLexicon.ShareClasses"/>): the segment the
        /// last class word before the figure in its sentence maps to, empty for the class the story covers; null when the
        /// sentence names none or the metric is no price.</summary>
        private string? ShareClassOf(string metric, int from, int pos)
        {
            if (!_binder._words.HasShareClass(metric)) return null;
            var named = _binder._words.ShareClasses.FindAll(_text, from, pos);
            return named.Count == 0 ? null : named[^1].Value;
        }

        /// <summary>The period of a figure from the anchors before it in its sentence: the nearest one (a flow is not
        /// dated by a day: that is when it was announced); past a comparison base (由 2024 年同期的 936 亿元增长 2.0% 至
        /// 955 亿元) the change and the new level take the sentence's own period, else the period carried in the
        /// paragraph, else the document's. With no anchor: the listing day for deal terms, the carried or the document's
        /// period for flows and balances.</summary>
        internal ReportingPeriod? PeriodBefore(List<Anchor> anchors, int pos, Sentence s, MetricDefinition metric, string entity, ReportingPeriod? lastPeriod)
        {
            // A results figure is not dated by a day (that is when it was announced); a deal term may be (拟募资 on the day filed).
            var flow = metric.Timing == MetricTiming.Flow && _binder._words.IsReportedFigure(metric.Id);
            var before = anchors.Where(a => a.Start < pos && !(flow && a.Kind == AnchorKind.Period && a.Period.IsDay && !a.Unresolved)).ToList();
            if (metric.Timing == MetricTiming.Span)
            {
                var spans = before.Where(a => a.Kind == AnchorKind.Period && !a.Unresolved).Select(a => a.Period).ToList();
                return spans.Count == 0 ? null : ReportingPeriod.Between(spans.Min(p => p.Start), spans.Max(p => p.End));
            }
            // 上市首日…，次日继续上涨14.01%至137.5港元: a price or a market value after a next-day word is the next trading day's.
            if (metric.Timing == MetricTiming.Instant && before.Count > 0 && NextTradingDay(before[^1], anchors, pos, s, entity, lastPeriod) is { } next)
                return next;
            // A nearer date the recognizers could not resolve (5月15日至20日招股，计划发行2.2亿股) is the figure's own, so
            // it cannot be dated; but a deal term belongs to the deal whatever day it was set: it takes the deal's key.
            if (HasUnresolvedDate(before.Count > 0 ? before[^1].End : s.Start, pos))
                return metric.Timing == MetricTiming.Listing ? DealPeriod(entity) : null;
            if (before.Count > 0)
            {
                var a = before[^1];
                if (IsAlternative(a, s)) return null;
                // English writes the new level after the base: fell 3.9% from a year earlier to 30.75 billion yuan.
                // 与去年同期的970亿元相比录得7%的增长: a change stated after the base's own figure is the sentence's.
                if (a.Base && (ChangeBetween(a.End, pos) || ComparativeBefore(a.End, pos) is not null || s.English && Gap(a.End, pos) is "to" or ", to"
                               || _binder._metrics.IsChange(metric.Id) && Between(_figures, m => m.Span.Start, a.End, pos).Any()))
                {
                    var own = before.LastOrDefault(b => !b.Base && b.Start < a.Start && b.Kind == AnchorKind.Period);
                    if (own.Kind == AnchorKind.Period && own.End > 0) return Resolve(own, anchors, entity, lastPeriod) is { } p0 ? Adjust(p0, own.AsOf, metric) : null;
                    return Fallback(metric, lastPeriod, entity, s);
                }
                if (Resolve(a, anchors, entity, lastPeriod) is { } p) return Adjust(p, a.AsOf, metric);
                // 上市首日… with no listing day known: a deal term after it still belongs to the deal.
                if (metric.Timing == MetricTiming.Listing && a.Kind == AnchorKind.ListingDay) return DealPeriod(entity);
                // 期内总收入2991亿元 at the head of a paragraph: the period the document reports.
                return a.Kind == AnchorKind.SamePeriod && !a.Base ? Fallback(metric, lastPeriod, entity, s) : null;
            }
            if (metric.Timing == MetricTiming.Listing) return DealPeriod(entity);
            return Fallback(metric, lastPeriod, entity, s);
        }

        /// <summary>The trading day after the day the anchor names, when a next-day word (binding.yaml <c>next_day_words</c>:
        /// 次日, the following session) stands between the anchor and the figure: the exchange is the one whose currency the
        /// sentence's amounts are in (else the article's listing currency), its holidays and weekends skipped
        /// (<see cref="TradingCalendars"/>). Null when there is no such word, day or calendar.</summary>
        private ReportingPeriod? NextTradingDay(Anchor a, List<Anchor> anchors, int pos, Sentence s, string entity, ReportingPeriod? lastPeriod)
        {
            if (a.End >= pos || _binder._words.NextDayWords.FindAll(_text, a.End, pos).Count == 0) return null;
            if (Resolve(a, anchors, entity, lastPeriod) is not { IsDay: true } day) return null;
            var currency = Between(_figures, f => f.Span.Start, s.Start, s.End).Select(f => f.Value).OfType<Money>().Select(m => (Currency?)m.Currency).FirstOrDefault()
                           ?? _frame.ListingCurrency;
            return currency is { } c && _binder._calendars.NextTradingDay(day.Start, c) is { } next ? ReportingPeriod.Day(next) : null;
        }

        /// <summary>The key of a deal term with no date of its own: the company's listing day, else the offering of the
        /// year the article reports it (one key for every outlet covering the deal that year): its publication year, else
        /// the latest year it writes, else the year the batch's other articles on the company give their deal terms.</summary>
        internal ReportingPeriod? DealPeriod(string entity)
        {
            if (_listingDates.TryGetValue(entity, out var day)) return day;
            if (_frame.ReportYear is { } year) return ReportingPeriod.Year(year);
            return entity == _frame.MainEntity && _input.Metadata.CoveredDealYear(entity) is { } covered ? covered : null;
        }

        /// <summary>A flow whose sentence names no period: the period of the statement it continues after a semicolon,
        /// else, for the company the story is about, the period the document reports.</summary>
        internal ReportingPeriod? Fallback(MetricDefinition metric, ReportingPeriod? lastPeriod, string entity, Sentence s)
        {
            if (metric.Timing is MetricTiming.Stock)
            {
                if (BalanceDay(metric))
                    return _frame.CurrentPeriod is { } reported && entity == MainEntityOf(s.Segment) ? ReportingPeriod.Day(reported.End) : null;
                // An audience in a statement the period opened (第三季度财报：营收…；用户规模方面，DAU达4.16亿) is that period's.
                return s.AfterSemicolon && lastPeriod is { Kind: not (PeriodKind.Range or PeriodKind.Day) } opened ? opened : null;
            }
            if (metric.Timing is not MetricTiming.Flow) return null;
            // Past a full stop only a reporting period carries (not 过去15个季度, a span up to the day of writing).
            if (lastPeriod is { } carried && (s.AfterSemicolon || carried.Kind != PeriodKind.Range)) return carried;
            return _frame.CurrentPeriod is { } current && entity == MainEntityOf(s.Segment) && _binder._words.IsReportedFigure(metric.Id) ? current : null;
        }

        /// <summary>True when the metric is a balance a results release states as of the end of the period it reports
        /// (binding.yaml <c>balance_metrics</c>: cash, cash and investments); audiences, run rates and valuations are not.</summary>
        private bool BalanceDay(MetricDefinition metric) => _binder._words.BalanceMetrics.Contains(metric.Id);

        /// <summary>A comparative of binding.yaml <c>comparatives</c> (低, 高出) written after a base and right before the figure
        /// at <paramref name="pos"/>, only qualifiers between (较招股价低7.01%): true for a fall, false for a rise, null when
        /// none stands there.</summary>
        internal bool? ComparativeBefore(int from, int pos)
        {
            var before = Gap(from, pos);
            foreach (var (word, fall) in _binder._words.Comparatives)
            {
                var at = before.LastIndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && IsQualifierGap(before[(at + word.Length)..])) return fall;
            }
            return null;
        }

        /// <summary>True when a rise or fall word stands between a comparison base and the figure.</summary>
        /// <summary>True when a fall word and no rise word stands in the figure's clause before it (盘中跌幅一度超过10%至118港元).</summary>
        private bool FallsBefore(int pos, Sentence s)
        {
            var cues = CuesIn(ClauseStart(pos, s), pos);
            return cues.Any(c => c.Value.Kind == CueKind.Fall) && !cues.Any(c => c.Value.Kind == CueKind.Rise);
        }

        internal bool ChangeBetween(int from, int to) => CuesIn(from, to).Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);

        internal static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

        internal static readonly HashSet<string> PeriodPrepositions = new(StringComparer.OrdinalIgnoreCase)
            { "in", "on", "for", "during", "at", "the", "end", "of", "as", "by", "each", "a", "share", "per" };

        /// <summary>English dates a figure after it (net loss was RMB 1.2 billion in 2024; opened at HK$31.20 on the
        /// first day). The first period after the figure in its clause, unless a metric cue or a comparison word comes
        /// between (up 20% from 2023): taken when only prepositions separate them (…RMB 410 million in 2023, even after
        /// an earlier period), or when the clause has no period before the figure.</summary>
        internal Anchor? PeriodAfter(Item item, Sentence s, List<Anchor> anchors)
        {
            var pos = item.Mention.Span.Start;
            var clause = ClauseStart(pos, s);
            var end = ClauseEnd(item.End, s);
            foreach (var a in anchors)
            {
                if (a.Start < item.End) continue;
                if (a.Start >= end) return null;
                if (CuesIn(item.End, a.Start).Any(c => c.Value.Kind is CueKind.Metric or CueKind.Comparison && !NamedAfterChange(item.End, c))) return null;
                var gap = _text[item.End..a.Start];
                var words = gap.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                if (words.Any(w => _binder._words.ComparisonFigureLeadsEnglish.Contains(w, StringComparer.OrdinalIgnoreCase))) return null;
                // A comparison base is dated only by a period written out (from 44.1% a year earlier: not by a
                // relative period the recognizers resolved against the publication date).
                if (IsEnglishComparisonBase(item.Mention, s) && !_text.AsSpan(a.Start, a.End - a.Start).ContainsAny(Digits)
                    && BasePeriodAfter(item.Mention, s, anchors) is null) return null;
                var adjacent = words.All(PeriodPrepositions.Contains)
                               && !Between(_figures, f => f.Span.Start, item.End, a.Start).Any(f => !ReferenceEquals(f, item.Equivalent));
                if (adjacent || !anchors.Any(b => b.Start >= clause && b.Start < pos)) return a;
                return null;
            }
            return null;
        }

        /// <summary>An English figure stated as a comparison base (rose to RMB 3 billion from RMB 2 billion): without a
        /// period of its own it is not dated by the sentence's period.</summary>
        internal bool IsEnglishComparisonBase(Mention m, Sentence s)
        {
            var from = Math.Max(s.Start, m.Span.Start - 16);
            var before = _text.AsSpan(from, m.Span.Start - from).TrimEnd();
            foreach (var w in _binder._words.ComparisonFigureLeadsEnglish)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return true;
            return false;
        }

        /// <summary>True when a date the recognizers could not resolve (1 月 16 日 with no year known) stands between the
        /// period found and the figure: that nearer date is the figure's, so the figure cannot be dated.</summary>
        internal bool HasUnresolvedDate(int from, int to)
        {
            // 次日继续上涨14.01%至137.5港元: the day after another, which only a trading calendar could name.
            if (from < to && _binder._words.NextDayWords.FindAll(_text, from, to).Count > 0) return true;
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

        /// <summary>In an article with no publication date, a day written without a year (5月23日) whose month and day
        /// are those of the listing day the batch's other articles give the article's company is that listing day: the
        /// year a recognizer guessed for it from a year written nearby (2020年以来), or could not find at all, gives way.
        /// Any other yearless day keeps what the recognizers read.</summary>
        internal void RedateToCoveredListingDay()
        {
            if (_input.Metadata.Published is not null || _frame.MainEntity is not { } main
                || _input.Metadata.CoveredListingDay(main) is not { IsDay: true } listed) return;
            var changed = false;
            for (var i = 0; i < _periods.Count; i++)
            {
                var p = _periods[i];
                if (p.Period is { IsDay: true } day && day != listed && SameMonthDay(day, listed) && YearlessDay(p.Text))
                {
                    _periods[i] = p with { Value = new PeriodResolution(listed) };
                    changed = true;
                }
            }
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] is not ('日' or '号') || MonthDayBefore(i) is not var (start, month, dayOfMonth)) continue;
                if (month != listed.Start.Month || dayOfMonth != listed.Start.Day || InsideMention(_periods, start, i + 1)) continue;
                _periods.Add(new Mention(MentionKind.Date, new TextSpan(start, i + 1), _text[start..(i + 1)], new PeriodResolution(listed)));
                changed = true;
            }
            if (changed) _periods.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

        private static bool SameMonthDay(ReportingPeriod a, ReportingPeriod b) => a.Start.Month == b.Start.Month && a.Start.Day == b.Start.Day;

        /// <summary>A day written as month and day only (5月23日, 5 月 23 日).</summary>
        private static bool YearlessDay(string text)
        {
            foreach (var ch in text)
                if (!(char.IsAsciiDigit(ch) || ch is ' ' or '月' or '日' or '号')) return false;
            return text.Contains('月');
        }

        /// <summary>The month and day written right before the day word at <paramref name="at"/> (5月23日), with where they
        /// start; null when no month is written there. A date written with its year is the recognizers' mention already.</summary>
        private (int Start, int Month, int Day)? MonthDayBefore(int at)
        {
            var j = at;
            int? Digits(ref int k)
            {
                while (k > 0 && _text[k - 1] == ' ') k--;
                var end = k;
                while (k > 0 && char.IsAsciiDigit(_text[k - 1]) && end - k < 2) k--;
                return k < end && int.TryParse(_text.AsSpan(k, end - k), out var v) ? v : null;
            }
            if (Digits(ref j) is not { } day) return null;
            while (j > 0 && _text[j - 1] == ' ') j--;
            if (j == 0 || _text[j - 1] != '月') return null;
            j--;
            if (Digits(ref j) is not { } month || month is < 1 or > 12 || day is < 1 or > 31) return null;
            var before = j;
            while (before > 0 && _text[before - 1] == ' ') before--;
            if (before > 0 && char.IsAsciiDigit(_text[before - 1])) return null;
            return (j, month, day);
        }

        /// <summary>A period offered as one of alternatives (2026 年年中或年末) does not date a figure.</summary>
        internal bool IsAlternative(Anchor a, Sentence s)
        {
            var before = _text.AsSpan(s.Start, a.Start - s.Start).TrimEnd();
            return before.EndsWith("或", StringComparison.Ordinal) || before.EndsWith("或者", StringComparison.Ordinal);
        }

        /// <summary>A day for metrics read on a day: 截至 2025 年 9 月 → 2025-09-30; a stock in a month (2023年12月完成D轮融资后，
        /// 估值达87.1亿美元; 10月份突破7亿) is read at the month's end, and a balance (2024年现金储备1549亿元) at the end of
        /// any period it is stated for; otherwise prices need a written day.</summary>
        internal ReportingPeriod? Adjust(ReportingPeriod p, bool asOf, MetricDefinition metric)
        {
            if (p.IsDay || metric.Timing is MetricTiming.Flow or MetricTiming.Listing) return p;
            if ((asOf || metric.Timing == MetricTiming.Stock && BalanceDay(metric))
                && p.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half or PeriodKind.Year) return ReportingPeriod.Day(p.End);
            if (metric.Timing == MetricTiming.Stock && p.Kind == PeriodKind.Month) return ReportingPeriod.Day(p.End);
            return metric.Timing == MetricTiming.Instant ? null : p;
        }

        /// <summary>The ratio metric a figure was read as (set by the ratio rule), to qualify it by its whole phrase.</summary>
        internal readonly Dictionary<Mention, string> _ratioFigures = new(ReferenceEqualityComparer.Instance);

        internal string? RatioMetricOf(Mention m, Sentence s) => _ratioFigures.GetValueOrDefault(m);

        /// <summary>约为当年收入的六倍: the 约 qualifies the ratio though it stands before the denominator.</summary>
        internal Qualifier RatioQualifier(Mention m, Sentence s)
        {
            var clause = ClauseStart(m.Span.Start, s);
            var phrase = _text.AsSpan(clause, m.Span.Start - clause);
            if (phrase.Contains("约", StringComparison.Ordinal)) return Qualifier.Approximate;
            if (phrase.Contains("超过", StringComparison.Ordinal)) return Qualifier.GreaterThan;
            if (phrase.Contains("近", StringComparison.Ordinal)) return Qualifier.LessThan;
            return Qualifier.Exact;
        }

        internal Qualifier QualifyEnglish(Mention m, Sentence s)
        {
            var from = Math.Max(s.Start, m.Span.Start - 24);
            var before = _text.AsSpan(from, m.Span.Start - from).TrimEnd();
            if (IsPeakMove(m, s)) return Qualifier.Exact;
            foreach (var (w, q) in _binder._words.QualifiersBeforeEnglish)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return q;
            var after = _text.AsSpan(m.Span.End, Math.Min(10, s.End - m.Span.End)).TrimStart();
            foreach (var (w, q) in _binder._words.QualifiersAfterEnglish)
                if (after.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (after.Length == w.Length || !char.IsAsciiLetter(after[w.Length])))
                    return q;
            return Qualifier.Exact;
        }

        private static readonly string[] ComparativeWords = ["above ", "below "];

        internal Qualifier Qualify(Mention m, Sentence s)
        {
            // up from 13.1% in the prior year and above 10.3% in the previous quarter: "above" compares the sentence's
            // figure with the base; the base itself is exact.
            if (s.English && m.Qualifier is Qualifier.GreaterThan or Qualifier.LessThan && ComparativeWords.Any(w => m.Text.StartsWith(w, StringComparison.OrdinalIgnoreCase))
                && FollowsEnglishBase(m, s)) return Qualifier.Exact;
            if (m.Qualifier != Qualifier.Exact) return m.Qualifier;
            if (s.English) return QualifyEnglish(m, s);
            var before = _text.AsSpan(Math.Max(s.Start, m.Span.Start - 6), m.Span.Start - Math.Max(s.Start, m.Span.Start - 6)).TrimEnd();
            foreach (var (w, q) in _binder._words.QualifiersBefore) if (before.EndsWith(w, StringComparison.Ordinal)) return q;
            // A verb between the qualifier and the figure (超过了, 约为, 逾达): 最高可达 is matched whole above.
            if (before.Length > 1 && before[^1] is '为' or '达' or '了' or '合' or '至' or '到') before = before[..^1].TrimEnd();
            foreach (var (w, q) in _binder._words.QualifiersBefore) if (before.EndsWith(w, StringComparison.Ordinal)) return q;
            var after = _text.AsSpan(m.Span.End, Math.Min(3, s.End - m.Span.End)).TrimStart();
            foreach (var (w, q) in _binder._words.QualifiersAfter) if (after.StartsWith(w, StringComparison.Ordinal)) return q;
            return Qualifier.Exact;
        }
    }
}
