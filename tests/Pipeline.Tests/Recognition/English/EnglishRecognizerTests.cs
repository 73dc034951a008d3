using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Recognition;
using Pipeline.Recognition.English;

namespace Pipeline.Tests.Recognition.English;

public class EnglishRecognizerTests
{
    private static readonly RecognitionModel Model = new([new EnglishQuantityRecognizer(), new EnglishDateRecognizer()]);
    private static readonly RecognitionContext Context = new(System.Globalization.CultureInfo.GetCultureInfo("en"), new LocalDate(2026, 1, 18));

    private static IReadOnlyList<Mention> Recognize(string text) => Model.Recognize(text, Context);

    private static Mention Single(string text, MentionKind kind) => Recognize(text).Single(m => m.Kind == kind);

    [TestCase("The shares were priced at HK$116.20 each.", "HK$116.20", 116.20, "HKD", 0.01)]
    [TestCase("It raised US$1.32 billion in the offering.", "US$1.32 billion", 1_320_000_000, "USD", 10_000_000)]
    [TestCase("Losses reached RMB 6.2 bn last year.", "RMB 6.2 bn", 6_200_000_000, "CNY", 100_000_000)]
    [TestCase("Gross proceeds were HKD 55.4 billion.", "HKD 55.4 billion", 55_400_000_000, "HKD", 100_000_000)]
    [TestCase("Revenue was 3.05 million yuan.", "3.05 million yuan", 3_050_000, "CNY", 10_000)]
    [TestCase("The fund invested $40m in the startup.", "$40m", 40_000_000, "USD", 1_000_000)]
    [TestCase("A price of 165 Hong Kong dollars per share.", "165 Hong Kong dollars", 165, "HKD", 1)]
    public void Money(string text, string span, double amountValue, string currency, double precisionValue)
    {
        var amount = (decimal)amountValue;
        var precision = (decimal)precisionValue;
        var m = Single(text, MentionKind.Money);
        Assert.That(m.Text, Is.EqualTo(span));
        var money = (Money)m.Value;
        Assert.That(money.Amount, Is.EqualTo(amount));
        Assert.That(money.Currency.Code, Is.EqualTo(currency));
        Assert.That(money.Precision, Is.EqualTo(precision));
        Assert.That(text.Substring(m.Span.Start, m.Span.Length), Is.EqualTo(m.Text));
    }

    [TestCase("Shares opened 3.3% higher.", MentionKind.Percentage, 3.3)]
    [TestCase("Revenue grew 782 percent year on year.", MentionKind.Percentage, 782)]
    [TestCase("Margins widened by 2.5 percentage points.", MentionKind.Points, 2.5)]
    [TestCase("The retail tranche was oversubscribed 1,837 times.", MentionKind.Multiple, 1837)]
    [TestCase("R&D spending was 8x revenue.", MentionKind.Multiple, 8)]
    [TestCase("The company sold 37,419,500 H shares.", MentionKind.Number, 37_419_500)]
    [TestCase("It serves 212 million users worldwide.", MentionKind.Number, 212_000_000)]
    [TestCase("It has 2.1 million paying users.", MentionKind.Number, 2_100_000)]
    [TestCase("It reached 300 million monthly active users.", MentionKind.Number, 300_000_000)]
    public void Other_quantities(string text, MentionKind kind, decimal value) =>
        Assert.That(((NumericResolution)Single(text, kind).Value).Value, Is.EqualTo(value));

    [TestCase("Revenue rose about 170% in the period.", Qualifier.Approximate, "about 170%")]
    [TestCase("It has more than 200 million users.", Qualifier.GreaterThan, "more than 200 million users")]
    [TestCase("Net loss was nearly US$512 million.", Qualifier.LessThan, "nearly US$512 million")]
    [TestCase("It raised at least HK$4.2 billion.", Qualifier.GreaterOrEqual, "at least HK$4.2 billion")]
    [TestCase("Spending of up to $5 billion is planned.", Qualifier.LessOrEqual, "up to $5 billion")]
    public void Qualifiers(string text, Qualifier qualifier, string span)
    {
        var m = Recognize(text).Single(x => x.Numeric is not null);
        Assert.That(m.Qualifier, Is.EqualTo(qualifier));
        Assert.That(m.Text, Does.StartWith(span.Split(' ')[0]));
    }

    [TestCase("Trading began on January 8, 2026.", "2026-01-08")]
    [TestCase("Trading began on Jan. 9 2026.", "2026-01-09")]
    [TestCase("Trading began on 9 January 2026.", "2026-01-09")]
    [TestCase("The stock debuted on Jan 8 in Hong Kong.", "2026-01-08")]
    [TestCase("Its shares closed on Dec 31.", "2025-12-31")]
    [TestCase("Revenue in the first half of 2025 doubled.", "2025-01-01/2025-06-30")]
    [TestCase("Revenue in H1 2025 doubled.", "2025-01-01/2025-06-30")]
    [TestCase("Sales in Q3 2025 slowed.", "2025-07-01/2025-09-30")]
    [TestCase("Sales in the third quarter of 2025 slowed.", "2025-07-01/2025-09-30")]
    [TestCase("Losses in FY2024 widened.", "2024-01-01/2024-12-31")]
    [TestCase("In the nine months ended September 30, 2025, losses widened.", "2025-01-01/2025-09-30")]
    [TestCase("For the year ended December 31, 2024, revenue rose.", "2024-01-01/2024-12-31")]
    [TestCase("From 2022 to 2024 it lost money.", "2022-01-01/2024-12-31")]
    [TestCase("Revenue in 2024 was small.", "2024-01-01/2024-12-31")]
    [TestCase("Last year it raised funds.", "2025-01-01/2025-12-31")]
    [TestCase("The index fell yesterday.", "2026-01-17")]
    [TestCase("Sales in January 2026 rose.", "2026-01-01/2026-01-31")]
    [TestCase("Revenue in the first nine months of 2025 grew.", "2025-01-01/2025-09-30")]
    [TestCase("Losses between 2022 and 2024 grew.", "2022-01-01/2024-12-31")]
    public void Dates_and_periods(string text, string iso)
    {
        var m = Recognize(text).Single(x => x.Period is not null);
        Assert.That(m.Period!.Value.ToIsoString(), Is.EqualTo(iso));
    }

    [TestCase("It was founded in 2019 by researchers.")]
    [TestCase("The GLM-4.7 model and K2 Thinking were released.")]
    [TestCase("February 30, 2025 never happened.")]
    public void Years_model_names_and_impossible_dates_are_not_quantities(string text) =>
        Assert.That(Recognize(text).Where(m => m.Numeric is not null), Is.Empty);

    [Test]
    public void Two_years_joined_by_and_are_two_periods_and_relative_words_need_their_context()
    {
        var years = Recognize("Revenue grew in 2023 and 2024.").Where(m => m.Period is not null).Select(m => m.Period!.Value.Label);
        Assert.That(years, Is.EqualTo(new[] { "2023", "2024" }));
        Assert.That(Recognize("Revenue was flat a year earlier.").Where(m => m.Period is not null), Is.Empty);
    }

    [Test]
    public void English_amounts_inside_Chinese_text()
    {
        var all = Recognize("发行价为每股HK$116.20，募资US$ 1.32 billion。").Where(x => x.Kind == MentionKind.Money).ToList();
        Assert.That(all.Select(x => x.Text), Is.EqualTo(new[] { "HK$116.20", "US$ 1.32 billion" }));
        Assert.That(all.Select(x => ((Money)x.Value).Amount), Is.EqualTo(new[] { 116.20m, 1_320_000_000m }));
    }

    [Test]
    public void Pathological_input_finishes()
    {
        var text = string.Concat(Enumerable.Repeat("January 8, ", 20000)) + string.Concat(Enumerable.Repeat("1,", 50000));
        Assert.That(() => Recognize(text), Throws.Nothing);
    }
}
