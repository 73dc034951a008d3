using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NUnit.Framework;
using Pipeline.Cleaning.Html;
using Pipeline.Text;

namespace Pipeline.Tests.Cleaning;

/// <summary>
/// The scan that finds a page's text runs without the parser's token hook (<see cref="HtmlTextRuns"/>): every text node
/// AngleSharp builds must be found in it, at the right place, on markup as news sites write it (old portal templates with
/// document.write inside commented scripts, quoted attributes holding '&gt;', entities with and without ';').
/// </summary>
[TestFixture]
public sealed class HtmlTextRunsTests
{
    private const string PortalPage = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
        <title>港股收评：恒指收涨1.2% 科技股走强 &amp; 成交放大_财经频道</title>
        <script type="text/javascript"><!--
        document.write('<script src="http://js.example.com/ad.js"><\/script>');
        document.write("<script>var a = 1 < 2;</script>");
        if (a > 0 && b < 1) { show(); }
        //--></script>
        <style>.hd>a{color:#333}</style>
        </head>
        <body onload="if(w>800){wide()}">
        <!-- 顶部导航 --><div class="nav"><a href="/" title="首页>财经">首页</a> &gt; <a href='/hk'>港股</a></div>
        <!---->
        <div id="artibody" class=content>
        <p>财联社11月28日讯，恒生指数收涨1.2%，报26,180点；恒生科技指数涨2.1%，大市成交额1,532亿港元。</p>
        <p>分析师指出，市盈率&lt;10倍的蓝筹股获资金追捧，&ldquo;高股息&rdquo;策略仍占优&#8212;&#8212;汇丰控股（00005.HK）涨0.8%。</p>
        <p>AT&T与微软股价&copy 2025，比较：利润率 < 5% 的公司&nbsp;回调&#x4e2d;。</p>
        <textarea name="c">评论&amp;回复</textarea>
        <svg width="10"><title>icon</title><![CDATA[x<y]]></svg>
        <p>（编辑：王明）</p>
        </div></body></html>
        """;

    /// <summary>The page as saved with Windows line ends (CRLF), as many Chinese portals serve it, and with old Mac ones.</summary>
    private static IEnumerable<string> LineEnds() => ["\n", "\r\n", "\r"];

    [TestCaseSource(nameof(LineEnds))]
    public void Every_text_node_of_a_portal_page_is_found_where_it_is_written(string lineEnd)
    {
        var page = PortalPage.Replace("\n", lineEnd);
        var document = new HtmlParser().ParseDocument(page);
        var runs = HtmlTextRuns.Scan(page);
        var nodes = new List<IText>();
        Collect(document, nodes);
        var map = new SourceTextMap(page, runs, nodes);
        var checkedNodes = 0;
        foreach (var node in nodes.Where(n => n.Data.Trim().Length > 0))
        {
            var chars = map.For(node)!;
            Assert.That(chars.All(c => c.Index >= 0), Is.True, $"text node '{node.Data}' was not found in the scan");
            for (var i = 0; i < node.Data.Length; i++)
            {
                var written = page.Substring(chars[i].Index, chars[i].Length);
                var expected = node.Data[i] == '\n' ? lineEnd[^1..] : node.Data[i].ToString();   // a line end maps to its last character
                Assert.That(Decode(written), Does.Contain(expected), $"'{node.Data}' at {i}: source '{written}'");
            }
            checkedNodes++;
        }
        Assert.That(checkedNodes, Is.GreaterThan(10));
    }

    [Test]
    public void Script_text_ends_at_its_own_end_tag_not_at_one_written_inside_a_commented_out_string()
    {
        var runs = HtmlTextRuns.Scan(PortalPage);
        var script = runs.Single(r => r.Data.ToString().Contains("document.write(\"<script>"));
        Assert.That(script.Data.ToString(), Does.EndWith("//-->"), "the script's text runs to its real end tag");
        Assert.That(runs.Any(r => r.Data.ToString().Contains("show();") && r.Start != script.Start), Is.False);
    }

    [Test]
    public void Markup_is_never_text()
    {
        var text = string.Concat(HtmlTextRuns.Scan(PortalPage).Select(r => r.Data.ToString()));
        Assert.That(text, Does.Not.Contain("顶部导航"), "a comment");
        Assert.That(text, Does.Not.Contain("首页>财经"), "a quoted attribute value holding '>'");
        Assert.That(text, Does.Not.Contain("wide()"), "an attribute value");
        Assert.That(text, Does.Not.Contain("DOCTYPE"));
        Assert.That(text, Does.Contain("市盈率<10倍"), "a reference decodes");
        Assert.That(text, Does.Contain("“高股息”"));
        Assert.That(text, Does.Contain("利润率 < 5% 的公司\u00A0回调中。"), "a bare '<', a legacy reference, a hex reference");
        Assert.That(text, Does.Contain("AT&T与微软股价© 2025"));
        Assert.That(text, Does.Contain("评论&回复"), "textarea text is read with its references decoded");
        Assert.That(text, Does.Contain("x<y"), "CDATA inside svg is text");
    }

    [Test]
    public void A_page_cut_off_inside_a_tag_ends_with_the_text_before_it()
    {
        const string cut = "<p>营收同比增长12%</p><p class=\"x";
        var runs = HtmlTextRuns.Scan(cut);
        Assert.That(runs.Select(r => r.Data.ToString()), Is.EqualTo(new[] { "营收同比增长12%" }));
        Assert.That((runs[0].Start, runs[0].End), Is.EqualTo((3, 12)));
    }

    [TestCaseSource(nameof(LineEnds))]
    public void The_html_stage_maps_every_body_character_of_the_portal_page_into_it(string lineEnd)
    {
        var r = CleaningHarness.RunHtml(PortalPage.Replace("\n", lineEnd));
        var text = r.Clean.Text;
        Assert.That(text, Does.Contain("恒生指数收涨1.2%"));
        Assert.That(text, Does.Contain("市盈率<10倍"));
        // The headline line is the page title without the site name: written, not copied, so not mapped.
        for (var i = text.IndexOf('\n') + 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            var span = r.Clean.ToSource(new TextSpan(i, i + 1));
            Assert.That(Decode(r.Document.Original.Substring(span.Start, span.Length)), Does.Contain(text[i].ToString()), $"at {i}");
        }
    }

    private static string Decode(string s) => System.Net.WebUtility.HtmlDecode(s.EndsWith(';') || !s.StartsWith('&') ? s : s + ";");

    private static void Collect(INode node, List<IText> nodes)
    {
        if (node is IText t) nodes.Add(t);
        for (var c = node.FirstChild; c is not null; c = c.NextSibling) Collect(c, nodes);
    }
}
