using System;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Tables;

/// <summary>What a header (or the table's context) says about a period: a year, a quarter or half, a duration in
/// months, an end date (month and day), whether it is a point in time (<c>As of</c>).</summary>
public sealed record PeriodSpec(int? Year, int? Quarter, int? Half, int? Months, (int Month, int Day)? End, bool AsOf)
{
    public static PeriodSpec None { get; } = new(null, null, null, null, null, false);
    public bool IsEmpty => Year is null && Quarter is null && Half is null && Months is null && End is null;
}

/// <summary>What a column holds: its period, whether it is a change column (and which), its basis, and the currency
/// and scale its header names.</summary>
public sealed record ColumnInfo(PeriodSpec Period, ChangeKind Change, string Basis, Currency? Currency, decimal? Scale, bool PerShareScale);

/// <summary>
/// Reads a column header (or a table's context: spanning headers, unit note, title) into a <see cref="ColumnInfo"/>
/// and resolves a column's period for a metric: <c>Q3 2024</c>, <c>2025年第三季度</c>, <c>H1 2025</c>,
/// <c>2025年</c> under <c>截至九月三十日止三个月</c>, <c>As of June 30, 2025</c> in a first-quarter table.
/// </summary>
public sealed class ColumnReader(TableLexicon lexicon)
{
    private static readonly TimeSpan Timeout = Pipeline.Text.RegexLimits.Timeout;
    private static readonly Regex Year = new(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex QuarterCode = new(@"(?<![A-Za-z0-9])(?:Q([1-4])|([1-4])Q)(?![A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex ChineseDate = new(@"([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日", RegexOptions.CultureInvariant, Timeout);

    public ColumnInfo Read(string header)
    {
        var change = lexicon.Changes.FindAll(header).Select(m => m.Value).DefaultIfEmpty(ChangeKind.None)
            .Aggregate((a, b) => a == ChangeKind.None || a == ChangeKind.Unspecified ? b : a);
        if (change == ChangeKind.None && header.Trim() is "%" or "％" or "(%)" or "（%）") change = ChangeKind.Unspecified;
        var basis = lexicon.Bases.FindAll(header).Select(m => m.Value).FirstOrDefault() ?? "";
        Currency? currency = lexicon.Currencies.FindAll(header) is [var c, ..] ? c.Value : null;
        decimal? scale = lexicon.Scales.FindAll(header) is [var s, ..] ? s.Value : null;
        var perShare = lexicon.PerShare.FindAll(header).Count > 0;
        return new ColumnInfo(ReadPeriod(header), change, basis, currency, scale, perShare);
    }

    public PeriodSpec ReadPeriod(string text)
    {
        var year = Year.Match(text) is { Success: true } y ? int.Parse(y.Value) : (int?)null;
        int? quarter = QuarterCode.Match(text) is { Success: true } q ? int.Parse(q.Groups[1].Success ? q.Groups[1].Value : q.Groups[2].Value) : null;
        quarter ??= lexicon.Quarters.FindAll(text) is [var qw, ..] ? qw.Value : null;
        int? half = lexicon.Halves.FindAll(text) is [var h, ..] ? h.Value : null;
        int? months = lexicon.Months.FindAll(text) is [var mo, ..] ? mo.Value : null;
        var asOf = lexicon.AsOf.FindAll(text).Count > 0;
        return new PeriodSpec(year, quarter, half, months, EndDate(text), asOf);
    }

    private (int, int)? EndDate(string text)
    {
        foreach (var m in lexicon.MonthNames.FindAll(text))
        {
            var i = m.End;
            while (i < text.Length && text[i] is ' ' or '.') i++;
            var j = i;
            while (j < text.Length && j - i < 2 && char.IsAsciiDigit(text[j])) j++;
            if (j > i && int.Parse(text.AsSpan(i, j - i)) is var day and >= 1 and <= 31) return (m.Value, day);
        }
        if (ChineseDate.Match(text) is { Success: true } c && ChineseNumber(c.Groups[1].Value) is { } month and >= 1 and <= 12
            && ChineseNumber(c.Groups[2].Value) is { } d and >= 1 and <= 31)
            return (month, d);
        return null;
    }

    /// <summary>一 … 三十一 or digits.</summary>
    internal static int? ChineseNumber(string s)
    {
        if (s.All(char.IsAsciiDigit)) return int.Parse(s);
        const string digits = "零一二三四五六七八九";
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 && digits.IndexOf(s[0]) is var d and > 0 ? d : null;
        var tens = ten == 0 ? 1 : digits.IndexOf(s[0]);
        var ones = ten == s.Length - 1 ? 0 : digits.IndexOf(s[^1]);
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }

    private static int? ImpliedMonths(PeriodSpec spec) => spec.Quarter is not null ? 3 : spec.Half is not null ? 6 : null;

    /// <summary>The period of a column for a metric of the given timing, from the column's own header first and the
    /// table's context second; null when the header names no year.</summary>
    public static ReportingPeriod? Resolve(PeriodSpec column, PeriodSpec context, MetricTiming timing)
    {
        if (column.Year is not { } year) return null;
        var end = column.End ?? context.End;
        var stock = timing is MetricTiming.Stock or MetricTiming.Instant;
        try
        {
            if (end is { } e)
            {
                var endDate = new LocalDate(year, e.Month, Math.Min(e.Day, CalendarSystem.Iso.GetDaysInMonth(year, e.Month)));
                if (stock) return ReportingPeriod.Day(endDate);
                var months = column.Months ?? ImpliedMonths(column) ?? context.Months ?? ImpliedMonths(context);
                if (months is not { } m || m is < 1 or > 12) return null;
                var start = new LocalDate(year, e.Month, 1).PlusMonths(-(m - 1));
                return ReportingPeriod.Between(start, endDate);
            }
            ReportingPeriod? period = column.Quarter is { } q ? ReportingPeriod.Quarter(year, q)
                : column.Half is { } h ? ReportingPeriod.Half(year, h)
                : column.Months is 12 ? ReportingPeriod.Year(year)
                : context.Quarter is { } cq && context.Months is null or 3 ? ReportingPeriod.Quarter(year, cq)
                : context.Half is { } ch ? ReportingPeriod.Half(year, ch)
                : context.Months is null or 12 ? ReportingPeriod.Year(year)
                : null;
            return stock && period is { } p ? ReportingPeriod.Day(p.End) : period;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
