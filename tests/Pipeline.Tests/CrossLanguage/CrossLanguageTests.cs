using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.CrossLanguage;

/// <summary>
/// A Chinese and an English report of one invented listing: matching figures must land on the same key and be
/// agreed with both documents listed; the deliberate contradiction (first-half revenue written ten times too small
/// in English) must be a conflict diagnosed as a magnitude slip.
/// </summary>
public class CrossLanguageTests
{
    private const string Chinese = """
        云帆汽车在港交所上市

        2026年3月18日，杭州云帆汽车股份有限公司（以下简称云帆汽车，09876.HK）正式在香港联合交易所主板挂牌上市，发行价为每股28.50港元，首日开盘价31.20港元。

        招股书显示，云帆汽车2024年营收为45.6亿元，净亏损12.3亿元；2025年上半年营收为30.1亿元。
        """;

    private const string English = """
        Yunfan Auto makes its Hong Kong debut

        Yunfan Auto (09876.HK) began trading on the Hong Kong stock exchange on March 18, 2026. The shares were priced at HK$28.50 each and opened at HK$31.20 on the first day.

        According to its prospectus, Yunfan Auto's revenue in 2024 was RMB 4.56 billion and its net loss was RMB 1.23 billion. Revenue in the first half of 2025 was RMB 301 million.
        """;

    [Test]
    public void Chinese_and_English_reports_reconcile_into_one_fact_table()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-xlang-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        try
        {
            File.WriteAllText(Path.Combine(input, "zh.txt"), Chinese);
            File.WriteAllText(Path.Combine(input, "en.txt"), English);
            File.WriteAllText(Path.Combine(input, "manifest.csv"),
                "file,outlet,url,published,language\nzh.txt,财经日报,,2026-03-18,zh-Hans\nen.txt,Harbour Wire,,2026-03-18,en\n");
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
                .Run(new BatchOptions { Inputs = [input], OutDir = outDir });

            var facts = File.ReadAllLines(Path.Combine(outDir, "facts.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            string[] Fact(string metric, string period) =>
                facts.SingleOrDefault(f => f[0] == "云帆汽车" && f[1] == metric && f[4] == period)
                ?? throw new AssertionException($"no fact 云帆汽车 {metric} {period} in\n{string.Join("\n", facts.Select(f => string.Join(',', f)))}");

            foreach (var (metric, period, value) in new[]
                     {
                         ("ipo.issue_price", "2026-03-18", "28.5"),
                         ("price.open", "2026-03-18", "31.2"),
                         ("revenue", "2024-01-01/2024-12-31", "4560000000"),
                         ("net_loss", "2024-01-01/2024-12-31", "1230000000"),
                     })
            {
                var f = Fact(metric, period);
                Assert.That(f[6], Is.EqualTo(value), metric);
                Assert.That(f[9], Is.EqualTo("agreed"), metric);
                Assert.That(f[11], Does.Contain("en").And.Contain("zh"), $"{metric}: both documents are listed");
            }

            var h1 = Fact("revenue", "2025-01-01/2025-06-30");
            Assert.That(h1[9], Is.EqualTo("conflict"));
            var conflicts = File.ReadAllLines(Path.Combine(outDir, "conflicts.csv"));
            var diagnosis = Array.IndexOf(conflicts[0].Split(','), "diagnosis");
            Assert.That(conflicts.Where(l => l.StartsWith("云帆汽车,revenue,,,2025-01-01/2025-06-30,")).Select(l => l.Split(',')[diagnosis]),
                Does.Contain("magnitude-slip"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
