using System;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Tests.Facts;

/// <summary>Each binding pattern on sentences written for these tests (other companies than the seed corpus).</summary>
public class ClaimBinderTests
{
    internal static string Row(Claim c) =>
        $"{c.Entity}|{c.Metric}|{c.Period.ToIsoString()}|{c.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {c.Value.UnitCode}|{c.Qualifier.ToSymbol()}";

    private static string[] Rows(BindingResult r) => r.Claims.Select(Row).ToArray();

    [Test]
    public void Values_listed_after_fenbie_are_distributed_over_a_year_span()
    {
        const string text = "深圳云帆科技股份有限公司（以下简称云帆）近日披露招股书。2021 年至 2023 年，云帆研发投入分别为 1.2 亿元、2.5 亿元、3.1 亿元，2024 年上半年为 2.2 亿元。";
        var kit = new MentionKit(text)
            .Period("2021 年至 2023 年", ReportingPeriod.Years(2021, 2023))
            .Money("1.2 亿元", 120_000_000m).Money("2.5 亿元", 250_000_000m).Money("3.1 亿元", 310_000_000m)
            .Period("2024 年上半年", ReportingPeriod.Half(2024, 1)).Money("2.2 亿元", 220_000_000m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "云帆|rd_expense|2021-01-01/2021-12-31|120000000 CNY|=",
            "云帆|rd_expense|2022-01-01/2022-12-31|250000000 CNY|=",
            "云帆|rd_expense|2023-01-01/2023-12-31|310000000 CNY|=",
            "云帆|rd_expense|2024-01-01/2024-06-30|220000000 CNY|=",
        }));
    }

    [Test]
    public void Values_are_distributed_over_a_list_of_years_and_interim_periods()
    {
        const string text = "星河数据（HK06999）招股书显示，其于 2021 年、2022 年、2023 年以及截至 2023 年及 2024 年 6 月 30 日止六个月分别录得亏损 10.1 百万美元、20.2 百万美元、30.3 百万美元、12.0 百万美元及 15.5 百万美元。";
        var kit = new MentionKit(text)
            .Year("2021 年", 2021).Year("2022 年", 2022).Year("2023 年", 2023)
            .Period("2023 年及", ReportingPeriod.Months(2023, 1, 6)).Period("2024 年 6 月 30 日止六个月", ReportingPeriod.Months(2024, 1, 6))
            .Money("10.1 百万美元", 10_100_000m, "USD").Money("20.2 百万美元", 20_200_000m, "USD").Money("30.3 百万美元", 30_300_000m, "USD")
            .Money("12.0 百万美元", 12_000_000m, "USD").Money("15.5 百万美元", 15_500_000m, "USD");
        var rows = Rows(kit.Bind());
        Assert.That(rows, Is.EqualTo(new[]
        {
            "星河数据|net_loss|2021-01-01/2021-12-31|10100000 USD|=",
            "星河数据|net_loss|2022-01-01/2022-12-31|20200000 USD|=",
            "星河数据|net_loss|2023-01-01/2023-12-31|30300000 USD|=",
            "星河数据|net_loss|2023-01-01/2023-06-30|12000000 USD|=",
            "星河数据|net_loss|2024-01-01/2024-06-30|15500000 USD|=",
        }));
    }

    [Test]
    public void A_list_that_does_not_match_its_periods_stays_unbound()
    {
        const string text = "2023 年，海鸥科技的卫星、火箭、地面站收入分别为 8 亿元、6 亿元、3 亿元。";
        var kit = new MentionKit(text).Year("2023 年", 2023).Money("8 亿元", 8e8m).Money("6 亿元", 6e8m).Money("3 亿元", 3e8m);
        var entities = EntityLexicon.Parse("entities:\n  - name: 海鸥科技\n");
        var result = new ClaimBinder(MetricLexicon.Chinese, entities).Bind(kit.Input());
        Assert.That(result.Claims, Is.Empty);
        Assert.That(result.Unbound, Has.Count.EqualTo(3));
    }

    [Test]
    public void Issue_price_and_opening_change_in_one_clause_and_the_listing_day()
    {
        const string text = "4 月 2 日，星河数据（HK06999）正式在港交所挂牌上市。星河数据首日开盘价 88 港元 / 股，较 60 港元的发行价上涨 46.7%，4 月 3 日收盘价 95 港元，市值达 300 亿港元。";
        var kit = new MentionKit(text)
            .Day("4 月 2 日", 2025, 4, 2).Money("88 港元", 88m, "HKD").Money("60 港元", 60m, "HKD").Pct("46.7%", 46.7m)
            .Day("4 月 3 日", 2025, 4, 3).Money("95 港元", 95m, "HKD").Money("300 亿港元", 3e10m, "HKD");
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "星河数据|price.open|2025-04-02|88 HKD|=",
            "星河数据|ipo.issue_price|2025-04-02|60 HKD|=",
            "星河数据|price.open_change_pct|2025-04-02|46.7 %|=",
            "星河数据|price.close|2025-04-03|95 HKD|=",
            "星河数据|market_cap|2025-04-03|30000000000 HKD|=",
        }));
    }

    [Test]
    public void Listing_day_after_the_date_and_the_word_shangshi_de()
    {
        const string text = "分别是 3 月 5 日上市的杭州深思科技有限公司（DeepThink）和 3 月 6 日上市的成都青禾生物股份有限公司（以下简称青禾）。市场数据显示，青禾首日收盘价 12.5 港元，DeepThink 定价 30 港元。";
        var kit = new MentionKit(text).Day("3 月 5 日", 2025, 3, 5).Day("3 月 6 日", 2025, 3, 6).Money("12.5 港元", 12.5m, "HKD").Money("30 港元", 30m, "HKD");
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "青禾|price.close|2025-03-06|12.5 HKD|=",
            "DeepThink|ipo.issue_price|2025-03-05|30 HKD|=",
        }));
    }

    [Test]
    public void A_listing_day_that_cannot_be_found_leaves_the_debut_move_unbound_and_the_offer_price_in_its_year()
    {
        const string text = "白鹭科技（HK08888）定价 20 港元，上市首日收盘涨幅超过一倍。";
        var kit = new MentionKit(text).Money("20 港元", 20m, "HKD").Times("一倍", 1m, Qualifier.GreaterThan);
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[] { "白鹭科技|ipo.issue_price|2026-01-01/2026-12-31|20 HKD|=" }),
            "a deal term without a listing day belongs to the offering of the year the article reports it");
        Assert.That(result.Unbound.Select(m => m.Text), Is.EqualTo(new[] { "一倍" }), "首日 without a known listing day dates nothing");
    }

    [Test]
    public void A_bound_multiple_on_a_change_becomes_a_percentage()
    {
        const string text = "5 月 8 日，白鹭科技（HK08888）在港交所上市，定价 20 港元，上市首日收盘涨幅超过一倍。";
        var kit = new MentionKit(text).Day("5 月 8 日", 2025, 5, 8).Money("20 港元", 20m, "HKD").Times("一倍", 1m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "白鹭科技|ipo.issue_price|2025-05-08|20 HKD|=",
            "白鹭科技|price.close_change_pct|2025-05-08|100 %|>",
        }));
    }

    [Test]
    public void One_amount_in_two_currencies_is_a_claim_and_its_stated_equivalent()
    {
        const string text = "2020 年至 2023 年上半年，蓝海医药（HK07777）累计亏损约 5.6 亿美元（40.1 亿元人民币）。";
        var kit = new MentionKit(text)
            .Period("2020 年至 2023 年上半年", ReportingPeriod.Between(new LocalDate(2020, 1, 1), new LocalDate(2023, 6, 30)))
            .Pair("5.6 亿美元", 5.6e8m, "USD", "40.1 亿元人民币", 40.1e8m, "CNY");
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[]
        {
            "蓝海医药|cumulative_net_loss|2020-01-01/2023-06-30|560000000 USD|~",
            "蓝海医药|cumulative_net_loss|2020-01-01/2023-06-30|4010000000 CNY|~",
        }));
        Assert.That(result.Claims[0].StatedEquivalent, Is.EqualTo(new Money(40.1e8m, Currency.CNY)));
        Assert.That(result.Claims[0].Basis, Is.EqualTo(Bases.Reported));
        Assert.That(result.Claims[1].Basis, Is.EqualTo(Bases.StatedEquivalent), "the restatement is kept apart from reported figures");
        Assert.That(result.Claims[1].EquivalentOf, Is.EqualTo(result.Claims[0].Id));
        Assert.That(result.Claims[1].AsWritten, Is.EqualTo("40.1 亿元人民币"));
        Assert.That(result.Unbound, Is.Empty);
    }

    [Test]
    public void A_running_total_spans_every_period_of_the_sentence()
    {
        const string text = "蓝海医药（HK07777）2021 年、2022 年及 2023 年上半年的研发开支分别为 100 万美元、300 万美元及 200 万美元，总计研发投入约为 600 万美元。";
        var kit = new MentionKit(text).Year("2021 年", 2021).Year("2022 年", 2022).Period("2023 年上半年", ReportingPeriod.Half(2023, 1))
            .Money("100 万美元", 1e6m, "USD").Money("300 万美元", 3e6m, "USD").Money("200 万美元", 2e6m, "USD").Money("600 万美元", 6e6m, "USD");
        var rows = Rows(kit.Bind());
        Assert.That(rows, Has.Length.EqualTo(4));
        Assert.That(rows[3], Is.EqualTo("蓝海医药|cumulative_rd_expense|2021-01-01/2023-06-30|6000000 USD|~"));
    }

    [Test]
    public void A_ratio_to_revenue_written_as_a_multiple()
    {
        const string text = "蓝海医药（HK07777）的研发开支增长很快，2023 年的研发开支甚至是当期收入的5倍以上。";
        var kit = new MentionKit(text).Year("2023 年", 2023).Times("5倍", 5m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[] { "蓝海医药|rd_to_revenue_pct|2023-01-01/2023-12-31|500 %|>" }));
    }

    [Test]
    public void A_share_of_another_amount_is_not_that_amount()
    {
        const string text = "2025 年，蓝海医药（HK07777）募集资金净额的 60%（约 12 亿港元）将用于研发。";
        var kit = new MentionKit(text).Year("2025 年", 2025).Pct("60%", 60m).Money("12 亿港元", 12e8m, "HKD");
        var result = kit.Bind();
        Assert.That(result.Claims, Is.Empty);
        Assert.That(result.Unbound, Has.Count.EqualTo(2));
    }

    [Test]
    public void Subject_is_carried_to_the_next_sentence_and_same_period_refers_back()
    {
        const string text = "根据招股书，白鹭科技（HK08888）2024 年收入同比增长 35%，约 3 亿元，同期净亏损约 1.2 亿元。公司 2025 年前 9 个月营收同比下降 8%，净亏损同比收窄 12%。";
        var kit = new MentionKit(text).Year("2024 年", 2024).Pct("35%", 35m).Money("3 亿元", 3e8m).Money("1.2 亿元", 1.2e8m)
            .Period("2025 年前 9 个月", ReportingPeriod.Months(2025, 1, 9)).Pct("8%", 8m).Pct("12%", 12m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "白鹭科技|revenue_growth_pct|2024-01-01/2024-12-31|35 %|=",
            "白鹭科技|revenue|2024-01-01/2024-12-31|300000000 CNY|~",
            "白鹭科技|net_loss|2024-01-01/2024-12-31|120000000 CNY|~",
            "白鹭科技|revenue_growth_pct|2025-01-01/2025-09-30|-8 %|=",
            "白鹭科技|net_loss_growth_pct|2025-01-01/2025-09-30|-12 %|=",
        }));
    }

    [Test]
    public void The_article_company_carries_across_paragraphs_but_never_across_segments()
    {
        const string text = "白鹭科技（HK08888）发布公告。\n## 另一篇\n2024 年营收约 3 亿元。";
        var split = text.IndexOf("## 另一篇", StringComparison.Ordinal);
        var kit = new MentionKit(text).Year("2024 年", 2024).Money("3 亿元", 3e8m);
        var one = kit.Bind([new Segment(null, new TextSpan(0, text.Length))]);
        var two = kit.Bind([new Segment(null, new TextSpan(0, split)), new Segment("另一篇", new TextSpan(split, text.Length))]);
        Assert.That(Rows(one), Is.EqualTo(new[] { "白鹭科技|revenue|2024-01-01/2024-12-31|300000000 CNY|~" }),
            "the only company of the story carries to its later paragraphs");
        Assert.That(two.Claims, Is.Empty, "another story of the page is about its own company");
        Assert.That(two.Unbound, Has.Count.EqualTo(1));
    }

    [Test]
    public void Subject_carries_within_a_paragraph()
    {
        const string text = "白鹭科技（HK08888）发布公告。2024 年营收约 3 亿元。";
        var kit = new MentionKit(text).Year("2024 年", 2024).Money("3 亿元", 3e8m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[] { "白鹭科技|revenue|2024-01-01/2024-12-31|300000000 CNY|~" }));
    }

    [Test]
    public void Without_a_period_a_figure_stays_unbound()
    {
        const string text = "白鹭科技（HK08888）研发人员占比 70%，服务了 1 亿多用户。";
        var kit = new MentionKit(text).Pct("70%", 70m).Count("1 亿", 1e8m, CountUnit.None);
        var result = kit.Bind();
        Assert.That(result.Claims, Is.Empty);
        Assert.That(result.Unbound, Has.Count.EqualTo(2));
    }

    [Test]
    public void Users_as_of_a_month_are_read_on_its_last_day()
    {
        const string text = "截至 2025 年 6 月，白鹭科技（HK08888）已有超过 150 个国家的逾 8000 万个人用户，付费用户数从 2023 年的约 5.5 万名增长至 2024 年的约 20 万名。";
        var kit = new MentionKit(text).Period("2025 年 6 月", ReportingPeriod.Month(2025, 6)).Count("150 个", 150m)
            .Count("8000 万", 8e7m, CountUnit.None).Year("2023 年", 2023).Count("5.5 万名", 55_000m).Year("2024 年", 2024).Count("20 万名", 200_000m);
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[]
        {
            "白鹭科技|users|2025-06-30|80000000 count|>",
            "白鹭科技|paying_users|2023-01-01/2023-12-31|55000 count|~",
            "白鹭科技|paying_users|2024-01-01/2024-12-31|200000 count|~",
        }));
        Assert.That(result.Unbound.Select(m => m.Text), Is.EqualTo(new[] { "150 个" }));
    }

    [Test]
    public void Subscription_multiples_shares_and_cornerstones()
    {
        const string text = "白鹭科技（HK08888）引入 9 名基石投资者，合计认购金额达 5.5 亿港元。白鹭科技此次全球发售约 2000 万股，香港公开发售部分获得约 820.5 倍认购，国际发售部分获 12 倍认购。5 月 8 日，白鹭科技在港交所上市。";
        var kit = new MentionKit(text).Count("9 名", 9m).Money("5.5 亿港元", 5.5e8m, "HKD").Count("2000 万股", 2e7m, CountUnit.Shares, Qualifier.Approximate)
            .Times("820.5 倍", 820.5m).Times("12 倍", 12m).Day("5 月 8 日", 2025, 5, 8);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "白鹭科技|ipo.cornerstone_investors|2025-05-08|9 count|=",
            "白鹭科技|ipo.cornerstone_amount|2025-05-08|550000000 HKD|=",
            "白鹭科技|ipo.shares_offered|2025-05-08|20000000 shares|~",
            "白鹭科技|ipo.public_subscription|2025-05-08|820.5 x|~",
            "白鹭科技|ipo.intl_subscription|2025-05-08|12 x|=",
        }));
    }

    [Test]
    public void Provenance_points_at_the_figure_and_quotes_its_sentence()
    {
        const string text = "前言。\n2024 年，白鹭科技（HK08888）营收 3 亿元；净亏损 1 亿元。";
        var kit = new MentionKit(text).Year("2024 年", 2024).Money("3 亿元", 3e8m).Money("1 亿元", 1e8m);
        var result = kit.Bind();
        Assert.That(result.Claims, Has.Count.EqualTo(2), "the period carries over the ；");
        Assert.That(result.Claims[1].Provenance.Quote, Is.EqualTo("净亏损 1 亿元"));
        var claim = result.Claims[0];
        Assert.That(claim.Provenance.SourceSpan, Is.EqualTo(kit.SpanOf("3 亿元")));
        Assert.That(claim.Provenance.Quote, Is.EqualTo("2024 年，白鹭科技（HK08888）营收 3 亿元"));
        Assert.That(claim.Provenance.DocumentId, Is.EqualTo("doc"));
        Assert.That(claim.Provenance.Outlet, Is.EqualTo("测试报"));
        Assert.That(claim.Id, Is.EqualTo($"doc:{kit.SpanOf("3 亿元").Start}"));
    }

    [Test]
    public void An_intraday_high_and_change()
    {
        const string text = "6 月 3 日，白鹭科技（HK08888）股价盘中一度超过 30 港元，午后震荡走高，一度涨近 16%。";
        var kit = new MentionKit(text).Day("6 月 3 日", 2025, 6, 3).Money("30 港元", 30m, "HKD").Pct("16%", 16m);
        Assert.That(Rows(kit.Bind()), Is.EqualTo(new[]
        {
            "白鹭科技|price.intraday_high|2025-06-03|30 HKD|>",
            "白鹭科技|price.intraday_change_pct|2025-06-03|16 %|<",
        }));
    }

    [Test]
    public void A_date_the_recognizers_left_unresolved_is_not_replaced_by_an_earlier_one()
    {
        const string text = "4 月 2 日，星河数据（HK06999）在港交所上市，首日开盘价 88 港元，4 月 9 日收盘价 95 港元。";
        var kit = new MentionKit(text).Day("4 月 2 日", 2025, 4, 2).Money("88 港元", 88m, "HKD").Money("95 港元", 95m, "HKD");
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[] { "星河数据|price.open|2025-04-02|88 HKD|=" }));
        Assert.That(result.Unbound.Select(m => m.Text), Is.EqualTo(new[] { "95 港元" }));
    }

    [Test]
    public void A_period_given_as_one_of_alternatives_does_not_date_a_figure()
    {
        const string text = "白鹭科技（HK08888）计划最早于 2026 年年中或年末以 500 亿美元估值上市。";
        var kit = new MentionKit(text).Year("2026 年", 2026).Period("年末", ReportingPeriod.Half(2026, 2)).Money("500 亿美元", 5e10m, "USD");
        Assert.That(kit.Bind().Claims, Is.Empty);
    }

    [Test]
    public void A_sentence_without_a_period_takes_the_period_the_article_reports()
    {
        const string text = "上半年，白鹭科技（HK08888）实现合约销售金额 100 亿元，同比增长 8.8%；营业额 38 亿元，同比增长 42.2%。毛利率 30%。";
        var kit = new MentionKit(text).Period("上半年", ReportingPeriod.Half(2025, 1)).Money("100 亿元", 1e10m).Pct("8.8%", 8.8m)
            .Money("38 亿元", 3.8e9m).Pct("42.2%", 42.2m).Pct("30%", 30m);
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[]
        {
            "白鹭科技|contracted_sales|2025-01-01/2025-06-30|10000000000 CNY|=",
            "白鹭科技|contracted_sales_growth_pct|2025-01-01/2025-06-30|8.8 %|=",
            "白鹭科技|revenue|2025-01-01/2025-06-30|3800000000 CNY|=",
            "白鹭科技|revenue_growth_pct|2025-01-01/2025-06-30|42.2 %|=",
            "白鹭科技|gross_margin_pct|2025-01-01/2025-06-30|30 %|=",
        }), "the lede's half-year is the article's period, and 白鹭科技 its company");
        Assert.That(result.Unbound, Is.Empty);
    }

    [Test]
    public void An_aside_in_parentheses_does_not_lend_its_metric_to_the_main_line()
    {
        const string text = "2016年至2018年间，白鹭科技（HK08888）营业支出三年内增幅高达149%（营收增幅为112%），2019年更是同比增长35.7%。";
        var kit = new MentionKit(text).Period("2016年至2018年", ReportingPeriod.Years(2016, 2018)).Pct("149%", 149m).Pct("112%", 112m)
            .Year("2019年", 2019).Pct("35.7%", 35.7m);
        var result = kit.Bind();
        Assert.That(Rows(result), Is.EqualTo(new[] { "白鹭科技|revenue_growth_pct|2016-01-01/2018-12-31|112 %|=" }));
        Assert.That(result.Unbound.Select(m => m.Text), Is.EqualTo(new[] { "149%", "35.7%" }));
    }

    [Test]
    public void Bad_input_never_throws()
    {
        const string text = "白鹭科技（HK08888）2024 年营收 3 亿元。";
        var kit = new MentionKit(text).Year("2024 年", 2024).Money("3 亿元", 3e8m);
        var outside = new Mention(MentionKind.Money, new TextSpan(5, 500), "x", new Money(1m, Currency.CNY));
        var input = kit.Input([new Segment(null, new TextSpan(0, 900))]) with { Mentions = [.. kit.Mentions, outside] };
        var binder = ClaimBinder.CreateChinese();
        BindingResult? result = null;
        Assert.DoesNotThrow(() => result = binder.Bind(input));
        Assert.That(result!.Unbound, Does.Contain(outside));
        Assert.DoesNotThrow(() => binder.Bind(new MentionKit("").Input([])));
        Assert.DoesNotThrow(() => binder.Bind(new MentionKit("（（（以下简称）").Input()));
    }
}
