using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pipeline.Facts;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

public class MetricLexiconTests
{
    [Test]
    public void The_lexicon_loads_with_the_metrics_the_issue_asks_for()
    {
        var lexicon = MetricLexicon.Chinese;
        string[] required =
        [
            "ipo.issue_price", "ipo.shares_offered", "ipo.gross_proceeds", "ipo.net_proceeds", "ipo.public_subscription",
            "ipo.intl_subscription", "ipo.cornerstone_amount", "ipo.cornerstone_investors", "price.open", "price.close",
            "price.intraday_high", "price.intraday_low", "price.open_change_pct", "price.close_change_pct",
            "price.intraday_change_pct", "market_cap", "revenue", "revenue_growth_pct", "net_profit", "net_loss",
            "adjusted_net_loss", "net_loss_growth_pct", "gross_margin_pct", "rd_expense", "rd_to_revenue_pct", "rd_staff_pct",
            "users", "paying_users", "funding_amount", "valuation", "cash", "cumulative_net_loss",
        ];
        Assert.That(required.Where(id => lexicon.Find(id) is null), Is.Empty);
        Assert.That(lexicon.Ratio("rd_expense", "revenue")?.Id, Is.EqualTo("rd_to_revenue_pct"));
    }

    [Test]
    public void Every_metric_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "metrics.md"));
        Assert.That(MetricLexicon.Chinese.Metrics.Select(m => m.Id).Where(id => !doc.Contains($"| `{id}` |")), Is.Empty);
    }

    [Test]
    public void A_bad_lexicon_fails_at_load_naming_the_problem()
    {
        var e = Assert.Throws<InvalidDataException>(() => MetricLexicon.Parse("metrics:\n  - id: x\n    units: [money]\n    change: y\n"));
        Assert.That(e!.Message, Does.Contain("y"));
        Assert.Throws<InvalidDataException>(() => MetricLexicon.Parse("metrics:\n  - id: x\n    units: [furlongs]\n"));
    }

    [Test]
    public void Longest_cue_wins()
    {
        var found = MetricLexicon.Chinese.Matcher.FindAll("研发开支占收入的百分比，净亏损，累计亏损");
        Assert.That(found.Where(f => f.Value.Kind == CueKind.Metric).Select(f => f.Value.Metric!.Id),
            Is.EqualTo(new[] { "rd_to_revenue_pct", "net_loss", "cumulative_net_loss" }));
    }

    private static readonly Regex TableId = new(@"^\|\s*`([a-z0-9_.]+)`\s*\|", RegexOptions.Multiline);

    private static IEnumerable<string> TableIds(string markdown) => TableId.Matches(markdown).Select(m => m.Groups[1].Value).Distinct();

    private static string MetricsDoc => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "metrics.md"));

    private static IEnumerable<string> CuelessOrUndefined(IEnumerable<string> ids)
    {
        var lexicon = MetricLexicon.Chinese;
        var cued = lexicon.Cues.Where(c => c.Kind == CueKind.Metric && c.Metric is not null).Select(c => c.Metric!.Id).ToHashSet();
        return ids.Where(id => lexicon.Find(id) is null || !cued.Contains(id));
    }

    [Test]
    public void Every_id_of_the_gold_catalogue_is_defined_with_a_chinese_cue()
    {
        var catalogue = File.ReadAllText(TestPaths.RequireShared(Path.Combine("dev-articles", "METRICS.md")));
        // The id tables follow this heading (the basis table before it lists basis values, not ids).
        const string heading = "## Ids not in docs/metrics.md";
        Assert.That(catalogue, Does.Contain(heading));
        var ids = TableIds(catalogue[catalogue.IndexOf(heading, StringComparison.Ordinal)..]).ToList();
        Assert.That(ids, Has.Count.GreaterThan(50), "METRICS.md tables were read");
        Assert.That(CuelessOrUndefined(ids), Is.Empty);
    }

    [Test]
    public void Every_documented_id_is_defined_with_a_chinese_cue_and_every_lexicon_id_is_documented()
    {
        var doc = MetricsDoc;
        var documented = TableIds(doc).ToList();
        Assert.That(documented, Has.Count.GreaterThan(100));
        Assert.That(CuelessOrUndefined(documented), Is.Empty);
        var ids = MetricLexicon.Chinese.Metrics.Concat(MetricLexicon.English.Metrics).Select(m => m.Id).Distinct();
        Assert.That(ids.Where(id => !doc.Contains($"| `{id}` |")), Is.Empty);
    }

    [Test]
    public void No_phrase_is_defined_twice_in_a_lexicon()
    {
        // The matcher keeps one payload per phrase: a second definition would be dropped without a word.
        foreach (var (name, lexicon, comparer) in new[]
                 {
                     ("zh-Hans", MetricLexicon.Chinese, StringComparer.Ordinal),
                     ("en", MetricLexicon.English, StringComparer.OrdinalIgnoreCase),
                 })
        {
            var twice = lexicon.Cues.GroupBy(c => c.Phrase, comparer).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Metric?.Id ?? c.Kind.ToString()))}");
            Assert.That(twice, Is.Empty, name);
        }
    }

    [Test]
    public void Each_level_names_its_growth_quarter_on_quarter_points_and_guidance_ids()
    {
        var lexicon = MetricLexicon.Chinese;
        var problems = new List<string>();
        foreach (var m in lexicon.Metrics)
        {
            var stem = m.Id.EndsWith("_pct", StringComparison.Ordinal) ? m.Id[..^4] : m.Id;
            void Expect(string id, string? named, string field)
            {
                if (lexicon.Find(id) is not null && named != id) problems.Add($"{m.Id}: {field} should be {id}, is {named ?? "unset"}");
            }
            if (!m.Id.EndsWith("_pct", StringComparison.Ordinal))
            {
                Expect(m.Id + "_growth_pct", m.Change, "change");
                Expect(m.Id + "_qoq_growth_pct", m.ChangeQoq, "change_qoq");
            }
            else
            {
                Expect(stem + "_change_pp", m.ChangePoints, "change_pp");
                Expect(stem + "_qoq_change_pp", m.ChangePointsQoq, "change_pp_qoq");
            }
            if (!m.Id.StartsWith("guidance.", StringComparison.Ordinal)) Expect("guidance." + m.Id, m.Guidance, "guidance");
        }
        Assert.That(problems, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(lexicon.Find("revenue")!.ChangeQoq, Is.EqualTo("revenue_qoq_growth_pct"));
            Assert.That(lexicon.Find("gross_margin_pct")!.ChangePoints, Is.EqualTo("gross_margin_change_pp"));
            Assert.That(lexicon.Find("gross_margin_pct")!.ChangePointsQoq, Is.EqualTo("gross_margin_qoq_change_pp"));
            Assert.That(lexicon.Find("deliveries")!.Guidance, Is.EqualTo("guidance.deliveries"));
            Assert.That(lexicon.Find("guidance.revenue")!.Change, Is.EqualTo("guidance.revenue_growth_pct"));
            // The English lexicon borrows the Chinese definitions, and with them the ids they name.
            Assert.That(MetricLexicon.English.Find("revenue_qoq_growth_pct"), Is.SameAs(lexicon.Find("revenue_qoq_growth_pct")));
        });
    }

    [Test]
    public void The_new_fields_and_marker_kinds_are_parsed_and_checked()
    {
        const string yaml = """
            metrics:
              - id: sales
                units: [money]
                change: sales_growth_pct
                change_qoq: sales_qoq_growth_pct
                guidance: guidance.sales
                cues: [销售额]
              - id: sales_growth_pct
                units: [percent]
              - id: sales_qoq_growth_pct
                units: [percent]
              - id: guidance.sales
                units: [money]
              - id: margin_pct
                units: [percent]
                change_pp: margin_change_pp
                change_pp_qoq: margin_qoq_change_pp
              - id: margin_change_pp
                units: [points]
              - id: margin_qoq_change_pp
                units: [points]
            markers:
              qoq: [环比]
              yoy: [同比]
              guidance: [预计]
            """;
        var lexicon = MetricLexicon.Parse(yaml);
        var sales = lexicon.Find("sales")!;
        Assert.That((sales.Change, sales.ChangeQoq, sales.Guidance), Is.EqualTo(("sales_growth_pct", "sales_qoq_growth_pct", "guidance.sales")));
        var margin = lexicon.Find("margin_pct")!;
        Assert.That((margin.ChangePoints, margin.ChangePointsQoq), Is.EqualTo(("margin_change_pp", "margin_qoq_change_pp")));
        Assert.That(lexicon.Matcher.FindAll("预计销售额同比、环比").Select(f => f.Value.Kind),
            Is.EqualTo(new[] { CueKind.Guidance, CueKind.Metric, CueKind.YearOnYear, CueKind.QuarterOnQuarter }));
        foreach (var field in new[] { "change_qoq", "change_pp", "change_pp_qoq", "guidance" })
        {
            var e = Assert.Throws<InvalidDataException>(() => MetricLexicon.Parse($"metrics:\n  - id: x\n    units: [money]\n    {field}: missing_id\n"));
            Assert.That(e!.Message, Does.Contain("missing_id").And.Contain(field));
        }
    }

    private static IEnumerable<string> Kinds(MetricLexicon lexicon, string text) =>
        lexicon.Matcher.FindAll(text).Where(f => f.Value.Kind != CueKind.Ignore)
            .Select(f => f.Value.Kind == CueKind.Metric ? f.Value.Metric!.Id : f.Value.Kind.ToString());

    [TestCase("阿里巴巴第三季度收入按年升5%至2478亿元", new[] { "revenue", "YearOnYear", "Rise" })]
    [TestCase("营业额按季计亦增19.2%", new[] { "revenue", "QuarterOnQuarter", "Rise" })]
    [TestCase("经调整净亏损为27.35亿元，同比收窄38%，环比收窄33.7%", new[] { "adjusted_net_loss", "YearOnYear", "Fall", "QuarterOnQuarter", "Fall" })]
    [TestCase("毛利率环比提高3.9个百分点", new[] { "gross_margin_pct", "QuarterOnQuarter", "Rise" })]
    [TestCase("股东应占溢利按年跌72%", new[] { "net_profit", "YearOnYear", "Fall" })]
    [TestCase("期内毛利按年增长50.7%", new[] { "SamePeriod", "gross_profit", "YearOnYear", "Rise" })]
    [TestCase("每股盈利按年减少3%，经营溢利大增", new[] { "eps", "YearOnYear", "Fall", "operating_profit", "Rise" })]
    [TestCase("除税前溢利按年多两成，纯利飙升", new[] { "profit_before_tax", "YearOnYear", "Rise", "net_profit", "Rise" })]
    [TestCase("公司预计第四季度交付量将介乎12万辆至12.5万辆", new[] { "Guidance", "deliveries" })]
    [TestCase("经营亏损按年少3亿元，市场预期至少多达", new[] { "operating_loss", "YearOnYear", "Fall" })]
    [TestCase("盈利能力改善，资本开支约1200亿元，自由现金流为-89亿元", new[] { "capex", "free_cash_flow" })]
    [TestCase("一手中签率100%，每手股数为600股，入场费约5000港元", new[] { "ipo.one_lot_success_rate_pct", "ipo.board_lot_shares", "ipo.entry_fee" })]
    public void Chinese_outlet_wording_is_read(string text, string[] expected) =>
        Assert.That(Kinds(MetricLexicon.Chinese, text), Is.EqualTo(expected));

    [TestCase("Revenue rose 5% year-on-year and fell 2% sequentially", new[] { "revenue", "Rise", "YearOnYear", "Fall", "QuarterOnQuarter" })]
    [TestCase("Net income jumped 30% from a year earlier", new[] { "net_profit", "Rise", "YearOnYear" })]
    [TestCase("Adjusted net income surged, while non-GAAP net income per ADS climbed", new[] { "net_profit", "Rise", "eps_ads", "Rise" })]
    [TestCase("The net loss narrowed, the operating loss widened and gross margin slipped", new[] { "net_loss", "Fall", "operating_loss", "Rise", "gross_margin_pct", "Fall" })]
    [TestCase("Operating income declined and operating profit dropped, gross profit grew", new[] { "operating_profit", "Fall", "operating_profit", "Fall", "gross_profit", "Rise" })]
    [TestCase("Diluted earnings per share increased and earnings per share decreased", new[] { "eps_diluted", "Rise", "eps", "Fall" })]
    [TestCase("Deliveries were up, vehicles delivered were higher, free cash flow was lower", new[] { "deliveries", "Rise", "deliveries", "Rise", "free_cash_flow", "Fall" })]
    [TestCase("Capital expenditure was down; gross merchandise volume was up", new[] { "capex", "Fall", "gmv", "Rise" })]
    [TestCase("The company expects revenue guidance of", new[] { "Guidance", "guidance.revenue" })]
    [TestCase("Earnings per share were RMB 2.04, or RMB 2.01 diluted, on a fully diluted basis", new[] { "eps", "eps_diluted" })]
    [TestCase("The IPO was oversubscribed; cornerstone investors took part", new[] { "ipo.public_subscription", "ipo.cornerstone_investors" })]
    [TestCase("Shares opened at HK$57 and closed at HK$60, giving a market capitalisation of", new[] { "price.open", "price.close", "market_cap" })]
    public void English_wire_wording_is_read(string text, string[] expected) =>
        Assert.That(Kinds(MetricLexicon.English, text), Is.EqualTo(expected));

    [Test]
    public void Rise_and_fall_words_of_real_outlets_are_markers()
    {
        static CueKind? KindOf(MetricLexicon lexicon, string phrase) =>
            lexicon.Matcher.FindAll(phrase) is [{ Start: 0 } one] && one.End == phrase.Length ? one.Value.Kind : null;
        Assert.Multiple(() =>
        {
            foreach (var w in new[] { "升", "增", "多", "大增", "飙升", "涨", "增长", "上升" }) Assert.That(KindOf(MetricLexicon.Chinese, w), Is.EqualTo(CueKind.Rise), w);
            foreach (var w in new[] { "跌", "减", "少", "收窄", "下降", "减少" }) Assert.That(KindOf(MetricLexicon.Chinese, w), Is.EqualTo(CueKind.Fall), w);
            foreach (var w in new[] { "rose", "jumped", "surged", "climbed", "grew", "increased", "up", "higher", "widened" })
                Assert.That(KindOf(MetricLexicon.English, w), Is.EqualTo(CueKind.Rise), w);
            foreach (var w in new[] { "fell", "declined", "dropped", "slipped", "narrowed", "decreased", "down", "lower" })
                Assert.That(KindOf(MetricLexicon.English, w), Is.EqualTo(CueKind.Fall), w);
            // Words that hold one of them but are no change.
            foreach (var w in new[] { "至少", "多达", "少数", "新增" }) Assert.That(KindOf(MetricLexicon.Chinese, w), Is.EqualTo(CueKind.Ignore), w);
        });
    }
}
