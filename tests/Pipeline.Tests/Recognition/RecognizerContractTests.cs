using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Bench;
using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>The cases the issue and the claim binder rely on, one per line: input, then the expected mentions.</summary>
public class RecognizerContractTests
{
    private static readonly RecognitionModel Model = RecognitionExtensions.CreateChineseModel();
    private static readonly LocalDate AsOf = new(2026, 1, 9);

    private static string Run(string text) =>
        string.Join("; ", Model.Recognize(text, RecognitionContext.Chinese(AsOf)).Select(m => $"{m.Kind.ToCode()} {m.Qualifier.ToSymbol()} {MentionFormat.Value(m.Value)}{(m.RangeEnd is { } r ? " .. " + MentionFormat.Value(r) : "")} |{m.Text}"));

    [TestCase("市值达 1100 亿港元", "money = 110000000000 HKD (±100000000) |1100 亿港元")]
    [TestCase("收入 8440 万元", "money = 84400000 CNY (±10000) |8440 万元")]
    [TestCase("21.954 亿元", "money = 2195400000 CNY (±100000) |21.954 亿元")]
    [TestCase("发行价 116.20 港元", "money = 116.2 HKD (±0.01) |116.20 港元")]
    [TestCase("73.7 百萬美元", "money = 73700000 USD (±100000) |73.7 百萬美元")]
    [TestCase("151至165港元", "money = 151 HKD (±1) .. 165 HKD (±1) |151至165港元")]
    [TestCase("38.34亿至41.89亿港元", "money = 3834000000 HKD (±1000000) .. 4189000000 HKD (±1000000) |38.34亿至41.89亿港元")]
    [TestCase("上涨 3.3%", "percentage = 3.3 % (±0.1) |3.3%")]
    [TestCase("百分之十二", "percentage = 12 % (±1) |百分之十二")]
    [TestCase("三成", "percentage = 30 % (±10) |三成")]
    [TestCase("下降 2.5 个百分点", "points = 2.5 pp (±0.1) |2.5 个百分点")]
    [TestCase("毛利率同比提升1.8pct", "points = 1.8 pp (±0.1) |1.8pct")]
    [TestCase("超额认购 1837 倍", "multiple = 1837 x (±1) |1837 倍")]
    [TestCase("超过一倍", "multiple > 1 x (±1) |一倍")]
    [TestCase("8倍以上", "multiple > 8 x (±1) |8倍")]
    [TestCase("约 3358 万股", "number ~ 33580000 shares (±10000) |3358 万")]
    [TestCase("14 名基石投资者", "number = 14 count (±1) |14")]
    [TestCase("共发行1468万份美国存托股票", "number = 14680000 shares (±10000) |1468万")]
    [TestCase("发行1468萬份美國存託股", "number = 14680000 shares (±10000) |1468萬")]
    [TestCase("2 亿多用户", "number > 200000000 (±100000000) |2 亿")]
    [TestCase("至少 5 亿元", "money >= 500000000 CNY (±100000000) |5 亿元")]
    [TestCase("最多 5 亿元", "money <= 500000000 CNY (±100000000) |5 亿元")]
    [TestCase("近 74%", "percentage < 74 % (±1) |74%")]
    [TestCase("三分之一", "number = 0.3333333333333333333333333333 (±0) |三分之一")]
    [TestCase("2025 年上半年", "period = 2025H1 [2025-01-01/2025-06-30] |2025 年上半年")]
    [TestCase("2025 年前 9 个月", "period = 2025-01..09 [2025-01-01/2025-09-30] |2025 年前 9 个月")]
    [TestCase("2022 年至 2024 年", "period = 2022..2024 [2022-01-01/2024-12-31] |2022 年至 2024 年")]
    [TestCase("2022-2024年", "period = 2022..2024 [2022-01-01/2024-12-31] |2022-2024年")]
    [TestCase("截至 2025 年 9 月 30 日止九个月", "period = 2025-01..09 [2025-01-01/2025-09-30] |截至 2025 年 9 月 30 日止九个月")]
    [TestCase("截至2025年9月30日止季度", "period = 2025Q3 [2025-07-01/2025-09-30] |截至2025年9月30日止季度")]
    [TestCase("实现三位数增长", "percentage >= 100 % (±0) |三位数")]
    [TestCase("净利润实现翻番", "percentage >= 100 % (±0) |翻番")]
    [TestCase("1 月 8 日上市", "date = 2026-01-08 [2026-01-08] |1 月 8 日")]
    [TestCase("今 (8) 日", "date = 2026-01-08 [2026-01-08] |今 (8) 日")]
    [TestCase("去年 7 月", "period = 2025-07 [2025-07-01/2025-07-31] |去年 7 月")]
    [TestCase("2025 年第三季度", "period = 2025Q3 [2025-07-01/2025-09-30] |2025 年第三季度")]
    [TestCase("2025 Q3", "period = 2025Q3 [2025-07-01/2025-09-30] |2025 Q3")]
    [TestCase("2025 年前三季度", "period = 2025-01..09 [2025-01-01/2025-09-30] |2025 年前三季度")]
    [TestCase("募资 HK$ 43 亿", "money = 4300000000 HKD (±100000000) |HK$ 43 亿")]
    [TestCase("US$2.5", "money = 2.5 USD (±0.1) |US$2.5")]
    [TestCase("RMB 300 万元", "money = 3000000 CNY (±10000) |RMB 300 万元")]
    [TestCase("￥300", "money = 300 CNY (±1) |￥300")]
    [TestCase("€ 15", "money = 15 EUR (±1) |€ 15")]
    [TestCase("十亿美元", "money = 1000000000 USD (±1000000000) |十亿美元")]
    [TestCase("1.5 万亿日元", "money = 1500000000000 JPY (±100000000000) |1.5 万亿日元")]
    [TestCase("3 亿新台币", "money = 300000000 TWD (±100000000) |3 亿新台币")]
    [TestCase("5 英镑", "money = 5 GBP (±1) |5 英镑")]
    [TestCase("每股 165 港元", "money = 165 HKD (±1) |165 港元")]
    [TestCase("千分之五", "percentage = 0.5 % (±0.1) |千分之五")]
    [TestCase("3‰", "percentage = 0.3 % (±0.1) |3‰")]
    [TestCase("下降 -2.5%", "percentage = -2.5 % (±0.1) |-2.5%")]
    [TestCase("负增长 3%", "percentage = 3 % (±1) |3%")]
    [TestCase("50 万左右", "number ~ 500000 (±10000) |50 万")]
    [TestCase("逾 200 名员工", "number > 200 count (±1) |200")]
    [TestCase("不足 10 家", "number < 10 count (±1) |10")]
    [TestCase("2025 H1", "period = 2025H1 [2025-01-01/2025-06-30] |2025 H1")]
    [TestCase("2025 年下半年", "period = 2025H2 [2025-07-01/2025-12-31] |2025 年下半年")]
    [TestCase("今年上半年", "period = 2026H1 [2026-01-01/2026-06-30] |今年上半年")]
    [TestCase("明年", "period = 2027 [2027-01-01/2027-12-31] |明年")]
    [TestCase("2025 年 1-9 月", "period = 2025-01..09 [2025-01-01/2025-09-30] |2025 年 1-9 月")]
    [TestCase("截至2024年12月31日止年度", "period = 2024 [2024-01-01/2024-12-31] |截至2024年12月31日止年度")]
    [TestCase("GLM-4.7 与 K2 模型", "")]
    [TestCase("2.0 版本", "")]
    [TestCase("第一名", "")]
    [TestCase("02513.HK", "")]
    public void Recognizes(string text, string expected) => Assert.That(Run(text), Is.EqualTo(expected));

    [Test]
    public void ListOfPeriodsGivesOneMentionPerItem()
    {
        var text = "2022 年、2023 年、2024 年以及截至 2024 年及 2025 年 9 月 30 日止九个月";
        var labels = Model.Recognize(text, RecognitionContext.Chinese(AsOf)).Select(m => m.Period!.Value.Label);
        Assert.That(labels, Is.EqualTo(new[] { "2022", "2023", "2024", "2024-01..09", "2025-01..09" }));
    }

    [Test]
    public void ConversionsAreLinked()
    {
        var mentions = Model.Recognize("累计亏损约 13.2 亿美元（92.93 亿元人民币）", RecognitionContext.Chinese(AsOf));
        Assert.That(mentions, Has.Count.EqualTo(2));
        Assert.That(mentions[0].EquivalentSpan, Is.EqualTo(mentions[1].Span));
        Assert.That(mentions[1].EquivalentSpan, Is.EqualTo(mentions[0].Span));
        Assert.That(mentions[0].Qualifier, Is.EqualTo(Qualifier.Approximate));
    }

    [Test]
    public void PerSharePricesAreFlagged()
    {
        var mentions = Model.Recognize("开盘价 120 港元 / 股，每股 165 港元", RecognitionContext.Chinese(AsOf));
        Assert.That(mentions.Select(m => m.IsPerShare), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void JsonLinesProtocol()
    {
        var input = new StringReader("{\"id\":\"a\",\"text\":\"市值 1100 亿港元\",\"asOf\":\"2026-01-09\"}\nnot json\n");
        var output = new StringWriter();
        var errors = MentionJsonLines.Run(input, output, null);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(errors, Is.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("{\"id\":\"a\",\"mentions\":[{\"kind\":\"money\",\"text\":\"1100 亿港元\",\"start\":3,\"end\":11,\"value\":110000000000,\"unit\":\"HKD\""));
    }

    [Test]
    public void BenchmarkReportsThroughput()
    {
        var result = RecognizerBenchmark.Run("市值达 1100 亿港元，2025 年上半年亏损 8440 万元。\n", rounds: 1);
        Assert.That(result.Mentions, Is.EqualTo(3));
        Assert.That(result.Characters, Is.GreaterThan(0));
    }
}
