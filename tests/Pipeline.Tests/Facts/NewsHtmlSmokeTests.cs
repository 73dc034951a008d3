using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

/// <summary>
/// The real news pages of <c>../shared/news-html</c> through the whole default pipeline: binding never crashes a
/// document, every claim points at its figure in the original and quotes its sentence, and the claims are printed
/// for a reader to judge.
/// </summary>
public class NewsHtmlSmokeTests
{
    [Test]
    public void Real_pages_bind_without_errors_and_claims_point_at_their_figures()
    {
        var root = TestPaths.RequireShared("news-html");
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var files = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Is.Not.Empty);
        int documents = 0, claims = 0, unbound = 0;
        var bindTime = TimeSpan.Zero;
        foreach (var item in new CorpusReader().Read(files).OfType<DocumentInput>())
        {
            var r = pipeline.Process(item.Document);
            documents++;
            Assert.That(r.Diagnostics.Where(d => d.Code == "pipeline.internal-error").Select(d => d.Message), Is.Empty, r.Document.Id);
            if (r.StageTimes.TryGetValue("bind", out var t)) bindTime += t;
            claims += r.Claims.Count;
            unbound += r.Unbound.Count;
            if (Environment.GetEnvironmentVariable("FACTS_SMOKE_VERBOSE") == "1")
                foreach (var m in r.Unbound.Where(m => m.Kind is Pipeline.Recognition.MentionKind.Money or Pipeline.Recognition.MentionKind.Percentage))
                {
                    var text = r.Clean.Text;
                    var a = Math.Max(0, m.Span.Start - 40);
                    TestContext.Out.WriteLine($"UNBOUND {r.Document.Id} «{m.Text}» {text[a..Math.Min(text.Length, m.Span.End + 20)].ReplaceLineEndings(" ")}");
                }
            foreach (var c in r.Claims)
            {
                var span = c.Provenance.SourceSpan;
                Assert.That(span.End, Is.LessThanOrEqualTo(r.Document.Original.Length), c.Id);
                var written = r.Document.Original.Substring(span.Start, span.Length);
                Assert.That(written.Any(ch => char.IsDigit(ch) || "零一二两三四五六七八九十百千万亿兩萬億".Contains(ch)), Is.True, $"{c.Id} «{written}»");
                Assert.That(c.Provenance.Quote, Is.Not.Empty);
                Assert.That(c.Provenance.DocumentId, Is.EqualTo(r.Document.Id));
                TestContext.Out.WriteLine($"{r.Document.Id}\t{ClaimBinderTests.Row(c)}\t«{written}»\t{c.Provenance.Quote}");
            }
        }
        TestContext.Out.WriteLine($"{documents} pages, {claims} claims, {unbound} unbound figures, binding {bindTime.TotalMilliseconds:F0} ms in all");
        Assert.That(documents, Is.GreaterThan(50));
        Assert.That(claims, Is.GreaterThanOrEqualTo(5), "the well-known companies of these pages (龙湖, 美团) yield claims");
    }
}
