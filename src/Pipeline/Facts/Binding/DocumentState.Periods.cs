using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Facts.Binding;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {

        private Sentence _anchorsSentence;
        private List<Anchor>? _anchors;

        /// <summary>The periods, listing days and same-period words of a sentence, in order. The binder asks for one
        /// sentence's anchors once for the sentence and again for each of its figures' rules: the last sentence's list
        /// is kept (it depends only on the sentence), and no caller changes it.</summary>
        internal List<Anchor> Anchors(Sentence s)
        {
            if (_anchors is not null && _anchorsSentence == s) return _anchors;
            _anchorsSentence = s;
            return _anchors = NewAnchors(s);
        }

        private List<Anchor> NewAnchors(Sentence s)
        {
            var anchors = new List<Anchor>();
            var relative = _frame.RelativePeriods.Where(r => r.Start >= s.Start && r.End <= s.End).ToList();
            foreach (var r in relative)
            {
                // 比亚迪2024年第四季度表现突出，单季营收达…: the quarter the sentence has just named, when the article's own
                // period (a year) gives none.
                var period = r.Period ?? (r.Kind == RelativePeriod.CurrentQuarter ? QuarterNamedBefore(r.Start, s) : null);
                var led = IsBaseLead(r.Start, s);
                // 经营损失157.36亿元，较上季损失147.77亿元: a quarter word read as the reported quarter (上季 in Hong Kong
                // usage) cannot be the base the reported quarter is compared with; after a comparison lead it is the one before.
                if (led && r.Kind == RelativePeriod.CurrentQuarter && period is { Kind: PeriodKind.Quarter } reported)
                    period = ReportingPeriod.Quarter(reported.Start.Month == 1 ? reported.Start.Year - 1 : reported.Start.Year,
                                                     reported.Start.Month == 1 ? 4 : (reported.Start.Month - 1) / 3);
                anchors.Add(new Anchor(r.Start, r.End, AnchorKind.Period, period ?? default, false)
                {
                    Base = r.Kind is RelativePeriod.PriorYearSame or RelativePeriod.PreviousQuarter || led,
                    Unresolved = period is null,
                });
            }
            foreach (var p in Between(_periods, m => m.Span.Start, s.Start, s.End))
            {
                if (relative.Any(r => r.Start < p.Span.End && p.Span.Start < r.End)) continue; // the document's period word wins
                var before = _text.AsSpan(Math.Max(s.Start, p.Span.Start - 4), p.Span.Start - Math.Max(s.Start, p.Span.Start - 4)).Trim();
                var asOf = p.Text.StartsWith("截至", StringComparison.Ordinal) || p.Text.StartsWith("截止", StringComparison.Ordinal)
                           || before.EndsWith("截至", StringComparison.Ordinal) || before.EndsWith("截止", StringComparison.Ordinal);
                anchors.Add(new Anchor(p.Span.Start, p.Span.End, AnchorKind.Period, SamePeriodOf(p), asOf)
                {
                    Base = IsBaseLead(p.Span.Start, s) || DocumentFrameReader.IsComparisonBase(_text, p.Span.Start, p.Span.End, _binder._words),
                });
            }
            foreach (var c in CuesIn(s.Start, s.End))
            {
                // "same period" inside "the same period last year" is part of that period word, not another anchor.
                if (relative.Any(r => r.Start <= c.Start && c.End <= r.End)) continue;
                if (c.Value.Kind == CueKind.ListingDay) anchors.Add(new Anchor(c.Start, c.End, AnchorKind.ListingDay, default, false));
                else if (c.Value.Kind == CueKind.SamePeriod) anchors.Add(new Anchor(c.Start, c.End, AnchorKind.SamePeriod, default, false));
            }
            anchors.Sort((a, b) => a.Start.CompareTo(b.Start));
            return anchors;
        }

        /// <summary>The last quarter written out in the sentence before <paramref name="pos"/>, not as a comparison base.</summary>
        private ReportingPeriod? QuarterNamedBefore(int pos, Sentence s)
        {
            ReportingPeriod? found = null;
            foreach (var p in Between(_periods, m => m.Span.Start, s.Start, pos))
                if (p.Period is { Kind: PeriodKind.Quarter } q && p.Span.End <= pos && !IsBaseLead(p.Span.Start, s)) found = q;
            return found;
        }

        /// <summary>True when a comparison word leads straight into the period at <paramref name="start"/> (较 2024 年,
        /// 由去年同期的): the period of a comparison base.</summary>
        internal bool IsBaseLead(int start, Sentence s)
        {
            var from = Math.Max(s.Start, start - 3);
            var before = _text.AsSpan(from, start - from).TrimEnd();
            if (_binder._words.EndsWithComparisonLead(before)) return true;
            if (!s.English) return false;
            from = Math.Max(s.Start, start - 32);
            var lead = _text.AsSpan(from, start - from);
            foreach (var w in _binder._words.ComparisonLeadsEnglish) if (lead.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>2024 年同期: the article's own period moved to that year (the third quarter of 2024), not the whole year.</summary>
        private ReportingPeriod SamePeriodOf(Mention p)
        {
            var period = p.Period!.Value;
            if (TrailingQuarters(period) is { } trailing) return trailing;
            if (period.Kind != PeriodKind.Year || _frame.CurrentPeriod is not { } current || current.Kind == PeriodKind.Year) return period;
            var after = _text.AsSpan(p.Span.End, Math.Min(3, _text.Length - p.Span.End)).TrimStart();
            if (!after.StartsWith("同期", StringComparison.Ordinal)) return period;
            var years = period.Start.Year - current.Start.Year;
            return current.Kind switch
            {
                PeriodKind.Quarter => ReportingPeriod.Quarter(current.Start.Year + years, (current.Start.Month - 1) / 3 + 1),
                PeriodKind.Half => ReportingPeriod.Half(current.Start.Year + years, current.Start.Month <= 6 ? 1 : 2),
                _ => ReportingPeriod.Between(current.Start.PlusYears(years), current.End.PlusYears(years)),
            };
        }

        /// <summary>过去四季, the past four quarters: a span of whole quarters counted back from the day before publication
        /// is, in an article reporting a quarter, that many quarters up to the end of the reported one (过去四季的资本开支
        /// in coverage of a September quarter: October to September).</summary>
        private ReportingPeriod? TrailingQuarters(ReportingPeriod period)
        {
            if (period.Kind != PeriodKind.Range || _input.Metadata.Published is not { } published || period.End != published.PlusDays(-1)
                || _frame.CurrentPeriod is not { Kind: PeriodKind.Quarter } current) return null;
            var months = Period.Between(period.Start, period.End.PlusDays(1), PeriodUnits.Months).Months;
            if (months is < 3 or > 24 || months % 3 != 0 || period.Start.PlusMonths(months) != period.End.PlusDays(1)) return null;
            return ReportingPeriod.Between(current.End.PlusDays(1).PlusMonths(-months), current.End);
        }

        /// <summary>A comparison base between <paramref name="from"/> and <paramref name="to"/> that is the quarter
        /// before the one the article reports (上一季度, 较 2025 年第二季度的…).</summary>
        internal bool PreviousQuarterBase(List<Anchor> anchors, int from, int to)
        {
            if (_frame.CurrentPeriod is not { Kind: PeriodKind.Quarter } current) return false;
            var previous = current.Start.PlusMonths(-3);
            foreach (var a in anchors)
                if (a.Start >= from && a.End <= to && a.Base && a.Kind == AnchorKind.Period && !a.Unresolved
                    && a.Period.Kind == PeriodKind.Quarter && a.Period.Start == previous)
                    return true;
            return false;
        }

        /// <summary>Only link words between a base period and its figure (的, 为, 也为, 则为正值, an aside in
        /// parentheses): the figure restates the quantity for that period.</summary>
        internal bool IsRestatementGap(int from, int to)
        {
            var residual = 0;
            var depth = 0;
            for (var i = from; i < to; i++)
            {
                var ch = _text[i];
                if (ch is '(' or '（') { depth++; continue; }
                if (ch is ')' or '）') { depth = Math.Max(0, depth - 1); continue; }
                if (depth > 0 || char.IsWhiteSpace(ch) || LinkCharSet.Contains(ch)) continue;
                if (ch is '-' or '−' or '负') continue;
                if (++residual > 2) return false;
            }
            return true;
        }

        internal ReportingPeriod? Resolve(Anchor a, List<Anchor> anchors, string entity, ReportingPeriod? lastPeriod)
        {
            switch (a.Kind)
            {
                case AnchorKind.Period:
                    return a.Unresolved ? null : a.Period;
                case AnchorKind.ListingDay:
                    return _listingDates.TryGetValue(entity, out var d) ? d : null;
                default:
                    // 期内, 同期: the period written last before it; one the text leaves without a year dates nothing.
                    Anchor? previous = null;
                    foreach (var b in anchors)
                        if (b.Start < a.Start && b.Kind == AnchorKind.Period) previous = b;
                    return previous is { } last ? (last.Unresolved ? null : last.Period) : lastPeriod;
            }
        }

        /// <summary>The list of periods right before <paramref name="pos"/> (2022 年、2023 年及 2024 年; 2022 年至 2024 年),
        /// each year of a year span counted.</summary>
        internal List<ReportingPeriod> PeriodList(List<Anchor> anchors, int pos)
        {
            var idx = anchors.FindLastIndex(a => a.End <= pos);
            if (idx < 0 || anchors[idx].Kind != AnchorKind.Period) return [];
            var first = idx;
            while (first > 0 && anchors[first - 1].Kind == AnchorKind.Period && IsConnector(Gap(anchors[first - 1].End, anchors[first].Start))) first--;
            var list = new List<ReportingPeriod>();
            for (var i = first; i <= idx; i++)
            {
                if (anchors[i].Unresolved) return []; // a period of the list the text leaves without a year: no list to pair
                var p = anchors[i].Period;
                if (p.Kind == PeriodKind.YearSpan)
                    for (var y = p.Start.Year; y <= p.End.Year; y++) list.Add(ReportingPeriod.Year(y));
                else list.Add(p);
            }
            return list;
        }

        internal static readonly string[] Connectors = ["以及", "及", "和", "与", "、", "，", ",", "截至", "截止", "或"];

        internal static bool IsConnector(string gap)
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
    }
}
