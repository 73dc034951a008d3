using System;
using System.Collections.Generic;
using NodaTime;
using Pipeline.Recognition.Numbers;
using Pipeline.Text;

namespace Pipeline.Recognition.Dates;

/// <summary>
/// Dates and reporting periods in one left-to-right pass, resolved against the reference date: full and partial
/// dates (<c>1 月 8 日</c> takes its year from the sentence or the reference date), relative ones (今年, 去年 7 月,
/// 今 (8) 日), years, halves, quarters, <c>前 9 个月</c>, <c>截至 2025 年 9 月 30 日止九个月</c>, 年初/年末, ranges
/// (<c>2022 年至 2024 年</c>, <c>2022-2024年</c>) and lists (one mention per item). A day is
/// <see cref="MentionKind.Date"/>; anything longer is <see cref="MentionKind.Period"/>.
/// </summary>
public sealed class DateRecognizer : IRecognizer
{
    private readonly ChineseLexicon _lex;
    private readonly ChineseNumberScanner _numbers;
    private readonly DateTokenScanner _tokens;
    private readonly DatePatternMatcher _patterns;

    public DateRecognizer() : this(ChineseLexicon.Default) { }

    public DateRecognizer(ChineseLexicon lexicon) : this(lexicon, DatePatterns.Standard) { }

    public DateRecognizer(ChineseLexicon lexicon, IReadOnlyList<DatePattern> patterns)
    {
        _lex = lexicon;
        _numbers = new ChineseNumberScanner(lexicon);
        _tokens = new DateTokenScanner(lexicon);
        _patterns = new DatePatternMatcher(_tokens, patterns);
    }

    public string Name => "date";

    /// <summary>One parsed date or period before ranges and lists are joined.</summary>
    private sealed class Item
    {
        public int Start;
        public int End;
        public ReportingPeriod Period;
        public bool YearOnly;
        public bool ExplicitYear;
        public bool CutoffPrefix;
        public int CutoffMonths;   // 止九个月 → 9; 0 when absent
        public int Year;
        public int Month;          // 0 when not written
        public bool IsRange;       // written as a range (2022-2024年): a 从 before it belongs to it
    }

    private struct State
    {
        public LocalDate? Reference;
        public int ContextYear;     // last explicit year in the current sentence (0: none)
        public int LedeYear;        // first explicit year of the text: the "now" of an undated article (0: none)
        public int ContextMonth;
    }

    public void Recognize(string text, RecognitionContext context, List<Mention> output)
    {
        var items = new List<Item>();
        var state = new State { Reference = context.ReferenceDate };
        var i = 0;
        while (i < text.Length)
        {
            if (IsSentenceEnd(text[i])) { state.ContextYear = 0; state.ContextMonth = 0; }
            // A semicolon joins the entries of one list (2025年3月6日，…；3月26日，…；4月17日，…): the year goes on.
            else if (text[i] is '；' or ';') state.ContextMonth = 0;
            if (!_lex.MayStartDate(text[i])) { i++; continue; }
            var item = TryItem(text, i, ref state);
            if (TryPattern(text, i, state) is { } named && (item is null || named.End > item.End)) item = named;
            if (item is null) { i++; continue; }
            if (item.Period.IsDay && item.Month > 0) ExtendWithWeekday(text, item);
            items.Add(item);
            if (item.ExplicitYear)
            {
                state.ContextYear = item.Year;
                if (state.LedeYear == 0) state.LedeYear = item.Year;
            }
            if (item.Month > 0) state.ContextMonth = item.Month;
            i = item.End;
        }
        ApplyCutoffLists(text, items);
        Emit(text, items, output);
    }

    /// <summary>The named patterns (<see cref="DatePatterns"/>) at <paramref name="i"/>.</summary>
    private Item? TryPattern(string text, int i, in State st)
    {
        var anchor = new DateAnchor(st.Reference, st.ContextYear, st.LedeYear);
        if (!_patterns.TryMatch(text, i, anchor, out var end, out var period, out var c, out _)) return null;
        var month = c.Month > 0 ? c.Month : period.Kind is PeriodKind.Day or PeriodKind.Month ? period.Start.Month : 0;
        return new Item { Start = i, End = end, Period = period, Year = period.Start.Year, Month = month };
    }

    /// <summary>Characters a date word after a numeral can start with (年, 月, 日, 号, 季度, 世纪, 至…).</summary>
    private bool IsDateWordStart(char c) =>
        c is '年' or '月' or '日' or '号' or '號' or '季' or '世' or '初' or '个' or '個' || _lex.IsRangeConnectorStart(c);

    private static bool IsSentenceEnd(char c) => c is '。' or '\n' or '！' or '？' or '!' or '?';

    private Item? TryItem(string text, int i, ref State st)
    {
        var start = i;
        var cutoff = false;
        if (_lex.CutoffPrefixes.TryMatch(text, i, out _, out var ce, innerSpaces: false))
        {
            cutoff = true;
            i = Scan.SkipSpaces(text, ce);
            if (i >= text.Length) return null;
        }
        if (i > 0 && i == start && (Scan.IsDigit(text[i - 1]) || Scan.IsAsciiLetter(text[i - 1]) || text[i - 1] is '.' or '．')) return null;

        // Most Chinese numerals (一个, 两家) are not dates: one scan decides whether a date word follows.
        if (!Scan.IsDigit(text[i]) && _lex.IsNumeralChar(text[i]))
        {
            if (!_numbers.TryScan(text, i, out var n)) return null;
            var w = Scan.SkipSpaces(text, n.End);
            if (w >= text.Length || !IsDateWordStart(text[w])) return null;
        }
        var item = TryYearLed(text, i, ref st) ?? TryWithoutYear(text, i, ref st);
        if (item is null) return null;
        if (cutoff)
        {
            item.CutoffPrefix = true;
            if (item.CutoffMonths > 0) item.Start = start;
        }
        return item;
    }

    // ---- items that start with a year -------------------------------------------------------------------

    private Item? TryYearLed(string text, int i, ref State st)
    {
        if (!TryYear(text, i, st, out var year, out var yearEnd, out var explicitYear, out var spanEnd, out var spanYear, out var numericDay)) return null;
        if (numericDay is { } nd)
        {
            var dayItem = Day(i, yearEnd, nd);
            dayItem.ExplicitYear = true;
            TryCutoffSuffix(text, yearEnd, nd, dayItem);
            return dayItem;
        }
        if (spanYear > 0)
            return new Item { Start = i, End = spanEnd, Period = ReportingPeriod.Years(year, spanYear), ExplicitYear = true, Year = spanYear, IsRange = true };

        var p = Scan.SkipSpaces(text, yearEnd);
        var item = new Item { Start = i, Year = year, ExplicitYear = explicitYear };
        if (TryYearPart(text, p, year, item, ref st)) return item;
        item.End = yearEnd;
        item.Period = ReportingPeriod.Year(year);
        item.YearOnly = true;
        return item;
    }

    /// <summary>What follows 2025 年: a half, a quarter, 前 9 个月, 年初, a month (and day), or nothing.</summary>
    private bool TryYearPart(string text, int p, int year, Item item, ref State st)
    {
        if (p >= text.Length) return false;
        if (_lex.Halves.TryMatch(text, p, out var half, out var he)) { Set(item, he, ReportingPeriod.Half(year, half)); return true; }
        // 2025 年初 / 2025 年度 (directly after 年), 2026 年年末 / 2025 年全年.
        var w = p;
        if (text[w] == '年' && w + 1 < text.Length && _lex.YearParts.StartsAt(text, w + 1)) w++;
        if (_lex.YearParts.TryMatch(text, w, out var part, out var pe, innerSpaces: false)
            && !(pe < text.Length && (text[w] == '中' && Han.IsHan(text[pe]) && !"或和及与與至到前后後以的".Contains(text[pe])
                                        || "步期次始衷心国國部线線端于於".Contains(text[pe]))))
        {
            Set(item, pe, ReportingPeriod.Months(year, part.From, part.To));
            return true;
        }
        if (_lex.WholeYear.TryMatch(text, p, out _, out var wye, innerSpaces: false)) { Set(item, wye, ReportingPeriod.Year(year)); return true; }
        if (_lex.Holidays.TryMatch(text, p, out var holiday, out var hde, innerSpaces: false))
        {
            Set(item, hde, ReportingPeriod.Day(year, holiday.Month, holiday.Day));
            return true;
        }
        if (TryQuarterOrLeading(text, p, year, out var period, out var qe, out _)) { Set(item, qe, period); return true; }
        if (TryLunar(text, p, year, st.Reference) is { } lunar)
        {
            item.Month = 0;
            Set(item, lunar.End, lunar.Period);
            return true;
        }
        if (TryMonthDay(text, p, year, item, ref st)) return true;
        // 去年本月十日: this month of that year.
        if (st.Reference is { } r && _lex.RelativeMonths.TryMatch(text, p, out var mo, out var rme, innerSpaces: false) && mo == 0)
        {
            var d = Scan.SkipSpaces(text, rme);
            if (ReadSmall(text, d, out var day, out var de) && day >= 1 && day <= CalendarDays(year, r.Month)
                && _lex.DayWords.TryMatch(text, Scan.SkipSpaces(text, de), out _, out var dwe))
            {
                item.Month = r.Month;
                Set(item, dwe, ReportingPeriod.Day(year, r.Month, day));
                return true;
            }
            item.Month = r.Month;
            Set(item, rme, ReportingPeriod.Month(year, r.Month));
            return true;
        }
        return false;
    }

    private static void Set(Item item, int end, ReportingPeriod period)
    {
        item.End = end;
        item.Period = period;
    }

    /// <summary>A quarter, half or leading months written without a year and without one in the sentence, read in the
    /// reference year: moved a year back when it has not begun by the reference date (三季度 in January is last year's),
    /// and leading months (前三季度, 前 9 个月) when they have not ended by it.</summary>
    private static ReportingPeriod LatestBy(ReportingPeriod period, LocalDate reference, bool leading)
    {
        var late = leading ? period.End >= reference : period.Start > reference;
        return late ? Shift(period, -1) : period;
    }

    private static ReportingPeriod Shift(ReportingPeriod p, int years) => p.Kind switch
    {
        PeriodKind.Quarter => ReportingPeriod.Quarter(p.Start.Year + years, (p.Start.Month - 1) / 3 + 1),
        PeriodKind.Half => ReportingPeriod.Half(p.Start.Year + years, p.Start.Month <= 6 ? 1 : 2),
        PeriodKind.Year => ReportingPeriod.Year(p.Start.Year + years),
        _ => ReportingPeriod.Months(p.Start.Year + years, p.Start.Month, p.End.Month),
    };

    /// <summary>第三季度 / Q3 / 三季度 / 前三季度 / 前 9 个月 / H1.</summary>
    private bool TryQuarterOrLeading(string text, int p, int year, out ReportingPeriod period, out int end, out bool leading)
    {
        period = default;
        end = p;
        leading = false;
        if (p >= text.Length) return false;
        var c = text[p];
        if (c is 'Q' or 'q' && p + 1 < text.Length && Scan.DigitValue(text[p + 1]) is >= 1 and <= 4 && !(p + 2 < text.Length && Scan.IsAsciiLetter(text[p + 2])))
        {
            period = ReportingPeriod.Quarter(year, Scan.DigitValue(text[p + 1]));
            end = p + 2;
            return true;
        }
        if (c is 'H' or 'h' && p + 1 < text.Length && Scan.DigitValue(text[p + 1]) is 1 or 2 && !(p + 2 < text.Length && Scan.IsAsciiLetter(text[p + 2])))
        {
            period = ReportingPeriod.Half(year, Scan.DigitValue(text[p + 1]));
            end = p + 2;
            return true;
        }
        leading = _lex.LeadingCounts.TryMatch(text, p, out _, out var leadEnd);
        var q = leading ? Scan.SkipSpaces(text, leadEnd) : c is '第' ? Scan.SkipSpaces(text, p + 1) : p;
        if (!ReadSmall(text, q, out var n, out var ne)) return false;
        var w = Scan.SkipSpaces(text, ne);
        if (w < text.Length && text[w] is '个' or '個' && _lex.QuarterWords.StartsAt(text, w + 1)) w++; // 前三个季度
        if (_lex.QuarterWords.TryMatch(text, w, out _, out var qwe) && n is >= 1 and <= 4)
        {
            if (leading && n == 1) return false; // 前一季度: the quarter before (the relative-quarter pattern)
            period = leading ? ReportingPeriod.Months(year, 1, 3 * n) : ReportingPeriod.Quarter(year, n);
            end = qwe;
            return true;
        }
        if (leading && _lex.MonthsWords.TryMatch(text, w, out _, out var mwe) && n is >= 1 and <= 12)
        {
            period = ReportingPeriod.Months(year, 1, n);
            end = mwe;
            return true;
        }
        return false;
    }

    /// <summary>9 月 / 9 月 30 日 / 1-9 月 / 1 月至 9 月 / 9 月 30 日止九个月, in <paramref name="year"/>.</summary>
    private bool TryMonthDay(string text, int p, int year, Item item, ref State st)
    {
        if (!ReadSmall(text, p, out var month, out var me) || month is < 1 or > 12) return false;
        var w = Scan.SkipSpaces(text, me);
        // 1-9 月: a month span written with one 月.
        if (_lex.RangeConnectors.TryMatch(text, w, out _, out var rc) && ReadSmall(text, Scan.SkipSpaces(text, rc), out var m2, out var m2e) && m2 > month && m2 <= 12)
        {
            var w2 = Scan.SkipSpaces(text, m2e);
            if (_lex.MonthWords.TryMatch(text, w2, out _, out var mw2) && !IsDuration(text, w2))
            {
                item.Month = m2;
                Set(item, mw2, ReportingPeriod.Months(year, month, m2));
                return true;
            }
        }
        if (!_lex.MonthWords.TryMatch(text, w, out _, out var mwe) || IsDuration(text, w)) return false;
        item.Month = month;
        var d = Scan.SkipSpaces(text, mwe);
        if (ReadSmall(text, d, out var day, out var de) && day is >= 1 and <= 31)
        {
            var dw = Scan.SkipSpaces(text, de);
            if (_lex.DayWords.TryMatch(text, dw, out _, out var dwe) || (dw >= text.Length || !Han.IsHan(text[dw]) || _lex.RangeConnectors.StartsAt(text, dw)) && de > d)
            {
                var dayEnd = dwe > dw ? dwe : de;
                if (!item.ExplicitYear && st.ContextYear == 0)
                    for (var k = 0; k < 8 && day > CalendarDays(year, month); k++) year--;
                if (day > CalendarDays(year, month)) return false;
                item.Year = year;
                var date = new LocalDate(year, month, day);
                Set(item, dayEnd, ReportingPeriod.Day(date));
                TryCutoffSuffix(text, dayEnd, date, item);
                return true;
            }
        }
        // 9 月末 / 9 月底: the last day of the month.
        if (d < text.Length && text[d] is '末' or '底')
        {
            var last = new YearMonth(year, month).ToDateInterval().End;
            Set(item, d + 1, ReportingPeriod.Day(last));
            TryCutoffSuffix(text, d + 1, last, item);
            return true;
        }
        Set(item, mwe, ReportingPeriod.Month(year, month));
        return true;
    }

    /// <summary>止九个月 / 止年度 / 止季度 after the date a period runs up to.</summary>
    private void TryCutoffSuffix(string text, int p, LocalDate endDate, Item item)
    {
        var s = Scan.SkipSpaces(text, p);
        if (!text.AsSpan(s).StartsWith(_lex.CutoffSuffix)) return;
        var q = Scan.SkipSpaces(text, s + _lex.CutoffSuffix.Length);
        int months;
        int end;
        if (ReadSmall(text, q, out var n, out var ne) && _lex.MonthsWords.TryMatch(text, Scan.SkipSpaces(text, ne), out _, out var mwe) && n is >= 1 and <= 24)
        {
            months = n;
            end = mwe;
        }
        else if (_lex.YearWords.TryMatch(text, q, out _, out var ye) && _lex.WholeYear.TryMatch(text, ye, out _, out var we))
        {
            months = 12;
            end = we;
        }
        else if (_lex.QuarterWords.TryMatch(text, q, out _, out var qe))
        {
            // 截至 2025 年 9 月 30 日止季度: the quarter that ends on the date.
            months = 3;
            end = qe;
        }
        else return;
        var startMonth = new LocalDate(endDate.Year, endDate.Month, 1).PlusMonths(1 - months);
        item.Period = ReportingPeriod.Between(startMonth, endDate);
        item.CutoffMonths = months;
        item.End = end;
    }

    // ---- items without a written year ----------------------------------------------------------------------

    private Item? TryWithoutYear(string text, int i, ref State st)
    {
        var reference = st.Reference;
        // The sentence's year, else the reference year, else (an undated article) the year the article opens with.
        var contextYear = st.ContextYear > 0 ? st.ContextYear : reference?.Year ?? st.LedeYear;

        // (九十年代, 20世纪80年代, 上世纪90年代: the named pattern "decade".)
        // 13.5.2015, 3-7-2017, 05/05/89, 27-7-3.
        if (Scan.IsDigit(text[i]) && TryNumericDayFirst(text, i) is { } numeric) return numeric;

        // 近三年, 过去十年, 未来两天, 上2个月 (前 N 个月 and 前三季度 are leading months of a year, below).
        if (reference is { } durRef && TryRelativeDuration(text, i, durRef) is { } duration) return duration;

        // 今日, 昨天, 本月, 上个月 (+ day): named patterns (DatePatterns: relative-day, relative-month).

        // 上周一, 下周, 这个星期一, 周末.
        if (reference is { } weekRef && TryWeek(text, i, weekRef) is { } week) return week;

        // 正月初一, 农历十月初一, 大年三十.
        if (TryLunar(text, i, 0, reference) is { } lunar) return lunar;

        // 今 (8) 日 / 本月 8 日: a day of the reference month.
        if (reference is { } r && text[i] is '今' or '本')
        {
            var p = Scan.SkipSpaces(text, i + 1);
            if (p < text.Length && text[p] is '(' or '（')
            {
                var q = Scan.SkipSpaces(text, p + 1);
                if (ReadSmall(text, q, out var dd, out var ddEnd) && dd is >= 1 and <= 31)
                {
                    var close = Scan.SkipSpaces(text, ddEnd);
                    if (close < text.Length && text[close] is ')' or '）')
                    {
                        var dw = Scan.SkipSpaces(text, close + 1);
                        if (_lex.DayWords.TryMatch(text, dw, out _, out var dwe) && dd <= CalendarDays(r.Year, r.Month))
                            return Day(i, dwe, new LocalDate(r.Year, r.Month, dd));
                    }
                }
            }
        }

        if (contextYear == 0) return null;

        // A numeral must be followed by a date word (季度, 月, 日, 年…) to be worth a closer look.
        if (Scan.IsDigit(text[i]) || _lex.IsNumeralChar(text[i]))
        {
            if (!ReadSmall(text, i, out _, out var smallEnd)) return null;
            var w0 = Scan.SkipSpaces(text, smallEnd);
            if (!(_lex.QuarterWords.StartsAt(text, w0) || _lex.MonthWords.StartsAt(text, w0) || _lex.DayWords.StartsAt(text, w0)
                  || _lex.RangeConnectors.StartsAt(text, w0))) return null;
        }

        // 上半年, 第三季度, 前 9 个月, Q3 without a year: the sentence's year, else the reference year.
        if (_lex.Halves.TryMatch(text, i, out var half, out var he))
        {
            var halfPeriod = ReportingPeriod.Half(contextYear, half);
            if (st.ContextYear == 0 && reference is { } hr) halfPeriod = LatestBy(halfPeriod, hr, leading: false);
            return new Item { Start = i, End = he, Period = halfPeriod, Year = halfPeriod.End.Year };
        }
        if (text[i] is '第' or 'Q' or 'H' || _lex.LeadingCounts.StartsAt(text, i) || (_lex.Digit(text[i]) >= 0) || Scan.IsDigit(text[i]))
        {
            if ((text[i] is 'Q' or 'H') && i > 0 && Scan.IsAsciiLetter(text[i - 1])) return null;
            if (TryQuarterOrLeading(text, i, contextYear, out var period, out var qe, out var leadingMonths))
            {
                if (st.ContextYear == 0 && reference is { } qr) period = LatestBy(period, qr, leadingMonths);
                return new Item { Start = i, End = qe, Period = period, Year = period.End.Year };
            }
        }
        // 年初 / 年末 / 全年 alone.
        if (text[i] == '年' && i + 1 < text.Length && _lex.YearParts.TryMatch(text, i + 1, out var part, out var pe, innerSpaces: false)
            && (i == 0 || !IsYearPrefixChar(text[i - 1])) && !(text[i + 1] == '中' && pe < text.Length && Han.IsHan(text[pe])))
            return new Item { Start = i, End = pe, Period = ReportingPeriod.Months(contextYear, part.From, part.To), Year = contextYear };

        // 1 月 8 日, 9 月: month (and day) in the sentence's or the reference year.
        // (两月 is two months, never February: 两 is not written in a month or a decimal.)
        if (!_lex.NotDecimalDigits.Contains(text[i]) && ReadSmall(text, i, out var month, out var me) && month is >= 1 and <= 12)
        {
            var w = Scan.SkipSpaces(text, me);
            if (_lex.MonthWords.TryMatch(text, w, out _, out _) && !IsDuration(text, w) && !(i > 0 && text[i - 1] is '第' or '前' or '近' or '每'))
            {
                // Without a reference date (an undated article), the year the article opens with stands for "now".
                var year = st.ContextYear > 0 ? st.ContextYear : reference is null ? st.LedeYear : NearestYear(reference, month);
                if (year == 0) return null;
                var item = new Item { Start = i, Year = year };
                if (TryMonthDay(text, i, year, item, ref st)) return item;
            }
        }

        // 8 日, 29号: a day of the sentence's month, else the reference month.
        var before = Scan.SkipSpacesBack(text, i);
        var previous = before > 0 ? text[before - 1] : '\0';
        // After 月 the day belongs to a month-day that did not parse (2月30日): no bare day then.
        if (ReadSmall(text, i, out var dayOnly, out var doe) && dayOnly is >= 1 and <= 31 && previous is not ('第' or '前' or '近' or '每' or '多' or '月'))
        {
            var w = Scan.SkipSpaces(text, doe);
            if (_lex.DayWords.TryMatch(text, w, out _, out var dwe) && !(dwe < text.Length && "元圆圓均本报報内內线線楼樓店K".Contains(text[dwe])))
            {
                var year = st.ContextYear > 0 ? st.ContextYear : reference?.Year ?? 0;
                var month2 = st.ContextMonth > 0 ? st.ContextMonth : reference?.Month ?? 0;
                if (year > 0 && month2 > 0)
                {
                    // 29日 in a February: the nearest earlier month that has that day.
                    var ym = new LocalDate(year, month2, 1);
                    for (var k = 0; k < 3 && dayOnly > CalendarDays(ym.Year, ym.Month); k++) ym = ym.PlusMonths(-1);
                    if (dayOnly <= CalendarDays(ym.Year, ym.Month)) return Day(i, dwe, new LocalDate(ym.Year, ym.Month, dayOnly));
                }
            }
        }
        return null;
    }

    private static Item Day(int start, int end, LocalDate date) =>
        new() { Start = start, End = end, Period = ReportingPeriod.Day(date), Year = date.Year, Month = date.Month };

    /// <summary>A month written without a year: the one nearest to the reference date.</summary>
    private static int NearestYear(LocalDate? reference, int month)
    {
        if (reference is not { } r) return 0;
        var diff = month - r.Month;
        return diff > 6 ? r.Year - 1 : diff < -6 ? r.Year + 1 : r.Year;
    }

    // ---- years ----------------------------------------------------------------------------------------------

    /// <summary>2025 年, 二〇二五年, 07年, 今年, 2022-2024年, 2025-09-30 / 2025.9.30 (a day, via spanEnd).</summary>
    private bool TryYear(string text, int i, State st, out int year, out int end, out bool explicitYear, out int spanEnd, out int spanYear, out LocalDate? day)
    {
        year = 0; end = i; explicitYear = false; spanEnd = 0; spanYear = 0; day = null;
        if (i >= text.Length) return false;
        if (st.Reference is { } r && _lex.RelativeYears.TryMatch(text, i, out var offset, out var re, innerSpaces: false))
        {
            year = r.Year + offset;
            end = re;
            return true;
        }
        // 民国三年, 康熙二十年: an era name, then its year (元年 is the first).
        if (_lex.Eras.TryMatch(text, i, out var eraBase, out var eraEnd, innerSpaces: false))
        {
            var q = Scan.SkipSpaces(text, eraEnd);
            int n;
            int ne;
            if (q < text.Length && text[q] == '元') { n = 1; ne = q + 1; }
            else if (!ReadSmall(text, q, out n, out ne) || n < 1) return false;
            var w = Scan.SkipSpaces(text, ne);
            if (!_lex.YearWords.TryMatch(text, w, out _, out var eye)) return false;
            year = eraBase + n; end = eye; explicitYear = true;
            return true;
        }
        var c = text[i];
        if (Scan.IsDigit(c))
        {
            if (i > 0 && (Scan.IsDigit(text[i - 1]) || text[i - 1] is '.' or '．' || Scan.IsAsciiLetter(text[i - 1])
                          || text[i - 1] == ',' && i >= 2 && Scan.IsDigit(text[i - 2]))) return false;
            var p = i;
            var v = 0;
            while (p < text.Length && Scan.DigitValue(text[p]) is var dv and >= 0 && p - i < 5) { v = v * 10 + dv; p++; }
            var digits = p - i;
            var w = Scan.SkipSpaces(text, p);
            if (digits == 4 && v is >= 1000 and <= 2999)
            {
                // 2022-2024年 / 2022至2024年
                if (_lex.RangeConnectors.TryMatch(text, w, out _, out var rc))
                {
                    var q = Scan.SkipSpaces(text, rc);
                    var q0 = q;
                    var v2 = 0;
                    while (q < text.Length && Scan.DigitValue(text[q]) is var d2 and >= 0 && q - q0 < 5) { v2 = v2 * 10 + d2; q++; }
                    var w2 = Scan.SkipSpaces(text, q);
                    if (q - q0 == 4 && v2 > v && v2 <= 2999 && _lex.YearWords.TryMatch(text, w2, out _, out var ye2) && !YearBlocked(text, ye2))
                    {
                        year = v; spanYear = v2; spanEnd = ye2; explicitYear = true;
                        return true;
                    }
                }
                if (_lex.YearWords.TryMatch(text, w, out _, out var ye) && !YearBlocked(text, ye))
                {
                    year = v; end = ye; explicitYear = true;
                    return true;
                }
                // 从2016到2018: bare years need the 从 to be read as years.
                if (_lex.RangePrefixes.TryMatchBefore(text, Scan.SkipSpacesBack(text, i), out _, out _)
                    && _lex.RangeConnectors.TryMatch(text, w, out _, out var brc))
                {
                    var q = Scan.SkipSpaces(text, brc);
                    if (ReadDigits(text, q, 4, out var v3, out var q3) && q3 - q == 4 && v3 > v && !(q3 < text.Length && Scan.IsAsciiLetter(text[q3])))
                    {
                        year = v; spanYear = v3; spanEnd = q3; explicitYear = true;
                        return true;
                    }
                }
                // 2010 01 29
                if (p < text.Length && text[p] == ' ' && TryNumericDate(text, p, v, out var spEnd, out var spDate)
                    && spEnd - p == 6)
                {
                    year = v; end = spEnd; explicitYear = true; day = spDate;
                    return true;
                }
                // 2025H1 / 2025 Q3
                if (w < text.Length && text[w] is 'Q' or 'H' && w + 1 < text.Length && Scan.IsDigit(text[w + 1]) && v is >= 1900 and <= 2100)
                {
                    year = v; end = p; explicitYear = true;
                    return true;
                }
                // A bare four-digit year (2018看起来是一个年份): reported, but it never sets the sentence's year, and the
                // quantity recognizer's number wins the overlap in the full model.
                if (v is >= 1500 and <= 2100 && p - i == 4 && IsBareYear(text, i, p))
                {
                    year = v; end = p; explicitYear = false;
                    return true;
                }
                // 2025-09-30, 2025/9/30, 2025.9.30
                if (p < text.Length && text[p] is '-' or '/' or '.' or '．' or '／' && TryNumericDate(text, p, v, out var ndEnd, out var nd))
                {
                    year = nd.Year; end = ndEnd; explicitYear = true; day = nd;
                    return true;
                }
                return false;
            }
            if (digits == 2 && _lex.YearWords.TryMatch(text, w, out _, out var y2e) && !YearBlocked(text, y2e)
                && (c is '0' or '０' || ReadSmall(text, Scan.SkipSpaces(text, y2e), out var mm, out var mme) && mm is >= 1 and <= 12
                    && _lex.MonthWords.StartsAt(text, Scan.SkipSpaces(text, mme))))
            {
                year = v < 50 ? 2000 + v : 1900 + v; end = y2e; explicitYear = true;
                return true;
            }
            return false;
        }
        if ((_lex.Digit(c) >= 0) || (_lex.Unit(c) > 0))
        {
            if (i > 0 && (_lex.IsNumeralChar(text[i - 1]) || text[i - 1] is '第' or '近' or '前' or '后' or '過' or '过' or '每')) return false;
            if (!_numbers.TryScan(text, i, out var t)) return false;
            var w = Scan.SkipSpaces(text, t.End);
            if (!_lex.YearWords.TryMatch(text, w, out _, out var ye) || YearBlocked(text, ye)) return false;
            var digits = t.End - t.Start;
            if (t.IsDigitSequence && digits is 3 or 4) year = (int)t.Value;
            else if (t.IsDigitSequence && digits == 2) year = t.Value < 50 ? 2000 + (int)t.Value : 1900 + (int)t.Value;
            else if (!t.IsDigitSequence && t.Value is >= 1000 and <= 2999 && t.Value == decimal.Truncate(t.Value)) year = (int)t.Value;
            else return false;
            end = ye; explicitYear = true;
            return true;
        }
        return false;
    }

    /// <summary>2025-09-30 / 2025/9/30 / 2025.9.30 after a four-digit year.</summary>
    private static bool TryNumericDate(string text, int p, int year, out int end, out LocalDate date)
    {
        end = p; date = default;
        var sep = text[p];
        var q = p + 1;
        if (!ReadDigits(text, q, 2, out var month, out var mEnd) || month is < 1 or > 12) return false;
        if (mEnd >= text.Length || text[mEnd] != sep) return false;
        if (!ReadDigits(text, mEnd + 1, 2, out var day, out var dEnd) || day < 1 || day > CalendarDays(year, month)) return false;
        if (dEnd < text.Length && (Scan.IsDigit(text[dEnd]) || Scan.IsAsciiLetter(text[dEnd]))) return false;
        end = dEnd;
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool ReadDigits(string text, int p, int max, out int value, out int end)
    {
        value = 0; end = p;
        while (end < text.Length && end - p < max && Scan.DigitValue(text[end]) is var d and >= 0) { value = value * 10 + d; end++; }
        return end > p && !(end < text.Length && Scan.IsDigit(text[end]));
    }

    private static bool YearBlocked(string text, int afterYearWord) =>
        afterYearWord < text.Length && text[afterYearWord] is '代' or '级' or '級' or '龄' or '齡' or '纪' or '紀' or '轻' or '輕' or '均' or '化';

    private static bool IsYearPrefixChar(char c) => Scan.IsDigit(c) || c is '今' or '去' or '明' or '本' or '上' or '下' or '同' or '当' or '前' or '后' or '全' or '每' or '新' or '多' or '近';



    /// <summary>9 个月 is a duration, not September.</summary>
    private static bool IsDuration(string text, int monthWordAt) =>
        monthWordAt > 0 && text[Scan.SkipSpacesBack(text, monthWordAt) - 1] is '个' or '個';

    /// <summary>A small number (month, day, quarter): 1-2 Arabic digits or a Chinese numeral.</summary>
    private bool ReadSmall(string text, int p, out int value, out int end) => _tokens.Small(text, p, out value, out end);

    private static int CalendarDays(int year, int month) => year is >= 1 and <= 9999 ? CalendarSystem.Iso.GetDaysInMonth(year, month) : 31;

    // ---- weeks, durations, decades, numeric dates ---------------------------------------------------------

    /// <summary>上周一 / 这个星期一 / 星期一 (this week's) / 下周 (Monday..Sunday) / 下周末 (Saturday..Sunday).</summary>
    private Item? TryWeek(string text, int i, LocalDate reference)
    {
        if (i > 0 && text[i - 1] is '每' or '一' or '两' or '兩' or '几' or '幾') return null;
        var p = i;
        var offset = 0;
        var prefixed = _lex.WeekPrefixes.TryMatch(text, p, out offset, out var pe, innerSpaces: false);
        if (prefixed)
        {
            p = pe;
            if (p + 1 < text.Length && text[p] == '一' && text[p + 1] is '个' or '個') p++;
            if (p < text.Length && text[p] is '个' or '個') p++;
        }
        if (!_lex.WeekWords.TryMatch(text, p, out _, out var we, innerSpaces: false)) return null;
        var monday = reference.PlusDays(1 - (int)reference.DayOfWeek).PlusWeeks(offset);
        if (_lex.Weekdays.TryMatch(text, we, out var weekday, out var wde, innerSpaces: false)
            && !(wde < text.Length && (Han.IsHan(text[wde]) && text[wde] is '年' or '期' or '刊' or '报' or '報' or '边' or '邊' or '围' or '圍')))
            return Day(i, wde, monday.PlusDays(weekday - 1));
        if (!prefixed) return null;
        if (we < text.Length && text[we] == _lex.Weekend)
            return new Item { Start = i, End = we + 1, Period = ReportingPeriod.Between(monday.PlusDays(5), monday.PlusDays(6)) };
        if (we < text.Length && text[we] is '年' or '期' or '刊' or '报' or '報') return null;
        return new Item { Start = i, End = we, Period = ReportingPeriod.Between(monday, monday.PlusDays(6)) };
    }

    /// <summary>10月12号，星期一: a weekday written after a date belongs to it.</summary>
    private void ExtendWithWeekday(string text, Item item)
    {
        var p = Scan.SkipSpaces(text, item.End);
        if (p < text.Length && text[p] is ',' or '，') p = Scan.SkipSpaces(text, p + 1);
        if (!_lex.WeekWords.TryMatch(text, p, out _, out var we, innerSpaces: false)) return;
        if (_lex.Weekdays.TryMatch(text, we, out _, out var wde, innerSpaces: false)) item.End = wde;
    }

    /// <summary>近三年 → the three years up to the reference date; 未来两天 → the two days after it.</summary>
    private Item? TryRelativeDuration(string text, int i, LocalDate reference)
    {
        var back = _lex.DurationsBack.TryMatch(text, i, out _, out var pe, innerSpaces: false);
        if (!back && !_lex.DurationsOn.TryMatch(text, i, out _, out pe, innerSpaces: false)) return null;
        var q = Scan.SkipSpaces(text, pe);
        if (!ReadSmall(text, q, out var n, out var ne) || n < 1) return null;
        var u = Scan.SkipSpaces(text, ne);
        if (!_lex.DurationUnits.TryMatch(text, u, out var unit, out var ue)) return null;
        if (text[i] == '前' && unit is "month" or "year" && (text[Scan.SkipSpacesBack(text, u) - 1] is '个' or '個' || unit == "month")) return null;
        // 前一日, 前一天: the day before an event the sentence names (招股日的前一日, 美股前一日收盘价), not before the reference date.
        if (text[i] == '前' && n == 1 && unit == "day") return null;
        // 前三季度: the first quarters of a year (below); 上一季度, 下个季度: a calendar quarter (the relative-quarter pattern).
        if (unit == "quarter" && (text[i] == '前' || n == 1 && text[i] is '上' or '下')) return null;
        if (ue < text.Length && text[ue] is '度' or '代' or '级' or '級') return null;
        LocalDate Shift(LocalDate d, int k) => unit switch
        {
            "year" => d.PlusYears(k),
            "month" => d.PlusMonths(k),
            "week" => d.PlusWeeks(k),
            "quarter" => d.PlusMonths(3 * k),
            _ => d.PlusDays(k),
        };
        var period = back
            ? ReportingPeriod.Between(Shift(reference, -n), reference.PlusDays(-1))
            : ReportingPeriod.Between(reference.PlusDays(1), Shift(reference, n));
        return new Item { Start = i, End = ue, Period = period };
    }

    /// <summary>Nothing after the digits that makes them a quantity, a code or part of a longer number.</summary>
    private bool IsBareYear(string text, int start, int end)
    {
        // A listing code (1810.HK, HKG: 1211, 股份代号：2513) is never a year.
        if (_lex.IsCodeBefore(text, start)) return false;
        if (end < text.Length && (Scan.IsDigit(text[end]) || Scan.IsAsciiLetter(text[end])
                                  || text[end] is '.' or '．' or ',' or '，' && end + 1 < text.Length && (Scan.IsDigit(text[end + 1]) || Scan.IsAsciiLetter(text[end + 1]))
                                  || text[end] is '-' or '/' or '%' or '％' or '‰' or ':' or '：')) return false;
        var p = Scan.SkipSpaces(text, end);
        if (p >= text.Length) return true;
        var c = text[p];
        return !(Scan.IsDigit(c) || _lex.IsNumeralChar(c) || _lex.Unit(c) > 0 || _lex.CurrencySuffixes.StartsAt(text, p) || _lex.PercentSuffixes.StartsAt(text, p)
                 || _lex.Multiples.StartsAt(text, p) || _lex.Points.StartsAt(text, p) || _lex.CountUnits.StartsAt(text, p) || _lex.DateUnits.StartsAt(text, p)
                 || _lex.RangeConnectors.StartsAt(text, p) || c is '多' or '余' or '餘' or '个' or '個');
    }

    /// <summary>Lunar dates (农历十月初一, 正月三十, 大年初一, 大年三十), converted to the Gregorian calendar with
    /// <see cref="System.Globalization.ChineseLunisolarCalendar"/>. <paramref name="year"/> 0: the lunar year of the
    /// reference date.</summary>
    private Item? TryLunar(string text, int i, int year, LocalDate? reference)
    {
        var p = i;
        var marked = false;
        if (p >= text.Length) return null;
        if (_lex.LunarPrefixes.TryMatch(text, p, out _, out var le, innerSpaces: false)) { marked = true; p = Scan.SkipSpaces(text, le); }
        if (year == 0 && marked && TryYear(text, p, default, out var y2, out var ye2, out var explicit2, out _, out var span2, out var day2) && explicit2 && span2 == 0 && day2 is null)
        {
            year = y2;
            p = Scan.SkipSpaces(text, ye2);
        }
        int month, day;
        int end;
        if (text.AsSpan(p).StartsWith(_lex.LunarNewYear))
        {
            var q = p + _lex.LunarNewYear.Length;
            if (q < text.Length && text[q] == _lex.LunarDayPrefix && ReadSmall(text, q + 1, out var d0, out var de0) && d0 is >= 1 and <= 10) { month = 1; day = d0; end = de0; }
            else if (ReadSmall(text, q, out var eve, out var evee) && eve is 29 or 30) { month = 0; day = 0; end = evee; } // 除夕
            else return null;
        }
        else
        {
            if (_lex.LunarMonths.TryMatch(text, p, out month, out var me, innerSpaces: false)) marked = true;
            else if (!(ReadSmall(text, p, out month, out var me2) && month is >= 1 and <= 12 && _lex.MonthWords.TryMatch(text, Scan.SkipSpaces(text, me2), out _, out me))) return null;
            var d = Scan.SkipSpaces(text, me);
            if (d < text.Length && text[d] == _lex.LunarDayPrefix && ReadSmall(text, d + 1, out day, out end) && day is >= 1 and <= 10) marked = true;
            else if (marked && ReadSmall(text, d, out day, out end) && day is >= 11 and <= 30) { }
            else return null;
            if (!marked) return null;
        }
        var explicitYear = year != 0;
        if (year == 0)
        {
            if (reference is not { } r) return null;
            year = r.Year;
        }
        var calendar = new System.Globalization.ChineseLunisolarCalendar();
        if (year < 1902 || year > 2099)
        {
            // Outside the conversion table (神龙二年正月初一): the lunar month and day as written.
            if (month == 0) { month = 12; day = 30; }
            if (day > 30 || day > CalendarDays(year, month)) return null;
            var literal = Day(i, end, new LocalDate(year, month, day));
            literal.ExplicitYear = true;
            return literal;
        }
        try
        {
            DateTime gregorian;
            if (month == 0)
                gregorian = calendar.ToDateTime(year + 1, 1, 1, 0, 0, 0, 0).AddDays(-1);
            else
            {
                // A day the month lacks this year (正月三十): the nearest earlier year whose month has it.
                for (var k = 0; k < 4 && day > calendar.GetDaysInMonth(year, LunarMonthIndex(calendar, year, month)); k++)
                {
                    if (explicitYear) return null;
                    year--;
                }
                var m = LunarMonthIndex(calendar, year, month);
                if (day > calendar.GetDaysInMonth(year, m)) return null;
                gregorian = calendar.ToDateTime(year, m, day, 0, 0, 0, 0);
            }
            return Day(i, end, LocalDate.FromDateTime(gregorian));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The calendar's month index for a lunar month number: months after a leap month shift by one.</summary>
    private static int LunarMonthIndex(System.Globalization.ChineseLunisolarCalendar calendar, int year, int month)
    {
        var leap = calendar.GetLeapMonth(year);
        return leap > 0 && month >= leap ? month + 1 : month;
    }

    /// <summary>Day-first numeric dates: 13.5.2015, 3-7-2017, 1/2/2020, 05/05/89 (D/M/YY), 3-7-07 (D-M-YY),
    /// 27-7-3 and 12-11-10 (YY-M-D).</summary>
    private static Item? TryNumericDayFirst(string text, int i)
    {
        if (i > 0 && (Scan.IsDigit(text[i - 1]) || Scan.IsAsciiLetter(text[i - 1]) || text[i - 1] is '.' or '/' or ':')) return null;
        if (!ReadDigits(text, i, 2, out var a, out var ae) || ae >= text.Length) return null;
        var sep = text[ae];
        if (sep is not ('-' or '/' or '.')) return null;
        if (!ReadDigits(text, ae + 1, 2, out var b, out var be) || be >= text.Length || text[be] != sep) return null;
        if (!ReadDigits(text, be + 1, 4, out var c, out var ce)) return null;
        if (ce < text.Length && (Scan.IsAsciiLetter(text[ce]) || text[ce] == sep && ce + 1 < text.Length && Scan.IsDigit(text[ce + 1]))) return null;
        int cLen = ce - be - 1, aLen = ae - i;
        int year, month, day;
        if (cLen == 4) { year = c; month = b; day = a; }
        else if (cLen is 1 or 2 && sep == '-' && aLen == 2) { year = 2000 + a; month = b; day = c; }
        else if (cLen == 2 && sep is '/' or '-') { year = c < 50 ? 2000 + c : 1900 + c; month = b; day = a; }
        else return null;
        if (month is < 1 or > 12 || day < 1 || day > CalendarDays(year, month)) return null;
        var item = Day(i, ce, new LocalDate(year, month, day));
        item.ExplicitYear = true;
        return item;
    }

    /// <summary>
    /// A range's ends are resolved together: the earlier end chooses the year. An end without a written year (a month,
    /// a day, a quarter; not a year word such as 明年) takes the year of the start (一月十日到十二日, 三月和九月之间 read in January 2026 are both in one year), moving on a year only
    /// when it would otherwise come before the start (十一月至二月 runs into the next year); a bare day (十二日) also
    /// takes the start's month.
    /// </summary>
    private static ReportingPeriod AlignEnd(Item a, Item b)
    {
        var end = b.Period;
        // A year is its own end (今年到明年); only a month, a day or a quarter written without a year is aligned.
        if (b.ExplicitYear || b.YearOnly || end.Kind is PeriodKind.Year or PeriodKind.YearSpan) return end;
        var start = a.Period.Start;
        if (end.IsDay && b.Month == 0 && a.Period.IsDay)
        {
            var day = end.Start.Day;
            var month = new LocalDate(start.Year, start.Month, 1);
            for (var i = 0; i < 2; i++, month = month.PlusMonths(1))
                if (day <= CalendarDays(month.Year, month.Month) && new LocalDate(month.Year, month.Month, day) >= start)
                    return ReportingPeriod.Day(new LocalDate(month.Year, month.Month, day));
            return end;
        }
        var years = start.Year - end.Start.Year;
        if (years == 0) return end;
        var shifted = ReportingPeriod.Between(end.Start.PlusYears(years), end.End.PlusYears(years));
        return shifted.End >= start ? shifted : ReportingPeriod.Between(end.Start.PlusYears(years + 1), end.End.PlusYears(years + 1));
    }

    /// <summary>2007年与2009年间 / 在2007年与2009年之间 / 2010年之后2018年之前.</summary>
    private bool TryBetween(string text, Item a, Item b, out int start, out int end, out ReportingPeriod period)
    {
        start = a.Start; end = a.End; period = a.Period;
        var p = Scan.SkipSpaces(text, a.End);
        if (_lex.BetweenJoiners.TryMatch(text, p, out _, out var je, innerSpaces: false) && Scan.SkipSpaces(text, je) == b.Start)
        {
            var s = Scan.SkipSpaces(text, b.End);
            if (!_lex.BetweenSuffixes.TryMatch(text, s, out _, out var se, innerSpaces: false)) return false;
            var last = AlignEnd(a, b);
            if (last.End < a.Period.Start) return false;
            end = se;
            if (_lex.BetweenPrefixes.TryMatchBefore(text, Scan.SkipSpacesBack(text, a.Start), out _, out var ps)) start = ps;
            period = ReportingPeriod.Between(a.Period.Start, last.End);
            return true;
        }
        if (_lex.AfterWords.TryMatch(text, p, out _, out var ae, innerSpaces: false) && Scan.SkipSpaces(text, ae) == b.Start)
        {
            var s = Scan.SkipSpaces(text, b.End);
            if (!_lex.BeforeWords.TryMatch(text, s, out _, out var be, innerSpaces: false) || b.Period.Start <= a.Period.Start) return false;
            end = be;
            period = ReportingPeriod.Between(a.Period.Start, b.Period.Start.PlusDays(-1));
            return true;
        }
        return false;
    }

    // ---- joining items ---------------------------------------------------------------------------------------

    /// <summary>截至 2024 年及 2025 年 9 月 30 日止九个月: earlier bare years take the same months and end day.</summary>
    private void ApplyCutoffLists(string text, List<Item> items)
    {
        for (var k = 1; k < items.Count; k++)
        {
            var b = items[k];
            if (b.CutoffMonths == 0) continue;
            var j = k - 1;
            var chain = new List<Item>();
            while (j >= 0 && items[j].YearOnly && Joined(text, items[j].End, (j + 1 < k ? items[j + 1] : b).Start))
            {
                chain.Add(items[j]);
                if (items[j].CutoffPrefix) break;
                j--;
            }
            if (chain.Count == 0 || !chain[^1].CutoffPrefix) continue;
            foreach (var a in chain)
            {
                var end = b.Period.End;
                if (end.Month == 2 && end.Day == 29 && !CalendarSystem.Iso.IsLeapYear(a.Year)) end = end.PlusDays(-1);
                var endDate = new LocalDate(a.Year, end.Month, Math.Min(end.Day, CalendarDays(a.Year, end.Month)));
                a.Period = ReportingPeriod.Between(new LocalDate(a.Year, b.Period.Start.Month, 1), endDate);
                a.YearOnly = false;
            }
        }
    }

    private bool Joined(string text, int end, int nextStart)
    {
        var p = Scan.SkipSpaces(text, end);
        if (p >= nextStart) return p == nextStart;
        if (!_lex.ListJoiners.TryMatch(text, p, out _, out var je, innerSpaces: false)) return false;
        p = Scan.SkipSpaces(text, je);
        if (p < nextStart && _lex.CutoffPrefixes.TryMatch(text, p, out _, out var ce, innerSpaces: false)) p = Scan.SkipSpaces(text, ce);
        return p == nextStart;
    }

    /// <summary>Joins ranges (a 至 b) and writes one mention per remaining item, in text order.</summary>
    private void Emit(string text, List<Item> items, List<Mention> output)
    {
        for (var k = 0; k < items.Count; k++)
        {
            var a = items[k];
            var start = a.Start;
            var end = a.End;
            var period = a.Period;
            if (k + 1 < items.Count && a.CutoffMonths == 0)
            {
                var b = items[k + 1];
                var p = Scan.SkipSpaces(text, a.End);
                if (_lex.RangeConnectors.TryMatch(text, p, out _, out var ce) && Scan.SkipSpaces(text, ce) == b.Start && AlignEnd(a, b) is var last
                    && last.End >= a.Period.Start)
                {
                    period = ReportingPeriod.Between(a.Period.Start, last.End);
                    end = b.End;
                    k++;
                    var before = Scan.SkipSpacesBack(text, start);
                    if (_lex.RangePrefixes.TryMatchBefore(text, before, out _, out var rs)) start = rs;
                }
            }
            if (k + 1 < items.Count && end == a.End && a.CutoffMonths == 0 && TryBetween(text, a, items[k + 1], out var bStart, out var bEnd, out var between))
            {
                start = bStart; end = bEnd; period = between;
                k++;
            }
            else if (a.IsRange && end == a.End)
            {
                var before = Scan.SkipSpacesBack(text, start);
                if (_lex.RangePrefixes.TryMatchBefore(text, before, out _, out var rs)) start = rs;
            }
            var kind = period.IsDay ? MentionKind.Date : MentionKind.Period;
            output.Add(new Mention(kind, new TextSpan(start, end), text.Substring(start, end - start), new PeriodResolution(period)) { Recognizer = Name });
        }
    }
}
