using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>
/// The trading calendars of the exchanges (<c>Lexicons/common/trading-calendars.yaml</c>): the weekdays each is closed,
/// chosen by the currency its shares trade in, so that "the next trading day" (上市首日…，次日继续上涨) can be named.
/// Weekends are never trading days; in a year whose holidays the file does not list, only weekends are skipped.
/// </summary>
public sealed class TradingCalendars
{
    public const string ResourceName = "Lexicons/common/trading-calendars.yaml";

    private readonly Dictionary<Currency, (HashSet<int> Years, HashSet<LocalDate> Holidays)> _byCurrency;

    private TradingCalendars(Dictionary<Currency, (HashSet<int>, HashSet<LocalDate>)> byCurrency) => _byCurrency = byCurrency;

    private static readonly Lazy<TradingCalendars> Embedded = new(() => Parse(LexiconResources.ReadText(ResourceName), ResourceName));

    /// <summary>The embedded calendars.</summary>
    public static TradingCalendars Default => Embedded.Value;

    /// <summary>The first trading day after <paramref name="day"/> on the exchange whose shares trade in
    /// <paramref name="currency"/>; null when no calendar is kept for that currency.</summary>
    public LocalDate? NextTradingDay(LocalDate day, Currency currency)
    {
        if (!_byCurrency.TryGetValue(currency, out var calendar)) return null;
        var next = day.PlusDays(1);
        while (next.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || calendar.Holidays.Contains(next)) next = next.PlusDays(1);
        return next;
    }

    public static TradingCalendars Parse(string yaml, string sourceName)
    {
        var file = LexiconYaml.Read<CalendarFile>(yaml, sourceName);
        var byCurrency = new Dictionary<Currency, (HashSet<int>, HashSet<LocalDate>)>();
        foreach (var c in file.Calendars)
        {
            if (!Currency.TryParse(c.Currency, out var currency)) throw new PipelineConfigurationException($"{sourceName}: {c.Exchange}: unknown currency '{c.Currency}'");
            var holidays = new HashSet<LocalDate>();
            foreach (var text in c.Holidays)
            {
                if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new PipelineConfigurationException($"{sourceName}: {c.Exchange}: '{text}' is not a date (yyyy-MM-dd)");
                var date = LocalDate.FromDateTime(d);
                if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || !c.Years.Contains(date.Year))
                    throw new PipelineConfigurationException($"{sourceName}: {c.Exchange}: {text} is a weekend day or outside the years listed");
                holidays.Add(date);
            }
            byCurrency[currency] = (c.Years.ToHashSet(), holidays);
        }
        return new TradingCalendars(byCurrency);
    }

    private sealed class CalendarFile
    {
        public List<CalendarEntry> Calendars { get; set; } = [];
    }

    private sealed class CalendarEntry
    {
        public string Exchange { get; set; } = "";
        public string Currency { get; set; } = "";
        public List<int> Years { get; set; } = [];
        public List<string> Holidays { get; set; } = [];
    }
}
