using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Tests.Cleaning;

/// <summary>Decoding, HTML extraction and bad input: never an exception, always a diagnostic.</summary>
[TestFixture]
public sealed class HtmlAndDecodingTests
{
    static HtmlAndDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Article = """
        <html><head><title>智谱上市首日大涨_财经频道_某某网</title>
        <meta name="author" content="张三"><meta property="og:site_name" content="某某网">
        <meta property="article:published_time" content="2026-01-08T10:30:00+08:00"></head>
        <body><div class="nav"><a href="/">首页</a> | <a href="/c">财经</a> | <a href="/t">科技</a></div>
        <div class="main"><h1>智谱上市首日大涨</h1><div class="info">2026-01-08 10:30 来源：某某网</div>
        <div class="article-content">
        <p>1月8日，北京智谱华章科技股份有限公司正式在香港联合交易所挂牌上市，发行价为每股116.20港元。</p>
        <p>市场关注智谱股价走势，核心原因在于作为“基座模型第一股”，智谱成为高投入高亏损赛道价值判断的重要标的。</p>
        <p>启明创投主管合伙人周志峰表示，中国AI创新正在获得全球范围的关注和认可，这为整个生态打开了新的空间&amp;机会。</p>
        <figure><img src="a.jpg"><figcaption>上市仪式现场。</figcaption></figure>
        <script>var x = "不应出现的脚本文字";</script><style>.a{color:red}</style>
        <div class="share">分享到：微博 微信</div>
        </div>
        <div class="related"><h3>相关阅读</h3><ul><li><a href="/1">另一篇新闻的标题很长很长</a></li><li><a href="/2">又一篇新闻的标题</a></li></ul></div>
        <div class="comment">网友评论：写得好，支持一下。</div>
        </div><div class="footer">关于我们 | 联系我们 | 京ICP备12345678号</div></body></html>
        """;

    [Test]
    public void ExtractsHeadlineBodyAndMetadata()
    {
        var r = CleaningHarness.RunHtml(Article);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Processed), r.QuarantineReason);
        var text = r.Clean.Text;
        Assert.That(text, Does.StartWith("# 智谱上市首日大涨\n"));
        Assert.That(text, Does.Contain("发行价为每股116.20港元。"));
        Assert.That(text, Does.Contain("新的空间&机会。"));
        foreach (var absent in new[] { "首页", "不应出现的脚本文字", "color:red", "分享到", "相关阅读", "网友评论", "ICP", "上市仪式现场" })
            Assert.That(text, Does.Not.Contain(absent));
        Assert.That(r.Metadata.Title, Is.EqualTo("智谱上市首日大涨"));
        Assert.That(r.Metadata.Published, Is.EqualTo(new NodaTime.LocalDate(2026, 1, 8)));
        Assert.That(r.Metadata.Author, Is.EqualTo("张三"));
        Assert.That(r.Metadata.Outlet, Is.EqualTo("某某网"));
        Assert.That(r.Segments.Single().Title, Is.EqualTo("智谱上市首日大涨"));
    }

    [Test]
    public void EveryOutputCharacterPointsIntoTheHtml()
    {
        var r = CleaningHarness.RunHtml(Article);
        var text = r.Clean.Text;
        var original = r.Document.Original;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '#') continue;
            var span = r.Clean.ToSource(new TextSpan(i, i + 1));
            var source = original.Substring(span.Start, span.Length);
            Assert.That(System.Net.WebUtility.HtmlDecode(source), Is.EqualTo(text[i].ToString()), $"at {i}");
        }
        var amp = text.IndexOf('&');
        Assert.That(original.Substring(r.Clean.ToSource(new TextSpan(amp, amp + 1)).Start, 5), Is.EqualTo("&amp;"));
    }

    [Test]
    public void A_timeline_in_the_body_is_no_dateline()
    {
        const string body = "云帆科技周四在纳斯达克上市首日收报21.30美元，较发行价上涨18.3%，盘中一度涨逾30%，以收市价计公司市值约42亿美元，成为今年赴美上市规模最大的中国消费企业。\n"
                            + "2025年2月10日，证监会接收了云帆科技的境外上市备案材料；3月12日，云帆科技公开递交招股书；4月9日，云帆科技正式挂牌。\n";
        Assert.That(CleaningHarness.RunText(body).Metadata.Published, Is.Null, "the first entry of a timeline is not the day the page was published");
        var dated = CleaningHarness.RunText("2025-04-10 08:15 来源：证券时报\n" + body).Metadata;
        Assert.That(dated.Published, Is.EqualTo(new NodaTime.LocalDate(2025, 4, 10)), "a dateline above the body still dates the page");
    }

    [Test]
    public void GivenMetadataWinsOverThePage()
    {
        var given = new DocumentMetadata { Outlet = "清单里的媒体", Published = new NodaTime.LocalDate(2026, 1, 9) };
        var r = CleaningHarness.Run(Encoding.UTF8.GetBytes(Article), DocumentFormat.Html, metadata: given);
        Assert.That(r.Metadata.Outlet, Is.EqualTo("清单里的媒体"));
        Assert.That(r.Metadata.Published, Is.EqualTo(new NodaTime.LocalDate(2026, 1, 9)));
        Assert.That(r.Metadata.PublishedInferred, Is.False);
    }

    [Test]
    public void GbkPageWithMetaCharsetDecodes()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>测试</title></head><body><p>中文新闻正文，这是一段足够长的内容，用来测试编码识别是否正确。</p></body></html>";
        var r = CleaningHarness.Run(Encoding.GetEncoding("GB18030").GetBytes(html), DocumentFormat.Html);
        Assert.That(r.Document.Original, Does.Contain("中文新闻正文"));
        Assert.That(r.Diagnostics.Where(d => d.Code.StartsWith("decode.")), Is.Empty);
    }

    [Test]
    public void CharsetOnAScriptIsNotTheDeclaration()
    {
        var html = "<html><head><script charset=\"utf-8\" src=\"x.js\"></script><meta charset=\"big5\"></head><body><p>臺灣新聞正文，這是一段足夠長的內容，用來測試編碼識別。</p></body></html>";
        Assert.That(CharsetSniffer.DeclaredCharset(Encoding.ASCII.GetBytes(html)), Is.EqualTo("big5"));
        var r = CleaningHarness.Run(Encoding.GetEncoding(950).GetBytes(html), DocumentFormat.Html);
        Assert.That(r.Document.Original, Does.Contain("臺灣新聞正文"));
    }

    [Test]
    public void UndeclaredBig5IsDetected()
    {
        var text = "臺灣的經濟成長率今年預估為百分之三，主計總處表示出口表現優於預期，民間消費也持續回溫。";
        var r = CleaningHarness.Run(Encoding.GetEncoding(950).GetBytes(text), DocumentFormat.Text);
        Assert.That(r.Document.Original, Is.EqualTo(text));
    }

    [Test]
    public void UndecodableBytesAreReportedWithOffsets()
    {
        var good = Encoding.GetEncoding(950).GetBytes("臺灣新聞正文，這是一段足夠長的內容。");
        var bytes = good.Take(6).Concat(new byte[] { 0xAB, 0x96 }).Concat(good.Skip(6)).ToArray();
        var r = CleaningHarness.Run(bytes, DocumentFormat.Text);
        var d = r.Diagnostics.Single(x => x.Code == "decode.undecodable-bytes");
        Assert.That(d.Message, Does.Contain("byte offset 6"));
        Assert.That(r.Document.Original[d.Span!.Value.Start], Is.EqualTo('\uFFFD'));
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Processed));
    }

    [Test]
    public void MostlyUtf8WithOneBadByteStaysUtf8()
    {
        var good = Encoding.UTF8.GetBytes("中文新闻正文，这是一段足够长的内容，用来测试编码识别是否正确，损坏的字节只有一个。");
        var bytes = good.Take(9).Append((byte)0xFF).Concat(good.Skip(9)).ToArray();
        var r = CleaningHarness.Run(bytes, DocumentFormat.Text);
        Assert.That(r.Document.Original, Does.StartWith("中文新\uFFFD闻正文"));
        Assert.That(r.Diagnostics.Count(d => d.Code == "decode.undecodable-bytes"), Is.EqualTo(1));
    }

    [TestCase(new byte[0], "decode.empty")]
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "decode.binary")]
    public void EmptyAndBinaryFilesQuarantine(byte[] bytes, string code)
    {
        var r = CleaningHarness.Run(bytes, DocumentFormat.Html);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.Diagnostics.Any(d => d.Code == code && d.Severity == Severity.Error));
    }

    [TestCase("<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://example.com/a\"></head><body></body></html>", "html.redirect")]
    [TestCase("<html><head><script>window.location.href='https://example.com/a';</script></head><body>跳转中</body></html>", "html.redirect")]
    [TestCase("<html><body><form><p>请登录后查看全文</p><input type=\"text\" name=\"u\"><input type=\"password\" name=\"p\"><button>登录</button></form></body></html>", "html.login-wall")]
    [TestCase("<html><body><div></div></body></html>", "html.no-text")]
    [TestCase("   ", "html.empty")]
    public void PagesWithoutAnArticleQuarantine(string html, string code)
    {
        var r = CleaningHarness.RunHtml(html);
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.QuarantineReason, Does.Contain(code));
    }

    [Test]
    public void DeeplyNestedMarkupIsBoundedAndDoesNotCrash()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>深层嵌套里的正文，仍然应该被保留下来，不能让解析器崩溃。</p>");
        var clock = Stopwatch.StartNew();
        var r = CleaningHarness.RunHtml(sb.ToString());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(r.Status, Is.EqualTo(DocumentStatus.Quarantined));
        Assert.That(r.QuarantineReason, Does.Contain("html.too-deep"));
        Assert.That(r.Clean.Text, Does.Contain("深层嵌套里的正文"), "the stripped text stays inspectable");
    }

    [Test]
    public void HugeAttributesAndTruncatedMarkupAreHandled()
    {
        var html = "<html><body><div data-x=\"" + new string('a', 2_000_000) + "\"><p>正文内容，属性很大但正文仍在，这一段要足够长才能被当作正文。</p><p>第二段也在这里，没有结束标签的页面<div><span>被截断";
        var clock = Stopwatch.StartNew();
        var r = CleaningHarness.RunHtml(html);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(r.Clean.Text, Does.Contain("正文内容，属性很大但正文仍在"));
        var truncatedTag = CleaningHarness.RunHtml("<html><body><p>一段足够长的中文正文内容，后面的标签被截断了，但不应抛出异常。</p><div class=\"x");
        Assert.That(truncatedTag.Diagnostics.Any(d => d.Code == "pipeline.internal-error"), Is.False);
        Assert.That(truncatedTag.Diagnostics.Any(d => d.Code == "html.truncated" && d.Severity == Severity.Warning));
        Assert.That(truncatedTag.Status, Is.EqualTo(DocumentStatus.Processed));
    }

    [Test]
    public void ReportHasTheDocumentedShapeWithSourceOffsets()
    {
        var r = CleaningHarness.RunText("{{aisd}}\n# 标题\n\n正文，其中金沙电玩城app的广告被去掉了，句子保留。\n\n收藏\n");
        var report = CleaningReport.Create(r);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        foreach (var name in new[] { "title", "published", "author", "outlet", "segments", "text", "removed", "diagnostics" })
            Assert.That(root.TryGetProperty(name, out _), Is.True, name);
        Assert.That(root.GetProperty("title").GetString(), Is.EqualTo("标题"));
        var original = r.Document.Original;
        foreach (var removed in root.GetProperty("removed").EnumerateArray())
        {
            var s = removed.GetProperty("start").GetInt32();
            var e = removed.GetProperty("end").GetInt32();
            var reason = removed.GetProperty("reason").GetString();
            var expected = reason switch { "placeholder" => "{{aisd}}", "spam.inline-ad" => "金沙电玩城app", _ => "收藏" };
            Assert.That(original[s..e], Is.EqualTo(expected), reason);
        }
        var segment = root.GetProperty("segments")[0];
        Assert.That(segment.GetProperty("title").GetString(), Is.EqualTo("标题"));
        Assert.That(segment.GetProperty("end").GetInt32(), Is.LessThanOrEqualTo(original.Length));
        Assert.That(root.GetProperty("text").GetString(), Does.Contain("正文，其中的广告被去掉了，句子保留。"));
    }
}
