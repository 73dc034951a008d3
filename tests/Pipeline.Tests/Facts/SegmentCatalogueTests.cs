using System;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Facts.Binding;

namespace Pipeline.Tests.Facts;

/// <summary>Segments under the company's own name for them (entities.yaml <c>segments</c>): sentences written the way
/// 财联社 and 經濟通 write results (invented figures), through the default pipeline.</summary>
public class SegmentCatalogueTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipelineBuilder.CreateDefault().Build();

    private static string[] Bind(string text)
    {
        var raw = new RawDocument("seg-test", "seg-test.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new LocalDate(2025, 11, 26), Language = "zh-Hans" });
        var rows = Pipeline.Process(raw).Claims.Select(c => $"{c.Entity}|{c.Metric}|{c.Segment}|{c.Value.Value / 1.0000000000m}").ToArray();
        foreach (var r in rows) TestContext.Out.WriteLine(r);
        return rows;
    }

    [Test]
    public void Coverage_names_of_a_reported_segment_become_the_company_s_name()
    {
        const string text = "阿里巴巴集团（09988.HK）周二公布截至9月30日止季度业绩。季内，阿里云智能收入同比增长31%至371.2亿元；"
                            + "电商板块收入为1012.5亿元，同比增长8%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|revenue|云智能集团|37120000000"));
        Assert.That(rows, Does.Contain("阿里巴巴|revenue|电商业务|101250000000"));
    }

    [Test]
    public void A_segment_named_with_the_company_s_own_name_is_found()
    {
        const string text = "百度（09888.HK）公布第三季度业绩，期内百度核心业务营收251亿元，同比下降5%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("百度|revenue|百度核心|25100000000"));
    }

    [Test]
    public void Exports_are_the_channel_of_the_deliveries_they_count()
    {
        const string text = "比亚迪（01211.HK）公布，2025年10月新能源汽车销量为44.2万辆，其中出口8.4万辆，同比增长156%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("比亚迪|deliveries|出口|84000"));
        Assert.That(rows, Does.Contain("比亚迪|deliveries_growth_pct|出口|156"));
    }

    [Test]
    public void A_listed_segment_leading_the_sentence_is_the_segment_of_its_figures()
    {
        const string text = "网易（09999.HK）公布第二季度业绩。游戏及相关增值服务作为公司的核心业务，第二季度实现净收入228亿元，同比增长13.7%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("网易|revenue|游戏及相关增值服务|22800000000"));
    }

    [Test]
    public void A_list_of_segments_gives_each_figure_of_a_respectively_list_its_segment()
    {
        const string text = "网易（09999.HK）公布第三季度业绩。有道、云音乐业务收入分别为16.3亿元、20.4亿元。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("网易|revenue|有道|1630000000"));
        Assert.That(rows, Does.Contain("网易|revenue|云音乐|2040000000"));
    }

    [Test]
    public void A_span_of_quarters_gives_each_figure_of_a_respectively_list_its_quarter()
    {
        const string text = "云帆科技（09899.HK）的增长持续放缓，2024年二季度至2025年一季度的营收增速分别为86%、44%、24%和10%。";
        var raw = new RawDocument("seg-test", "seg-test.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new LocalDate(2025, 6, 3), Language = "zh-Hans" });
        var rows = Pipeline.Process(raw).Claims.Select(c => $"{c.Metric}|{c.Period.ToIsoString()}|{c.Value.Value / 1.0000000000m}").ToArray();
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            "revenue_growth_pct|2024-04-01/2024-06-30|86", "revenue_growth_pct|2024-07-01/2024-09-30|44",
            "revenue_growth_pct|2024-10-01/2024-12-31|24", "revenue_growth_pct|2025-01-01/2025-03-31|10",
        }));
    }

    [Test]
    public void A_reported_segment_as_the_subject_of_a_figure_is_its_revenue()
    {
        const string text = "蔚来（09866.HK）公布第三季度业绩。期内汽车销售按年增长12%至185亿元，按季升9%；汽车销售毛利率为13.1%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("蔚来|revenue|汽车销售|18500000000"));
        Assert.That(rows, Does.Contain("蔚来|revenue_growth_pct|汽车销售|12"));
        Assert.That(rows, Does.Contain("蔚来|gross_margin_pct|汽车销售|13.1"), "a metric word after the name is the figure's metric");
    }

    [Test]
    public void A_year_is_not_cut_into_quarters_for_a_list_of_quantities()
    {
        const string text = "云帆科技（09899.HK）公布，2024年营收、毛利、经营利润及净利润分别为120亿元、30亿元、12亿元和9亿元。";
        var raw = new RawDocument("seg-test", "seg-test.txt", System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new LocalDate(2025, 3, 20), Language = "zh-Hans" });
        var periods = Pipeline.Process(raw).Claims.Select(c => c.Period.ToIsoString()).ToList();
        Assert.That(periods, Has.None.Matches<string>(p => p.StartsWith("2024-04") || p.EndsWith("-03-31")));
    }

    [Test]
    public void A_company_without_listed_segments_keeps_the_segment_as_written()
    {
        var catalogue = new SegmentCatalogue(EntityLexicon.Default, ["业务", "板块"]);
        Assert.That(catalogue.Canonical("云帆汽车", "储能业务"), Is.EqualTo("储能业务"));
        Assert.That(catalogue.Canonical("百度", "智能云基础设施业务"), Is.EqualTo("AI云基础设施"));
        Assert.That(catalogue.Canonical("百度", "Baidu Core"), Is.EqualTo("百度核心"));
    }

    [Test]
    public void Two_segments_of_one_company_may_not_share_a_name()
    {
        var lexicon = EntityLexicon.Parse("""
            entities:
              - name: 云帆汽车
                segments:
                  汽车销售: [车辆]
                  其他销售: [车辆业务]
            """);
        Assert.That(() => new SegmentCatalogue(lexicon, ["业务"]), Throws.TypeOf<System.IO.InvalidDataException>());
    }

    [Test]
    public void A_sentence_goes_on_about_the_segment_its_earlier_clause_named()
    {
        const string text = "阿里巴巴（09988.HK）公布截至2025年9月30日止季度业绩。云智能集团收入按年增长26%至333.98亿元，"
                            + "经调整EBITA录29.54亿元，按年多26%；集团经调整EBITA则按年跌5%至407亿元。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|ebita|云智能集团|2954000000"));
        Assert.That(rows, Does.Contain("阿里巴巴|ebita_growth_pct|云智能集团|26"));
        Assert.That(rows, Does.Contain("阿里巴巴|ebita||40700000000"), "集团 puts the figure back on the whole company");
    }

    [Test]
    public void A_segment_before_a_parenthesis_that_explains_it_is_the_segment()
    {
        const string text = "阿里巴巴（09988.HK）公布截至2025年9月30日止季度业绩：中国电商集团（包括淘天、即时零售及中国批发业务）季度收入为1,189亿元，同比增长9%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|revenue|中国电商集团|118900000000"));
    }

    [Test]
    public void Each_change_of_a_respectively_list_is_the_change_of_its_listed_segment()
    {
        const string text = "网易（09999.HK）公布2025年第一季度业绩。公司实现营收288亿元，游戏、有道、云音乐业务同比分别增长12.1%/3.4%/8.9%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("网易|revenue_growth_pct|游戏及相关增值服务|12.1"));
        Assert.That(rows, Does.Contain("网易|revenue_growth_pct|有道|3.4"));
        Assert.That(rows, Does.Contain("网易|revenue_growth_pct|云音乐|8.9"));
    }

    [Test]
    public void A_period_word_closing_the_segment_phrase_is_no_part_of_the_name()
    {
        const string text = "阿里巴巴（09988.HK）公布截至2025年9月30日止季度业绩。阿里云季度收入同比增长28%至361.5亿元，增速创新高。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|revenue|云智能集团|36150000000"));
    }

    [Test]
    public void A_profit_word_right_after_another_line_is_that_line_s_verb()
    {
        const string text = "阿里巴巴（09988.HK）公布截至2025年9月30日止季度业绩。国际数字商业集团经调整EBITA盈利1.62亿元，实现季度扭亏为盈。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|ebita|国际数字商业集团|162000000"));
        Assert.That(rows.Where(r => r.Contains("|net_profit|")), Is.Empty);
    }

    [Test]
    public void The_clause_after_a_semicolon_goes_on_about_the_segment_before_it()
    {
        const string text = "阿里巴巴（09988.HK）公布截至9月30日止季度业绩。至于阿里国际数字商业集团，收入为325.1亿元，按年增长19%；经调整EBITA录得4.8亿元，按年多34%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("阿里巴巴|ebita|国际数字商业集团|480000000"));
        Assert.That(rows, Does.Contain("阿里巴巴|ebita_growth_pct|国际数字商业集团|34"));
    }

    [Test]
    public void A_clause_after_a_semicolon_that_names_its_own_period_is_a_new_item()
    {
        const string text = "云帆新能源（09899.HK）公布第三季度业绩。储能业务收入按年增长40%至32.5亿元；10月共交付储能系统1,250套。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("云帆新能源|revenue|储能|3250000000"));
        Assert.That(rows.Where(r => r.Contains("|deliveries|") && !r.Contains("|deliveries||")), Is.Empty,
            "the October deliveries are the company's, not the energy-storage line's");
    }

    [Test]
    public void The_segments_of_a_respectively_list_leave_no_topic_behind_them()
    {
        const string text = "网易（09999.HK）公布2025年第一季度业绩。公司实现营收288亿元，游戏、有道业务同比分别增长12.1%/3.4%；实现毛利润184亿元，同比增长12.0%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("网易|gross_profit||18400000000"));
    }

    [Test]
    public void The_trade_word_of_the_company_s_own_name_is_no_segment()
    {
        const string text = "理想汽车（02015.HK）公布第三季度业绩。季内理想汽车汽车总交付量为80,512辆，同比减少12.5%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("理想汽车|deliveries||80512"));
        Assert.That(rows, Does.Contain("理想汽车|deliveries_growth_pct||-12.5"));
    }

    [Test]
    public void Segment_names_compare_without_a_sales_ending_and_with_any_conjunction()
    {
        var catalogue = new SegmentCatalogue(EntityLexicon.Default, ["业务", "板块", "销售", "服务"], ["及", "和", "与", "以及"]);
        Assert.That(catalogue.Canonical("蔚来", "其他业务"), Is.EqualTo("其他销售"));
        Assert.That(catalogue.Canonical("京东", "平台和广告"), Is.EqualTo("平台及广告服务"));
        Assert.That(catalogue.Canonical("京东", "电子产品与家用电器"), Is.EqualTo("电子产品及家用电器"));
        Assert.That(catalogue.Canonical("云帆汽车", "其他业务"), Is.EqualTo("其他业务"), "a company the lexicon lists no segments for keeps the written name");
    }

    [Test]
    public void An_anaphor_before_a_net_revenue_cue_takes_the_segment_just_named()
    {
        const string text = "网易（09999.HK）公布2024年业绩。游戏及相关增值服务作为网易的核心业务，2024年净营收836亿元。第四季度该板块净营收212亿元，与上年同期持平。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("网易|revenue|游戏及相关增值服务|21200000000"));
    }

    [Test]
    public void Taiwan_words_in_a_segment_name_compare_as_the_mainland_word()
    {
        // As a Taipei outlet (鉅亨網) writes a Lenovo quarter, converted to Simplified characters only.
        const string text = "聯想集團（00992.HK）公布第一季度業績，人工智能伺服器業務收入同比增長超過一倍，個人電腦出貨量按年增長9%。";
        var rows = Bind(text);
        Assert.That(rows, Does.Contain("联想集团|revenue_growth_pct|人工智能服务器|100"));
    }
}
