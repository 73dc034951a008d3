using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Tables;
using Pipeline.Text;

namespace Pipeline.Tests.Tables;

/// <summary>
/// Tables of each kind, written the way companies and blogs write them: a ragged Markdown table of an AI blog, a
/// filing's text table with the unit only in its header note, an HTML results table with rowspan and colspan, a table
/// squeezed into one line; tables that are not financial yield nothing; every table claim's offsets point at its cell
/// in the original.
/// </summary>
public class TableTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipelineBuilder.CreateDefault().Build());

    /// <summary>The stage alone, with a fixed entity (the seam), so that tests do not depend on entity finding.</summary>
    private static readonly TableStage Stage = new(TableLexicon.Default, [MetricLexicon.Chinese, MetricLexicon.English], new FixedEntity("星河"));

    private sealed class FixedEntity(string name) : IMainEntitySource
    {
        public string? MainEntity(BindingResult binding) => name;
    }

    private static List<Claim> Read(string text) =>
        Stage.Read(StageText.Original(text), BindingResult.Empty, new SourceDocument("t", "t", "", DocumentFormat.Text, text, DocumentMetadata.Empty),
            DocumentMetadata.Empty).Claims.Select(c => c.Claim).ToList();

    private static DocumentResult Process(string text, DocumentFormat format = DocumentFormat.Text)
    {
        var raw = new RawDocument("doc", "doc", Encoding.UTF8.GetBytes(text), format, DocumentMetadata.Empty);
        return Pipeline.Value.Process(raw);
    }

    private static Claim One(List<Claim> claims, string metric, string period, string segment = "", string basis = "")
    {
        var found = claims.Where(c => c.Metric == metric && c.Period.Label == period && c.Segment == segment && c.Basis == basis).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"{metric} {period} [{segment}|{basis}] in: " +
            string.Join("; ", claims.Select(c => $"{c.Metric} {c.Period.Label} {c.Segment}|{c.Basis} {c.Value}")));
        return found[0];
    }

    private const string BlogTable = """
        # Nimbus AI's second quarter, by the numbers

        Nimbus AI posted second-quarter results on Tuesday that beat Wall Street estimates, as cloud providers kept
        ordering its inference accelerators. Here is how the quarter stacked up against a year ago.

        | Metric | Q2 2025 | Q2 2024 | YoY |
        |---|---|---|---|
        | Revenue (US$ millions) | 1,284.6 | 912.3 | 40.8% |
        | Gross margin | 61.2% | 57.9% |
        | Net income (US$ millions) | 142.0 | (38.5) | - |
        | Employees | 3,410 | 2,950 | 15.6% | approx. |

        The company guided for third-quarter revenue of about $1.4 billion.
        """;

    [Test]
    public void Ragged_markdown_table_reads_every_row_it_can()
    {
        var claims = Read(BlogTable);
        Assert.That(One(claims, "revenue", "2025Q2").Value.Value, Is.EqualTo(1_284_600_000m));
        Assert.That(One(claims, "revenue", "2025Q2").Value.UnitCode, Is.EqualTo("USD"));
        Assert.That(One(claims, "revenue", "2024Q2").Value.Value, Is.EqualTo(912_300_000m));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q2").Value.Value, Is.EqualTo(40.8m));
        // A row with one cell fewer than the header.
        Assert.That(One(claims, "gross_margin_pct", "2025Q2").Value.Value, Is.EqualTo(61.2m));
        Assert.That(One(claims, "gross_margin_pct", "2024Q2").Value.Value, Is.EqualTo(57.9m));
        // A loss in parentheses is the loss metric's positive amount; a dash is no value.
        Assert.That(One(claims, "net_profit", "2025Q2").Value.Value, Is.EqualTo(142_000_000m));
        Assert.That(One(claims, "net_loss", "2024Q2").Value.Value, Is.EqualTo(38_500_000m));
        Assert.That(claims.Where(c => c.Metric.Contains("growth") && c.Provenance.Quote.Contains("Net income")), Is.Empty);
        Assert.That(claims.All(c => c.Entity == "星河" && c.Qualifier == global::Pipeline.Recognition.Qualifier.Exact));
        Assert.That(One(claims, "revenue", "2025Q2").AsWritten, Is.EqualTo("1,284.6"));
        Assert.That(One(claims, "revenue", "2025Q2").Provenance.Quote, Is.EqualTo("| Revenue (US$ millions) | 1,284.6 | 912.3 | 40.8% |"));
    }

    [Test]
    public void Markdown_table_without_separator_takes_its_first_row_as_header()
    {
        var text = BlogTable.Replace("|---|---|---|---|\n", "");
        var claims = Read(text);
        Assert.That(One(claims, "revenue", "2024Q2").Value.Value, Is.EqualTo(912_300_000m));
    }

    [Test]
    public void Markdown_table_squeezed_into_one_line()
    {
        const string text = "Key figures Nimbus AI reported strong Q2 results | Metric | Q2 2025 (US$ m) | Q2 2024 (US$ m) | YoY Change | " +
                            "| :--- | :--- | :--- | :--- | | Revenue | 1,284.6 | 912.3 | 40.8% | | Gross Margin | 61.2% | 57.9% | 3.3 percentage points | " +
                            "- Revenue growth was led by data-centre customers";
        var claims = Read(text);
        var revenue = One(claims, "revenue", "2025Q2");
        Assert.That(revenue.Value.Value, Is.EqualTo(1_284_600_000m));
        Assert.That(text.Substring(revenue.Provenance.SourceSpan.Start, revenue.Provenance.SourceSpan.Length), Is.EqualTo("1,284.6"));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q2").Value.Value, Is.EqualTo(40.8m));
        Assert.That(claims.Where(c => c.Period.Label == "2025Q2" && c.Metric == "gross_margin_pct").Single().Value.Value, Is.EqualTo(61.2m));
    }

    private const string FilingTable = """
        星河机器人有限公司今日公布截至2025年9月30日止三个月之未经审核综合业绩。董事会欣然宣布以下财务摘要。

        财务摘要
        （人民币百万元，除另有指明外）
                              截至九月三十日止三个月
                              2025年        2024年      同比变动
        收入                  1,659.8      1,264.1       31.3%
          智能驾驶解决方案     1,204.6        866.1       39.1%
          机器人                455.2        398.0       14.4%
        毛利率（%）             38.2         35.0
        净亏损                (212.4)      (305.7)          -

        报告期内，公司持续投入研发，研发人员占比超过六成。
        """;

    [Test]
    public void Filing_table_takes_currency_and_scale_from_the_header_note_and_periods_from_the_spanning_header()
    {
        var claims = Read(FilingTable);
        var revenue = One(claims, "revenue", "2025Q3");
        Assert.That(revenue.Value.Value, Is.EqualTo(1_659_800_000m));
        Assert.That(revenue.Value.UnitCode, Is.EqualTo("CNY"));
        Assert.That(revenue.Value.Precision, Is.EqualTo(100_000m));
        Assert.That(One(claims, "revenue", "2024Q3").Value.Value, Is.EqualTo(1_264_100_000m));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q3").Value.Value, Is.EqualTo(31.3m));
        Assert.That(One(claims, "gross_margin_pct", "2025Q3").Value.Value, Is.EqualTo(38.2m));
        Assert.That(One(claims, "net_loss", "2024Q3").Value.Value, Is.EqualTo(305_700_000m));
    }

    [Test]
    public void Indented_rows_are_segments_and_their_sum_is_checked_against_the_total()
    {
        var claims = Read(FilingTable);
        Assert.That(One(claims, "revenue", "2025Q3", segment: "智能驾驶解决方案").Value.Value, Is.EqualTo(1_204_600_000m));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q3", segment: "机器人").Value.Value, Is.EqualTo(14.4m));
        var table = Stage.Read(StageText.Original(FilingTable), BindingResult.Empty,
            new SourceDocument("t", "t", "", DocumentFormat.Text, FilingTable, DocumentMetadata.Empty), DocumentMetadata.Empty).Tables.Single();
        var check = table.Checks.Single(c => c.Period == "2025Q3");
        Assert.That(check.Agrees, Is.True);
        Assert.That(check.SumOfParts, Is.EqualTo(1_659_800_000m));
        // A table whose parts do not add up says so.
        var broken = FilingTable.Replace("455.2        398.0", "655.2        398.0");
        var bad = Stage.Read(StageText.Original(broken), BindingResult.Empty,
            new SourceDocument("t", "t", "", DocumentFormat.Text, broken, DocumentMetadata.Empty), DocumentMetadata.Empty).Tables.Single();
        Assert.That(bad.Checks.Single(c => c.Period == "2025Q3").Agrees, Is.False);
    }

    [Test]
    public void English_filing_table_with_periods_over_two_header_lines_and_labels_over_two_lines()
    {
        const string text = """
            Nimbus AI today announced its unaudited financial results for the second quarter ended June 30, 2025.
            Second Quarter 2025 Financial Highlights
            (In millions except per share, unaudited) Q2 Q1 Q2
            2024 2025 2025 YOY QOQ
            ------ ------ ------ ------ ------ ------
            RMB RMB RMB US$
            Total revenues 6,512 7,020 7,388 1,031 13 % 5 %
            Net income (loss) to
            Nimbus 412 (95) (120) (17) - -
            """;
        var claims = Read(text);
        Assert.That(One(claims, "revenue", "2024Q2").Value.Value, Is.EqualTo(6_512_000_000m));
        Assert.That(One(claims, "revenue", "2025Q1").Value.Value, Is.EqualTo(7_020_000_000m));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q2").Value.Value, Is.EqualTo(13m));
        var equivalent = One(claims, "revenue", "2025Q2", basis: Bases.StatedEquivalent);
        Assert.That(equivalent.Value.UnitCode, Is.EqualTo("USD"));
        Assert.That(equivalent.EquivalentOf, Is.EqualTo(One(claims, "revenue", "2025Q2").Id));
        Assert.That(One(claims, "net_profit", "2024Q2").Value.Value, Is.EqualTo(412_000_000m));
        Assert.That(One(claims, "net_loss", "2025Q1").Value.Value, Is.EqualTo(95_000_000m));
        Assert.That(One(claims, "net_loss", "2025Q1").Provenance.Quote, Does.StartWith("Net income (loss) to"));
    }

    [Test]
    public void Tables_that_are_not_financial_yield_no_claim()
    {
        const string schedule = """
            星河机器人将于下周举行投资者开放日，日程如下：

            | 日期 | 时间 | 活动 | 地点 |
            |---|---|---|---|
            | 11月18日 | 09:30 | 工厂参观 | 深圳南山 |
            | 11月18日 | 14:00 | 业绩说明会 | 201 会议室 |
            | 11月19日 | 10:00 | 路演 | 香港 |
            """;
        const string links = """
            Further reading

            | Resource | Link | Pages |
            |---|---|---|
            | Investor presentation | https://example.com/ir/deck.pdf | 42 |
            | Annual report 2024 | https://example.com/ir/ar2024.pdf | 236 |
            | Sustainability report | https://example.com/esg | 88 |
            """;
        const string timetable = """
            Shuttle timetable for the conference
            Route     Depart   Arrive   Seats
            Hotel A   0730     0815     45
            Hotel B   0745     0830     30
            Airport   0800     0905     50
            """;
        Assert.That(Read(schedule), Is.Empty);
        Assert.That(Read(links), Is.Empty);
        Assert.That(Read(timetable), Is.Empty);
    }

    private const string HtmlPage = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>星河机器人公布2025年第三季度业绩</title></head>
        <body><div class="nav"><a href="/">首页</a> <a href="/ir">投资者关系</a></div>
        <article>
        <h1>星河机器人公布2025年第三季度业绩</h1>
        <p>深圳，2025年11月12日 —— 星河机器人有限公司（以下简称“星河机器人”）今日公布截至2025年9月30日止三个月的未经审核业绩。
        受智能驾驶解决方案需求带动，星河机器人本季度收入按年增长逾三成，净亏损明显收窄。</p>
        <p>人民币百万元（除另有指明外）</p>
        <table>
          <thead>
            <tr><th colspan="2">项目</th><th colspan="2">截至九月三十日止三个月</th><th rowspan="2">同比变动</th></tr>
            <tr><th colspan="2"></th><th>2025年</th><th>2024年</th></tr>
          </thead>
          <tbody>
            <tr><td rowspan="3">收入</td><td>智能驾驶解决方案</td><td>1,204.6</td><td>866.1</td><td>39.1%</td></tr>
            <tr><td>机器人</td><td>455.2</td><td>398.0</td><td>14.4%</td></tr>
            <tr><td>总计</td><td>1,659.8</td><td>1,264.1</td><td>31.3%</td></tr>
            <tr><td colspan="2">净亏损</td><td>(212.4)</td><td>(305.7)</td><td>—</td></tr>
          </tbody>
        </table>
        <p>星河机器人表示，将继续加大研发投入，并计划于明年推出新一代仓储机器人产品。公司管理层在业绩会上表示，海外订单占比持续提升。</p>
        </article></body></html>
        """;

    [Test]
    public void Html_table_with_rowspan_and_colspan_becomes_claims_with_offsets_into_the_html()
    {
        var result = Process(HtmlPage, DocumentFormat.Html);
        Assert.That(result.Status, Is.EqualTo(DocumentStatus.Processed), result.QuarantineReason);
        Assert.That(result.Tables, Has.Count.EqualTo(1));
        var claims = result.Claims.Where(c => c.AsWritten.Length > 0 && result.Tables[0].Start <= c.Provenance.SourceSpan.Start
                                                                        && c.Provenance.SourceSpan.End <= result.Tables[0].End).ToList();
        Assert.That(One(claims, "revenue", "2025Q3").Value.Value, Is.EqualTo(1_659_800_000m));
        Assert.That(One(claims, "revenue", "2025Q3", segment: "智能驾驶解决方案").Value.Value, Is.EqualTo(1_204_600_000m));
        Assert.That(One(claims, "revenue", "2024Q3", segment: "机器人").Value.Value, Is.EqualTo(398_000_000m));
        Assert.That(One(claims, "revenue_growth_pct", "2025Q3").Value.Value, Is.EqualTo(31.3m));
        Assert.That(One(claims, "net_loss", "2025Q3").Value.Value, Is.EqualTo(212_400_000m));
        Assert.That(claims.Select(c => c.Entity).Distinct(), Is.EqualTo(new[] { "星河机器人" }));
        foreach (var c in claims)
            Assert.That(HtmlPage.Substring(c.Provenance.SourceSpan.Start, c.Provenance.SourceSpan.Length), Is.EqualTo(c.AsWritten), c.Metric);
    }

    [Test]
    public void Table_claims_through_the_pipeline_point_at_their_cells_in_the_original()
    {
        var text = "星河机器人有限公司（以下简称“星河机器人”）今日公布截至2025年9月30日止三个月之未经审核综合业绩，星河机器人收入同比增长31.3%。\n"
                   + FilingTable[FilingTable.IndexOf("财务摘要", StringComparison.Ordinal)..];
        var result = Process(text);
        Assert.That(result.Tables, Has.Count.EqualTo(1));
        var start = result.Tables[0].Start;
        var tableClaims = result.Claims.Where(c => c.Provenance.SourceSpan.Start >= start).ToList();
        Assert.That(tableClaims, Has.Count.GreaterThanOrEqualTo(10));
        foreach (var c in tableClaims)
            Assert.That(text.Substring(c.Provenance.SourceSpan.Start, c.Provenance.SourceSpan.Length), Is.EqualTo(c.AsWritten), c.Metric);
        Assert.That(One(tableClaims, "revenue", "2025Q3").Entity, Is.EqualTo("星河机器人"));
    }
}
