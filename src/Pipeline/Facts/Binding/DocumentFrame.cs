using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>
/// What a whole article establishes for every sentence in it: the company it is about, the period it reports, the
/// currency its bare amounts are in, and where relative period words (上季, 去年同期, the quarter) stand. Read once per
/// document by <see cref="DocumentFrameReader"/>; sentences fall back to it only when they say nothing themselves.
/// </summary>
public sealed record DocumentFrame
{
    /// <summary>The company the article is about, when one company clearly dominates it.</summary>
    public string? MainEntity { get; init; }

    /// <summary>The period the article reports (a quarter, a half or a year), when it can be told.</summary>
    public ReportingPeriod? CurrentPeriod { get; init; }

    /// <summary>The year the article reports in: its publication year, else the year it writes most.</summary>
    public int? ReportYear { get; init; }

    /// <summary>The currency of share prices and deal terms written with a bare 元 (a Hong Kong or Taiwan outlet).</summary>
    public Currency? ListingCurrency { get; init; }

    /// <summary>Currency scopes ((人民币，下同)): from each position on, a bare amount is in that currency.</summary>
    public IReadOnlyList<(int Start, Currency Currency)> CurrencyScopes { get; init; } = [];

    /// <summary>Relative period words with the period each stands for (null where the document's period is unknown).</summary>
    public IReadOnlyList<RelativePeriodMention> RelativePeriods { get; init; } = [];

    public static DocumentFrame Empty { get; } = new();

    /// <summary>The scoped currency at <paramref name="position"/>, if any.</summary>
    public Currency? ScopeAt(int position)
    {
        Currency? found = null;
        foreach (var (start, currency) in CurrencyScopes)
        {
            if (start > position) break;
            found = currency;
        }
        return found;
    }
}

/// <summary>A relative period word in the text and what it resolves to.</summary>
public readonly record struct RelativePeriodMention(int Start, int End, RelativePeriod Kind, ReportingPeriod? Period);

/// <summary>Reads a <see cref="DocumentFrame"/>: pure, from the text, its mentions and its metadata.</summary>
public sealed class DocumentFrameReader(BindingLexicon lexicon, Func<string, NodaTime.AnnualDate?>? fiscalYearEnd = null)
{
    private readonly FiscalPeriodReader _fiscal = new(lexicon);

    /// <summary>Characters of the headline and lede, where an article names its subject and its period.</summary>
    private const int LedeLength = 240;

    public DocumentFrame Read(string text, IReadOnlyList<EntityMention> entities, IReadOnlyList<Mention> periods, DocumentMetadata metadata)
    {
        // Quarters named without a year (the third quarter, 三季度), unless the recognizer read a year with them.
        var named = lexicon.NamedQuarters.FindAll(text)
            .Where(q => !periods.Any(p => p.Span.Start < q.End && q.Start < p.Span.End && HasYear(p.Text))).ToList();
        var year = YearOf(periods, metadata, text);
        // A quarter written without a year counts only where the recognizers had a publication date to read it by (not a
        // year carried over from a comparison: 相较于 2024 年同期…，第三季度).
        var stated = periods.Where(m => (metadata.Published is not null || HasYear(m.Text)) && !IsComparisonBase(text, m, lexicon)
                                   && !IsEnglishYearAgoBase(text, m.Span.Start)).ToList();
        var main = MainEntity(entities);
        // A period word overlapping a longer period the recognizers read with its year (in the quarter ended September
        // 30, 2025) is part of that date, not a word for the article's period.
        var words = lexicon.Periods.FindAll(text)
            .Where(w => !periods.Any(p => p.Span.Start < w.End && w.Start < p.Span.End && p.Span.Length > w.End - w.Start && HasYear(p.Text)))
            // 去年全年, 2024年全年: the whole of the period just written, not of the article's.
            .Where(w => w.Value != RelativePeriod.FullYear || !periods.Any(p => p.Span.End <= w.Start && w.Start - p.Span.End <= 1))
            .ToList();
        // 上一季度 is the previous quarter, not the first one.
        named = named.Where(q => !words.Any(w => w.Start < q.End && q.Start < w.End)).ToList();
        // Fiscal quarters of the article's company (2026财年第二季度 = Jul–Sep 2025 for a March year end) are its period.
        var yearEnd = FiscalYearEndOf(main, entities);
        var fiscal = yearEnd is { } end ? _fiscal.Read(text, end) : [];
        var current = fiscal.GroupBy(f => f.Period!.Value).OrderByDescending(g => g.Count()).Select(g => (ReportingPeriod?)g.Key).FirstOrDefault()
                      ?? CurrentPeriod(words, stated, metadata) ?? NamedCurrent(named, year, metadata);
        // 2025年，进入第三季度，…: a year whose quarter the lede names is the article's year; the quarter is its period.
        if (current is { Kind: PeriodKind.Year } whole && named.Any(q => q.Start < LedeLength)
            && NamedCurrent(named.Where(q => q.Start < LedeLength).ToList(), whole.End.Year, metadata) is { } quarter
            && quarter.Start >= whole.Start && quarter.End <= whole.End)
            current = quarter;
        // Nothing in the text dates it: the period the batch's other documents report for the same company.
        if (current is null && main is not null && metadata.CoveredPeriod(main) is { } covered)
            current = FromCoverage(covered, named, words);
        named = named.Where(q => !fiscal.Any(f => f.Start < q.End && q.Start < f.End)).ToList();
        var namedYear = current?.End.Year ?? year;
        var relative = words
            // The past four quarters of an article that reports no quarter stay as the recognizers read them.
            .Where(m => m.Value != RelativePeriod.TrailingFourQuarters || current is { Kind: PeriodKind.Quarter })
            .Select(m => new RelativePeriodMention(m.Start, m.End, m.Value, current is { } c ? Resolve(m.Value, c) : null))
            .Concat(named.Select(q => new RelativePeriodMention(q.Start, q.End, RelativePeriod.NamedQuarter,
                NamedQuarter(q.Value, namedYear, fiscal.Count > 0 ? current : null, yearEnd))))
            .Concat(fiscal)
            .Concat(MonthsToDate(text, current, periods))
            .OrderBy(r => r.Start)
            .ToList();
        relative = relative.Where((r, i) => i == 0 || relative[i - 1].End <= r.Start).ToList();
        var scopes = lexicon.CurrencyScopes.FindAll(text).Select(m => (m.Start, m.Value)).ToList();
        return new DocumentFrame
        {
            MainEntity = main,
            ReportYear = metadata.Published?.Year ?? year ?? current?.End.Year,
            CurrentPeriod = current,
            ListingCurrency = ListingCurrency(metadata),
            CurrencyScopes = scopes,
            RelativePeriods = relative,
        };
    }

    /// <summary>The company the article is about: one named in the headline or lede (its first characters) that is
    /// either the first named there or named in at least half of all entity mentions. A company named only further
    /// down (a peer, a comparison) never becomes the article's company.</summary>
    public static string? MainEntity(IReadOnlyList<EntityMention> entities)
    {
        if (entities.Count == 0) return null;
        var counts = entities.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
        if (entities[0].Span.Start >= LedeLength)
            // An excerpt that starts without its headline: a company named again and again, and far more than any other.
            return best.Value >= 2 && best.Value * 3 >= entities.Count * 2 ? best.Key : null;
        if (counts[entities[0].Name] * 2 >= best.Value) return entities[0].Name;
        var inLede = entities.TakeWhile(e => e.Span.Start < LedeLength).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var ledeBest = counts.Where(c => inLede.Contains(c.Key)).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
        return ledeBest.Key is not null && ledeBest.Value * 2 >= entities.Count ? ledeBest.Key : null;
    }

    /// <summary>A quarter named without a year: of the year the article reports, or, in an article that writes its
    /// company's quarters by fiscal year (Q1 FY2025/26), of the fiscal year that holds its period (the highest-ever
    /// first-quarter revenue of a March year end is April–June).</summary>
    private static ReportingPeriod? NamedQuarter(int quarter, int? year, ReportingPeriod? fiscalCurrent, NodaTime.AnnualDate? yearEnd) =>
        fiscalCurrent is { } current && yearEnd is { } end ? FiscalPeriodReader.QuarterOfYearHolding(current, quarter, end)
        : year is { } y ? ReportingPeriod.Quarter(y, quarter) : null;

    /// <summary>The fiscal year end that dates the article's fiscal quarters: its company's, else that of the company
    /// named most among those with a known year end.</summary>
    private NodaTime.AnnualDate? FiscalYearEndOf(string? main, IReadOnlyList<EntityMention> entities)
    {
        if (fiscalYearEnd is null) return null;
        if (main is not null) return fiscalYearEnd(main);
        return entities.GroupBy(e => e.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => fiscalYearEnd(g.Key)).FirstOrDefault(d => d is not null);
    }

    /// <summary>The reported period: the quarter (else half, else year) written most often, lede mentions counted
    /// twice; else, when the article uses a quarter word (上季, the quarter), the last quarter that ended before its
    /// publication date.</summary>
    private static ReportingPeriod? CurrentPeriod(List<PhraseMatch<RelativePeriod>> words, IReadOnlyList<Mention> periods, DocumentMetadata metadata)
    {
        foreach (var kind in new[] { PeriodKind.Quarter, PeriodKind.Half, PeriodKind.Year })
        {
            var votes = new Dictionary<ReportingPeriod, int>();
            foreach (var m in periods)
            {
                if (m.Period is not { } p || p.Kind != kind || !m.Text.Any(char.IsAsciiDigit) && kind == PeriodKind.Year) continue;
                // A relative period word (上一季度, 前三季度) is read against the article's period, never a vote for it
                // (the recognizer resolves it against the publication date only for output outside a document).
                if (words.Any(w => w.Start < m.Span.End && m.Span.Start < w.End)) continue;
                if (metadata.Published is { } published && p.End >= published) continue; // not yet reported
                // A period stated as a statement's own (the quarter ended September 30, 2025) counts as the lede does.
                var stated = m.Text.Contains(" ended ", StringComparison.OrdinalIgnoreCase);
                votes[p] = votes.GetValueOrDefault(p) + (m.Span.Start < LedeLength || stated ? 2 : 1);
            }
            // One passing mention does not make the article's period: it must be written twice (or in the lede and again).
            if (votes.Count > 0 && votes.Values.Max() >= 2)
                return votes.OrderByDescending(v => v.Value).ThenByDescending(v => v.Key.End).First().Key;
        }
        if (metadata.Published is { } date && words.Any(m => m.Value == RelativePeriod.CurrentQuarter))
            return QuarterBefore(date);
        return null;
    }

    private static bool HasYear(string text) => text.Any(char.IsAsciiDigit) || text.Contains('年') || text.Contains("fiscal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The year the article reports: the latest year it writes out (not after its publication). News reports
    /// the newest period; earlier years are comparisons and history (相较于 2024 年同期…，2025 年第二季度的…).</summary>
    private static int? YearOf(IReadOnlyList<Mention> periods, DocumentMetadata metadata, string text)
    {
        int? latest = null;
        foreach (var m in periods)
        {
            if (m.Period is not { } p || !m.Text.Any(char.IsAsciiDigit) || p.Kind == PeriodKind.Day) continue;
            if (metadata.Published is { } d && p.Start > d) continue;
            // …its slowest growth since the fourth quarter of 2021: history, not the year reported.
            if (text.AsSpan(0, m.Span.Start).TrimEnd().EndsWith(" since", StringComparison.OrdinalIgnoreCase)) continue;
            // up 7% compared to the same period in 2024: the base year is the year before the one reported.
            var year = p.End.Year + (IsEnglishYearAgoBase(text, m.Span.Start) ? 1 : 0);
            if (latest is null || year > latest) latest = year;
        }
        return latest;
    }

    private static readonly string[] EnglishYearAgoLeads = ["same period in", "same period of", "same quarter in", "same quarter of", "compared with", "compared to", "from"];

    /// <summary>A year written as the year-ago base of an English comparison (compared to the same period in 2024).</summary>
    private static bool IsEnglishYearAgoBase(string text, int start)
    {
        var lead = text.AsSpan(0, start).TrimEnd();
        foreach (var w in EnglishYearAgoLeads)
            if (lead.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (lead.Length == w.Length || !char.IsAsciiLetter(lead[^(w.Length + 1)])))
                return w.StartsWith("same", StringComparison.Ordinal) || lead[..^w.Length].TrimEnd().EndsWith("period", StringComparison.OrdinalIgnoreCase);
        return false;
    }

    /// <summary>A period written as a comparison base (较 2024 年第三季度的, 2024 年同期, 上一季度（2025 年第二季度）):
    /// it is not the period the article reports.</summary>
    private static bool IsComparisonBase(string text, Mention m, BindingLexicon lexicon) => IsComparisonBase(text, m.Span.Start, m.Span.End, lexicon);

    public static bool IsComparisonBase(string text, int start, int end, BindingLexicon lexicon)
    {
        var from = Math.Max(0, start - 4);
        var before = text.AsSpan(from, start - from).TrimEnd();
        var after = text.AsSpan(end, Math.Min(3, text.Length - end)).TrimStart();
        if (after.StartsWith("同期", StringComparison.Ordinal)) return true;
        // 较 2024 年第三季度的 413 亿元 (a base), not 从 2025 年 Q2 财报来看 (a viewpoint).
        if (after.StartsWith("的", StringComparison.Ordinal) || after.StartsWith("相比", StringComparison.Ordinal))
        {
            if (lexicon.EndsWithComparisonLead(before)) return true;
            // The second base of a list: 相较于 2024 年同期的 20.9% 和 2025 年第二季度的 19.4%.
            var clause = start;
            while (clause > 0 && start - clause < 32 && text[clause - 1] is not ('，' or ',' or '。' or '；' or ';' or '\n')) clause--;
            var lead = text.AsSpan(clause, start - clause);
            if (lead.EndsWith("和", StringComparison.Ordinal) || lead.EndsWith("、", StringComparison.Ordinal) || lead.EndsWith("及", StringComparison.Ordinal))
                foreach (var w in lexicon.ComparisonLeads)
                    if (w.Length > 1 && lead.Contains(w, StringComparison.Ordinal)) return true;
        }
        if (before.Length > 0 && before[^1] is '(' or '（')
        {
            var open = text.AsSpan(0, start).TrimEnd().Length - 1;
            var lead = text.AsSpan(Math.Max(0, open - 8), open - Math.Max(0, open - 8)).TrimEnd();
            foreach (var p in lexicon.Periods.FindAll(lead.ToString()))
                if (p.End == lead.Length && p.Value is RelativePeriod.PreviousQuarter or RelativePeriod.PriorYearSame) return true;
        }
        return false;
    }

    /// <summary>The quarter an article reports when it names it without a year: the quarter named most, in the year
    /// the article writes most, else in the last year where that quarter had ended by publication.</summary>
    private static ReportingPeriod? NamedCurrent(List<PhraseMatch<int>> named, int? year, DocumentMetadata metadata)
    {
        if (named.Count == 0) return null;
        var quarter = named.GroupBy(q => q.Value).OrderByDescending(g => g.Count() + (g.First().Start < LedeLength ? 1 : 0)).First().Key;
        if (metadata.Published is { } d)
        {
            var q = ReportingPeriod.Quarter(d.Year, quarter);
            return q.End < d ? q : ReportingPeriod.Quarter(d.Year - 1, quarter);
        }
        return year is { } y ? ReportingPeriod.Quarter(y, quarter) : null;
    }

    /// <summary>The article's period from what other documents report for its company: the quarter it names (三季度)
    /// in the year that ends the covered period, or, for quarter words (上季, 本季度), the covered quarter itself.</summary>
    private static ReportingPeriod? FromCoverage(ReportingPeriod covered, List<PhraseMatch<int>> named, List<PhraseMatch<RelativePeriod>> words)
    {
        if (named.Count > 0)
        {
            var quarter = named.GroupBy(q => q.Value).OrderByDescending(g => g.Count()).First().Key;
            var q = ReportingPeriod.Quarter(covered.End.Year, quarter);
            return q.End <= covered.End ? q : ReportingPeriod.Quarter(covered.End.Year - 1, quarter);
        }
        return covered.Kind == PeriodKind.Quarter && words.Any(w => w.Value == RelativePeriod.CurrentQuarter) ? covered : null;
    }

    /// <summary>累计今年 6 个月, 首九个月: the months up to the end of the article's period.</summary>
    private IEnumerable<RelativePeriodMention> MonthsToDate(string text, ReportingPeriod? current, IReadOnlyList<Mention> periods)
    {
        foreach (var lead in lexicon.MonthsToDateLeads.FindAll(text))
        {
            var i = lead.End;
            while (i < text.Length && text[i] == ' ') i++;
            var digits = i;
            while (i < text.Length && i - digits < 2 && ChineseMonthCount(text[i]) >= 0) i++;
            var months = MonthCount(text.AsSpan(digits, i - digits));
            if (i == digits || months is < 1 or > 12) continue;
            while (i < text.Length && text[i] == ' ') i++;
            if (!text.AsSpan(i).StartsWith("个月", StringComparison.Ordinal)) continue;
            // 2025 年前 9 个月 is a period the recognizers read with its year.
            if (periods.Any(p => p.Span.Start < i + 2 && lead.Start < p.Span.End && p.Text.Any(char.IsAsciiDigit) && p.Text.Contains('年'))) continue;
            ReportingPeriod? period = current is { } c
                ? ReportingPeriod.Between(new LocalDate(c.End.Year, c.End.Month, 1).PlusMonths(-(months - 1)), c.End)
                : null;
            yield return new RelativePeriodMention(lead.Start, i + 2, RelativePeriod.MonthsToDate, period);
        }
    }

    /// <summary>6, 12, 六, 十二: a count of months written in digits or Chinese numerals (0 when it is neither).</summary>
    private static int MonthCount(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return 0;
        if (char.IsAsciiDigit(s[0])) return int.TryParse(s, out var n) ? n : 0;
        if (s[0] == '十') return 10 + (s.Length > 1 ? Math.Max(0, ChineseMonthCount(s[1]) % 10) : 0);
        return s.Length == 1 ? ChineseMonthCount(s[0]) : 0;
    }

    private static int ChineseMonthCount(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        '一' => 1, '二' => 2, '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, '十' => 10,
        _ => -1,
    };

    /// <summary>The last calendar quarter that ended before <paramref name="date"/>.</summary>
    public static ReportingPeriod QuarterBefore(LocalDate date)
    {
        var quarter = (date.Month - 1) / 3 + 1;
        return quarter == 1 ? ReportingPeriod.Quarter(date.Year - 1, 4) : ReportingPeriod.Quarter(date.Year, quarter - 1);
    }

    private static ReportingPeriod? Resolve(RelativePeriod kind, ReportingPeriod current) => kind switch
    {
        RelativePeriod.CurrentQuarter => current.Kind == PeriodKind.Quarter ? current : null,
        RelativePeriod.PriorYearSame => Shift(current, -12),
        RelativePeriod.PreviousQuarter => current.Kind == PeriodKind.Quarter ? Shift(current, -3) : null,
        RelativePeriod.YearToDate => ReportingPeriod.Months(current.End.Year, 1, current.End.Month),
        RelativePeriod.FullYear => ReportingPeriod.Year(current.End.Year),
        RelativePeriod.TrailingFourQuarters => current.Kind == PeriodKind.Quarter ? ReportingPeriod.Between(current.Start.PlusMonths(-9), current.End) : null,
        RelativePeriod.NamedQuarter or RelativePeriod.FiscalQuarter => null,
        _ => null,
    };

    /// <summary>The same shape of period moved by whole months (a quarter a year back, the quarter before).</summary>
    private static ReportingPeriod? Shift(ReportingPeriod p, int months)
    {
        var start = p.Start.PlusMonths(months);
        var end = p.End.PlusDays(1).PlusMonths(months).PlusDays(-1);
        return p.Kind switch
        {
            PeriodKind.Quarter => ReportingPeriod.Quarter(start.Year, (start.Month - 1) / 3 + 1),
            PeriodKind.Half => ReportingPeriod.Half(start.Year, start.Month <= 6 ? 1 : 2),
            PeriodKind.Year => ReportingPeriod.Year(start.Year),
            PeriodKind.Day => ReportingPeriod.Day(start),
            _ => ReportingPeriod.Between(start, end),
        };
    }

    /// <summary>HKD for a Hong Kong outlet, TWD for a Taiwan one (from the language tag or the conversion profile the
    /// text needed).</summary>
    private static Currency? ListingCurrency(DocumentMetadata metadata)
    {
        var tag = metadata.Language ?? "";
        if (metadata.Region is "TW" || tag.StartsWith("zh-TW", StringComparison.OrdinalIgnoreCase)) return Currency.TWD;
        if (metadata.Region is "HK" or "Hant" || tag.StartsWith("zh-HK", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase)) return Currency.HKD;
        return null;
    }
}
