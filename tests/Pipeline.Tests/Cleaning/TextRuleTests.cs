using System.Linq;
using NUnit.Framework;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Tests.Cleaning;

/// <summary>One rule at a time: each text stage on small inputs, with its removals and offsets.</summary>
[TestFixture]
public sealed class TextRuleTests
{
    private static (StageText Result, DocumentContext Context) Run(ITextStage stage, string input)
    {
        var context = new DocumentContext(SourceDocument.FromText("t", input));
        var result = stage.Apply(input, context);
        Assert.That(result.Map.InputLength, Is.EqualTo(input.Length));
        return (result, context);
    }

    [TestCase("前文{jz:field.toptypename/}\"這一切", "前文\"這一切")]
    [TestCase("{{aisd}}\nAI生成", "\nAI生成")]
    [TestCase("标题{dede:field.title/}结束", "标题结束")]
    [TestCase("文章[!--newstext--]结束", "文章结束")]
    [TestCase("集合{1,2}与{x}保持", "集合{1,2}与{x}保持")]
    [TestCase("函数 f{a} 不动", "函数 f{a} 不动")]
    public void Placeholders(string input, string expected)
    {
        var (r, ctx) = Run(new PlaceholderStage(), input);
        Assert.That(r.Text, Is.EqualTo(expected));
        Assert.That(ctx.Removals.All(x => x.Reason == "placeholder"));
    }

    [TestCase("中國AI產(chǎn)業(yè)鏈", "中國AI產業鏈")]
    [TestCase("規(guī)?;?", "規?;?")]
    [TestCase("升級?,F(xiàn)金流", "升級?,F金流")]
    [TestCase("下載(app)和(AI)以及(2025)", "下載(app)和(AI)以及(2025)")]
    [TestCase("輕聲(de)不動", "輕聲(de)不動")]
    [TestCase("全角（chǎn）括號", "全角括號")]
    public void PinyinAnnotations(string input, string expected)
    {
        var (r, ctx) = Run(new PinyinAnnotationStage(), input);
        Assert.That(r.Text, Is.EqualTo(expected));
        foreach (var x in ctx.Removals) Assert.That(input.Substring(x.Span.Start, x.Span.Length), Does.Match(@"^[(（].+[)）]$"));
        var ye = r.Text.IndexOf('鏈');
        if (ye >= 0) Assert.That(input[r.ToSource(new TextSpan(ye, ye + 1)).Start], Is.EqualTo('鏈'));
    }

    [TestCase("問題已經轉向規?;剿髌?,即誰能", 1)]
    [TestCase("為特??萍脊敬罱ǖ摹?8C”機制", 2)]
    [TestCase("為什么是現在?為什么都選擇了同一上市路徑?", 0)]
    [TestCase("真的已經成功上岸了嗎?\n下一段", 0)]
    [TestCase("亂碼\uFFFD字", 1)]
    public void MojibakeIsFlaggedNotChanged(string input, int spans)
    {
        var (r, ctx) = Run(new MojibakeStage(), input);
        Assert.That(r.Text, Is.EqualTo(input));
        var flagged = ctx.Diagnostics.Where(d => d.Code == "clean.mojibake").ToList();
        Assert.That(flagged, Has.Count.EqualTo(spans));
        Assert.That(flagged.All(d => input[d.Span!.Value.Start] is '?' or '\uFFFD'));
    }

    private const string LongLine = "截至目前，智谱 MaaS 平台已汇聚超过 300 万家企业及应用开发者，是国内最活跃的大模型应用程序编程接口平台之一，其中即实";

    [TestCase("智谱披露经营数据\n\n" + LongLine + "\n\n现过亿元的年度经常性收入。", "智谱披露经营数据\n\n" + LongLine + "现过亿元的年度经常性收入。")]
    [TestCase("即通過 API(應用程序編程接口\n)調用向開發者輸出。", "即通過 API(應用程序編程接口)調用向開發者輸出。")]
    [TestCase("他说：“今年的收入\n”已经翻倍。", "他说：“今年的收入”已经翻倍。")]
    public void HardWrapsAreJoined(string input, string expected)
    {
        var (r, _) = Run(new LineJoinStage(), input);
        Assert.That(r.Text, Is.EqualTo(expected));
    }

    [TestCase("MiniMax、智譜上市背後:中國AI產業鏈的連鎖反應正在到來\n\n2026-01-18 10:59")]
    [TestCase("## 来自清华的创业团队\n\n智谱的创业故事得从 2006 年说起。")]
    [TestCase("一、大模型公司,需要换种活法\n\n回看过去两年,中国大模型行业经历了几次明显的换挡。")]
    [TestCase("第一段说完了，后面还有很多内容要讲，并且这一段的长度已经超过了四十个字符的门槛。\n\n第二段开始。")]
    [TestCase(LongLine + "\n\n# 新的标题")]
    [TestCase(LongLine + "\n\n1. 列表项")]
    // A headline cut short by the page, then the body: the title is never joined to it.
    [TestCase(" date 2025-11-18 百度（9888）第三季总收入312亿元（人民币，下同），按年跌7%，经调整净利润\n\n百度公布截至9月底止第三季业绩，经调整净利润38亿元，按年跌36%。")]
    public void ParagraphsAndHeadingsAreNotJoined(string input)
    {
        var (r, _) = Run(new LineJoinStage(), input);
        Assert.That(r.Text, Is.EqualTo(input));
    }

    [Test]
    public void KeywordStuffedLineIsRemovedAndRecorded()
    {
        const string spam = "中文字幕国产无码|AV成人手机在线|av成人先锋在线|无码在线国产人人操|蜜桃视频精品免费在线|电影三级成人黄免费影片";
        var input = spam + "\n\n正文第一段。";
        var (r, ctx) = Run(new SpamFilterStage(), input);
        Assert.That(r.Text, Is.EqualTo("\n正文第一段。"));
        Assert.That(ctx.Removals.Single().Reason, Is.EqualTo("spam.keyword-stuffing"));
        Assert.That(ctx.Removals.Single().Span, Is.EqualTo(new TextSpan(0, spam.Length)));
    }

    [TestCase("中文字幕國產無碼|AV成人手機在線|成人視頻免費|極品美女在線看|三級片免費觀看")]
    [TestCase("百家乐 网投 时时彩 六合彩 注册送彩金 真人娱乐")]
    public void StuffedLinesInEitherScriptAreRemoved(string line)
    {
        var (r, _) = Run(new SpamFilterStage(), line + "\n正文。");
        Assert.That(r.Text, Is.EqualTo("正文。"));
    }

    [TestCase("警方近日破获一起网络赌博案件，涉案的博彩网站以“百家乐”为名，吸引数千人下注，涉案金额超过三亿元。")]
    [TestCase("亚洲和欧美市场的成人教育需求增长，在线视频课程平台的免费试听吸引了大量用户。")]
    [TestCase("成人|教育|平台")]
    [TestCase("银河娱乐(00027.HK)与金沙中国、永利澳门均公布了季度业绩。")]
    public void LegitimateSentencesWithLexiconWordsStay(string sentence)
    {
        var (r, ctx) = Run(new SpamFilterStage(), sentence);
        Assert.That(r.Text, Is.EqualTo(sentence));
        Assert.That(ctx.Removals, Is.Empty);
    }

    [TestCase("2025 年前 9 個月,公司營收同比增長超過 170%,其中,金沙電玩城app海外市場收入貢獻占比超 70%。", "金沙電玩城app")]
    [TestCase("数据显示，威尼斯人娱乐城官网用户增长。", "威尼斯人娱乐城")]
    public void InlineAdsAreCutOutOfTheSentence(string input, string ad)
    {
        var (r, ctx) = Run(new SpamFilterStage(), input);
        Assert.That(r.Text, Is.EqualTo(input.Replace(ad, "")));
        var removal = ctx.Removals.Single();
        Assert.That(removal.Reason, Is.EqualTo("spam.inline-ad"));
        Assert.That(input.Substring(removal.Span.Start, removal.Span.Length), Is.EqualTo(ad));
    }

    [TestCase("AI生成 免责声明", "disclaimer")]
    [TestCase("    +1", "widget")]
    [TestCase("  • +1", "widget")]
    [TestCase("收藏", "widget")]
    [TestCase("我要舉報", "widget")]
    [TestCase("            掃碼下載澎湃新聞客戶端", "widget")]
    [TestCase("滬ICP備14003370號", "licence")]
    [TestCase("京ICP证030173号", "licence")]
    [TestCase("滬公網安備31010602000299號", "licence")]
    [TestCase("互聯網新聞信息服務許可證:31120170006", "licence")]
    [TestCase("增值電信業務經營許可證:滬B2-2017116", "licence")]
    [TestCase("? 2014-2026 上海東方報業有限公司", "copyright")]
    [TestCase("© 2019 新浪公司 版权所有", "copyright")]
    [TestCase("Copyright © 1997-2019 Sina Corporation, All Rights Reserved.", "copyright")]
    [TestCase("本文為澎湃號作者或機構在澎湃新聞上傳並發布,僅代表該作者或機構觀點。", "disclaimer")]
    [TestCase("字號", "widget")]
    [TestCase("上市儀式 圖片來源:MiniMax 供圖", "caption")]
    public void BoilerplateLinesAreRemovedWithTheirReason(string line, string reason)
    {
        var input = "正文一。\n" + line + "\n正文二。";
        var (r, ctx) = Run(new BoilerplateStage(), input);
        Assert.That(r.Text, Is.EqualTo("正文一。\n正文二。"));
        Assert.That(ctx.Removals.Single().Reason, Is.EqualTo(reason));
        Assert.That(input.Substring(ctx.Removals.Single().Span.Start, ctx.Removals.Single().Span.Length), Is.EqualTo(line.Trim()));
    }

    [TestCase("读者可以收藏本文，也可以举报不实信息。")]
    [TestCase("公司的许可证申请已于 2019 年获批，版权问题仍在诉讼中，所有相关方都在等待结果。")]
    [TestCase("+1 的投票结果让他很意外。")]
    public void SentencesMentioningFurnitureWordsStay(string line)
    {
        var (r, ctx) = Run(new BoilerplateStage(), line);
        Assert.That(r.Text, Is.EqualTo(line));
        Assert.That(ctx.Removals, Is.Empty);
    }

    [TestCase("２０２６年１月", "2026年1月")]
    [TestCase("ＡＩ大模型增长５０％", "AI大模型增长50%")]
    [TestCase("２．５亿", "2.5亿")]
    [TestCase("2026 年元旦，1 月 8 日上市，超 300 万家", "2026年元旦，1月8日上市，超300万家")]
    [TestCase("AI 大模型和 MaaS 平台", "AI 大模型和 MaaS 平台")]
    [TestCase("2022 2023 两年", "2022 2023两年")]
    [TestCase("中文，标点。保持！", "中文，标点。保持！")]
    [TestCase("　　缩进的段落\n\n\n\n下一段   \n", "缩进的段落\n\n下一段")]
    public void WidthAndLayoutSpacing(string input, string expected)
    {
        var (r, _) = Run(new WidthSpacingStage(), input);
        Assert.That(r.Text, Is.EqualTo(expected));
        // Narrowed characters map one for one.
        var two = r.Text.IndexOf('2');
        if (two >= 0 && input.Contains('２')) Assert.That(input[r.ToSource(new TextSpan(two, two + 1)).Start], Is.EqualTo('２'));
    }

    [Test]
    public void SegmenterSplitsAtHeadlinesAndContainerSections()
    {
        const string text = "# 第一篇\n\n正文一。\n\n## 小节\n\n正文二。\n\n# 第二篇\n\n正文三。\n\n## 资讯\n\n### 简讯甲\n\n甲。\n\n### 简讯乙\n\n乙。\n";
        var segments = new HeadingSegmenter().Segment(text);
        Assert.That(segments.Select(s => s.Title), Is.EqualTo(new[] { "第一篇", "第二篇", "简讯甲", "简讯乙" }));
        Assert.That(text[segments[2].Span.Start..segments[2].Span.End], Does.StartWith("## 资讯"));
        Assert.That(segments[0].Span.Start, Is.Zero);
        Assert.That(segments[^1].Span.End, Is.EqualTo(text.Length));
        for (var i = 1; i < segments.Count; i++) Assert.That(segments[i].Span.Start, Is.EqualTo(segments[i - 1].Span.End));
    }

    [TestCase("", 1)]
    [TestCase("没有标题的一段文字。\n第二段。", 1)]
    [TestCase("前言\n# 标题\n正文。", 1)]
    public void SegmenterEdgeCases(string text, int count)
    {
        var segments = new HeadingSegmenter().Segment(text);
        Assert.That(segments, Has.Count.EqualTo(count));
        Assert.That(segments[0].Span.Start, Is.Zero);
        Assert.That(segments[^1].Span.End, Is.EqualTo(text.Length));
    }

    [TestCase("2026-01-18 10:59", 2026, 1, 18)]
    [TestCase("2019年09月07日 04:04", 2019, 9, 7)]
    [TestCase("发布时间：2019/9/5 9:38:01", 2019, 9, 5)]
    [TestCase("2013-06-29T19:35+08:00", 2013, 6, 29)]
    public void DatesAreFound(string text, int y, int m, int d)
    {
        var found = DateFinder.FindFirst(text);
        Assert.That(found?.Date, Is.EqualTo(new NodaTime.LocalDate(y, m, d)));
    }

    [TestCase("2026 年元旦")]
    [TestCase("2019-13-01")]
    [TestCase("2019-02-30")]
    [TestCase("09月07日")]
    public void NonDatesAreNotFound(string text) => Assert.That(DateFinder.FindFirst(text), Is.Null);
}
