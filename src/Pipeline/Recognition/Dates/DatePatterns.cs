using System;
using System.Collections.Generic;
using NodaTime;

namespace Pipeline.Recognition.Dates;

/// <summary>One slot of a date pattern's shape, read by <see cref="DateTokenScanner"/>. <see cref="Of"/> and
/// <see cref="Classifier"/> are always optional.</summary>
public enum DateSlot
{
    /// <summary>十月, 4 月 (captures the month).</summary>
    Month,
    /// <summary>A month or nothing.</summary>
    OptionalMonth,
    /// <summary>的 (dates.yaml <c>of</c>), optional.</summary>
    Of,
    /// <summary>个 (dates.yaml <c>classifiers</c>), optional.</summary>
    Classifier,
    /// <summary>第一 .. 第五, 最后一 (dates.yaml <c>ordinals</c>; the last is -1).</summary>
    Ordinal,
    /// <summary>周, 星期 standing for a week.</summary>
    Week,
    /// <summary>星期一, 周三 (captures 1..7).</summary>
    Weekday,
    /// <summary>12/1 (captures month and day).</summary>
    SlashMonthDay,
    /// <summary>今天, 昨日, 后天 (dates.yaml <c>relativeDays</c>; captures the offset in days).</summary>
    RelativeDay,
    /// <summary>本月, 上个月 (dates.yaml <c>relativeMonths</c>; captures the offset in months).</summary>
    RelativeMonth,
    /// <summary>本季度, 上一季度 (dates.yaml <c>relativeQuarters</c>; captures the offset in quarters).</summary>
    RelativeQuarter,
    /// <summary>8 日, 十二号 or nothing (captures the day).</summary>
    OptionalDay,
    /// <summary>20世纪, 上世纪, 本世纪 or nothing (captures the century's first year, e.g. 1900; 0 when not written).</summary>
    OptionalCentury,
    /// <summary>80年代, 九十年代 (dates.yaml <c>decade</c>; captures the decade's tens, 80).</summary>
    Decade,
}

/// <summary>What a pattern's slots read.</summary>
public record struct DateCaptures(int Month, int Day, int Ordinal, int Weekday, int Offset, int Century = 0, int Decade = 0);

/// <summary>What a date without a written year resolves against: the reference date, the sentence's year, the year
/// an undated article opens with.</summary>
public readonly record struct DateAnchor(LocalDate? Reference, int ContextYear, int LedeYear)
{
    /// <summary>The year of a month written without one: the sentence's, else the one nearest the reference date, else
    /// the lede's (0: unknown).</summary>
    public int YearFor(int month)
    {
        if (ContextYear > 0) return ContextYear;
        if (Reference is not { } r) return LedeYear;
        var diff = month - r.Month;
        return diff > 6 ? r.Year - 1 : diff < -6 ? r.Year + 1 : r.Year;
    }

    /// <summary>The month a pattern names, else the reference month.</summary>
    public YearMonth? MonthOf(in DateCaptures c) =>
        c.Month > 0 ? YearFor(c.Month) is var y and > 0 ? new YearMonth(y, c.Month) : null
        : Reference is { } r ? new YearMonth(r.Year, r.Month) : null;
}

/// <summary>Turns what a pattern read into a period (null: no such date).</summary>
public delegate ReportingPeriod? DateResolver(in DateCaptures captures, in DateAnchor anchor);

/// <summary>A named date pattern: a shape of slots (words from <c>dates.yaml</c>) and a resolver.</summary>
public sealed record DatePattern(string Name, DateSlot[] Shape, DateResolver Resolve);

/// <summary>
/// The date patterns, registered in one place. To add one: its words in <c>dates.yaml</c> (a slot reads them), one
/// entry here, and a resolver when none of <see cref="DateResolvers"/> fits. They run beside the recognizer's built-in
/// readings (<see cref="DateRecognizer"/>); at one position the longest reading wins.
/// </summary>
public static class DatePatterns
{
    public static IReadOnlyList<DatePattern> Standard { get; } =
    [
        // 十月的第一周, 4 月最后一周
        new("week-of-month", [DateSlot.Month, DateSlot.Of, DateSlot.Ordinal, DateSlot.Classifier, DateSlot.Week], DateResolvers.WeekOfMonth),
        // 四月的最后一个星期一, 最后一个周三, 十月第二个周五
        new("weekday-of-month", [DateSlot.OptionalMonth, DateSlot.Of, DateSlot.Ordinal, DateSlot.Classifier, DateSlot.Of, DateSlot.Weekday], DateResolvers.WeekdayOfMonth),
        // 12/1 (month/day)
        new("month-slash-day", [DateSlot.SlashMonthDay], DateResolvers.MonthDay),
        // 今天, 昨日, 大后天
        new("relative-day", [DateSlot.RelativeDay], DateResolvers.RelativeDay),
        // 本月, 上个月, 本月 8 日
        new("relative-month", [DateSlot.RelativeMonth, DateSlot.OptionalDay], DateResolvers.RelativeMonth),
        // 本季度, 上一季度, 下个季度
        new("relative-quarter", [DateSlot.RelativeQuarter], DateResolvers.RelativeQuarter),
        // 九十年代, 20世纪80年代, 上世纪90年代
        new("decade", [DateSlot.OptionalCentury, DateSlot.Decade], DateResolvers.Decade),
    ];
}

/// <summary>The resolvers the patterns share.</summary>
public static class DateResolvers
{
    /// <summary>The n-th week (Monday to Sunday) that starts in the month; -1 the last.</summary>
    public static ReportingPeriod? WeekOfMonth(in DateCaptures c, in DateAnchor a)
    {
        if (a.MonthOf(c) is not { } ym || NthWeekday(ym, IsoDayOfWeek.Monday, c.Ordinal) is not { } monday) return null;
        return ReportingPeriod.Between(monday, monday.PlusDays(6));
    }

    /// <summary>The n-th given weekday of the month; -1 the last.</summary>
    public static ReportingPeriod? WeekdayOfMonth(in DateCaptures c, in DateAnchor a) =>
        a.MonthOf(c) is { } ym && NthWeekday(ym, (IsoDayOfWeek)c.Weekday, c.Ordinal) is { } day ? ReportingPeriod.Day(day) : null;

    /// <summary>A month and day in the year nearest the reference date.</summary>
    public static ReportingPeriod? MonthDay(in DateCaptures c, in DateAnchor a)
    {
        var year = a.YearFor(c.Month);
        return year > 0 && c.Day <= DateTokenScanner.DaysIn(year, c.Month) ? ReportingPeriod.Day(year, c.Month, c.Day) : null;
    }

    /// <summary>The reference date moved by the captured number of days.</summary>
    public static ReportingPeriod? RelativeDay(in DateCaptures c, in DateAnchor a) =>
        a.Reference is { } r ? ReportingPeriod.Day(r.PlusDays(c.Offset)) : null;

    /// <summary>The reference month moved by the captured number of months; its day when one is written.</summary>
    public static ReportingPeriod? RelativeMonth(in DateCaptures c, in DateAnchor a)
    {
        if (a.Reference is not { } r) return null;
        var first = new LocalDate(r.Year, r.Month, 1).PlusMonths(c.Offset);
        if (c.Day == 0) return ReportingPeriod.Month(first.Year, first.Month);
        return c.Day <= DateTokenScanner.DaysIn(first.Year, first.Month) ? ReportingPeriod.Day(first.Year, first.Month, c.Day) : null;
    }

    /// <summary>The calendar quarter of the reference date moved by the captured number of quarters.</summary>
    public static ReportingPeriod? RelativeQuarter(in DateCaptures c, in DateAnchor a)
    {
        if (a.Reference is not { } r) return null;
        var first = new LocalDate(r.Year, (r.Month - 1) / 3 * 3 + 1, 1).PlusMonths(3 * c.Offset);
        return ReportingPeriod.Quarter(first.Year, (first.Month - 1) / 3 + 1);
    }

    /// <summary>Ten years from the decade's first: 20世纪80年代 → 1980..1989; without a century, the 1900s.</summary>
    public static ReportingPeriod? Decade(in DateCaptures c, in DateAnchor a)
    {
        var first = (c.Century == 0 ? 1900 : c.Century) + c.Decade;
        return first is >= 1 and <= 9990 ? ReportingPeriod.Years(first, first + 9) : null;
    }

    private static LocalDate? NthWeekday(YearMonth ym, IsoDayOfWeek weekday, int n)
    {
        if (n == 0) return null;
        var month = ym.ToDateInterval();
        if (n < 0)
        {
            var last = month.End;
            while (last.DayOfWeek != weekday) last = last.PlusDays(-1);
            return last;
        }
        var first = month.Start;
        while (first.DayOfWeek != weekday) first = first.PlusDays(1);
        var day = first.PlusWeeks(n - 1);
        return day <= month.End ? day : null;
    }
}

/// <summary>Matches the registered patterns at a position with the shared token scanner.</summary>
public sealed class DatePatternMatcher
{
    private readonly DateTokenScanner _tokens;
    private readonly IReadOnlyList<DatePattern> _patterns;

    public DatePatternMatcher(DateTokenScanner tokens, IReadOnlyList<DatePattern> patterns)
    {
        _tokens = tokens;
        _patterns = patterns;
    }

    /// <summary>The longest pattern that reads at <paramref name="start"/> and resolves.</summary>
    public bool TryMatch(string text, int start, in DateAnchor anchor, out int end, out ReportingPeriod period, out DateCaptures captures, out string name)
    {
        end = start; period = default; captures = default; name = "";
        if (!MayStart(text, start)) return false;
        foreach (var pattern in _patterns)
        {
            if (!TryShape(text, start, pattern.Shape, anchor, out var e, out var c) || e <= end) continue;
            if (pattern.Resolve(c, anchor) is not { } p) continue;
            end = e; period = p; captures = c; name = pattern.Name;
        }
        return end > start;
    }

    /// <summary>Cheap test before the shapes: every pattern opens with an ordinal (第一, 最后一), a relative day or month
    /// (今天, 上个月), a century or decade (上世纪, 20世纪, 80年代), a month (十月, 4 月) or a slashed month (12/1).</summary>
    private bool MayStart(string text, int start)
    {
        var lex = _tokens.Lexicon;
        if (lex.Ordinals.StartsAt(text, start) || lex.RelativeDays.StartsAt(text, start) || lex.RelativeMonths.StartsAt(text, start)
            || lex.RelativeQuarters.StartsAt(text, start)
            || lex.RelativeCenturies.StartsAt(text, start)) return true;
        if (!Scan.IsDigit(text[start]) && !lex.IsNumeralChar(text[start])) return false;
        if (!_tokens.Small(text, start, out _, out var end)) return false;
        if (end < text.Length && text[end] is '/' or '／') return true;
        var w = Scan.SkipSpaces(text, end);
        return lex.MonthWords.StartsAt(text, w) || lex.Century.StartsAt(text, w) || text.AsSpan(w).StartsWith(lex.Decade);
    }

    private bool TryShape(string text, int start, DateSlot[] shape, in DateAnchor anchor, out int end, out DateCaptures c)
    {
        c = default;
        var lex = _tokens.Lexicon;
        var p = start;
        end = start;
        for (var k = 0; k < shape.Length; k++)
        {
            var at = k == 0 ? p : Scan.SkipSpaces(text, p);
            switch (shape[k])
            {
                case DateSlot.Month:
                case DateSlot.OptionalMonth:
                    if (_tokens.Month(text, at, out var month, out var me)) { c.Month = month; p = me; }
                    else if (shape[k] == DateSlot.Month) return false;
                    break;
                case DateSlot.Of:
                    p = DateTokenScanner.Optional(lex.OfWords, text, at) is var oe && oe > at ? oe : p;
                    break;
                case DateSlot.Classifier:
                    p = DateTokenScanner.Optional(lex.Classifiers, text, at) is var ce && ce > at ? ce : p;
                    break;
                case DateSlot.Ordinal:
                    if (!lex.Ordinals.TryMatch(text, at, out var n, out var ne, innerSpaces: false)) return false;
                    c.Ordinal = n; p = ne;
                    break;
                case DateSlot.Week:
                    if (!_tokens.Week(text, at, out var we)) return false;
                    p = we;
                    break;
                case DateSlot.Weekday:
                    if (!_tokens.Weekday(text, at, out var wd, out var wde)) return false;
                    c.Weekday = wd; p = wde;
                    break;
                case DateSlot.RelativeDay:
                    if (!lex.RelativeDays.TryMatch(text, at, out var days, out var rde, innerSpaces: false)) return false;
                    c.Offset = days; p = rde;
                    break;
                case DateSlot.RelativeMonth:
                    if (!lex.RelativeMonths.TryMatch(text, at, out var months, out var rme, innerSpaces: false)) return false;
                    c.Offset = months; p = rme;
                    break;
                case DateSlot.RelativeQuarter:
                    if (!lex.RelativeQuarters.TryMatch(text, at, out var quarters, out var rqe, innerSpaces: false)) return false;
                    c.Offset = quarters; p = rqe;
                    break;
                case DateSlot.OptionalDay:
                    if (_tokens.Day(text, at, out var day, out var de)) { c.Day = day; p = de; }
                    break;
                case DateSlot.OptionalCentury:
                    if (lex.RelativeCenturies.TryMatch(text, at, out var rel, out var rce, innerSpaces: false))
                    {
                        if (anchor.Reference is not { } r) return false;
                        c.Century = (r.Year / 100 + rel) * 100; p = rce;
                    }
                    else if (_tokens.Small(text, at, out var cn, out var cne) && cn is >= 1 and <= 30
                             && lex.Century.TryMatch(text, Scan.SkipSpaces(text, cne), out _, out var cwe))
                    {
                        c.Century = (cn - 1) * 100; p = cwe;
                    }
                    break;
                case DateSlot.Decade:
                    if (!_tokens.Small(text, at, out var tens, out var te) || tens % 10 != 0 || tens > 90) return false;
                    var dw = Scan.SkipSpaces(text, te);
                    if (!text.AsSpan(dw).StartsWith(lex.Decade)) return false;
                    c.Decade = tens; p = dw + lex.Decade.Length;
                    break;
                case DateSlot.SlashMonthDay:
                    if (!DateTokenScanner.SlashMonthDay(text, at, out var sm, out var sd, out var se)) return false;
                    c.Month = sm; c.Day = sd; p = se;
                    break;
            }
        }
        end = p;
        return p > start;
    }
}
