using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Tests.Facts;

/// <summary>Sentences written the way wires and company releases write results and listings (invented companies,
/// invented figures), through the default pipeline. Each test names the wording it covers.</summary>
public class EnglishWireTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipelineBuilder.CreateDefault().Build();

    /// <summary>Friday 9 January 2026: "on Thursday" is 8 January.</summary>
    private static readonly LocalDate Friday = new(2026, 1, 9);

    private static string[] Bind(string text, LocalDate? published = null)
    {
        var raw = new RawDocument("wire", "wire.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = published ?? Friday, Language = "en" });
        var rows = Pipeline.Process(raw).Claims.Select(Row).ToArray();
        foreach (var r in rows) TestContext.Out.WriteLine(r);
        return rows;
    }

    /// <summary>entity|metric|segment|basis|period|value unit|qualifier (stated equivalents left out).</summary>
    private static string Row(Claim c) =>
        $"{c.Entity}|{c.Metric}|{c.Segment}|{c.Basis}|{c.Period.ToIsoString()}|{c.Value.Value / 1.000000000000000000000000000000000m} {c.Value.UnitCode}|{c.Qualifier.ToSymbol()}";

    private static IEnumerable<string> Own(IEnumerable<string> rows) => rows.Where(r => !r.Contains("|stated-equivalent|"));

    [Test]
    public void A_release_headline_block_with_rmb_written_tight_and_the_quarter_ended()
    {
        const string text = "Qingshan Pharma (01688.HK) today announced its results for the quarter ended September 30, 2025.\n"
                            + "In the quarter ended September 30, 2025:\n"
                            + "- Revenue was RMB12,345 million (US$1,734 million), an increase of 8% year-over-year.\n"
                            + "- Income from operations was RMB1,020 million (US$143 million), a decrease of 21% year-over-year.";
        Assert.That(Own(Bind(text)), Is.EquivalentTo(new[]
        {
            "Qingshan Pharma|revenue|||2025-07-01/2025-09-30|12345000000 CNY|=",
            "Qingshan Pharma|revenue_growth_pct|||2025-07-01/2025-09-30|8 %|=",
            "Qingshan Pharma|operating_profit|||2025-07-01/2025-09-30|1020000000 CNY|=",
            "Qingshan Pharma|operating_profit_growth_pct|||2025-07-01/2025-09-30|-21 %|=",
        }));
    }

    [Test]
    public void Business_lines_are_segments_under_their_table_names()
    {
        const string text = "Lanting Media (02299.HK) reported third-quarter 2025 results on Tuesday. "
                            + "Online marketing services revenue was 8.4 billion yuan in the third quarter of 2025, up 12% year-on-year. "
                            + "Live streaming revenue was 2.6 billion yuan in the third quarter of 2025, down 4% year-on-year.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 20)), Is.EquivalentTo(new[]
        {
            "Lanting Media|revenue|线上营销服务||2025-07-01/2025-09-30|8400000000 CNY|=",
            "Lanting Media|revenue_growth_pct|线上营销服务||2025-07-01/2025-09-30|12 %|=",
            "Lanting Media|revenue|直播||2025-07-01/2025-09-30|2600000000 CNY|=",
            "Lanting Media|revenue_growth_pct|直播||2025-07-01/2025-09-30|-4 %|=",
        }));
    }

    [Test]
    public void Year_on_year_and_sequential_changes_after_one_fall_word()
    {
        const string text = "Heyuan Auto (02255.HK) said revenue in the third quarter of 2025 was 18.2 billion yuan, "
                            + "a decrease of 12.5% year-on-year and 3.1% quarter-on-quarter.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 20)), Is.EquivalentTo(new[]
        {
            "Heyuan Auto|revenue|||2025-07-01/2025-09-30|18200000000 CNY|=",
            "Heyuan Auto|revenue_growth_pct|||2025-07-01/2025-09-30|-12.5 %|=",
            "Heyuan Auto|revenue_qoq_growth_pct|||2025-07-01/2025-09-30|-3.1 %|=",
        }));
    }

    [Test]
    public void An_adjusted_loss_per_ads_is_negative_earnings_per_ads()
    {
        const string text = "Heyuan Auto (NYSE: HYA) reported third-quarter 2025 results. Excluding one-time items, the company "
                            + "posted an adjusted loss of 2.05 yuan (28 cents) per ADS in the third quarter of 2025.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 20)), Does.Contain("Heyuan Auto|eps_ads||adjusted|2025-07-01/2025-09-30|-2.05 CNY|="));
    }

    [Test]
    public void A_dividend_per_ten_shares_is_a_dividend_per_share()
    {
        const string text = "Xingzhou Battery (03366.HK) proposed a cash dividend of 12.50 yuan per ten shares for 2025.";
        Assert.That(Bind(text, new LocalDate(2026, 3, 20)), Is.EqualTo(new[] { "Xingzhou Battery|dividend_per_share|||2025-01-01/2025-12-31|1.25 CNY|=" }));
    }

    [Test]
    public void A_sale_of_shares_at_a_price_each_gives_the_offer_terms()
    {
        const string text = "Heyuan Bio (02277.HK) sold 120 million shares at HK$18.50 ($2.38) each in 2025, raising HK$2.22 billion.";
        Assert.That(Own(Bind(text)), Is.EquivalentTo(new[]
        {
            "Heyuan Bio|ipo.shares_offered|||2025-01-01/2025-12-31|120000000 shares|=",
            "Heyuan Bio|ipo.issue_price|||2025-01-01/2025-12-31|18.5 HKD|=",
            "Heyuan Bio|ipo.gross_proceeds|||2025-01-01/2025-12-31|2220000000 HKD|=",
        }));
    }

    [Test]
    public void A_debut_on_a_weekday_dates_the_day_s_prices_and_changes()
    {
        const string text = "Shares of Heyuan Bio (02277.HK) surged as much as 31% in their Hong Kong trading debut on Thursday.\n"
                            + "The stock ended 12.4% higher at HK$20.80, after touching an intraday high of HK$24.25.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Heyuan Bio|price.intraday_change_pct|||2026-01-08|31 %|=",
            "Heyuan Bio|price.close_change_pct|||2026-01-08|12.4 %|=",
            "Heyuan Bio|price.close|||2026-01-08|20.8 HKD|=",
            "Heyuan Bio|price.intraday_high|||2026-01-08|24.25 HKD|=",
        }));
    }

    [Test]
    public void A_fall_as_much_as_with_no_quantity_named_is_the_intraday_change()
    {
        const string text = "Lanting Robotics (02288.HK) tumbled as much as 18 per cent on its debut on Thursday.";
        Assert.That(Bind(text), Is.EqualTo(new[] { "Lanting Robotics|price.intraday_change_pct|||2026-01-08|-18 %|=" }));
    }

    [Test]
    public void A_change_in_money_after_up_is_not_a_price()
    {
        const string text = "Lanting Robotics (NASDAQ: LTR) opened at $23.40 on Thursday, up $3.40 for a 17 percent gain.";
        Assert.That(Bind(text), Is.EquivalentTo(new[]
        {
            "Lanting Robotics|price.open|||2026-01-08|23.4 USD|=",
            "Lanting Robotics|price.open_change_pct|||2026-01-08|17 %|=",
        }));
    }

    [Test]
    public void Subscription_multiples_take_the_tranche_named_after_them()
    {
        const string text = "Xingzhou Battery (03366.HK) received 6.25 times oversubscription for the public offering and "
                            + "3.4 times oversubscription for the international offering.";
        Assert.That(Bind(text, new LocalDate(2025, 6, 20)), Is.EquivalentTo(new[]
        {
            "Xingzhou Battery|ipo.public_subscription|||2025-01-01/2025-12-31|6.25 x|=",
            "Xingzhou Battery|ipo.intl_subscription|||2025-01-01/2025-12-31|3.4 x|=",
        }));
    }

    [Test]
    public void A_stock_code_is_never_a_year()
    {
        const string text = "Trading under the stock code 2030, Lanting Robotics (02030.HK) closed at HK$9.12 on Thursday.";
        Assert.That(Bind(text), Is.EqualTo(new[] { "Lanting Robotics|price.close|||2026-01-08|9.12 HKD|=" }));
    }

    [Test]
    public void A_company_named_as_a_backer_is_not_the_subject()
    {
        const string text = "Tencent-backed Lanting Robotics (02288.HK) closed at HK$9.12 on its debut on Thursday.";
        Assert.That(Bind(text), Is.EqualTo(new[] { "Lanting Robotics|price.close|||2026-01-08|9.12 HKD|=" }));
    }

    [Test]
    public void A_market_figure_is_nobody_s_proceeds()
    {
        const string text = "Lanting Robotics (02288.HK) raised HK$3.1 billion in 2025. IPOs in Hong Kong have raised US$14.2 billion so far in 2025.";
        Assert.That(Bind(text), Is.EqualTo(new[] { "Lanting Robotics|ipo.gross_proceeds|||2025-01-01/2025-12-31|3100000000 HKD|=" }));
    }

    [TestCase("The shares gained 0.6, 16.4 and 25.2 per cent on debut, respectively.", "percentage:0.6 percentage:16.4 percentage:25.2")]
    [TestCase("It was oversubscribed by around 747 and 23 times.", "multiple:747 multiple:23")]
    [TestCase("It sold 349-million shares after raising $3.2bn.", "number:349000000 money:3200000000")]
    [TestCase("Revenue was RMB247,795 million, and capex RMB120 billion.", "money:247795000000 money:120000000000")]
    [TestCase("The retail tranche was 241-times oversubscribed.", "multiple:241")]
    public void English_quantities_written_as_wires_write_them(string text, string expected)
    {
        var mentions = RecognitionExtensions.CreateStandardModel().Recognize(text, RecognitionContext.Chinese(null))
            .Where(m => m.Value is NumericResolution)
            .Select(m => $"{m.Kind.ToString().ToLowerInvariant()}:{((NumericResolution)m.Value!).Value / 1.000000000000000000000000000000000m}");
        Assert.That(string.Join(' ', mentions), Is.EqualTo(expected));
    }

    [Test]
    public void Companies_the_lexicon_knows_apart_are_never_merged()
    {
        // One article's definition seems to link two companies the lexicon knows (a copy-paste error in the source).
        var merger = new EntityMerger(EntityLexicon.Default);
        merger.Add([new EntityDefinitionFound("恒瑞医药", null, "三花智控", null, ["1276.HK"], new Pipeline.Text.TextSpan(0, 4))]);
        Assert.That(merger.Resolve("三花智控"), Is.EqualTo("三花智控"));
        Assert.That(merger.Resolve("恒瑞医药"), Is.EqualTo("恒瑞医药"));
    }

    [Test]
    public void A_level_after_a_year_ago_base_is_the_current_period_s_and_a_consensus_figure_is_nobody_s()
    {
        const string text = "Heyuan Auto (02255.HK) reported third-quarter 2025 results. Net profit fell 6.2% from a year earlier to "
                            + "1.84 billion yuan in the third quarter of 2025, better than the consensus estimate of a 15% decline in an LSEG poll.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 20)), Is.EquivalentTo(new[]
        {
            "Heyuan Auto|net_profit_growth_pct|||2025-07-01/2025-09-30|-6.2 %|=",
            "Heyuan Auto|net_profit|||2025-07-01/2025-09-30|1840000000 CNY|=",
        }));
    }

    [Test]
    public void A_year_written_as_the_year_ago_base_is_not_the_year_reported()
    {
        // No publication date: "the same period in 2024" is the base, so the second quarter reported is 2025's.
        var raw = new RawDocument("wire", "wire.txt", System.Text.Encoding.UTF8.GetBytes(
            "Xingzhou Battery (03366.HK) said its second-quarter revenue reached 41.2 billion yuan, a 9% increase compared to the same period in 2024."),
            DocumentFormat.Text, DocumentMetadata.Empty with { Language = "en" });
        var rows = Pipeline.Process(raw).Claims.Select(Row).ToArray();
        foreach (var r in rows) TestContext.Out.WriteLine(r);
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            "Xingzhou Battery|revenue|||2025-04-01/2025-06-30|41200000000 CNY|=",
            "Xingzhou Battery|revenue_growth_pct|||2025-04-01/2025-06-30|9 %|=",
        }));
    }

    [Test]
    public void Citation_markers_are_no_figures_and_end_no_sentence_early()
    {
        const string text = "Lanting Auto (02266.HK) delivered 52,300 vehicles in the third quarter of 2025 [3]. Its revenue was 9.1 billion yuan in the third quarter of 2025 [4].";
        Assert.That(Bind(text, new LocalDate(2025, 11, 20)), Is.EquivalentTo(new[]
        {
            "Lanting Auto|deliveries|||2025-07-01/2025-09-30|52300 count|=",
            "Lanting Auto|revenue|||2025-07-01/2025-09-30|9100000000 CNY|=",
        }));
    }

    [Test]
    public void Days_outside_the_debut_clause_do_not_date_the_debut()
    {
        // An H-share debut piece: the A shares' move last week and a filing's weekday are not the listing day.
        const string text = "Shares of Heyuan Appliances (02388.HK) opened at HK$ 48.6 in Hong Kong, 5% above the offer price, and closed at HK$47.9.\n"
                            + "The company's Shenzhen-listed shares rose 1.2% last Friday.\n"
                            + "Most of the offering went to cornerstone investors ahead of the first day of trading, according to a Wednesday filing.";
        var rows = Bind(text, new LocalDate(2026, 1, 13));
        Assert.That(rows.Where(r => r.Contains("|price.")), Is.Not.Empty);
        Assert.That(rows.Where(r => r.Contains("|price.")), Has.All.Contains("|2026-01-13|"));
    }

    [Test]
    public void A_leading_comparison_with_the_same_period_last_year_dates_the_new_level_to_the_quarter()
    {
        // Reuters: the base period opens the sentence; the change and the new level are the reported quarter's.
        const string text = "Norland Holdings (02288.HK) said second-quarter revenue reached 10.5 billion yuan. "
                            + "Compared to the same period last year, the company's net profit decreased by 5% to 3.2 billion yuan.";
        Assert.That(Bind(text, new LocalDate(2025, 8, 25)), Is.EquivalentTo(new[]
        {
            "Norland Holdings|revenue|||2025-04-01/2025-06-30|10500000000 CNY|=",
            "Norland Holdings|net_profit_growth_pct|||2025-04-01/2025-06-30|-5 %|=",
            "Norland Holdings|net_profit|||2025-04-01/2025-06-30|3200000000 CNY|=",
        }));
    }

    [Test]
    public void Bases_after_up_from_are_dated_a_year_and_a_quarter_back()
    {
        // Benzinga / company release: a margin with its year-ago and previous-quarter bases in one clause.
        const string text = "Dongling Motors (09877.HK) reported third-quarter 2025 results on Tuesday. "
                            + "Gross margin for the quarter expanded to 12.4%, up from 9.8% a year ago and 11.1% the previous quarter.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 25)), Is.EquivalentTo(new[]
        {
            "Dongling Motors|gross_margin_pct|||2025-07-01/2025-09-30|12.4 %|=",
            "Dongling Motors|gross_margin_pct|||2024-07-01/2024-09-30|9.8 %|=",
            "Dongling Motors|gross_margin_pct|||2025-04-01/2025-06-30|11.1 %|=",
        }));
    }

    [Test]
    public void A_loss_per_ads_narrowing_from_a_year_earlier_keeps_its_sign()
    {
        const string text = "Dongling Motors (09877.HK) reported third-quarter 2025 results on Tuesday. "
                            + "Excluding one-time items, the company posted an adjusted loss of 0.86 yuan per ADS, narrowing from 1.52 yuan a year earlier.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 25)), Is.EquivalentTo(new[]
        {
            "Dongling Motors|eps_ads||adjusted|2025-07-01/2025-09-30|-0.86 CNY|=",
            "Dongling Motors|eps_ads||adjusted|2024-07-01/2024-09-30|-1.52 CNY|=",
        }));
    }

    [Test]
    public void An_increase_in_a_named_quantity_is_that_quantity_s_change()
    {
        // AFP: "a 93% increase in deliveries" names its quantity after the change; the forecast clause before it is
        // the outlook, the deliveries are reported.
        const string text = "Heyuan Auto (02255.HK) reported revenue of 50.2 billion yuan for 2024. "
                            + "Heyuan Auto is forecasting revenue growth in 2025, buoyed by a 41% increase in deliveries in 2024.";
        var rows = Bind(text, new LocalDate(2025, 3, 24));
        Assert.That(rows, Does.Contain("Heyuan Auto|deliveries_growth_pct|||2024-01-01/2024-12-31|41 %|="));
        Assert.That(rows, Has.None.Contains("revenue_growth_pct|||2024-01-01/2024-12-31|41"));
    }

    [Test]
    public void Net_proceeds_named_after_a_stated_equivalent_in_its_own_clause()
    {
        const string text = "Shares of Qingshan Pharma (01688.HK) rose on their debut on Friday. Qingshan Pharma's initial public offering raised "
                            + "HK$6.12 billion, equivalent to US$785 million, in net proceeds.";
        var rows = Own(Bind(text, new LocalDate(2025, 5, 23))).ToArray();
        Assert.That(rows, Does.Contain("Qingshan Pharma|ipo.net_proceeds|||2025-05-23|6120000000 HKD|="));
        Assert.That(rows, Has.None.Contains("ipo.gross_proceeds"));
    }

    [Test]
    public void The_company_is_not_its_own_segment()
    {
        const string text = "Nio Inc. (NYSE: NIO) reported third-quarter results on Tuesday. Nio delivered 40,397 vehicles in October 2025.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 25)), Does.Contain("蔚来|deliveries|||2025-10-01/2025-10-31|40397 count|="));
    }

    [Test]
    public void Respectively_growth_rates_belong_to_the_levels_before_them()
    {
        // A translated results piece (36Kr English, Yicai Global): two levels, then their growth rates "respectively".
        const string text = "Lanting Games (06123.HK) announced its results on February 20. For the full year of 2024, Lanting Games' net revenue "
                            + "was 52.4 billion yuan, and the net revenue from games and related value-added services was 41.8 billion yuan, "
                            + "with year-on-year growth rates of 3.2% and 4.1%, respectively.";
        Assert.That(Bind(text, new LocalDate(2025, 2, 21)), Is.EquivalentTo(new[]
        {
            "Lanting Games|revenue|||2024-01-01/2024-12-31|52400000000 CNY|=",
            "Lanting Games|revenue|游戏及相关增值服务||2024-01-01/2024-12-31|41800000000 CNY|=",
            "Lanting Games|revenue_growth_pct|||2024-01-01/2024-12-31|3.2 %|=",
            "Lanting Games|revenue_growth_pct|游戏及相关增值服务||2024-01-01/2024-12-31|4.1 %|=",
        }));
    }

    [Test]
    public void Guidance_ranges_of_amounts_and_of_declines_give_both_ends()
    {
        // An outlook paragraph: the currency written once after the second amount, a decline written "of X% to Y%".
        const string text = "Dongling Motors (09877.HK) reported third-quarter 2025 results. For Q4 2025, Dongling Motors expects revenue "
                            + "to be between 12.5 billion and 13.8 billion RMB, representing a year-on-year decline of 18.2% to 25.9%.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 26)), Is.EquivalentTo(new[]
        {
            "Dongling Motors|guidance.revenue|||2025-10-01/2025-12-31|12500000000 CNY|=",
            "Dongling Motors|guidance.revenue|||2025-10-01/2025-12-31|13800000000 CNY|=",
            "Dongling Motors|guidance.revenue_growth_pct|||2025-10-01/2025-12-31|-18.2 %|=",
            "Dongling Motors|guidance.revenue_growth_pct|||2025-10-01/2025-12-31|-25.9 %|=",
        }));
    }

    [Test]
    public void A_change_then_a_level_is_no_range()
    {
        const string text = "Dongling Motors (09877.HK) said third-quarter 2025 revenue rose 6% to 20.1 billion yuan, and its gross margin rose to 18%.";
        var rows = Bind(text, new LocalDate(2025, 11, 26));
        Assert.That(rows, Does.Contain("Dongling Motors|revenue_growth_pct|||2025-07-01/2025-09-30|6 %|="));
        Assert.That(rows, Has.None.Contains("revenue_growth_pct|||2025-07-01/2025-09-30|18"));
    }

    [Test]
    public void The_first_two_months_of_the_year_date_a_running_total_by_the_publication_year()
    {
        // AFP: monthly sales after the annual results, dated only by "the first two months of the year".
        const string text = "Heyuan Auto (02255.HK) reported revenue of 50.2 billion yuan for 2024. "
                            + "Heyuan Auto is forecasting revenue growth in 2025, buoyed by a 41% increase in deliveries during the first two months "
                            + "of the year, totaling 210,400 units.";
        var rows = Bind(text, new LocalDate(2025, 3, 24));
        Assert.That(rows, Does.Contain("Heyuan Auto|deliveries_growth_pct|||2025-01-01/2025-02-28|41 %|="));
        Assert.That(rows, Does.Contain("Heyuan Auto|deliveries|||2025-01-01/2025-02-28|210400 count|="));
    }

    [Test]
    public void A_hyphenated_quarter_with_its_year_is_that_quarter()
    {
        const string text = "Dongling Motors (09877.HK) said third-quarter 2025 revenue rose 6% to 20.1 billion yuan.";
        Assert.That(Bind(text, new LocalDate(2025, 11, 26)), Is.EquivalentTo(new[]
        {
            "Dongling Motors|revenue_growth_pct|||2025-07-01/2025-09-30|6 %|=",
            "Dongling Motors|revenue|||2025-07-01/2025-09-30|20100000000 CNY|=",
        }));
    }

    [Test]
    public void A_parent_named_as_a_complement_does_not_take_the_next_sentence()
    {
        // Reuters: "The company is a unit of …" names the parent; "It sold …" is still the listed company.
        const string text = "Shares of Qingshan Pharma (01688.HK) rose 12% on their Hong Kong debut on Friday.\n\n"
                            + "The company is a unit of Shanghai Lianhe Group (600111.SS), which owns its plants. "
                            + "It sold 120 million shares at HK$18.40 per share.";
        var rows = Bind(text, new LocalDate(2025, 5, 23));
        Assert.That(rows, Does.Contain("Qingshan Pharma|ipo.shares_offered|||2025-05-23|120000000 shares|="));
        Assert.That(rows, Does.Contain("Qingshan Pharma|ipo.issue_price|||2025-05-23|18.4 HKD|="));
        Assert.That(rows, Has.None.Contains("Lianhe"));
    }

    [Test]
    public void A_loss_per_ads_restated_in_cents_keeps_its_sign()
    {
        // Benzinga: a loss per ADS with its US cents in parentheses.
        const string text = "Excluding one-time items, Dongling Motors (09877.HK) posted an adjusted loss of 0.86 yuan (12 cents) per ADS in the third quarter of 2025.";
        var rows = Bind(text, new LocalDate(2025, 11, 14));
        Assert.That(rows, Does.Contain("Dongling Motors|eps_ads||adjusted|2025-07-01/2025-09-30|-0.86 CNY|="));
        Assert.That(rows, Does.Contain("Dongling Motors|eps_ads||stated-equivalent|2025-07-01/2025-09-30|-0.12 USD|="));
    }

    [Test]
    public void Cents_after_an_amount_are_read_as_money()
    {
        var mentions = Pipeline.Process(new RawDocument("c", "c.txt", System.Text.Encoding.UTF8.GetBytes("Acme Corp. reported earnings of 44 cents per share."),
            DocumentFormat.Text, DocumentMetadata.Empty with { Published = Friday, Language = "en" })).Mentions;
        Assert.That(mentions.Select(m => m.Value).OfType<Money>(), Has.Some.Matches<Money>(m => m.Amount == 0.44m && m.Currency == Currency.USD));
    }

    [Test]
    public void As_of_a_day_a_year_s_deliveries_run_to_that_day_and_the_running_total_is_that_day_s()
    {
        const string text = "Dongling Motors (09877.HK) reported third-quarter 2025 results on Tuesday. "
                            + "As of October 31, 2025, it had delivered 182,450 vehicles in 2025, with cumulative deliveries reaching 655,120.";
        var rows = Bind(text, new LocalDate(2025, 11, 25));
        Assert.That(rows, Does.Contain("Dongling Motors|deliveries|||2025-01-01/2025-10-31|182450 count|="));
        Assert.That(rows, Does.Contain("Dongling Motors|cumulative_deliveries|||2025-10-31|655120 count|="));
    }

    [Test]
    public void What_cornerstone_investors_subscribed_is_their_shares_and_amount()
    {
        // HKBU / Reuters: the cornerstone investors are the subject, their shares and money come after the verb.
        const string text = "Shares of Heyuan Appliances (02397.HK) priced its shares at HK$44.0 on Friday. "
                            + "The company introduced 12 cornerstone investors who subscribed to 95.2 million shares, approximately $590 million of the offered shares.";
        var rows = Own(Bind(text, new LocalDate(2026, 1, 9))).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Appliances|ipo.cornerstone_investors|||2026-01-01/2026-12-31|12 count|="));
        Assert.That(rows, Does.Contain("Heyuan Appliances|ipo.cornerstone_shares|||2026-01-01/2026-12-31|95200000 shares|="));
        Assert.That(rows, Does.Contain("Heyuan Appliances|ipo.cornerstone_amount|||2026-01-01/2026-12-31|590000000 USD|~"));
    }

    [Test]
    public void Sales_counted_in_units_are_deliveries()
    {
        // AFP: "sales" of an automaker counted in units is unit sales; "sales" in money stays revenue.
        const string text = "Heyuan Auto (02255.HK) reported revenue of 50.2 billion yuan for 2024. "
                            + "Monthly sales surged 58% in February alone, with 96,500 units sold.";
        var rows = Bind(text, new LocalDate(2025, 3, 24));
        Assert.That(rows, Does.Contain("Heyuan Auto|deliveries_growth_pct|||2025-02-01/2025-02-28|58 %|="));
        Assert.That(rows, Has.None.Contains("revenue_growth_pct"));
        var money = Bind("Heyuan Retail (02266.HK) said sales rose 12% to 8.1 billion yuan in 2024.", new LocalDate(2025, 3, 24));
        Assert.That(money, Does.Contain("Heyuan Retail|revenue_growth_pct|||2024-01-01/2024-12-31|12 %|="));
    }

    [Test]
    public void Respectively_multiples_take_the_tranches_named_after_them()
    {
        // SCMP: the tranches are named after the multiples.
        const string text = "Heyuan Appliances (02397.HK) raised HK$6.1 billion in its Hong Kong listing on Monday, June 23, 2025. "
                            + "Heyuan Appliances was oversubscribed by around 512 and 18 times among retail and institutional investors, respectively.";
        var rows = Own(Bind(text, new LocalDate(2025, 6, 23))).ToArray();
        Assert.That(rows.Where(r => r.Contains("|ipo.public_subscription|")).Select(r => r.Split('|')[5]), Is.EqualTo(new[] { "512 x" }));
        Assert.That(rows.Where(r => r.Contains("|ipo.intl_subscription|")).Select(r => r.Split('|')[5]), Is.EqualTo(new[] { "18 x" }));
    }
    [Test]
    public void An_amount_written_before_its_noun_takes_that_noun()
    {
        // Results digests: "record $X revenue (up N% YoY) and $Y profit"; an amount before "to raise" stays the price.
        const string text = "Qingshan Pharma (01688.HK) reported record third-quarter 2025 results with $4.21 billion revenue (up 12% YoY) "
                            + "and $310 million profit (up 25% YoY).";
        var rows = Own(Bind(text, new LocalDate(2025, 11, 20))).ToArray();
        Assert.That(rows, Does.Contain("Qingshan Pharma|revenue|||2025-07-01/2025-09-30|4210000000 USD|="));
        Assert.That(rows, Does.Contain("Qingshan Pharma|net_profit|||2025-07-01/2025-09-30|310000000 USD|="));
        Assert.That(rows, Has.None.Contains("|revenue|||2025-07-01/2025-09-30|310000000"));
    }

    [Test]
    public void A_yearless_quarter_counts_by_the_fiscal_year_the_article_writes()
    {
        // Lenovo-style digests: "Q1 FY2025/26", then "the highest-ever first-quarter revenue" of a March year end.
        const string text = "Lenovo Group reported Q1 FY2025/26 results with revenue of $18.1 billion. "
                            + "The Group posted its highest-ever first-quarter revenue, and profit rose 21% year-over-year to $402 million.";
        var rows = Own(Bind(text, new LocalDate(2025, 8, 15))).ToArray();
        Assert.That(rows, Does.Contain("联想集团|net_profit|||2025-04-01/2025-06-30|402000000 USD|="));
        Assert.That(rows, Has.None.Contains("2025-01-01/2025-03-31"));
    }
    [Test]
    public void Growth_written_in_words_is_a_bound_on_the_change()
    {
        // Company releases: "triple-digit year-over-year growth" is at least 100%; "more than doubled" more than 100%.
        const string text = "Qingshan Cloud (09877.HK) announced its results for the quarter ended September 30, 2025. "
                            + "AI-related product revenue achieved triple-digit year-over-year growth for the fifth consecutive quarter. "
                            + "Quarterly revenue more than doubled year-over-year to RMB4.2 billion.";
        var rows = Own(Bind(text, new LocalDate(2025, 11, 20))).ToArray();
        Assert.That(rows, Does.Contain("Qingshan Cloud|revenue_growth_pct|AI相关产品||2025-07-01/2025-09-30|100 %|>="));
        Assert.That(rows, Does.Contain("Qingshan Cloud|revenue_growth_pct|||2025-07-01/2025-09-30|100 %|>"));
        Assert.That(rows, Does.Contain("Qingshan Cloud|revenue|||2025-07-01/2025-09-30|4200000000 CNY|="));
        var idiom = Own(Bind("Qingshan Cloud (09877.HK) said revenue rose 12% in the quarter ended September 30, 2025, and the company doubled down on AI.",
            new LocalDate(2025, 11, 20)));
        Assert.That(idiom, Has.None.Contains("|100 %|"), "doubled down names no change");
    }

    [Test]
    public void A_range_written_in_words_takes_the_scale_of_its_second_number()
    {
        // AFP: "forecasting vehicle sales between five to six million units"; Reuters: "5 to 6 billion yuan".
        const string text = "Heyuan Auto (02255.HK) is forecasting vehicle sales between three to four million units in 2026. "
                            + "It expects net profit of 5 to 6 billion yuan in 2026.";
        var rows = Own(Bind(text, new LocalDate(2026, 3, 24))).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Auto|guidance.deliveries|||2026-01-01/2026-12-31|3000000 count|="));
        Assert.That(rows, Does.Contain("Heyuan Auto|guidance.deliveries|||2026-01-01/2026-12-31|4000000 count|="));
        Assert.That(rows.Where(r => r.Contains("|5000000000 CNY|")), Is.Not.Empty, "5 to 6 billion yuan: the first end is 5 billion yuan");
        Assert.That(rows.Where(r => r.Contains("|6000000000 CNY|")), Is.Not.Empty);
        Assert.That(Own(Bind("One of the two founders of Heyuan Auto (02255.HK) left in 2025.", new LocalDate(2026, 3, 24))), Is.Empty,
            "a number word without a scale is no figure");
        var years = Own(Bind("Heyuan Auto (02255.HK) said deliveries rose from 1.8 million in 2023 to 3 million units in 2024.", new LocalDate(2025, 3, 24)));
        Assert.That(years, Has.None.Contains("2023000000"), "a year opens no range");
    }
    [Test]
    public void A_margin_named_after_a_segment_is_that_segment_s_gross_margin_with_its_bases()
    {
        // EV makers' releases and the wires that follow them: "Vehicle margin reached X%, up from Y% in the prior year and
        // above Z% in the previous quarter".
        const string text = "Heyuan Auto (02255.HK) reported third-quarter 2025 results on Tuesday. Gross margin was 12.1%. "
                            + "Vehicle margin reached 13.4%, up from 11.9% in the prior year and above 12.2% in the previous quarter.";
        var rows = Own(Bind(text, new LocalDate(2025, 11, 25))).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Auto|gross_margin_pct|||2025-07-01/2025-09-30|12.1 %|="));
        Assert.That(rows, Does.Contain("Heyuan Auto|gross_margin_pct|汽车销售||2025-07-01/2025-09-30|13.4 %|="));
        Assert.That(rows, Does.Contain("Heyuan Auto|gross_margin_pct|汽车销售||2024-07-01/2024-09-30|11.9 %|="));
        Assert.That(rows, Does.Contain("Heyuan Auto|gross_margin_pct|汽车销售||2025-04-01/2025-06-30|12.2 %|="), "above compares; the base is exact");
        var plain = Own(Bind("Heyuan Auto (02255.HK) said its profit margin on exports was 8.1% in the third quarter of 2025.", new LocalDate(2025, 11, 25)));
        Assert.That(plain, Has.None.Contains("gross_margin_pct"), "a margin after no segment name is no gross margin");
    }
    [Test]
    public void The_past_four_quarters_run_up_to_the_article_s_quarter()
    {
        // Results releases quoting the CFO: "Over the past four quarters, we have deployed approximately RMB X in capital
        // expenditure toward AI and cloud infrastructure" (published weeks after the quarter ended).
        const string text = "Qingshan Cloud (09877.HK) announced its results for the quarter ended September 30, 2025. "
                            + "Over the past four quarters, we have deployed approximately RMB38 billion in capital expenditure toward AI and cloud infrastructure.";
        var rows = Own(Bind(text, new LocalDate(2025, 11, 26))).ToArray();
        Assert.That(rows, Does.Contain("Qingshan Cloud|capex|AI+云基础设施||2024-10-01/2025-09-30|38000000000 CNY|~"));
    }
    [Test]
    public void Costs_of_a_recall_and_a_balance_listed_by_its_parts()
    {
        // AI digests of EV makers' results: "The recall event led to estimated costs exceeding 11 billion RMB"; releases:
        // "cash and cash equivalents, restricted cash, short-term investments, and long-term time deposits totaled X".
        const string text = "Heyuan Auto (02255.HK) reported third-quarter 2025 results on Tuesday. "
                            + "The battery recall led to estimated costs exceeding 2.3 billion RMB in the third quarter of 2025. "
                            + "As of September 30, 2025, cash and cash equivalents, restricted cash, short-term investments, and long-term time "
                            + "deposits totaled 41.2 billion yuan ($5.8 billion). Other costs rose 5% in the third quarter of 2025.";
        var rows = Own(Bind(text, new LocalDate(2025, 11, 25))).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Auto|recall_cost|||2025-07-01/2025-09-30|2300000000 CNY|>"));
        Assert.That(rows, Does.Contain("Heyuan Auto|cash_and_investments|||2025-09-30|41200000000 CNY|="));
        Assert.That(rows, Has.None.Contains("|5 %|"), "costs without a recall stay untracked");
    }

    [Test]
    public void A_tranches_share_of_the_offering_and_the_shares_an_option_added()
    {
        // SCMP on a Hong Kong debut: the tranche is named before its share of "the total offering" / "the IPO".
        const string text = "Shares of Heyuan Robotics (02633.HK) rose on their debut in Hong Kong on Thursday. "
                            + "Heyuan Robotics' offer was oversubscribed 210 times, with 8.4 million shares allocated to retail investors, representing about 10 per cent of the total offering. "
                            + "The international placement was 6.2 times oversubscribed, with 75.6 million shares allocated to institutional investors – accounting for the remaining 90 per cent of the IPO. "
                            + "Heyuan floated 84 million shares, including 10.9 million shares through the full exercise of the offer size adjustment option, at HK$48.20 apiece.";
        var rows = Own(Bind(text)).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.hk_offer_pct|||2026-01-08|10 %|~"));
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.intl_offer_pct|||2026-01-08|90 %|="));
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.upsize_shares|||2026-01-08|10900000 shares|="));
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.shares_offered|||2026-01-08|84000000 shares|="));
    }

    [Test]
    public void A_part_written_after_of_which_is_not_the_quantity_named_before()
    {
        const string text = "Heyuan Robotics (02633.HK) began trading in Hong Kong on Thursday. "
                            + "The retail tranche attracted about 158,400 valid applications, of which 41,250 were successful.";
        var rows = Own(Bind(text)).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.valid_applications|||2026-01-08|158400 count|~"));
        Assert.That(rows.Any(r => r.Contains("41250")), Is.False, "the successful ones are a part of the applications, not their number");
    }

    [Test]
    public void A_share_of_the_deal_taken_up_by_a_tranche_or_the_cornerstones()
    {
        const string text = "Heyuan Robotics (02633.HK) began trading in Hong Kong on Thursday. "
                            + "The Hong Kong public offering accounts for 10% of the offering, and cornerstone investors took up about 45% of the deal. "
                            + "Heyuan sold 40 million shares, including 5.2 million shares from the exercise of the over-allotment option.";
        var rows = Own(Bind(text)).ToArray();
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.hk_offer_pct|||2026-01-08|10 %|="));
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.cornerstone_pct_of_offering|||2026-01-08|45 %|~"), "took up is no rise");
        Assert.That(rows, Does.Contain("Heyuan Robotics|ipo.overallotment_shares|||2026-01-08|5200000 shares|="));
    }

    [Test]
    public void A_ticker_with_a_sites_link_label_defines_the_company()
    {
        // As Zacks (and the sites that carry it) open an earnings story about a company no lexicon knows.
        const string text = "Yunfan Tech (YFT - Free Report) reported non-GAAP earnings of 52 cents per ADS in the third quarter of 2025, "
                            + "which beat the Zacks Consensus Estimate by 12.5%.\n\nRevenues of $8.2 billion beat the consensus mark by 1.1%. "
                            + "In domestic currency, revenues of RMB 58.4 billion increased 9.6% year over year.";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("Yunfan Tech|eps_ads||adjusted|2025-07-01/2025-09-30|0.52 USD|="));
        Assert.That(rows, Does.Contain("Yunfan Tech|revenue|||2025-07-01/2025-09-30|58400000000 CNY|="));
    }

    [Test]
    public void A_company_no_lexicon_knows_is_the_one_the_headline_and_the_lede_open_with()
    {
        // As SCMP writes an IPO story: no ticker, no legal name.
        const string text = "Qinglan Robotics raises HK$3.2 billion in Hong Kong IPO\n\nQinglan Robotics, a Shenzhen-based maker of "
                            + "warehouse robots, raised HK$3.2 billion in its Hong Kong initial public offering, according to a filing on "
                            + "Wednesday. The retail tranche was oversubscribed 312 times.";
        var rows = Bind(text, new LocalDate(2025, 12, 3));
        Assert.That(rows.Any(r => r.StartsWith("Qinglan Robotics|ipo.gross_proceeds|") && r.Contains("3200000000 HKD")), string.Join("; ", rows));
        Assert.That(rows.Any(r => r.StartsWith("Qinglan Robotics|ipo.public_subscription|") && r.Contains("|312 x|")), string.Join("; ", rows));
    }
}
