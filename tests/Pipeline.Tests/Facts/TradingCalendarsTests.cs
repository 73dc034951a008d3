using NodaTime;
using NUnit.Framework;
using Pipeline;
using Pipeline.Facts.Binding;
using Pipeline.Recognition;

namespace Pipeline.Tests.Facts;

/// <summary>The next trading day, from the exchanges' holidays kept as data (Lexicons/common/trading-calendars.yaml).</summary>
public class TradingCalendarsTests
{
    private static readonly Currency Hkd = Parse("HKD");
    private static readonly Currency Usd = Parse("USD");

    private static Currency Parse(string code) => Currency.TryParse(code, out var c) ? c : throw new AssertionException(code);

    [Test]
    public void The_next_trading_day_skips_weekends_and_the_exchanges_holidays()
    {
        var calendars = TradingCalendars.Default;
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 9, 30), Hkd), Is.EqualTo(new LocalDate(2025, 10, 2)), "National Day closes HKEX");
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 11, 7), Hkd), Is.EqualTo(new LocalDate(2025, 11, 10)), "Friday to Monday");
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 4, 17), Hkd), Is.EqualTo(new LocalDate(2025, 4, 22)), "Good Friday to Easter Monday");
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 9, 30), Usd), Is.EqualTo(new LocalDate(2025, 10, 1)), "New York trades on 1 October");
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 11, 26), Usd), Is.EqualTo(new LocalDate(2025, 11, 28)), "Thanksgiving");
        Assert.That(calendars.NextTradingDay(new LocalDate(2025, 9, 30), Parse("EUR")), Is.Null, "no calendar kept");
    }

    [Test]
    public void A_year_not_listed_skips_weekends_only_and_a_bad_entry_is_a_configuration_error()
    {
        const string yaml = "calendars:\n  - exchange: Test\n    currency: HKD\n    years: [2030]\n    holidays: [2030-10-01]\n";
        var calendars = TradingCalendars.Parse(yaml, "test.yaml");
        Assert.That(calendars.NextTradingDay(new LocalDate(2030, 9, 30), Hkd), Is.EqualTo(new LocalDate(2030, 10, 2)));
        Assert.That(calendars.NextTradingDay(new LocalDate(2031, 9, 30), Hkd), Is.EqualTo(new LocalDate(2031, 10, 1)), "2031's holidays are not listed");
        Assert.Throws<PipelineConfigurationException>(() => TradingCalendars.Parse(yaml.Replace("2030-10-01", "2030-10-05"), "test.yaml"),
            "5 October 2030 is a Saturday");
        Assert.Throws<PipelineConfigurationException>(() => TradingCalendars.Parse(yaml.Replace("2030-10-01", "1 Oct 2030"), "test.yaml"));
    }
}
