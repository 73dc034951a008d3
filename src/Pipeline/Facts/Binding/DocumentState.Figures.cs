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

        internal List<Item> Items(Sentence s)
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

        internal bool IsEquivalentOf(Mention m, Item previous)
        {
            if (previous.Equivalent is not null) return false;
            var p = previous.Mention;
            if (p.EquivalentSpan == m.Span || m.EquivalentSpan == p.Span) return true;
            if (p.Value is not Money a || m.Value is not Money b || a.Currency == b.Currency) return false;
            var gap = Gap(p.Span.End, m.Span.Start);
            return gap is "（" or "(" or "（约" or "(约" or "（约合" or "(约合" or "（约合人民币" or "(约合人民币" or "（折合" or "（合"
                or "(about" or "(around" or "(approximately" or "(or" or "(or about" or "(equivalent to" or "(roughly"
                or ", equivalent to" or ", or about" or ", or roughly";
        }

        /// <summary>Marks lists of figures joined by 、/和/及 in one clause and distributes periods over them.</summary>
        internal void Distribute(List<Item> items, List<Anchor> anchors, Sentence s)
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
                    // One span of n whole quarters or years (2024年二季度至2025年一季度的增速分别为86%、44%、24%和10%).
                    if (periods.Count == 1 && n > 1 && SplitPeriod(periods[0], n) is { } parts) periods = parts;
                    var comparisons = periods.Count == n ? null : ComparisonList(items[i].Mention.Span.Start, n, s);
                    for (var k = i; k <= j; k++)
                    {
                        if (periods.Count == n) items[k].DistributedPeriod = periods[k - i];
                        else if (comparisons is not null) items[k].DistributedComparison = comparisons[k - i];
                        else { items[k].Ambiguous = true; items[k].ListIndex = k - i; items[k].ListSize = n; }
                    }
                }
                i = j + 1;
            }
        }

        /// <summary>The comparisons a list of changes is stated against, named before it in its clause (毛利率环比、同比分别
        /// 下降2.1pct、2.8pct): exactly one quarter-on-quarter or year-on-year marker per figure, joined by 、/和/及, both kinds
        /// present. Null otherwise.</summary>
        internal List<CueKind>? ComparisonList(int firstFigure, int n, Sentence s)
        {
            var markers = CuesIn(ClauseStart(firstFigure, s), firstFigure)
                .Where(c => c.Value.Kind is CueKind.QuarterOnQuarter or CueKind.YearOnYear).ToList();
            if (markers.Count != n || markers.Select(c => c.Value.Kind).Distinct().Count() < 2) return null;
            for (var k = 1; k < n; k++)
                if (!IsListGap(Gap(markers[k - 1].End, markers[k].Start))) return null;
            return markers.Select(c => c.Value.Kind).ToList();
        }

        internal bool ClauseBreakFree(int from, int to)
        {
            return _breakFrom[Math.Min(from, _text.Length)] >= to;
        }

        /// <summary>An English list separator between figures or periods: a comma, "and", ", and".</summary>
        internal static bool IsEnglishListGap(string gap)
        {
            var rest = gap.Replace(",", " ").Trim();
            return rest is "" or "and" or "or";
        }

        internal static readonly HashSet<string> PeriodListLead = new(StringComparer.OrdinalIgnoreCase) { "in", "for", "during", "over", "the", "years", "of" };

        /// <summary>English lists with "respectively": the figures joined by commas and "and" take the list of periods
        /// right after them (RMB 1.2 billion, RMB 2.5 billion and RMB 3.1 billion in 2022, 2023 and 2024, respectively)
        /// or right before them (In 2023 and 2024, revenue was …, respectively); lists that do not match stay unbound.</summary>
        internal void DistributeEnglish(List<Item> items, List<Anchor> anchors, Sentence s)
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
                    var levels = periods.Count == n ? null : LevelsBeforeChangeList(items, i, j, s);
                    var named = periods.Count == n || levels is not null ? null : CuesAfterList(items[j].End, marker.Start, n, s);
                    for (var k = i; k <= j; k++)
                    {
                        if (periods.Count == n) items[k].DistributedPeriod = periods[k - i];
                        else if (levels is not null) items[k].ChangeOf = levels[k - i].Mention;
                        else if (named is not null) items[k].DistributedCue = named[k - i];
                        else items[k].Ambiguous = true;
                    }
                }
                i = j + 1;
            }
        }

        /// <summary>The metrics a "respectively" list names after its figures (747 and 23 times among retail and
        /// institutional investors, respectively): exactly as many distinct metric cues between the list and the marker,
        /// joined by commas and "and", with only a few words before the first. Null otherwise.</summary>
        internal List<PhraseMatch<Cue>>? CuesAfterList(int listEnd, int markerStart, int n, Sentence s)
        {
            var cues = MetricCues(listEnd, markerStart, s);
            if (cues.Count != n || cues.Select(c => c.Value.Metric!.Id).Distinct().Count() != n) return null;
            for (var k = 1; k < n; k++)
                if (!IsEnglishListGap(_text[cues[k - 1].End..cues[k].Start])) return null;
            var lead = _text[listEnd..cues[0].Start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return lead.Length <= 3 ? cues : null;
        }

        /// <summary>The levels a "respectively" list of changes refers to: as many amounts or counts right before the
        /// list, each in a clause of its own, with a rise or fall word between the last of them and the list (net revenue
        /// was 105.3 billion yuan, and games revenue was 83.6 billion yuan, with year-on-year growth rates of 1.7% and
        /// 2.5%, respectively). Null when the shape does not hold.</summary>
        internal List<Item>? LevelsBeforeChangeList(List<Item> items, int first, int last, Sentence s)
        {
            var n = last - first + 1;
            if (first < n || items.Skip(first).Take(n).Any(x => x.Mention.Value is not Percentage)) return null;
            var levels = items.GetRange(first - n, n);
            if (levels.Any(x => x.Mention.Value is Percentage or PercentagePoints or Multiple)) return null;
            for (var k = 1; k < n; k++)
                if (ClauseStart(levels[k].Mention.Span.Start, s) == ClauseStart(levels[k - 1].Mention.Span.Start, s)) return null;
            var between = CuesIn(levels[^1].End, items[first].Mention.Span.Start).ToList();
            if (!between.Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall) || between.Any(c => c.Value.Kind == CueKind.Metric)) return null;
            return levels;
        }

        internal List<ReportingPeriod> EnglishPeriodList(List<Anchor> anchors, int listStart, int listEnd, int markerStart)
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

        internal static bool IsListGap(string gap) => gap is "、" or "和" or "及" or "以及" or "与" or "、约" or "和约" or "及约" or "/";

        /// <summary>A range of whole quarters or whole years cut into its <paramref name="n"/> quarters or years, in order;
        /// null when it is not exactly n of either.</summary>
        internal static List<ReportingPeriod>? SplitPeriod(ReportingPeriod span, int n)
        {
            // Only a range written from one period to another (二季度至一季度): a year or 前三季度 with three figures lists
            // three quantities, not three quarters.
            if (span.Kind != PeriodKind.Range) return null;
            var start = span.Start;
            var months = (span.End.Year - start.Year) * 12 + span.End.Month - start.Month + 1;
            if (start.Day != 1 || span.End.PlusDays(1).Day != 1) return null;
            if (start.Month == 1 && months == 12 * n)
                return Enumerable.Range(0, n).Select(k => ReportingPeriod.Year(start.Year + k)).ToList();
            if ((start.Month - 1) % 3 == 0 && months == 3 * n)
                return Enumerable.Range(0, n).Select(k => start.PlusMonths(3 * k)).Select(d => ReportingPeriod.Quarter(d.Year, (d.Month - 1) / 3 + 1)).ToList();
            return null;
        }

        /// <summary>The company's listed segments written as a list before the figures of a list of <paramref name="n"/>
        /// figures in the same sentence (游戏、有道、云音乐业务、创新及其他业务同比分别减少1.5%/9.5%/5.3%/17.0%): the
        /// last n of them, when they are joined by list words only; else null.</summary>
        internal List<string>? SegmentList(string entity, Sentence s, int before, int n)
        {
            var found = _binder._segmentNames.FindAll(entity, _text, s.Start, before);
            if (found.Count < n) return null;
            var run = found.GetRange(found.Count - n, n);
            for (var k = 1; k < n; k++)
            {
                var gap = Gap(run[k - 1].End, run[k].Start);
                foreach (var ending in _binder._words.SegmentSuffixes)
                    if (gap.StartsWith(ending, StringComparison.Ordinal) && ending.Length > 1) { gap = gap[ending.Length..]; break; }
                if (!IsListGap(gap)) return null;
            }
            return run.Select(r => r.Segment).Distinct().Count() == n ? run.Select(r => r.Segment).ToList() : null;
        }
    }
}
