using NodaTime;
using Pipeline.Recognition.Numbers;

namespace Pipeline.Recognition.Dates;

/// <summary>
/// The shared token scanner of the date recognizer: reads one token of a kind at a position (a small number, a month,
/// a day, a weekday, a word of a <c>dates.yaml</c> list), every word coming from the lexicon. Linear, no allocation.
/// </summary>
public sealed class DateTokenScanner
{
    private readonly ChineseLexicon _lex;
    private readonly ChineseNumberScanner _numbers;

    public DateTokenScanner(ChineseLexicon lexicon)
    {
        _lex = lexicon;
        _numbers = new ChineseNumberScanner(lexicon);
    }

    public ChineseLexicon Lexicon => _lex;

    /// <summary>A whole number below 100 in digits (at most two) or Chinese numerals (十二, 二十九).</summary>
    public bool Small(string text, int p, out int value, out int end)
    {
        value = 0; end = p;
        if (p >= text.Length) return false;
        if (Scan.IsDigit(text[p]))
        {
            if (!Digits(text, p, 2, out value, out end)) return false;
            return !(end < text.Length && text[end] is '.' or '．' && end + 1 < text.Length && Scan.IsDigit(text[end + 1]));
        }
        if (!(_lex.Digit(text[p]) >= 0) && !(_lex.Unit(text[p]) > 0)) return false;
        if (!_numbers.TryScan(text, p, out var t) || t.IsDigitSequence || t.Value != decimal.Truncate(t.Value) || t.Value is < 0 or > 99) return false;
        value = (int)t.Value;
        end = t.End;
        return true;
    }

    /// <summary>Up to <paramref name="max"/> digits, not followed by another digit.</summary>
    public static bool Digits(string text, int p, int max, out int value, out int end)
    {
        value = 0; end = p;
        while (end < text.Length && end - p < max && Scan.DigitValue(text[end]) is var d and >= 0) { value = value * 10 + d; end++; }
        return end > p && !(end < text.Length && Scan.IsDigit(text[end]));
    }

    /// <summary>十月, 4 月: a month number and a month word.</summary>
    public bool Month(string text, int p, out int month, out int end)
    {
        end = p;
        if (!Small(text, p, out month, out var ne) || month is < 1 or > 12) return false;
        return _lex.MonthWords.TryMatch(text, Scan.SkipSpaces(text, ne), out _, out end);
    }

    /// <summary>8 日, 十二号: a day number (1..31) and a day word.</summary>
    public bool Day(string text, int p, out int day, out int end)
    {
        end = p;
        if (!Small(text, p, out day, out var ne) || day is < 1 or > 31) return false;
        return _lex.DayWords.TryMatch(text, Scan.SkipSpaces(text, ne), out _, out end);
    }

    /// <summary>星期一, 周三, 礼拜天: a week word and a weekday (1 Monday .. 7 Sunday).</summary>
    public bool Weekday(string text, int p, out int weekday, out int end)
    {
        weekday = 0; end = p;
        return _lex.WeekWords.TryMatch(text, p, out _, out var we, innerSpaces: false)
               && _lex.Weekdays.TryMatch(text, we, out weekday, out end, innerSpaces: false);
    }

    /// <summary>周, 星期 standing for a whole week: not followed by a weekday.</summary>
    public bool Week(string text, int p, out int end) =>
        _lex.WeekWords.TryMatch(text, p, out _, out end, innerSpaces: false) && !_lex.Weekdays.StartsAt(text, end);

    /// <summary>12/1: month, slash, day, standing alone (not a date's or a code's part). Only when the two cannot be
    /// read as a proper fraction (the month is not below the day: 1/2 stays a half).</summary>
    public static bool SlashMonthDay(string text, int p, out int month, out int day, out int end)
    {
        month = day = 0; end = p;
        if (p > 0 && (Scan.IsDigit(text[p - 1]) || Scan.IsAsciiLetter(text[p - 1]) || text[p - 1] is '/' or '／' or '.' or '-' or ':')) return false;
        if (!Digits(text, p, 2, out month, out var me) || me >= text.Length || text[me] is not ('/' or '／')) return false;
        if (!Digits(text, me + 1, 2, out day, out end)) return false;
        if (end < text.Length && (Scan.IsAsciiLetter(text[end]) || text[end] is '/' or '／' or '.' or '-' or ':' or '%' or '％')) return false;
        return month is >= 1 and <= 12 && day is >= 1 and <= 31 && month >= day;
    }

    /// <summary>A word of <paramref name="table"/> at <paramref name="p"/>, or nothing (an optional slot).</summary>
    public static int Optional<T>(WordTable<T> table, string text, int p) => table.TryMatch(text, p, out _, out var end, innerSpaces: false) ? end : p;

    public static int DaysIn(int year, int month) => year is >= 1 and <= 9999 ? CalendarSystem.Iso.GetDaysInMonth(year, month) : 31;
}
