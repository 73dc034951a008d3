using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Pipeline.Recognition;

/// <summary>What kind of span a <see cref="ReportingPeriod"/> is, which decides its label.</summary>
public enum PeriodKind
{
    Day,
    Month,
    Quarter,
    Half,
    Year,
    /// <summary>Consecutive months within one year, e.g. the first nine months (2025-01..09).</summary>
    MonthSpan,
    /// <summary>Several whole years (2022..2024).</summary>
    YearSpan,
    /// <summary>Any other inclusive date range.</summary>
    Range,
}

/// <summary>
/// A day or an inclusive span of days with the shape it was written in (a quarter, a half-year…), like NodaTime's
/// <c>YearMonth</c>. Canonical text: ISO 8601 (<c>2026-01-16</c> for a day, <c>2025-01-01/2025-06-30</c> for a span);
/// label: the short human form (<c>2025H1</c>, <c>2025Q3</c>, <c>2025-01..09</c>, <c>2024</c>).
/// </summary>
public readonly record struct ReportingPeriod
{
    private ReportingPeriod(LocalDate start, LocalDate end, PeriodKind kind)
    {
        if (end < start) throw new ArgumentException($"Period end {end} is before its start {start}.", nameof(end));
        Start = start;
        End = end;
        Kind = kind;
    }

    public LocalDate Start { get; }
    public LocalDate End { get; }
    public PeriodKind Kind { get; }

    public bool IsDay => Kind == PeriodKind.Day;

    public static ReportingPeriod Day(LocalDate date) => new(date, date, PeriodKind.Day);
    public static ReportingPeriod Day(int year, int month, int day) => Day(new LocalDate(year, month, day));
    public static ReportingPeriod Year(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), PeriodKind.Year);
    public static ReportingPeriod Month(int year, int month) =>
        new(new LocalDate(year, month, 1), new YearMonth(year, month).ToDateInterval().End, PeriodKind.Month);

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        var first = (quarter - 1) * 3 + 1;
        return new(new LocalDate(year, first, 1), new YearMonth(year, first + 2).ToDateInterval().End, PeriodKind.Quarter);
    }

    public static ReportingPeriod Half(int year, int half)
    {
        if (half is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(half));
        return half == 1
            ? new(new LocalDate(year, 1, 1), new LocalDate(year, 6, 30), PeriodKind.Half)
            : new(new LocalDate(year, 7, 1), new LocalDate(year, 12, 31), PeriodKind.Half);
    }

    /// <summary>Months <paramref name="fromMonth"/>..<paramref name="toMonth"/> of one year (前 9 个月 = 1..9).</summary>
    public static ReportingPeriod Months(int year, int fromMonth, int toMonth)
    {
        if (fromMonth == toMonth) return Month(year, fromMonth);
        if (fromMonth == 1 && toMonth == 12) return Year(year);
        if (fromMonth == 1 && toMonth == 6) return Half(year, 1);
        if (fromMonth == 7 && toMonth == 12) return Half(year, 2);
        if (toMonth - fromMonth == 2 && (fromMonth - 1) % 3 == 0) return Quarter(year, (fromMonth + 2) / 3);
        return new(new LocalDate(year, fromMonth, 1), new YearMonth(year, toMonth).ToDateInterval().End, PeriodKind.MonthSpan);
    }

    public static ReportingPeriod Years(int fromYear, int toYear) => fromYear == toYear
        ? Year(fromYear)
        : new(new LocalDate(fromYear, 1, 1), new LocalDate(toYear, 12, 31), PeriodKind.YearSpan);

    /// <summary>An inclusive range; recognised as a year, half, quarter or month when it is exactly one.</summary>
    public static ReportingPeriod Between(LocalDate start, LocalDate end)
    {
        if (start == end) return Day(start);
        var monthAligned = start.Day == 1 && end == new YearMonth(end.Year, end.Month).ToDateInterval().End;
        if (monthAligned && start.Year == end.Year) return Months(start.Year, start.Month, end.Month);
        if (monthAligned && start.Month == 1 && end.Month == 12) return Years(start.Year, end.Year);
        return new(start, end, PeriodKind.Range);
    }

    public DateInterval ToDateInterval() => new(Start, End);

    public bool Contains(ReportingPeriod other) => other.Start >= Start && other.End <= End;

    /// <summary>ISO 8601: a date for a day, <c>start/end</c> otherwise.</summary>
    public string ToIsoString() => IsDay ? Iso(Start) : $"{Iso(Start)}/{Iso(End)}";

    /// <summary>The short human label: <c>2026-01-16</c>, <c>2025-07</c>, <c>2025Q3</c>, <c>2025H1</c>, <c>2024</c>,
    /// <c>2025-01..09</c>, <c>2022..2024</c>.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => Iso(Start),
        PeriodKind.Month => $"{Start.Year:D4}-{Start.Month:D2}",
        PeriodKind.Quarter => $"{Start.Year:D4}Q{(Start.Month + 2) / 3}",
        PeriodKind.Half => $"{Start.Year:D4}H{(Start.Month == 1 ? 1 : 2)}",
        PeriodKind.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.MonthSpan => $"{Start.Year:D4}-{Start.Month:D2}..{End.Month:D2}",
        PeriodKind.YearSpan => $"{Start.Year:D4}..{End.Year:D4}",
        _ => $"{Iso(Start)}..{Iso(End)}",
    };

    /// <summary>Parses the ISO form written by <see cref="ToIsoString"/>.</summary>
    public static bool TryParseIso(string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('/');
        if (parts.Length == 1)
        {
            var d = LocalDatePattern.Iso.Parse(parts[0]);
            if (!d.Success) return false;
            period = Day(d.Value);
            return true;
        }
        if (parts.Length != 2) return false;
        var s = LocalDatePattern.Iso.Parse(parts[0]);
        var e = LocalDatePattern.Iso.Parse(parts[1]);
        if (!s.Success || !e.Success || e.Value < s.Value) return false;
        period = Between(s.Value, e.Value);
        return true;
    }

    public override string ToString() => Label;

    private static string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);
}
