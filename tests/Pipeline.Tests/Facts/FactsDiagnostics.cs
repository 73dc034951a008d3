using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

[Explicit("prints claims and unbound mentions of the seed corpus for review")]
public class CorpusDump
{
    [Test]
    public void Dump()
    {
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        foreach (var item in new CorpusReader(Path.Combine(TestPaths.Corpus, "manifest.csv")).Read([TestPaths.Corpus]).OfType<DocumentInput>())
        {
            var r = pipeline.Process(item.Document);
            TestContext.Out.WriteLine($"=== {r.Document.Id} {r.Status} {r.QuarantineReason} claims={r.Claims.Count} unbound={r.Unbound.Count} mentions={r.Mentions.Count}");
            foreach (var c in r.Claims) TestContext.Out.WriteLine($"  {ClaimBinderTests.Row(c)}   «{r.Document.Original.Substring(c.Provenance.SourceSpan.Start, c.Provenance.SourceSpan.Length)}»");
            foreach (var m in r.Unbound) TestContext.Out.WriteLine($"  UNBOUND {m.Kind} «{m.Text}» {m.Value}");
            foreach (var m in r.Mentions) TestContext.Out.WriteLine($"  MENTION {m.Span} {m.Kind} «{m.Text}» {m.Value}");
            if (r.Document.Id.StartsWith("003")) TestContext.Out.WriteLine(r.Clean.Text);
        }
    }
}

[Explicit("prints what the recognizers find in a sentence")]
public class RecognizeDump
{
    [TestCase("市场数据显示，智谱首日上市开盘价 120 港元 / 股，较 116.2 港元的发行价上涨 3.3%，1 月 16 日收盘价 250 港元，市值达 1100 亿港元")]
    [TestCase("2022 年至 2024 年各年度，智谱分别录得净亏损 1.44 亿元、7.88 亿元和 29.58 亿元，2025 年上半年净亏损为 23.58 亿元，亏损额同比扩大 91%。")]
    [TestCase("智谱研发开支从2022年的8440万元增长到2024年的21.95亿元，2025年上半年的研发开支甚至是当期收入的8倍以上。")]
    [TestCase("2022 年至 2024 年各年度,智谱分别录得净亏损 1.44 亿元、7.88 亿元和 29.58 亿元,2025 年上半年净亏损为 23.58 亿元,亏损额同比扩大 91%。")]
    [TestCase("从收入来看,智谱2022年至2024年,分别实现营收5740万元、1.245亿元、3.124亿元,但研发和算力成本具有明显刚性。对应的结果是虧损持续扩大,2024年上半年净亏损约1亿元,2025年上半年进一步增至约1.9亿元")]
    public void Recognize(string text)
    {
        foreach (var m in Pipeline.Recognition.RecognitionExtensions.CreateChineseModel().Recognize(text, Pipeline.Recognition.RecognitionContext.Chinese(new NodaTime.LocalDate(2026, 1, 9))))
            TestContext.Out.WriteLine($"{m.Kind} «{m.Text}» {m.Value}");
    }
}

[Explicit("measures binding throughput on the seed corpus (Release recommended)")]
public class BindingThroughput
{
    [Test]
    public void Measure()
    {
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var inputs = new CorpusReader(Path.Combine(TestPaths.Corpus, "manifest.csv")).Read([TestPaths.Corpus]).OfType<DocumentInput>()
            .Select(i => pipeline.Process(i.Document))
            .Select(r => new Pipeline.Facts.BindingInput(r.Clean.Text, r.Segments, r.Mentions, r.Document, r.Metadata)).ToList();
        var binder = Pipeline.Facts.ClaimBinder.CreateChinese();
        foreach (var i in inputs) binder.Bind(i);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var n = 0;
        while (clock.ElapsedMilliseconds < 3000) { foreach (var i in inputs) binder.Bind(i); n += inputs.Count; }
        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var chars = inputs.Sum(i => i.Text.Length) * (double)n / inputs.Count;
        TestContext.Out.WriteLine($"{n / clock.Elapsed.TotalSeconds:F0} articles/s wall, {n / cpu:F0} articles per CPU-second, {chars / cpu / 1e6:F2} M chars per CPU-second");
        var finder = new Pipeline.Facts.EntityFinder(Pipeline.Facts.EntityLexicon.Chinese);
        clock.Restart(); n = 0;
        while (clock.ElapsedMilliseconds < 1000) { foreach (var i in inputs) finder.Find(i.Text); n += inputs.Count; }
        TestContext.Out.WriteLine($"entities: {n / clock.Elapsed.TotalSeconds:F0} articles/s");
        clock.Restart(); n = 0;
        while (clock.ElapsedMilliseconds < 1000) { foreach (var i in inputs) Pipeline.Facts.MetricLexicon.Chinese.Matcher.FindAll(i.Text); n += inputs.Count; }
        TestContext.Out.WriteLine($"cues: {n / clock.Elapsed.TotalSeconds:F0} articles/s");
    }
}
