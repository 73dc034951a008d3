using System.Linq;
using NUnit.Framework;
using Pipeline.Facts;

namespace Pipeline.Tests.Facts;

public class EntityTests
{
    [TestCase("02513.HK", "HK:2513")]
    [TestCase("HK02513", "HK:2513")]
    [TestCase("2513.HK", "HK:2513")]
    [TestCase("HK:2513", "HK:2513")]
    [TestCase("0100.HK", "HK:100")]
    [TestCase("HK00100", "HK:100")]
    [TestCase("300750.SZ", "SZ:300750")]
    [TestCase("bidu.us", "US:BIDU")]
    [TestCase("BABA.N", "US:BABA")]
    [TestCase("PDD.O", "US:PDD")]
    [TestCase("600519.SS", "SH:600519")]
    [TestCase("HKG: 1211", "HK:1211")]
    [TestCase("HKEX:9988", "HK:9988")]
    [TestCase("NASDAQ: NIO", "US:NIO")]
    [TestCase("NYSE:BABA", "US:BABA")]
    [TestCase("9992 HK", "HK:9992")]
    [TestCase("SH600519", "SH:600519")]
    [TestCase("7203.T", "T:7203")]
    [TestCase("2330.TW", "TW:2330")]
    [TestCase("005930.KS", "KS:005930")]
    public void Tickers_normalise_across_spellings(string written, string expected)
    {
        Assert.That(Tickers.TryNormalize(written, out var n), Is.True);
        Assert.That(n, Is.EqualTo(expected));
    }

    [TestCase("USD")]
    [TestCase("2025")]
    [TestCase("HKUST")]
    [TestCase("12.HK7")]
    [TestCase("HK$116")]
    [TestCase("U.S")]
    [TestCase("Z.ai")]
    [TestCase("NASDAQ: 2025")]
    [TestCase("2025 CH")]
    [TestCase("20250.T")]
    public void Non_tickers_are_rejected(string written) => Assert.That(Tickers.TryNormalize(written, out _), Is.False);

    [Test]
    public void Bare_codes_need_a_default_exchange() => Assert.That(Tickers.TryNormalize("2513", out var n, "HK") && n == "HK:2513", Is.True);

    private static readonly EntityFinder Finder = new(EntityLexicon.Chinese);

    [Test]
    public void Definitions_give_the_short_name_and_link_full_name_and_ticker()
    {
        const string text = "1月8日,深圳云帆科技股份有限公司(06999.HK)(简称“云帆”)正式挂牌。云帆首日上涨,HK06999 收盘。";
        var found = Finder.Find(text);
        var def = found.Definitions.Single();
        Assert.That(def.Canonical, Is.EqualTo("云帆"));
        Assert.That(def.FullName, Is.EqualTo("深圳云帆科技股份有限公司"));
        Assert.That(def.Tickers, Is.EqualTo(new[] { "06999.HK" }));
        Assert.That(found.Mentions.Select(m => m.Name), Is.All.EqualTo("云帆"));
        Assert.That(found.Mentions, Has.Count.EqualTo(4));
    }

    [Test]
    public void An_english_name_in_parentheses_after_a_company_is_its_name()
    {
        var found = Finder.Find("1 月 9 日上市的杭州深思科技有限公司（DeepThink）和人工智能（AI）。");
        Assert.That(found.Definitions.Select(d => d.Canonical), Is.EqualTo(new[] { "DeepThink" }));
        Assert.That(found.Mentions.Select(m => m.Name), Is.EqualTo(new[] { "DeepThink", "DeepThink" }));
    }

    [Test]
    public void The_lexicon_name_wins_and_traditional_spellings_are_aliases()
    {
        var found = Finder.Find("北京智谱华章科技股份有限公司（以下简称“智谱华章”）与智譜(HK02513)以及上海稀宇科技有限公司（MiniMax）");
        Assert.That(found.Definitions.Select(d => d.Canonical), Is.EqualTo(new[] { "智谱", "智谱", "MiniMax" }));
        Assert.That(found.Mentions.Select(m => m.Name).Distinct(), Is.EqualTo(new[] { "智谱", "MiniMax" }));
    }

    [Test]
    public void A_year_in_parentheses_is_not_a_ticker_and_a_report_is_not_an_entity()
    {
        var found = Finder.Find("《中国商业航天产业发展报告（2025）》（以下简称《报告》）指出，2025 年发射次数创新高。");
        Assert.That(found.Definitions, Is.Empty);
        Assert.That(found.Mentions, Is.Empty);
    }

    [Test]
    public void Entities_merge_across_documents_through_a_shared_name_or_ticker()
    {
        var merger = new EntityMerger(EntityLexicon.Chinese);
        merger.Add(Finder.Find("深圳云帆科技股份有限公司（以下简称云帆）发布公告。").Definitions);
        merger.Add(Finder.Find("深圳云帆科技股份有限公司（HK06999）今日上市。").Definitions);
        merger.Add(Finder.Find("云帆科技（06999.HK）股价上涨。").Definitions);
        merger.Add(Finder.Find("白鹭生物有限公司（以下简称白鹭）亏损。").Definitions);
        Assert.That(merger.Resolve("深圳云帆科技股份有限公司"), Is.EqualTo("云帆"));
        Assert.That(merger.Resolve("云帆科技"), Is.EqualTo("云帆"));
        Assert.That(merger.Resolve("白鹭"), Is.EqualTo("白鹭"));
        Assert.That(merger.Resolve("没见过"), Is.EqualTo("没见过"));
    }

    [Test]
    public void Two_announcements_that_each_call_their_issuer_the_company_stay_two_entities()
    {
        // Exchange filings define their issuer as 公司; the word links nothing across documents.
        var merger = new EntityMerger(EntityLexicon.Chinese);
        merger.Add(Finder.Find("江苏云帆医药股份有限公司（以下简称“公司”）H股超额配股权已获悉数行使。").Definitions);
        merger.Add(Finder.Find("浙江白鹭智能控制股份有限公司（以下简称“公司”）发布稳定价格期结束公告。").Definitions);
        Assert.That(merger.Resolve("江苏云帆医药股份有限公司"), Is.Not.EqualTo(merger.Resolve("浙江白鹭智能控制股份有限公司")));
    }
}
