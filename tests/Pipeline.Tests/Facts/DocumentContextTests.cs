using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Batch;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

/// <summary>Periods an article establishes for its figures: comparison bases, the year of a quarter named without one,
/// months to date, and the period other articles of the batch report when an article cannot date itself. Chinese
/// sentences written the way results coverage is written (an invented company with a ticker), through the default
/// pipeline.</summary>
public class DocumentContextTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipelineBuilder.CreateDefault().Build();

    private static string[] Bind(string text, LocalDate? published = null) => Claims(text, published).Select(ClaimBinderTests.Row).ToArray();

    /// <summary>The claims of one Simplified Chinese text article, each printed with its segment and basis.</summary>
    private static IReadOnlyList<Claim> Claims(string text, LocalDate? published = null)
    {
        var raw = new RawDocument("ctx-test", "ctx-test.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = published, Language = "zh-Hans" });
        var claims = Pipeline.Process(raw).Claims;
        foreach (var c in claims) TestContext.Out.WriteLine($"{ClaimBinderTests.Row(c)} segment={c.Segment} basis={c.Basis}");
        return claims;
    }

    [Test]
    public void Comparison_bases_take_the_quantity_and_the_base_period()
    {
        const string text = "云帆汽车（09899.HK）11月20日晚间发布2025年第三季度财报。第三季度，云帆汽车车辆毛利率为16.2%，"
                            + "相较于2024年同期的18.5%和2025年第二季度的17.1%均有回落。当季自由现金流为-12亿元，而去年同期为正值8亿元。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆汽车|gross_margin_pct|2025-07-01/2025-09-30|16.2 %|="));
        Assert.That(rows, Does.Contain("云帆汽车|gross_margin_pct|2024-07-01/2024-09-30|18.5 %|="), "2024年同期 is the third quarter of 2024");
        Assert.That(rows, Does.Contain("云帆汽车|gross_margin_pct|2025-04-01/2025-06-30|17.1 %|="), "the second base of the list");
        Assert.That(rows, Does.Contain("云帆汽车|free_cash_flow|2025-07-01/2025-09-30|-1200000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆汽车|free_cash_flow|2024-07-01/2024-09-30|800000000 CNY|="), "去年同期为正值 restates the quantity");
    }

    [Test]
    public void The_next_sentence_of_a_paragraph_keeps_the_period_its_figures_were_stated_for()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩，季内收入128亿元。\n\n"
                            + "至于截至今年9月底止首三季，股东应占溢利23.4亿元，按年跌29%。总收入368亿元，升17.9%。\n\n"
                            + "公司收入上升22%至128亿元，创有史以来最高第一季度收入。毛利率为15.1%。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆汽车|revenue|2025-01-01/2025-09-30|36800000000 CNY|="), "the nine months carry to the next sentence");
        Assert.That(rows, Does.Contain("云帆汽车|gross_margin_pct|2025-07-01/2025-09-30|15.1 %|="),
            "a quarter written after the last figure (最高第一季度收入) dated none of them and does not carry");
    }

    [Test]
    public void An_undated_article_takes_its_listing_day_from_its_timeline_not_from_the_filing()
    {
        const string text = "4月10日，云帆咖啡（NASDAQ: YFKF）在纳斯达克上市首日收报21.30美元，较发行价上涨18.3%，盘中一度涨逾30%，成为今年赴美上市规模最大的中国消费企业。\n"
                            + "云帆咖啡是2016年创立于成都的咖啡连锁品牌，门店遍布西南各省。招股书显示，2024年公司营收为35.2亿元。\n"
                            + "2025年2月10日，证监会接收了云帆咖啡的境外上市备案材料；3月12日，云帆咖啡公开递交招股书；4月9日，云帆咖啡正式登陆纳斯达克。\n";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("云帆咖啡|price.close|2025-04-09|21.3 USD|="),
            "the debut is the day the timeline lists it (2025 carried past its semicolons), not the day of the filing (上市备案)");
    }

    [Test]
    public void Companies_enumerated_as_a_deals_investors_or_underwriters_do_not_own_its_terms()
    {
        const string text = "云帆科技（09899.HK）今日在港交所主板挂牌上市。\n"
                            + "此外，阿里巴巴、百度、淡马锡和一家地方政府基金为基石投资者，认购总额约1.5亿美元。招股书显示，2024年12月完成C轮融资后，该公司估值达42亿美元。\n"
                            + "本次发行由中金公司、摩根士丹利等联合承销，共发行1.2亿股H股，定价区间为每股8.5至9.5港元。\n";
        var claims = Claims(text, new LocalDate(2025, 12, 1));
        string Owner(string metric) => claims.First(c => c.Metric == metric).Entity;
        Assert.That(Owner("ipo.cornerstone_amount"), Is.EqualTo("云帆科技"), "the investors listed before 为基石投资者 do not own the total");
        Assert.That(Owner("ipo.price_range_bottom"), Is.EqualTo("云帆科技"), "nor do the underwriters listed before 等联合承销");
        Assert.That(Owner("valuation"), Is.EqualTo("云帆科技"), "the paragraph does not go on about the first investor listed");
    }

    [Test]
    public void Allotment_figures_read_with_their_own_words()
    {
        const string text = "云帆科技（09899.HK）公布配发结果。是次IPO引入5基石投资者，合共认购2.1亿股发售股份。\n"
                            + "超额配股的发售股份数目为1,260,000股。\n"
                            + "于国际发售中超额分配合共 3,150,000 股 H 股，占全球发售项下初步提呈发售股份的15%。\n"
                            + "招股期间，据券商数据显示，融资申购倍数高达512.3倍。\n";
        var claims = Claims(text, new LocalDate(2025, 12, 1));
        Assert.That(claims.Select(c => $"{c.Metric}|{c.Value.Value / 1.00m} {c.Value.UnitCode}|{c.Basis}"), Is.SupersetOf(new[]
        {
            "ipo.cornerstone_investors|5 count|", "ipo.overallotment_shares|1260000 shares|", "ipo.overallotment_shares|3150000 shares|",
            "ipo.public_subscription|512.3 x|broker-estimate",
        }), "a bare number of investors is a count; 超额配股的发售股份 and 超额分配 are the over-allotment; a margin multiple is a broker's estimate");
    }

    [Test]
    public void A_move_over_a_span_of_years_dates_its_two_levels_by_the_spans_ends()
    {
        const string text = "云帆咖啡（NASDAQ: YFKF）招股书显示，2022年至2024年，公司营收从8.6亿元一路攀升至73.5亿元。";
        var rows = Bind(text, new LocalDate(2025, 3, 27));
        Assert.That(rows, Is.SupersetOf(new[]
        {
            "云帆咖啡|revenue|2022-01-01/2022-12-31|860000000 CNY|=", "云帆咖啡|revenue|2024-01-01/2024-12-31|7350000000 CNY|=",
        }), "the level after 从 is the first year's, the one after 至 the last year's");
    }

    [Test]
    public void A_stock_stated_in_a_month_is_read_at_the_months_end()
    {
        const string text = "云帆科技（09899.HK）招股书显示，2024年12月完成C轮融资后，公司估值达42亿美元。公司月活跃用户数在2025年10月突破3000万。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆科技|valuation|2024-12-31|4200000000 USD|="), "a valuation after a round in a month is that month's last day");
    }

    [Test]
    public void A_paragraph_opening_with_the_head_of_a_company_named_later_is_about_that_company()
    {
        const string text = "明報記者 陳大文\n"
                            + "云帆昨日首挂收报18.6元，较招股价15.2元升22.4%，投资者每手账面赚680元。该股获超过12万人认购，一手中签率三成；"
                            + "相对今年5月上市的迅达电池（03899.HK），约31万人认购仅有不足7万人获分派。\n"
                            + "此外，云帆黄金国际（02199.HK）截至昨日收市市值达865亿元，有机会获快速纳入恒生综指。\n"
                            + "另一新股迅达钟表（02650.HK）昨收报9.1元。\n";
        var claims = Claims(text, new LocalDate(2025, 10, 1));
        Assert.That(claims.Where(c => c.Entity == "云帆黄金国际").Select(c => $"{c.Metric}|{c.Value.Value / 1.00m}"),
            Is.SupersetOf(new[] { "price.close|18.6", "ipo.issue_price|15.2", "ipo.one_lot_success_rate_pct|30" }), "云帆 opens the paragraph: the article's short name");
    }

    [Test]
    public void Net_proceeds_written_after_the_gross_are_net()
    {
        const string text = "云帆科技（09899.HK）配发结果显示，最终发售价定为每股18.20港元，集资总额31.6亿港元，净额约30.1亿港元。"
                            + "招股书显示，募集资金总额为3,160.00百万港元，扣除上市开支150.00百万港元后，净募集资金为3,010.00百万港元。";
        var claims = Claims(text, new LocalDate(2025, 12, 1));
        Assert.That(claims.Where(c => c.Metric == "ipo.net_proceeds").Select(c => c.Value.Value / 1.00m), Is.EquivalentTo(new[] { 3010000000m, 3010000000m }),
            "净额 after the gross amount and 净募集资金 are the net proceeds");
    }

    [Test]
    public void Shares_issued_on_exercising_the_over_allotment_option_are_the_over_allotment()
    {
        const string text = "云帆科技（09899.HK）公告，根据本次发行方案，公司同意由整体协调人（代表国际承销商）于2025年12月20日悉数行使超额配售权，"
                            + "按发售价每股H股股份18.20港元发行2,340,000股H股股份。前述超额配售权悉数行使后，本次发行的H股由15,600,000股增加至17,940,000股。";
        var claims = Claims(text, new LocalDate(2025, 12, 22));
        var shares = claims.Where(c => c.Value.UnitCode == "shares").Select(c => $"{c.Metric}|{c.Value.Value / 1.00m}|{c.Basis}").ToList();
        Assert.That(shares, Does.Contain("ipo.overallotment_shares|2340000|"), "发行 right before the figure issues the over-allotment named before it");
        Assert.That(shares, Does.Contain("ipo.shares_offered|15600000|"), "a move from one total to another stays the offering's");
    }

    [Test]
    public void A_range_is_the_claims_of_its_two_ends()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩。公司预计第四季度交付新车11万至11.5万台，营收预期为298.6亿至310.2亿元。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆汽车|guidance.deliveries|2025-10-01/2025-12-31|110000 count|>="));
        Assert.That(rows, Does.Contain("云帆汽车|guidance.deliveries|2025-10-01/2025-12-31|115000 count|<="));
        Assert.That(rows, Does.Contain("云帆汽车|guidance.revenue|2025-10-01/2025-12-31|31020000000 CNY|<="));

        const string offer = "云帆科技（09899.HK）今日起招股，每股发售价为18.20港元至20.60港元，预期12月8日上市。";
        var claims = Claims(offer, new LocalDate(2025, 12, 1));
        Assert.That(claims.Select(c => $"{c.Metric}|{c.Value.Value / 1.00m}"),
            Is.SupersetOf(new[] { "ipo.price_range_bottom|18.2", "ipo.price_range_top|20.6" }), "an offer price written as a range is the marketed range");
        var top = claims.Single(c => c.Metric == "ipo.price_range_top");
        Assert.That(offer.Substring(top.Provenance.SourceSpan.Start, top.Provenance.SourceSpan.Length), Does.StartWith("20.60"),
            "the high end points at its own figure");
        Assert.That(claims.Select(c => c.Id), Is.Unique);
    }

    [Test]
    public void A_growth_rate_written_as_the_level_it_moved_to_or_before_its_change_word_is_the_change()
    {
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。第三季度收入123亿元，与去年同期的110亿元相比仅录得11.8%的增长，"
                            + "增速回落到近两年低位；其中广告收入回升到6.2%，游戏收入则出现3.6%的同比负增长。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆科技|revenue_growth_pct|2025-07-01/2025-09-30|11.8 %|="), "the change after the base figure is the quarter's");
        Assert.That(rows, Does.Contain("云帆科技|revenue_growth_pct|2025-07-01/2025-09-30|6.2 %|="), "回升到 6.2%: the growth rate, not a level of revenue");
        Assert.That(rows, Does.Contain("云帆科技|revenue_growth_pct|2025-07-01/2025-09-30|-3.6 %|="), "负增长 is a fall");
    }

    [Test]
    public void A_paragraph_opening_with_qi_nei_takes_the_period_the_document_reports()
    {
        const string text = "云帆科技（09899.HK）公布，截至今年9月底止第三季纯利12.8亿元（人民币．下同），按年跌15%。\n\n"
                            + "期内总收入391亿元，按年升10.5%，亦好于预期。";
        var rows = Bind(text, new LocalDate(2025, 11, 13));
        Assert.That(rows, Does.Contain("云帆科技|revenue|2025-07-01/2025-09-30|39100000000 CNY|="));
    }

    [Test]
    public void A_list_dash_of_a_digest_ends_the_statement_before_it()
    {
        // An AI digest's bullets: the month written in the bullet before (8月份) is no date of the next bullet's figures.
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。即时零售 - 闪购笔单价环比8月份上涨超两位数 [5] - 云服务收入同比增长21%至98.2亿元，增速创新高。";
        var rows = Bind(text, new LocalDate(2025, 11, 26));
        Assert.That(rows, Does.Contain("云帆科技|revenue|2025-07-01/2025-09-30|9820000000 CNY|="));
    }

    [Test]
    public void A_basis_word_denied_right_after_it_gives_no_basis()
    {
        const string text = "云帆科技（09899.HK）今日公布配发结果，绿鞋前募资31.6亿港元。若超额配股权获悉数行使，募资额将增至36.3亿港元。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ipo.gross_proceeds||3160000000"), "绿鞋前: before the greenshoe");
        Assert.That(claims, Does.Contain("ipo.gross_proceeds|with-overallotment|3630000000"));
    }

    [Test]
    public void A_quarter_word_takes_the_quarter_its_sentence_just_named()
    {
        const string text = "云帆汽车（09899.HK）公布2024年全年业绩，全年营收7771亿元。\n\n分季度看，云帆汽车2024年第四季度表现尤为突出，单季营收达2748.51亿元，同比增长52.7%。";
        var rows = Bind(text, new LocalDate(2025, 3, 25));
        Assert.That(rows, Does.Contain("云帆汽车|revenue|2024-10-01/2024-12-31|274851000000 CNY|="));
    }

    [Test]
    public void An_undated_article_whose_lede_names_a_quarter_of_its_year_reports_that_quarter()
    {
        // No publication date: the lede's year and its quarter (not 上一季度's 一季度) are the article's period.
        const string text = "2025年，进入第三季度，云帆科技（09899.HK）继续推进AI战略。\n\n财报显示，本季度云帆科技总营收和上一季度相比，增长幅度为14.2%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("云帆科技|revenue_qoq_growth_pct|2025-07-01/2025-09-30|14.2 %|="));
    }

    [Test]
    public void Triple_digit_growth_doubling_and_more_than_double_are_bounds_on_the_change()
    {
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。AI相关产品收入连续第五个季度实现三位数增长，服务器业务收入同比增长超过一倍。"
                            + "非香港财务报告准则下净利润同比增长22%，按照香港财务报告准则计算则实现翻番。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆科技|revenue_growth_pct|2025-07-01/2025-09-30|100 %|>="));
        Assert.That(rows, Does.Contain("云帆科技|revenue_growth_pct|2025-07-01/2025-09-30|100 %|>"), "超过一倍: more than 100%");
        Assert.That(rows, Does.Contain("云帆科技|net_profit_growth_pct|2025-07-01/2025-09-30|100 %|>="), "翻番: at least doubled");
    }

    [TestCase("联想集团(00992.HK)：2025/26财年首季权益持有人应占溢利大增108%至5.05亿美元。", "2025-04-01/2025-06-30")]
    [TestCase("阿里巴巴（09988.HK）公布2026财年第二季度业绩，收入2478亿元。", "2025-07-01/2025-09-30")]
    [TestCase("联想集团公布2025/26财年的第三财季业绩，收入205亿美元。", "2025-10-01/2025-12-31")]
    [TestCase("联想集团于25/26财年首季录得收入188亿美元。", "2025-04-01/2025-06-30")]
    public void Fiscal_quarters_resolve_with_the_company_s_fiscal_year_end(string text, string period)
    {
        var rows = Bind(text, new LocalDate(2026, 2, 12));
        Assert.That(rows.Where(r => r.Contains("|revenue|") || r.Contains("|net_profit|")).Select(r => r.Split('|')[2]), Has.All.EqualTo(period).And.Not.Empty);
    }

    [Test]
    public void The_past_four_quarters_end_with_the_reported_quarter_not_the_publication_day()
    {
        // 星島/am730: 过去四季在AI+云基础设施的资本开支约1,200亿元, written weeks after the quarter ended.
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩，收入128亿元。财务总监指，过去四季在AI基础设施的资本开支约380亿元。";
        var rows = Bind(text, new LocalDate(2025, 11, 26));
        Assert.That(rows, Does.Contain("云帆科技|capex|2024-10-01/2025-09-30|38000000000 CNY|~"));
    }

    [Test]
    public void Liao_alone_marks_the_company_s_outlook_but_not_inside_a_word()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩，毛利率为13.9%。管理层料第四季毛利率可以达18%；原材料成本占收入的62%。";
        var rows = Bind(text, new LocalDate(2025, 11, 25));
        Assert.That(rows, Does.Contain("云帆汽车|guidance.gross_margin_pct|2025-10-01/2025-12-31|18 %|="));
        Assert.That(rows.Where(r => r.Contains("|62 %|")), Has.None.Contains("guidance."), "原材料 is no outlook");
    }

    [Test]
    public void A_profit_line_written_as_a_loss_is_negative()
    {
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。经调整EBITA转赚1.62亿元，去年同期蚀29.05亿元；净亏损收窄至3.1亿元。";
        var rows = Bind(text, new LocalDate(2025, 11, 25));
        Assert.That(rows, Does.Contain("云帆科技|ebita|2024-07-01/2024-09-30|-2905000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆科技|net_loss|2025-07-01/2025-09-30|310000000 CNY|="), "a loss id keeps the amount positive");
        var turned = Bind("云帆科技（09899.HK）公布2025年第三季度业绩。经调整EBITA扭亏为盈至3.2亿元。", new LocalDate(2025, 11, 25));
        Assert.That(turned, Does.Contain("云帆科技|ebita|2025-07-01/2025-09-30|320000000 CNY|="), "扭亏为盈: the amount is a profit");
    }

    [Test]
    public void A_tranche_share_written_as_the_percentage_of_the_global_offering_is_its_ratio()
    {
        const string text = "云帆科技（09899.HK）公布配发结果，将于12月8日上市。香港公开发售项下发售股份数目占全球发售的百分比为10%，"
                            + "国际发售项下发售股份数目占全球发售的百分比为90%。";
        var rows = Bind(text, new LocalDate(2025, 12, 5));
        Assert.That(rows, Does.Contain("云帆科技|ipo.hk_offer_pct|2025-12-08|10 %|="));
        Assert.That(rows, Does.Contain("云帆科技|ipo.intl_offer_pct|2025-12-08|90 %|="));
    }

    [Test]
    public void Quan_nian_is_the_whole_year_of_the_reported_period_but_not_after_a_period_it_completes()
    {
        const string text = "云帆科技（09899.HK）公布2024年第四季度及全年业绩，第四季度净营收267亿元。\n\n"
                            + "全年来看，云帆科技净营收达1053亿元，较2023年的1035亿元微增1.7%。去年全年，公司研发开支为176亿元。";
        var rows = Bind(text, new LocalDate(2025, 2, 20));
        Assert.That(rows, Does.Contain("云帆科技|revenue|2024-01-01/2024-12-31|105300000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆科技|revenue|2024-10-01/2024-12-31|26700000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆科技|rd_expense|2024-01-01/2024-12-31|17600000000 CNY|="), "去年全年 is last year's");
    }

    [Test]
    public void A_bullet_after_a_table_row_is_a_statement_of_its_own()
    {
        const string text = "Yunfan Technology (9899.HK) reported results for the quarter ended June 30, 2025. | Metric | Q1 FY25/26 | YoY | "
                            + "| Non-HKFRS Operating Profit | 631 | 10% | - R&D expenses increased by 12% year-over-year, reflecting its AI push.";
        var claims = Claims(text, new LocalDate(2025, 8, 15));
        var rd = claims.Single(c => c.Metric == "rd_expense_growth_pct");
        Assert.That(rd.Basis, Is.EqualTo(Bases.Reported), "the table row's Non-HKFRS is not the bullet's basis");
        Assert.That(rd.Value.Value, Is.EqualTo(12m));
    }

    [Test]
    public void A_change_against_the_previous_quarter_is_the_quarter_on_quarter_change()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩。第三季度营收128亿元，同比增长12.5%；"
                            + "车辆销售收入为115亿元，较2025年第二季度的107亿元增长7.5%。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆汽车|revenue_qoq_growth_pct|2025-07-01/2025-09-30|7.5 %|="));
        Assert.That(rows, Does.Contain("云帆汽车|revenue|2025-04-01/2025-06-30|10700000000 CNY|="));
        Assert.That(rows, Does.Not.Contain("云帆汽车|revenue_growth_pct|2025-07-01/2025-09-30|7.5 %|="));
    }

    [Test]
    public void A_quarter_without_a_year_takes_the_latest_year_written_not_a_comparison_year()
    {
        // No publication date; the only full years are a comparison (2024年同期) and the previous quarter.
        const string text = "云帆汽车（09899.HK）发布财报显示，公司三季度营收274亿元，同比下降6.2%。"
                            + "具体来看，今年第三季度车辆毛利率为15.5%，相较于2024年同期的20.9%明显下滑，上一季度（2025年第二季度）为19.4%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("云帆汽车|revenue|2025-07-01/2025-09-30|27400000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆汽车|gross_margin_pct|2025-04-01/2025-06-30|19.4 %|="));
        Assert.That(rows.Where(r => r.Contains("|2024-07-01/2024-09-30|27400000000")), Is.Empty);
    }

    [Test]
    public void Months_to_date_end_with_the_reported_quarter()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩，第三季度营收128亿元。累计今年9个月，云帆汽车营收356亿元，按年增长8%。";
        var rows = Bind(text, new LocalDate(2025, 11, 21));
        Assert.That(rows, Does.Contain("云帆汽车|revenue|2025-01-01/2025-09-30|35600000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆汽车|revenue_growth_pct|2025-01-01/2025-09-30|8 %|="));
    }

    [Test]
    public void Batch_coverage_needs_a_clear_majority()
    {
        var coverage = new BatchCoverage();
        coverage.Add(new DocumentSubject("云帆汽车", ReportingPeriod.Quarter(2025, 3), false));
        coverage.Add(new DocumentSubject("云帆汽车", ReportingPeriod.Quarter(2025, 3), false));
        coverage.Add(new DocumentSubject("云帆汽车", ReportingPeriod.Quarter(2025, 2), false));
        coverage.Add(new DocumentSubject("海鸥科技", ReportingPeriod.Quarter(2025, 2), false));
        coverage.Add(new DocumentSubject("海鸥科技", ReportingPeriod.Quarter(2025, 1), false));
        coverage.Add(new DocumentSubject("蓝鲸数据", null, true));
        var periods = coverage.Periods();
        Assert.That(periods["云帆汽车"], Is.EqualTo(ReportingPeriod.Quarter(2025, 3)));
        Assert.That(periods.ContainsKey("海鸥科技"), Is.False, "two quarters reported equally often date nothing");
        Assert.That(periods.ContainsKey("蓝鲸数据"), Is.False);
    }

    [Test]
    public void An_undated_article_takes_the_period_the_batch_reports_for_its_company()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-coverage-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "a.txt"), "云帆汽车（09899.HK）公布2025年第三季度业绩。2025年第三季度营收128亿元，同比增长12.5%。");
            // An HK paper's follow-up the next morning: 昨, 上季, no year and no date anywhere.
            File.WriteAllText(Path.Combine(input, "b.txt"), "云帆汽車（9899）昨公布季績，上季收入128億元（人民幣，下同），按年增長12.5%；純利9.6億元，按年升一成。");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(Pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv")).Where(l => l.Contains(",b,") || l.Contains("\"b\"")).ToList();
            foreach (var c in claims) TestContext.Out.WriteLine(c);
            Assert.That(claims.Any(c => c.Contains("net_profit") && c.Contains("2025-07-01/2025-09-30") && c.Contains("960000000")),
                "上季 in b is the quarter a reports for the same company");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void An_undated_article_takes_the_listing_day_the_batch_gives_its_company()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-listing-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "a.txt"), "3月18日，云帆汽车（09899.HK）在港交所挂牌上市，发行价为每股36.3港元，首日开盘价为40.2港元。");
            File.WriteAllText(Path.Combine(input, "manifest.csv"), "file,outlet,url,published,language\na.txt,甲报,,2026-03-18,zh-Hans\nb.txt,乙网,,,zh-Hans\n");
            // A repost with no date anywhere: the debut is "今日", the deal terms have no year.
            File.WriteAllText(Path.Combine(input, "b.txt"), "云帆汽车（09899.HK）今日登陆港交所，此次IPO定价为每股36.3港元，募资总额约45.6亿港元。");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(Pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv")).Where(l => l.Contains(",b,")).ToList();
            foreach (var c in claims) TestContext.Out.WriteLine(c);
            Assert.That(claims.Any(c => c.Contains("ipo.issue_price") && c.Contains("2026-03-18") && c.Contains("36.3")),
                "b's offer price belongs to the listing a dates");
            Assert.That(claims.Any(c => c.Contains("ipo.gross_proceeds") && c.Contains("4560000000")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_deal_term_after_a_date_without_a_year_keeps_the_deal_key()
    {
        // An HK blog post with no publication date: the bookbuilding days have no year, the results year comes later.
        const string text = "云帆汽車（09899）於6月10日至13日招股，計劃發行1.2億股H股，其中10%於香港作公開發售，每手200股。"
                            + "公司早前公布，2025年第一季度收入為38億元人民幣。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("云帆汽车|ipo.shares_offered|2025-01-01/2025-12-31|120000000 shares|="),
            "a yearless bookbuilding day does not undate the deal: the term takes the year the article reports");
        Assert.That(rows, Does.Contain("云帆汽车|ipo.board_lot_shares|2025-01-01/2025-12-31|200 shares|="));
    }

    [Test]
    public void An_article_that_writes_no_year_keys_its_deal_terms_by_the_year_the_batch_gives_them()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-dealyear-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "a.txt"), "云帆汽车（09899.HK）公布招股结果，最终发售价为每股36.3港元，香港公开发售获918倍认购。"
                                                           + "公司2025年一季度收入为38亿元。");
            // A wire repost with no date and no year anywhere, nor a listing day of its own.
            File.WriteAllText(Path.Combine(input, "b.txt"), "云帆汽车（09899.HK）此次发行价为36.3港元/股，基石投资者一共认购2.95亿美元。");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(Pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv")).Where(l => l.Contains(",b,")).ToList();
            foreach (var c in claims) TestContext.Out.WriteLine(c);
            Assert.That(claims.Any(c => c.Contains("ipo.issue_price") && c.Contains("2025-01-01/2025-12-31") && c.Contains("36.3")),
                "b's offer price is the same deal a keys by 2025");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_yearless_day_that_is_the_listing_day_the_batch_gives_dates_the_debut()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-yearless-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            // An exchange filing: the H shares were listed on a day written in full (the exchange is no issuer), and a
            // later notice's title names the listing too.
            File.WriteAllText(Path.Combine(input, "a.txt"), "云帆汽车（09899.HK）公告，公司发行的H股已于2025年3月18日在香港联交所主板挂牌并上市交易，"
                                                           + "详见公司于2025年3月19日披露的《关于H股挂牌并上市交易的公告》。");
            // A repost: 3月18日 with no year, nor any year anywhere.
            File.WriteAllText(Path.Combine(input, "b.txt"), "3月18日，云帆汽车（09899.HK，股价40.2港元，市值1005亿港元）在港交所挂牌上市，开盘报41.5港元。"
                                                           + "这是今年港股汽车板块最大的IPO，仅次于海鸥科技（01888.HK，股价12.3港元，市值300亿港元）。");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(Pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv")).Where(l => l.Contains(",b,")).ToList();
            foreach (var c in claims) TestContext.Out.WriteLine(c);
            Assert.That(claims.Any(c => c.Contains("云帆汽车,market_cap") && c.Contains("2025-03-18") && c.Contains("100500000000")),
                "b's 3月18日 is the listing day a gives 云帆汽车");
            Assert.That(claims.Any(c => c.Contains("云帆汽车,market_cap") && c.Contains("30000000000")), Is.False,
                "the figures of an inline quote header belong to the company named before it");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_price_quoted_with_bao_is_the_price_named_earlier_in_the_sentence()
    {
        const string text = "云帆汽车（09899.HK）今日在港交所挂牌上市。云帆汽车开盘即跌破发行价，报33.2港元。"
                            + "截至收盘，云帆汽车股价报35.8港元，跌1.4%，成交额12.6亿港元。截至发稿，云帆汽车报36.25港元。";
        var rows = Bind(text, new LocalDate(2026, 3, 18));
        Assert.That(rows, Does.Contain("云帆汽车|price.open|2026-03-18|33.2 HKD|="), "开盘 names the price; 发行价 is what it fell below");
        Assert.That(rows, Does.Contain("云帆汽车|price.close|2026-03-18|35.8 HKD|="));
        Assert.That(rows.Any(r => r.Contains("36.25")), Is.False, "a quote with no price named in its sentence (截至发稿) stays unbound");
    }

    [Test]
    public void An_industry_that_describes_the_company_lends_no_market_and_a_base_cue_names_only_the_base()
    {
        const string text = "云帆汽车（09899.HK）3月18日登陆港交所。作为今年港股汽车行业规模最大的IPO，该公司上市首日即大涨35.2%，"
                            + "股价从发行价30港元升至40.56港元，次日继续上涨5.1%，总市值突破1200亿港元。";
        var rows = Bind(text, new LocalDate(2026, 3, 19));
        Assert.That(rows, Does.Contain("云帆汽车|ipo.issue_price|2026-03-18|30 HKD|="), "该公司 after 行业 turns the sentence back to the company");
        Assert.That(rows, Does.Contain("云帆汽车|price.close_change_pct|2026-03-18|35.2 %|="), "a debut move with no price named is the close's");
        Assert.That(rows.Any(r => r.Contains("40.56")), Is.True);
        Assert.That(rows.Where(r => r.Contains("40.56")), Is.All.EqualTo("云帆汽车|price.close|2026-03-18|40.56 HKD|="),
            "the level reached from the offer price on the listing day is the close, not an offer price");
        Assert.That(rows.Where(r => r.Contains("120000000000")), Is.All.EqualTo("云帆汽车|market_cap|2026-03-19|120000000000 HKD|>"),
            "a market value after 次日 is not the listing day's but the next trading day's");
    }

    [Test]
    public void A_debut_move_with_no_price_named_is_the_listing_days_close_and_an_index_move_is_not()
    {
        const string text = "星岚医疗（02876.HK）11月6日登陆港交所主板。该公司上市首日即大跌23.5%，股价从招股价18.8港元跌至14.38港元，"
                            + "恒生指数同日下跌1.2%。";
        var rows = Bind(text, new LocalDate(2026, 11, 7));
        Assert.That(rows, Does.Contain("星岚医疗|price.close_change_pct|2026-11-06|-23.5 %|="));
        Assert.That(rows, Does.Contain("星岚医疗|price.close|2026-11-06|14.38 HKD|="));
        Assert.That(rows.Any(r => r.Contains("|1.2 %") || r.Contains("|-1.2 %")), Is.False, "the index's move is no company's");
    }

    [Test]
    public void A_listing_day_written_after_a_word_for_the_company_is_the_companys()
    {
        const string text = "恒生指数公司周五公布，星岚医疗（02876.HK）将获纳入恒生综合指数。这一决定距离该公司11月6日登陆港交所仅三个交易日。"
                            + "该公司上市首日即飙升41.2%。";
        var rows = Bind(text, new LocalDate(2026, 11, 13));
        Assert.That(rows, Does.Contain("星岚医疗|price.close_change_pct|2026-11-06|41.2 %|="), "该公司 refers back to the article's company");
    }

    [Test]
    public void A_subscription_multiple_takes_the_tranche_named_earlier_in_its_sentence()
    {
        const string text = "星岚医疗（02876.HK）公布配发结果。香港公开发售部分，超购2.6倍，一手中签率100%；"
                            + "国际发售方面，星岚医疗实现了11.2倍认购倍数，最终发售股份数量为3.2亿股。";
        var rows = Bind(text, new LocalDate(2026, 11, 5));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.public_subscription|2026-01-01/2026-12-31|2.6 x|="));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.intl_subscription|2026-01-01/2026-12-31|11.2 x|="));
    }

    [Test]
    public void A_multiple_with_no_subscription_word_is_no_subscription()
    {
        const string text = "星岚医疗（02876.HK）香港公开发售部分获68.4倍认购，按发售价计，公司市盈率约为25倍。";
        var rows = Bind(text, new LocalDate(2026, 11, 5));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.public_subscription|2026-01-01/2026-12-31|68.4 x|="));
        Assert.That(rows.Any(r => r.Contains("|25 x")), Is.False, "a valuation multiple after the tranche is not its subscription");
    }

    [Test]
    public void Funding_in_a_sentence_about_a_listing_is_the_listings_gross_proceeds()
    {
        const string text = "星岚医疗（02876.HK）11月6日在港交所挂牌上市，融资28.6亿港元，为今年港股第三大IPO。"
                            + "星岚医疗2023年完成C轮融资5亿元人民币。";
        var rows = Bind(text, new LocalDate(2026, 11, 7));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.gross_proceeds|2026-11-06|2860000000 HKD|="));
        Assert.That(rows, Does.Contain("星岚医疗|funding_amount|2023-01-01/2023-12-31|500000000 CNY|="), "a private round names no listing");
    }

    [Test]
    public void Yi_gong_before_a_subscription_word_is_no_number_and_leaves_the_cue_to_the_total()
    {
        const string text = "星岚医疗（02876.HK）11月6日在港交所挂牌上市。星岚医疗此次IPO的基石投资者分别为明泰资本、GIC Private Limited及博远基金，"
                            + "一共认购1.2亿美元。";
        var rows = Bind(text, new LocalDate(2026, 11, 7));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.cornerstone_amount|2026-11-06|120000000 USD|="));
        Assert.That(rows.Any(r => r.Contains("|1 count")), Is.False, "一共 (in all) counts nothing");
    }

    [Test]
    public void A_total_in_a_sentence_breaking_down_the_cornerstones_is_the_issuers_cornerstone_amount()
    {
        const string text = "星岚医疗（02876.HK）11月6日在港交所挂牌上市。星岚医疗此次引入两家基石投资者。"
                            + "其中，明泰发展有限公司（腾讯控股全资附属公司）和Northwind Capital LLC分别斥资800万美元、500万美元参与认购，合计1300万美元。";
        var rows = Bind(text, new LocalDate(2026, 11, 7));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.cornerstone_amount|2026-11-06|13000000 USD|="),
            "其中 breaks down the sentence naming the cornerstones; the investors joined by 和 and the group in their aside take part");
        Assert.That(rows.Count(r => r.Contains("|13000000 USD")), Is.EqualTo(1));
    }

    [Test]
    public void A_deal_priced_at_the_top_of_its_range_states_the_offer_price_and_the_range_top()
    {
        var rows = Bind("星岚医疗（02876.HK）公布配售结果，此次以招股价上限18.8港元定价，集资净额约22亿港元。", new LocalDate(2026, 11, 5));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.price_range_top|2026-01-01/2026-12-31|18.8 HKD|="));
        Assert.That(rows, Does.Contain("星岚医疗|ipo.issue_price|2026-01-01/2026-12-31|18.8 HKD|="));
        var marketed = Bind("星岚医疗（02876.HK）今日起招股，招股价上限为18.8港元，集资净额约22亿港元。", new LocalDate(2026, 11, 5));
        Assert.That(marketed.Any(r => r.Contains("ipo.issue_price")), Is.False, "a range top with no pricing word is no offer price");
    }

    [Test]
    public void Deal_terms_after_a_debut_with_no_known_day_keep_the_deal_key_and_a_greenshoe_denied_is_reported()
    {
        const string text = "云帆汽车（09899.HK）上市首日股价冲高回落，本次IPO香港公开发售获168.65倍认购，绿鞋前募资41.6亿港元，"
                            + "全额行使超额配售权后募资总额增至47.8亿港元。";
        var claims = Claims(text, new LocalDate(2026, 3, 20));
        Assert.That(claims.Select(ClaimBinderTests.Row), Does.Contain("云帆汽车|ipo.public_subscription|2026-01-01/2026-12-31|168.65 x|="),
            "首日 with no listing day known leaves a deal term in the year the article reports it");
        var before = claims.Single(c => c.Metric == "ipo.gross_proceeds" && c.Value.Value == 4_160_000_000m);
        Assert.That(before.Basis, Is.EqualTo(Bases.Reported), "绿鞋前: before the greenshoe");
    }

    [Test]
    public void An_offer_price_range_states_both_bounds()
    {
        const string text = "云帆汽车（09899.HK）今日起招股，招股价介乎30.2港元至33.6港元，每手200股，预期3月18日挂牌。";
        var rows = Bind(text, new LocalDate(2026, 3, 10));
        Assert.That(rows, Does.Contain("云帆汽车|ipo.price_range_bottom|2026-03-10|30.2 HKD|="));
        Assert.That(rows, Does.Contain("云帆汽车|ipo.price_range_top|2026-03-10|33.6 HKD|="));
    }

    [Test]
    public void The_short_name_an_article_uses_for_its_company_is_the_company_not_a_segment()
    {
        const string text = "星河动力航天（02999.HK）今日在港交所挂牌上市。招股书显示，2022年、2023年、2024年，"
                            + "星河动力经调整亏损净额分别为3.1亿元、4.2亿元、5.6亿元。星河动力表示，募资将主要用于研发。";
        var claims = Claims(text, new LocalDate(2026, 3, 18)).Where(c => c.Metric.Contains("loss", StringComparison.Ordinal)).ToList();
        Assert.That(claims, Has.Count.EqualTo(3));
        Assert.That(claims.Select(c => c.Segment), Is.All.Empty, "星河动力 is the company's own short name, not one of its segments");
        Assert.That(claims.Select(c => c.Entity), Is.All.EqualTo("星河动力航天"));
    }

    [Test]
    public void A_cornerstone_subscription_is_read_by_the_kind_of_its_figure()
    {
        const string text = "云帆汽车（09899.HK）今日起招股，此次发售引入了6家基石投资者，合共认购1.35亿股，"
                            + "合计投资约4.2亿美元。其中，某主权基金认购1亿美元。";
        var rows = Bind(text, new LocalDate(2026, 3, 10));
        Assert.That(rows, Does.Contain("云帆汽车|ipo.cornerstone_investors|2026-03-10|6 count|="));
        Assert.That(rows, Does.Contain("云帆汽车|ipo.cornerstone_shares|2026-03-10|135000000 shares|="), "认购 before shares: the shares");
        Assert.That(rows, Does.Contain("云帆汽车|ipo.cornerstone_amount|2026-03-10|420000000 USD|~"), "认购 before money: the amount");
    }

    [Test]
    public void List_items_take_the_basis_the_line_introducing_them_states()
    {
        const string text = "云帆科技（09899.HK）公布第三季度业绩，季内录得净亏损18.2亿元，主要由于一项商誉减值。"
                            + "若剔除减值及股份支付等非经营性项目，看Non-GAAP数据：\n-\n经营利润：9.6亿元，同比增长12%。\n-\n"
                            + "归属公司股东净利润：14.1亿元，同比下降8%。\n此外，公司账面现金及投资总额为820亿元。";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("operating_profit|adjusted|960000000"));
        Assert.That(claims, Does.Contain("net_profit|adjusted|1410000000"));
        Assert.That(claims, Does.Contain("net_profit_growth_pct|adjusted|-8"));
        Assert.That(claims, Does.Contain("net_loss||1820000000"), "the line before the list is on the reported basis");
        Assert.That(claims, Does.Contain("cash_and_investments||82000000000"), "a paragraph after the list is no item of it");
    }

    [Test]
    public void A_cue_after_the_figure_s_stated_equivalent_is_its_cue()
    {
        const string text = "云帆科技（09899.HK）公布第三季度业绩，季内计提一项高达58亿元（约8.1亿美元）的长期资产减值损失。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆科技|impairment_loss|2025-07-01/2025-09-30|5800000000 CNY|="));
    }

    [Test]
    public void A_balance_is_dated_by_the_end_of_its_period()
    {
        const string text = "云帆汽车（09899.HK）公布2024年全年业绩，全年营收1,280亿元。2024年，公司现金储备达到326亿元。\n\n"
                            + "此外，公司账面上的现金及投资总额为410亿元。";
        var rows = Bind(text, new LocalDate(2025, 3, 25));
        Assert.That(rows, Does.Contain("云帆汽车|cash|2024-12-31|32600000000 CNY|="));
        Assert.That(rows, Does.Contain("云帆汽车|cash_and_investments|2024-12-31|41000000000 CNY|="), "no period written: the end of the reported one");
    }

    [Test]
    public void A_figure_after_higher_than_a_base_period_is_the_base_period_s()
    {
        const string text = "云帆科技（09899.HK）公布第三季度业绩，季内毛利率为38.5%，高于2024年第三季度的36.1%。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆科技|gross_margin_pct|2025-07-01/2025-09-30|38.5 %|="));
        Assert.That(rows, Does.Contain("云帆科技|gross_margin_pct|2024-07-01/2024-09-30|36.1 %|="));
    }

    [Test]
    public void A_loss_after_a_comparison_base_restates_the_quantity_for_the_base_period()
    {
        const string text = "云帆科技（09899.HK）公布第三季度业绩，经调整EBITA盈利2.35亿元，实现扭亏为盈，上一季度为亏损8,100万元。";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Basis}|{c.Period.ToIsoString()}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ebita|adjusted|2025-07-01/2025-09-30|235000000"));
        Assert.That(claims, Does.Contain("ebita|adjusted|2025-04-01/2025-06-30|-81000000"));
    }

    [Test]
    public void A_loss_word_before_a_label_s_colon_signs_its_amount()
    {
        const string text = "云帆汽车（09899.HK）公布第三季度业绩。归属于普通股股东的每股美国存托股份摊薄净亏损：1.35元人民币（0.19美元）。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆汽车|eps_ads_diluted|2025-07-01/2025-09-30|-1.35 CNY|="));
    }

    [Test]
    public void A_digest_s_next_bullet_goes_on_about_the_segment_of_the_one_before()
    {
        const string text = "云帆科技（09899.HK）公布第三季度业绩。整体表现 - 季度总收入为512.3亿元,同比增长6% [1] 国际业务 - "
                            + "云帆国际业务收入同比增长12%至88.6亿元 [2] - 经调整EBITA盈利3.1亿元,去年同期为亏损1.2亿元 [2]";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Segment}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("revenue||51230000000"));
        Assert.That(claims, Does.Contain("revenue|国际|8860000000"));
        Assert.That(claims, Does.Contain("ebita|国际|310000000"));
    }

    [Test]
    public void The_quarter_a_reported_quarter_is_compared_with_is_the_one_before_it()
    {
        // Hong Kong usage: 上季 is the quarter just reported, 较上季 the one before it.
        const string text = "云帆科技（09899.HK）公布第三季度业绩。上季新业务经营亏损58.2亿元，较上季亏损61.4亿元收窄；经营利润率转录负1.2%，去年则为3.8%。";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Period.ToIsoString()}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("operating_loss|2025-07-01/2025-09-30|5820000000"));
        Assert.That(claims, Does.Contain("operating_loss|2025-04-01/2025-06-30|6140000000"));
        Assert.That(claims, Does.Contain("operating_margin_pct|2025-07-01/2025-09-30|-1.2"));
        Assert.That(claims, Does.Contain("operating_margin_pct|2024-07-01/2024-09-30|3.8"), "去年则为: the same quarter a year earlier");
    }

    [Test]
    public void The_past_four_quarters_end_with_the_reported_quarter()
    {
        const string text = "云帆科技（09899.HK）公布截至2025年9月30日止季度业绩。管理层表示，过去四季在AI基础设施的资本开支约860亿元。";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Period.ToIsoString()}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("capex|2024-10-01/2025-09-30|86000000000"));
    }

    [Test]
    public void A_list_of_changes_takes_the_list_of_comparisons_named_before_it()
    {
        // As a broker's note (招商证券) writes it.
        const string text = "云帆科技（09899.HK）公布第三季度业绩，公司毛利率达62.4%，环比、同比分别下降1.3pct、2.2pct，主要由于低毛利业务占比提升。";
        var claims = Claims(text, new LocalDate(2025, 11, 20)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("gross_margin_pct|62.4"));
        Assert.That(claims, Does.Contain("gross_margin_qoq_change_pp|-1.3"));
        Assert.That(claims, Does.Contain("gross_margin_change_pp|-2.2"));
    }

    [Test]
    public void A_condition_clause_states_the_basis_of_the_deal_terms_after_it()
    {
        const string text = "云帆科技（09899.HK）今日公布招股详情，募集资金总额约31.6亿港元。公司另有15%超额配股权，若超额配股权悉数行使，"
                            + "最多可额外发行约1.2亿股，额外募资最多4.74亿港元，最终募资额有望达36.34亿港元。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ipo.gross_proceeds||3160000000"));
        Assert.That(claims, Does.Contain("ipo.gross_proceeds|with-overallotment|3634000000"));
        Assert.That(claims, Does.Contain("ipo.overallotment_shares||120000000"), "the id already says the basis");
    }

    [Test]
    public void An_undated_article_with_a_period_of_its_own_still_takes_the_listing_day_the_batch_gives()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-yearless-period-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "a.txt"), "云帆汽车（09899.HK）公告，公司发行的H股已于2025年11月5日在香港联交所主板挂牌并上市交易。");
            // An AI digest with no date: the debut day has no year, and the results it quotes give it a period of its own.
            File.WriteAllText(Path.Combine(input, "b.txt"), "云帆汽车港股上市表现 - 云帆汽车（09899.HK）于11月5日在港交所上市，首日开盘即下跌1.98%，最终报131.5港元/股 [3] "
                                                           + "- 根据三季度财报，公司前三季度实现营业收入1105.34亿元，同比增长3.67% [7]");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(Pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv")).Where(l => l.Contains(",b,")).ToList();
            foreach (var c in claims) TestContext.Out.WriteLine(c);
            Assert.That(claims.Any(c => c.Contains("price.open_change_pct") && c.Contains("2025-11-05") && c.Contains("-1.98")),
                "b's 11月5日 is the listing day a gives 云帆汽车");
            Assert.That(claims.Where(c => c.Contains(",0000-") || c.Contains(",0001-")), Is.Empty, "no claim is dated in a year nobody wrote");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void An_audience_in_a_statement_the_quarter_opened_is_the_quarters()
    {
        // 财联社-style digest: the quarter named once, then the user figures after a semicolon under a topic phrase.
        const string text = "11月18日，云帆视频（09899.HK）公布第三季度财报：营收152亿元，同比增长11.3%；用户规模方面，DAU达1.86亿、"
                            + "MAU达3.42亿，均创历史新高。";
        var rows = Bind(text, new LocalDate(2025, 11, 19));
        Assert.That(rows, Does.Contain("云帆视频|dau|2025-07-01/2025-09-30|186000000 count|="), "用户规模 is the company's audience, not a market's");
        Assert.That(rows, Does.Contain("云帆视频|mau|2025-07-01/2025-09-30|342000000 count|="));
    }

    [Test]
    public void Active_users_written_out_in_full_are_daily_and_monthly_actives()
    {
        const string text = "云帆视频（09899.HK）2025年第三季度财报显示，第三季度云帆视频应用平均每日活跃的用户数量达到了1.86亿，"
                            + "平均每月活跃的用户数量达到了3.42亿。";
        var rows = Bind(text, new LocalDate(2025, 11, 19));
        Assert.That(rows, Does.Contain("云帆视频|dau|2025-07-01/2025-09-30|186000000 count|="));
        Assert.That(rows, Does.Contain("云帆视频|mau|2025-07-01/2025-09-30|342000000 count|="));
    }

    [Test]
    public void A_market_wrap_about_new_listings_is_not_the_articles_company()
    {
        const string text = "云帆汽车（09899.HK）于2025年11月5日在港交所挂牌，首日收报131.5港元。\n\n"
                            + "今年前三季度，港股共有72只新股上市，合计募资1650亿港元；九成新股获得超额认购，其中逾八成新股认购倍数超过20倍。";
        var rows = Bind(text, new LocalDate(2025, 11, 6));
        Assert.That(rows, Does.Contain("云帆汽车|price.close|2025-11-05|131.5 HKD|="));
        Assert.That(rows.Where(r => r.Contains("165000000000") || r.Contains("ipo.public_subscription")), Is.Empty,
            "the year's new listings raised the money and drew the subscriptions, not the company");
    }

    [Test]
    public void A_price_of_the_other_share_class_is_kept_apart_under_that_class_in_yuan()
    {
        const string text = "云帆汽车（09899.HK）于2025年11月5日在港交所挂牌上市。上市首日，云帆汽车港股收报58.2港元，较发售价上涨32.1%；"
                            + "A股则收报61.05元，下跌2.3%。";
        var claims = Claims(text, new LocalDate(2025, 11, 5));
        var rows = claims.Select(c => $"{ClaimBinderTests.Row(c)}|{c.Segment}").ToArray();
        Assert.That(rows, Does.Contain("云帆汽车|price.close|2025-11-05|58.2 HKD|=|"), "the listing covered is the company's price");
        Assert.That(rows, Does.Contain("云帆汽车|price.close|2025-11-05|61.05 CNY|=|A股"));
        Assert.That(rows, Does.Contain("云帆汽车|price.close_change_pct|2025-11-05|-2.3 %|=|A股"));
    }

    [Test]
    public void A_framing_basis_qualifies_each_line_of_the_run_after_it()
    {
        // 格隆汇-style: the basis framed once, then a run of results lines, across a semicolon.
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。第三季度，按非香港财务报告准则计量，集团经营利润率为4.1%，净利率为2.6%。"
                            + "剔除长期资产减值影响后，云帆科技经营利润为8亿元，核心业务经营利润为9亿元；归属于云帆科技的净利润为6亿元。";
        var claims = Claims(text, new LocalDate(2025, 11, 20));
        var rows = claims.Select(c => $"{c.Metric}|{c.Value.Value}|{c.Basis}").ToArray();
        Assert.That(rows, Does.Contain("operating_margin_pct|4.1|adjusted"));
        Assert.That(rows, Does.Contain("net_margin_pct|2.6|adjusted"), "a line after another line of the framed run");
        Assert.That(rows, Does.Contain("net_profit|600000000|ex-impairment"), "across the semicolon");
    }

    [Test]
    public void A_clause_of_its_own_ends_the_framed_run()
    {
        const string text = "云帆汽车（09899.HK）公布2025年第三季度业绩。第三季度，车辆毛利率为15.5%；剔除召回预估成本影响后，车辆毛利率为19.8%；"
                            + "根据披露数据估算，召回影响下，汽车毛利约40.09亿元。";
        var claims = Claims(text, new LocalDate(2025, 11, 20));
        Assert.That(claims.Where(c => c.Value.Value == 4009000000m).Select(c => c.Basis), Is.All.EqualTo(""),
            "an estimate under the recall's effect is not the ex-recall figure");
        Assert.That(claims.Any(c => c.Value.Value == 19.8m && c.Basis == "ex-recall"));
    }

    [Test]
    public void A_business_units_abbreviation_names_no_company()
    {
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩，营收同比增长9%。具体到业务上，云帆智能终端业务集团（ITG）营收同比增长12%，"
                            + "云服务事业群（CSG）营收同比增长31%。";
        var claims = Claims(text, new LocalDate(2025, 11, 20));
        Assert.That(claims.Select(c => c.Entity).Distinct(), Is.EqualTo(new[] { "云帆科技" }), "ITG and CSG are the company's units, not companies");
        Assert.That(claims.Any(c => c.Metric == "revenue_growth_pct" && c.Value.Value == 12m));
    }

    [Test]
    public void A_comparative_after_a_comparison_base_is_a_change()
    {
        // As 21财经 writes a debut: 开盘报…，较招股价低….
        const string text = "云帆电子（02099.HK）今日在港交所上市，首日开盘报15.20港元，较招股价低5.06%，每手200股，账面亏损162港元。"
                            + "截至午间收盘，股价报16.40港元，较招股价高出2.4%。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("price.open_change_pct|-5.06"), "低 after 较招股价 is a fall of the open");
        Assert.That(claims, Does.Contain("price.midday_change_pct|2.4"), "高出 a rise of the midday price");
    }

    [Test]
    public void A_rate_that_widened_intraday_is_the_intraday_change()
    {
        // As 經濟通 writes it (Traditional, converted): 跌幅一度擴大到….
        const string text = "云帆电子（02099.HK）今日在港交所主板挂牌上市。該股開盤就跌破發行價，跌幅一度擴大到12.5%，最低跌至14.0港元，其後收報15.8港元。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("price.intraday_change_pct|-12.5"), "一度 between the rate and its verb names the intraday extreme");
        Assert.That(claims, Does.Contain("price.intraday_low|14"));
    }

    [Test]
    public void A_market_value_computed_from_the_deal_terms_is_the_value_at_the_offer()
    {
        const string text = "云帆电子（02099.HK）今日公布配售结果。据财经网站了解，云帆电子共计发售5000万股，发行后总股本约4亿股。"
                            + "据此计算，该公司此次IPO募资总额约为7.6亿港元，总市值约为60.8亿港元。\n\n"
                            + "云帆电子今日在港交所上市，首日收报14.8港元。据此计算，总市值约为59.2亿港元。另一方面，按发行价计算，公司估值约为7.8亿美元。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ipo.market_cap_at_offer|6080000000"), "据此计算 after the offering's terms");
        Assert.That(claims, Does.Contain("market_cap|5920000000"), "据此计算 after a closing price is the day's market value");
        Assert.That(claims, Does.Contain("ipo.market_cap_at_offer|780000000"), "按发行价计算 says it outright");
    }

    [Test]
    public void Shares_after_reallocation_belong_to_the_tranche_the_sentence_names()
    {
        // As aggregators write an allotment result.
        const string text = "云帆电子（02099.HK）公布配发结果。在公开发售阶段，云帆电子获得52.3倍认购，经重新分配及回补后的发售股份数量为1500万股。"
                            + "国际发售方面，云帆电子实现了3.1倍认购倍数，重新分配后最终发售股份数量为3500万股。公司全球发售股份总数为5000万股。\n\n"
                            + "云帆材料（02088.HK）的香港公开发售于12月3日开始，公司拟发行8000万股。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ipo.hk_offer_shares|15000000"));
        Assert.That(claims, Does.Contain("ipo.intl_offer_shares|35000000"));
        Assert.That(claims, Does.Contain("ipo.shares_offered|50000000"), "the global offering is named as such");
        Assert.That(claims, Does.Contain("ipo.shares_offered|80000000"), "a bare issue verb issues the offering, whatever its sentence names");
    }

    [Test]
    public void Cornerstones_share_of_the_final_offering_size()
    {
        const string text = "云帆电子（02099.HK）今日上市。公司引入三家基石投资者，合计投资5000万美元，占最终发行规模的21.5%。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Select(c => $"{c.Metric}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("ipo.cornerstone_pct_of_offering|21.5"));
    }

    [Test]
    public void A_brokers_count_holds_for_the_multiples_after_it_and_the_broker_owns_none()
    {
        const string text = "云帆电子（02099.HK）今日截止招股。综合券商资料，云帆电子录得约300亿港元孖展认购，较公开发售集资额1.2亿港元，超额认购249倍。"
                            + "数据显示，融资申购倍数高达180.5倍，超额认购超过200倍。仅富途平台融资认购倍数就近150倍。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Where(c => c.Metric == "ipo.public_subscription")
            .Select(c => $"{c.Entity}|{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Does.Contain("云帆电子|broker-estimate|249"), "孖展 earlier in the sentence");
        Assert.That(claims, Does.Contain("云帆电子|broker-estimate|200"), "融资申购 in the clause before");
        Assert.That(claims, Does.Contain("云帆电子|broker-estimate|150"), "the platform is the source, not the company");
        var final = Claims("云帆电子（02099.HK）公布配发结果。此前券商孖展数据显示超购2000倍，最终公开发售获1500倍认购。", new LocalDate(2025, 12, 1))
            .Where(c => c.Metric == "ipo.public_subscription").Select(c => $"{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(final, Does.Contain("|1500"), "the final count after a broker's is on its own basis");
        var own = Claims("云帆电子（02099.HK）今日截止招股。公司产品主要在线上销售，其中京东平台2024年交易额达3.2万亿元。", new LocalDate(2025, 12, 1));
        Assert.That(own.Where(c => c.Metric == "gmv").Select(c => c.Entity), Is.All.Not.EqualTo("云帆电子"), "a platform's own figure stays the platform's");
    }

    [Test]
    public void The_next_day_after_the_debut_is_the_next_trading_day()
    {
        // As a mainland daily writes a Hong Kong debut across a public holiday (1 October closes HKEX).
        const string text = "云帆黄金（02099.HK）于9月30日登陆港交所主板。该公司上市首日即大涨40.5%，股价从发行价20港元飙升至28.1港元，"
                            + "次日继续上涨8.2%至30.4港元，总市值突破600亿港元。";
        var rows = Bind(text, new LocalDate(2025, 10, 3));
        Assert.That(rows, Does.Contain("云帆黄金|price.close|2025-09-30|28.1 HKD|="));
        Assert.That(rows, Does.Contain("云帆黄金|price.close|2025-10-02|30.4 HKD|="), "the level the next day's move reached");
        Assert.That(rows, Does.Contain("云帆黄金|price.close_change_pct|2025-10-02|8.2 %|="));
        Assert.That(rows, Does.Contain("云帆黄金|market_cap|2025-10-02|60000000000 HKD|>"));
    }

    [Test]
    public void A_day_before_a_listing_day_phrase_is_the_listing_day()
    {
        // As 21财经 opens a debut story, published the day after.
        const string text = "12月1日，云帆电子（02099.HK）在港股上市首日开盘报15.20港元，较招股价低5.06%。";
        var rows = Bind(text, new LocalDate(2025, 12, 2));
        Assert.That(rows, Does.Contain("云帆电子|price.open|2025-12-01|15.2 HKD|="), "上市首日 holds the listing word 上市");
        Assert.That(rows, Does.Contain("云帆电子|price.open_change_pct|2025-12-01|-5.06 %|="));
    }

    [Test]
    public void Two_years_written_from_and_to_bound_the_levels_moved_between_them()
    {
        const string text = "上市以来，云帆食品（02099.HK）增长强劲，从2015年上市至2024年，公司营收从56亿元一路攀升至188亿元。";
        var rows = Bind(text, new LocalDate(2025, 6, 20));
        Assert.That(rows, Does.Contain("云帆食品|revenue|2015-01-01/2015-12-31|5600000000 CNY|="), "the level after 从 is the first year's");
        Assert.That(rows, Does.Contain("云帆食品|revenue|2024-01-01/2024-12-31|18800000000 CNY|="), "the level after 至 the last year's");
    }

    [Test]
    public void What_the_subject_counts_holds_for_the_cornerstone_share_after_it()
    {
        const string text = "云帆电子（02099.HK）今日上市。基石投资者及关联方通过基石投资和国际配售合计投资规模达12.6亿港元，占发行规模的31.5%。";
        var claims = Claims(text, new LocalDate(2025, 12, 1)).Where(c => c.Metric == "ipo.cornerstone_pct_of_offering")
            .Select(c => $"{c.Basis}|{c.Value.Value / 1.0m}").ToArray();
        Assert.That(claims, Is.EqualTo(new[] { "with-placement|31.5" }), "基石投资和国际配售 in the clause before");
    }

    [Test]
    public void A_comparative_against_the_year_ago_quarter_is_the_change_of_the_quarter_reported()
    {
        const string text = "云帆科技（09899.HK）公布2025年第三季度业绩。第三季度，公司毛利率为21.3%，较上年同期低3.2个百分点。";
        var rows = Bind(text, new LocalDate(2025, 11, 20));
        Assert.That(rows, Does.Contain("云帆科技|gross_margin_change_pp|2025-07-01/2025-09-30|-3.2 pp|="), "dated as the quarter, not the base");
    }

    [Test]
    public void An_intraday_price_after_a_fall_is_the_low_and_after_a_rise_the_high()
    {
        var fell = Bind("云帆汽车（09899.HK）今日在港交所挂牌上市，首日开盘即下跌1.98%，盘中跌幅一度超过10%至118港元。", new LocalDate(2025, 11, 5));
        Assert.That(fell, Does.Contain("云帆汽车|price.intraday_low|2025-11-05|118 HKD|="), "一度 after a fall word names the low");
        Assert.That(fell.Where(r => r.StartsWith("云帆汽车|price.intraday_high")), Is.Empty);
        var rose = Bind("云帆电子（02099.HK）今日在港交所挂牌上市，盘中一度上涨12%至22.4港元。", new LocalDate(2025, 12, 1));
        Assert.That(rose, Does.Contain("云帆电子|price.intraday_high|2025-12-01|22.4 HKD|="), "after a rise word it stays the high");
    }

    [Test]
    public void A_company_no_lexicon_knows_is_the_one_the_headline_and_the_body_open_with()
    {
        // 财联社-style debut flash about a company with no ticker written and no entry in the lexicon.
        const string text = "青岚机器人港股上市首日高开32%\n\n12月5日，青岚机器人正式在港交所主板挂牌上市。青岚机器人开盘报35.4港元，"
                            + "较发行价26.8港元上涨32.1%，总市值约210亿港元。";
        var rows = Bind(text, new LocalDate(2025, 12, 5));
        Assert.That(rows, Does.Contain("青岚机器人|price.open|2025-12-05|35.4 HKD|="));
        Assert.That(rows, Does.Contain("青岚机器人|market_cap|2025-12-05|21000000000 HKD|~"));
    }

    [Test]
    public void A_market_headline_makes_no_company()
    {
        const string text = "港股收评：恒指涨1.2%\n\n港股三大指数今日集体收涨，恒指收涨1.2%，科指涨2.1%。港股成交额2150亿港元。";
        Assert.That(Bind(text, new LocalDate(2025, 12, 5)), Is.Empty, "港股 opens the headline and the body, but it is a market");
    }
}
