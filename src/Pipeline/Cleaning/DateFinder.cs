using System;
using NodaTime;

namespace Pipeline.Cleaning;

/// <summary>Finds calendar dates written the ways Chinese news pages write them: <c>2026-01-18 10:59</c>,
/// <c>2019/9/5</c>, <c>2019.09.07</c>, <c>2019年09月07日</c>, ISO <c>2013-06-29T19:35+08:00</c>. Hand-written scan, no regex.</summary>
public static class DateFinder
{
    /// <summary>The first valid date at or after <paramref name="from"/>, with where it starts and ends.</summary>
    public static (LocalDate Date, int Start, int End)? FindFirst(string text, int from = 0, int limit = int.MaxValue)
    {
        var end = (int)Math.Min(text.Length, (long)from + limit);
        for (var i = Math.Max(0, from); i + 8 <= end; i++)
        {
            if (!IsDigit(text, i) || (i > 0 && IsDigit(text, i - 1))) continue;
            if (TryParseAt(text, i, out var date, out var stop)) return (date, i, stop);
        }
        return null;
    }

    /// <summary>Parses a date at the very start of <paramref name="text"/> (after whitespace); null when there is none.</summary>
    public static LocalDate? ParseLeading(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        return TryParseAt(t, 0, out var d, out _) ? d : null;
    }

    private static bool TryParseAt(string s, int i, out LocalDate date, out int stop)
    {
        date = default; stop = i;
        if (!ReadNumber(s, ref i, 4, 4, out var year) || year is < 1900 or > 2100) return false;
        if (i >= s.Length) return false;
        var sep = s[i];
        var cjk = sep == '年';
        if (sep is not ('-' or '/' or '.' or '年')) return false;
        i++;
        SkipSpaces(s, ref i);
        if (!ReadNumber(s, ref i, 1, 2, out var month)) return false;
        SkipSpaces(s, ref i);
        if (i >= s.Length) return false;
        if (cjk ? s[i] != '月' : s[i] != sep) return false;
        i++;
        SkipSpaces(s, ref i);
        if (!ReadNumber(s, ref i, 1, 2, out var day)) return false;
        if (cjk && i < s.Length && (s[i] == '日' || s[i] == '号')) i++;
        else if (cjk) return false;
        if (i < s.Length && char.IsAsciiDigit(s[i])) return false;
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return false;
        date = new LocalDate(year, month, day);
        stop = i;
        return true;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
    }

    private static bool ReadNumber(string s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
        if (i - start < min) { i = start; return false; }
        return true;
    }

    private static bool IsDigit(string s, int i) => char.IsAsciiDigit(s[i]);
}
