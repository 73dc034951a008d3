using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// Hostile and broken input, generated here (no committed blobs). Each case must finish (a hang guard, not a speed
/// test), never throw, satisfy the offset invariants, and end processed or quarantined with a reason.
/// </summary>
public class BadInputTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipelineBuilder.CreateDefault().Build());

    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static DocumentResult Process(byte[] bytes, DocumentFormat format = DocumentFormat.Text, string id = "case")
    {
        var raw = new RawDocument(id, id, bytes, format, DocumentMetadata.Empty);
        // Hang guard: generous, so it never fails on a slow machine, only on a real hang.
        var task = Task.Run(() => Pipeline.Value.Process(raw));
        Assert.That(task.Wait(TimeSpan.FromSeconds(120)), Is.True, "processing did not finish: a hang");
        var result = task.Result;
        Invariants.Check(result);
        return result;
    }

    private static DocumentResult Process(string text, DocumentFormat format = DocumentFormat.Text) => Process(Encoding.UTF8.GetBytes(text), format);

    [Test]
    public void Empty_file_is_quarantined()
    {
        var r = Process([]);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.QuarantineReason, Does.Contain("empty"));
    }

    [Test]
    public void Binary_file_is_quarantined()
    {
        var png = new byte[4096];
        new Random(7).NextBytes(png);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }.CopyTo(png, 0);
        var r = Process(png);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.QuarantineReason, Does.Contain("binary"));
    }

    [Test]
    public void Invalid_utf8_is_decoded_with_a_diagnostic_not_a_silent_question_mark()
    {
        var bytes = Encoding.UTF8.GetBytes("公司营收增长。").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("净利润下降。")).ToArray();
        var r = Process(bytes);
        Assert.That(r.Diagnostics.Select(d => d.Code), Has.Some.StartsWith("decode."));
    }

    [Test]
    public void Gbk_without_a_declared_charset_decodes()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("北京时间今日，公司营收同比增长百分之十二，净利润为八亿元。");
        var r = Process(bytes);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Processed));
        Assert.That(r.Document.Original, Does.Contain("公司营收同比增长"));
    }

    [Test]
    public void Big5_declared_as_utf8_decodes_as_big5()
    {
        var body = "台北市今日下雨，市民出門帶傘。公司營收成長。";
        var html = "<html><head><meta charset=\"utf-8\"><title>新聞</title></head><body><p>" + body + "</p></body></html>";
        var bytes = Encoding.GetEncoding(950).GetBytes(html);
        var r = Process(bytes, DocumentFormat.Html);
        Assert.That(r.Document.Original, Does.Contain("台北市今日下雨"), "the declaration is wrong; the bytes win");
    }

    [Test]
    public void Nul_characters_pass_through_without_a_crash()
    {
        // A real article with a few stray NULs is text; a page that is mostly NULs may be called binary.
        var article = string.Concat(Enumerable.Repeat("公司今年营收增长 12%，净利润为 3.5 亿元。", 8));
        var r = Process(article[..40] + "\0" + article[40..90] + "\0\0" + article[90..]);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Processed));
        Assert.That(r.Mentions, Is.Not.Empty);
        Process("\0营\0收\0");
    }

    [Test]
    public void Unpaired_surrogates_in_text_and_jsonl_are_survived()
    {
        var raw = new RawDocument("s", "s", [], DocumentFormat.Text, DocumentMetadata.Empty) { Text = "营收\uD800增长\uDC00 12%。" };
        var r = Pipeline.Value.Process(raw);
        Invariants.Check(r);

        var item = CorpusReader.ParseJsonlLine("x.jsonl", 1, """{"id":"s","text":"营收\ud800增长 \\ud800 and \udc00"}""");
        Assert.That(item, Is.TypeOf<DocumentInput>());
        var doc = ((DocumentInput)item).Document;
        Assert.That(doc.Text, Does.Contain("\uFFFD"));
        Assert.That(doc.Text, Does.Contain("\\ud800"), "an escaped backslash is text, not an escape");
        Assert.That(doc.ReadDiagnostics.Single().Code, Is.EqualTo("input.lone-surrogate"));
    }

    [Test]
    public void A_50_MB_single_line_file_is_bounded()
    {
        var bytes = new byte[50 * 1024 * 1024];
        var pattern = Encoding.UTF8.GetBytes("营收增长12%，");
        for (var i = 0; i + pattern.Length <= bytes.Length; i += pattern.Length) pattern.CopyTo(bytes, i);
        for (var i = bytes.Length - bytes.Length % pattern.Length; i < bytes.Length; i++) bytes[i] = (byte)' ';
        var r = Process(bytes);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.QuarantineReason, Does.Contain("too-large"));
    }

    [Test]
    public void Html_nested_100000_levels_deep()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>深层嵌套的正文，公司营收增长 12%。</p>");
        for (var i = 0; i < 100_000; i++) sb.Append("</div>");
        Process(Encoding.UTF8.GetBytes("<html><body>" + sb + "</body></html>"), DocumentFormat.Html);
    }

    [Test]
    public void An_attribute_of_10_MB()
    {
        var html = "<html><body><p data-x=\"" + new string('a', 10 * 1024 * 1024) + "\">正文：公司营收增长 12%。</p></body></html>";
        Process(Encoding.UTF8.GetBytes(html), DocumentFormat.Html);
    }

    [Test]
    public void An_unclosed_comment_swallowing_the_page()
    {
        var r = Process("<html><body><p>开头一句。</p><!-- 注释没有结束 <p>公司营收增长 12%。</p></body></html>", DocumentFormat.Html);
        Assert.That(r.Status, Is.AnyOf(DocumentStatus.Processed, DocumentStatus.Quarantined));
    }

    [Test]
    public void A_page_that_is_only_scripts_is_quarantined_with_a_reason()
    {
        var r = Process("<html><head><script>var a = '公司营收增长 12%';</script></head><body><script>document.write('x')</script></body></html>",
            DocumentFormat.Html);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.Clean.Text, Does.Not.Contain("var a"));
    }

    [Test]
    public void Numbers_with_10000_digits_and_amounts_that_overflow_decimal()
    {
        var r = Process("营收为" + new string('9', 10_000) + "元，利润为 99999999999999999999999999999999999 亿元，比例为 "
                        + new string('1', 5000) + ".5%。");
        foreach (var m in r.Mentions.Where(m => m.Numeric is not null))
            Assert.That(m.Numeric!.Value, Is.LessThan(decimal.MaxValue));
    }

    [Test]
    public void Impossible_dates_are_not_resolved()
    {
        var r = Process("2025年13月45日，公司公告称营收增长。2025年2月30日也不存在。", DocumentFormat.Text);
        foreach (var m in r.Mentions.Where(m => m.Period is not null))
            Assert.That(m.Text, Does.Not.Contain("13月45日").And.Not.Contain("2月30日"));
    }

    /// <summary>Inputs shaped to make a backtracking pattern explode: long runs of what patterns repeat.</summary>
    private static IEnumerable<TestCaseData> Backtracking()
    {
        yield return new TestCaseData(new string('1', 200_000)).SetName("digits");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("1 ", 100_000))).SetName("spaced digits");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("1.", 100_000))).SetName("dotted digits");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("1,", 100_000))).SetName("comma digits");
        yield return new TestCaseData(new string('亿', 100_000)).SetName("scale words");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("一百", 50_000))).SetName("chinese numerals");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("年", 100_000))).SetName("year markers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("2025年、", 30_000))).SetName("period list");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("约超过近", 30_000)) + "1").SetName("qualifiers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("（", 100_000))).SetName("open brackets");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("產(", 50_000))).SetName("pinyin openers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("{{", 50_000))).SetName("placeholder openers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("{jz:", 30_000))).SetName("cms openers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("成人|", 40_000))).SetName("stuffed line");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("<a ", 50_000))).SetName("tag openers");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("\n", 100_000))).SetName("blank lines");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("HK$US$", 30_000))).SetName("currency symbols");
    }

    [TestCaseSource(nameof(Backtracking))]
    public void Crafted_backtracking_inputs_finish(string text)
    {
        Process(text);
        Process("<html><body><p>" + text + "</p></body></html>", DocumentFormat.Html);
    }

    [Test]
    public void A_batch_of_bad_inputs_accounts_for_every_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-bad-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        try
        {
            File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
            File.WriteAllBytes(Path.Combine(input, "image.html"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]);
            File.WriteAllText(Path.Combine(input, "good.txt"), "2026年1月8日，公司营收增长 12%。");
            File.WriteAllText(Path.Combine(input, "scripts.html"), "<script>x()</script>");
            File.WriteAllText(Path.Combine(input, "lines.jsonl"), "{\"id\":\"j1\",\"text\":\"好。\"}\n{oops\n{\"id\":\"j2\",\"text\":\"也好。\"}\n");
            File.WriteAllText(Path.Combine(input, "manifest.csv"), "file,outlet,url,published,language\ngood.txt,报,,2026-02-31,zh-Hans\nghost.txt,,,,\n");
            var runner = new BatchRunner(Pipeline.Value, TestReconciler.Create());
            var s = runner.Run(new BatchOptions { Inputs = [input], OutDir = Path.Combine(dir, "out") });
            Assert.That(s.Read, Is.EqualTo(s.Processed + s.Unchanged + s.Duplicates + s.Quarantined));
            Assert.That(s.Read, Is.EqualTo(8), "4 files, 3 jsonl lines and 1 manifest row naming a missing file");
            Assert.That(s.Processed, Is.EqualTo(3));
            var quarantine = File.ReadAllText(Path.Combine(dir, "out", "quarantine.csv"));
            foreach (var name in new[] { "empty", "image", "scripts", "lines#2", "ghost" }) Assert.That(quarantine, Does.Contain(name));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
