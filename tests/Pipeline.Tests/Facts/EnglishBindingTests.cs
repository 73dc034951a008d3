using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Tests.Facts;

/// <summary>English sentences written for these tests (invented companies), through the default pipeline: English
/// recognizers, then the binder with the English lexicon chosen per sentence. Metric ids are the Chinese ones.</summary>
public class EnglishBindingTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipelineBuilder.CreateDefault().Build();

    private static string[] Bind(string text, out DocumentResult result)
    {
        var raw = new RawDocument("en-test", "en-test.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new LocalDate(2026, 1, 9), Language = "en" });
        result = Pipeline.Process(raw);
        var rows = result.Claims.Select(Row).ToArray();
        foreach (var r in rows) TestContext.Out.WriteLine(r);
        return rows;
    }

    private static string[] Bind(string text) => Bind(text, out _);

    /// <summary>A claim as a row; the English recognizer keeps the written scale (4.56 billion → 4560000000.00), so
    /// values are compared normalised.</summary>
    private static string Row(Claim c) =>
        $"{c.Entity}|{c.Metric}|{c.Period.ToIsoString()}|{c.Value.Value / 1.000000000000000000000000000000000m} {c.Value.UnitCode}|{c.Qualifier.ToSymbol()}";

    [Test]
    public void Listing_day_prices_and_market_value_bind_to_the_debut_date()
    {
        const string text = "Lanting Robotics (02288.HK) debuted on the Hong Kong stock exchange on January 8, 2026. "
                            + "Its shares were priced at HK$45.80 and closed at HK$52.10 on the first day, giving it a market value of HK$18.6 billion.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Lanting Robotics|ipo.issue_price|2026-01-08|45.8 HKD|=",
            "Lanting Robotics|price.close|2026-01-08|52.1 HKD|=",
            "Lanting Robotics|market_cap|2026-01-08|18600000000 HKD|=",
        }));
    }

    [Test]
    public void A_period_after_the_figure_dates_it_and_a_comparison_base_keeps_its_own_year()
    {
        const string text = "Heyuan Bio (HK03377) said its net loss narrowed to RMB 320 million in 2024 from RMB 410 million in 2023.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Heyuan Bio|net_loss|2024-01-01/2024-12-31|320000000 CNY|=",
            "Heyuan Bio|net_loss|2023-01-01/2023-12-31|410000000 CNY|=",
        }));
    }

    [Test]
    public void A_comparison_base_without_a_period_stays_unbound()
    {
        const string text = "In 2024, Heyuan Bio (HK03377) grew its revenue to RMB 3.2 billion from RMB 2.1 billion.";
        var rows = Bind(text, out var result);
        Assert.That(rows, Is.EqualTo(new[] { "Heyuan Bio|revenue|2024-01-01/2024-12-31|3200000000 CNY|=" }));
        Assert.That(result.Unbound.Select(u => u.Text), Does.Contain("RMB 2.1 billion"));
    }

    [Test]
    public void Growth_after_a_rise_word_is_the_metric_change_and_the_level_is_the_metric()
    {
        const string text = "Qingshan Pharma (01688.HK) reported that revenue rose 35% to RMB 2.4 billion in the first half of 2025.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Qingshan Pharma|revenue_growth_pct|2025-01-01/2025-06-30|35 %|=",
            "Qingshan Pharma|revenue|2025-01-01/2025-06-30|2400000000 CNY|=",
        }));
    }

    [Test]
    public void Lexicon_english_names_bind_to_the_chinese_canonical_entity()
    {
        Assert.That(Bind("Knowledge Atlas reported revenue of RMB 312 million in 2024."),
            Is.EqualTo(new[] { "智谱|revenue|2024-01-01/2024-12-31|312000000 CNY|=" }));
        Assert.That(Bind("Zhipu AI's R&D spending was about RMB 2.2 billion in 2024."),
            Is.EqualTo(new[] { "智谱|rd_expense|2024-01-01/2024-12-31|2200000000 CNY|~" }));
    }

    [Test]
    public void Subscription_multiples_and_proceeds_default_to_the_listing_date()
    {
        const string text = "Beiming Semiconductor (09766.HK) began trading on March 2, 2026. "
                            + "The retail tranche was oversubscribed 1,837 times, while the international offering was 12.5 times subscribed. "
                            + "The company raised about HK$1.2 billion.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Beiming Semiconductor|ipo.public_subscription|2026-03-02|1837 x|=",
            "Beiming Semiconductor|ipo.intl_subscription|2026-03-02|12.5 x|=",
            "Beiming Semiconductor|ipo.gross_proceeds|2026-03-02|1200000000 HKD|~",
        }));
    }

    [Test]
    public void Sentences_split_at_full_stops_but_not_at_decimals_or_abbreviations()
    {
        // "Inc." and "U.S." do not end the sentence, so the entity stays the subject of the figure; the full stop after
        // "2024" does, so the next sentence's gross margin is not read as revenue.
        const string text = "Xiyue Data Inc. (XYDA.US) said U.S. revenue was US$12.5 million in 2024. Gross margin was 41.2% in 2024.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Xiyue Data|revenue|2024-01-01/2024-12-31|12500000 USD|=",
            "Xiyue Data|gross_margin_pct|2024-01-01/2024-12-31|41.2 %|=",
        }));
    }

    [Test]
    public void English_cues_bind_to_the_chinese_definitions_and_are_documented()
    {
        var doc = File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "docs", "metrics.md"));
        foreach (var m in MetricLexicon.English.Metrics)
        {
            Assert.That(MetricLexicon.Chinese.Find(m.Id), Is.SameAs(m), $"{m.Id} is the Chinese definition");
            Assert.That(doc, Does.Contain($"| `{m.Id}` |"), m.Id);
        }
        var cues = MetricLexicon.English.Matcher.FindAll("Yunfan Auto's Revenue, net loss, R&D spending, gross margin and market capitalization");
        Assert.That(cues.Where(c => c.Value.Kind == CueKind.Metric).Select(c => c.Value.Metric!.Id),
            Is.EqualTo(new[] { "revenue", "net_loss", "rd_expense", "gross_margin_pct", "market_cap" }));
    }

    [Test]
    public void A_legal_name_with_co_ltd_defines_its_short_name_and_a_percentage_of_revenue_is_a_ratio()
    {
        const string text = "Songhe Intelligence Technology Co., Ltd. (Songhe AI) filed its prospectus on Monday. "
                            + "Its R&D spending was RMB 890 million in 2024, about 85% of revenue. Revenue was RMB 1.05 billion in 2024.\n\n"
                            + "The company plans to raise about US$300 million.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Songhe AI|rd_expense|2024-01-01/2024-12-31|890000000 CNY|=",
            "Songhe AI|rd_to_revenue_pct|2024-01-01/2024-12-31|85 %|~",
            "Songhe AI|revenue|2024-01-01/2024-12-31|1050000000 CNY|=",
        }));
    }

    [Test]
    public void A_year_earlier_dates_a_comparison_base_by_the_reported_period_not_the_publication_date()
    {
        // Published in 2026: "a year earlier" is the year before the reported 2025, not before the publication.
        const string text = "Songhe AI (HK09123) said gross margin fell to 38.5% in 2025 from 44.1% a year earlier.";
        var rows = Bind(text, out _);
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            "Songhe AI|gross_margin_pct|2025-01-01/2025-12-31|38.5 %|=",
            "Songhe AI|gross_margin_pct|2024-01-01/2024-12-31|44.1 %|=",
        }));
    }

    [Test]
    public void A_document_with_a_chinese_and_an_english_paragraph_reads_each_with_its_lexicon()
    {
        // The ticker written after both names is one alias: the English clause names the company by it, so both
        // figures land on the name defined first.
        const string text = "2025年，青山制药（01688.HK）营收为21.3亿元。\n\nQingshan Pharma (01688.HK) said its net loss was RMB 180 million in 2025.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "青山制药|revenue|2025-01-01/2025-12-31|2130000000 CNY|=",
            "青山制药|net_loss|2025-01-01/2025-12-31|180000000 CNY|=",
        }));
    }

    [TestCase("Lumen Medical (HK02277) said revenue was RMB 1.2 billion, RMB 2.5 billion and RMB 3.1 billion in 2022, 2023 and 2024, respectively.")]
    [TestCase("In 2022, 2023 and 2024, Lumen Medical (HK02277) recorded revenue of RMB 1.2 billion, RMB 2.5 billion and RMB 3.1 billion, respectively.")]
    public void Figures_listed_with_respectively_take_the_listed_years(string text)
    {
        Assert.That(Bind(text), Is.EqualTo(new[]
        {
            "Lumen Medical|revenue|2022-01-01/2022-12-31|1200000000 CNY|=",
            "Lumen Medical|revenue|2023-01-01/2023-12-31|2500000000 CNY|=",
            "Lumen Medical|revenue|2024-01-01/2024-12-31|3100000000 CNY|=",
        }));
    }

    [Test]
    public void A_respectively_list_that_does_not_match_its_years_stays_unbound()
    {
        var rows = Bind("Lumen Medical (HK02277) said revenue was RMB 1.2 billion and RMB 2.5 billion in 2022, 2023 and 2024, respectively.", out var r);
        Assert.That(rows, Is.Empty);
        Assert.That(r.Unbound, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_change_written_before_its_direction_is_the_metric_change()
    {
        const string text = "Shares of Lanting Robotics (02288.HK) opened 15% higher at HK$52.67 on January 8, 2026, and closed 3.2% lower.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Lanting Robotics|price.open_change_pct|2026-01-08|15 %|=",
            "Lanting Robotics|price.open|2026-01-08|52.67 HKD|=",
            "Lanting Robotics|price.close_change_pct|2026-01-08|-3.2 %|=",
        }), "the close change is dated by the day written earlier in the sentence");
    }
}
