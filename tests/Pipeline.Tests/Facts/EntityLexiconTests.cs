using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Facts;

namespace Pipeline.Tests.Facts;

/// <summary>The embedded entity lexicon: one alias names one entity, no alias is a word, fiscal year ends are read.</summary>
public class EntityLexiconTests
{
    /// <summary>Frequent words of Chinese and English financial text that no alias may be (nor a canonical name).</summary>
    private static readonly string[] OrdinaryWords =
    [
        "银行", "汽车", "科技", "集团", "公司", "控股", "证券", "保险", "能源", "电子", "医药", "智能", "国际", "中国", "香港",
        "平安", "理想", "长城", "吉利", "长安", "美的", "地平线", "未来", "现代", "大众", "通用", "小鹏汽车公司", "三星", "苹果",
        "微博", "蚂蚁", "荣耀", "新世界", "创科", "中金", "中行", "工行", "中芯", "中通", "中兴", "同程", "交行", "长实", "国寿",
        "港交所", "友邦", "高通", "日产", "滴滴", "贝壳",
        "Group", "Holdings", "China", "Bank", "Technology", "Ideal", "Great Wall", "Future", "Modern", "General", "Lilly",
        "Link", "Power", "Smart", "Prudential", "FTA", "BOE", "CLP", "GDS", "TTI",
    ];

    private static IEnumerable<KeyValuePair<string, string>> AllAliases(EntityLexicon lexicon) =>
        lexicon.Entities.SelectMany(e => e.Aliases.Prepend(e.Name).Select(a => new KeyValuePair<string, string>(a, e.Name)));

    [Test]
    public void Every_alias_and_ticker_names_one_entity()
    {
        foreach (var lexicon in new[] { EntityLexicon.Chinese, EntityLexicon.Default })
        {
            var clashes = AllAliases(lexicon).GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Select(a => a.Value).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Value).Distinct())}");
            Assert.That(clashes, Is.Empty);
            var tickerClashes = lexicon.Entities.SelectMany(e => e.Tickers.Select(t => (t, e.Name))).GroupBy(x => x.t)
                .Where(g => g.Select(x => x.Name).Distinct().Count() > 1).Select(g => g.Key);
            Assert.That(tickerClashes, Is.Empty);
        }
    }

    [Test]
    public void No_alias_is_an_ordinary_word_or_too_short_to_name_a_company()
    {
        var aliases = AllAliases(EntityLexicon.Default).Select(a => a.Key).ToList();
        Assert.That(aliases.Where(a => OrdinaryWords.Contains(a, StringComparer.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(aliases.Where(a => !EntityLexicon.IsDistinctiveAlias(a)), Is.Empty);
    }

    [TestCase("理", false)]
    [TestCase("AI", false)]
    [TestCase("B站", true)]
    [TestCase("腾讯", true)]
    [TestCase("NIO", true)]
    [TestCase("Z.ai", true)]
    public void Aliases_need_two_chinese_characters_or_three_latin_letters(string alias, bool ok) =>
        Assert.That(EntityLexicon.IsDistinctiveAlias(alias), Is.EqualTo(ok));

    [Test]
    public void The_lexicon_is_broad_and_covers_each_kind_of_company()
    {
        var lexicon = EntityLexicon.Default;
        Assert.That(lexicon.Entities, Has.Count.GreaterThanOrEqualTo(250));
        // One of each kind, by ticker in the spellings outlets use.
        foreach (var (ticker, name) in new[]
                 {
                     ("0005.HK", "汇丰控股"), ("00700.HK", "腾讯"), ("HK01810", "小米"), ("9988.HK", "阿里巴巴"), ("BABA.N", "阿里巴巴"),
                     ("600519.SS", "贵州茅台"), ("002594.SZ", "比亚迪"), ("1211.HK", "比亚迪"), ("NASDAQ: NIO", "蔚来"), ("HKG: 2097", "蜜雪集团"),
                     ("7203.T", "丰田汽车"), ("2330.TW", "台积电"), ("005930.KS", "三星电子"), ("TSLA.US", "特斯拉"), ("9992 HK", "泡泡玛特"),
                 })
        {
            Assert.That(Tickers.TryNormalize(ticker, out var n), Is.True, ticker);
            Assert.That(lexicon.FindByTicker(n), Is.EqualTo(name), ticker);
        }
        Assert.That(lexicon.FindByAlias("Alibaba Group Holding"), Is.EqualTo("阿里巴巴"));
        Assert.That(lexicon.FindByAlias("騰訊控股有限公司"), Is.EqualTo("腾讯"));
        Assert.That(lexicon.FindByAlias("Contemporary Amperex Technology"), Is.EqualTo("宁德时代"));
    }

    [Test]
    public void Fiscal_year_ends_are_read_and_default_to_the_calendar_year()
    {
        var lexicon = EntityLexicon.Default;
        Assert.That(lexicon.FiscalYearEnd("阿里巴巴"), Is.EqualTo(new AnnualDate(3, 31)));
        Assert.That(lexicon.FiscalYearEnd("联想集团"), Is.EqualTo(new AnnualDate(3, 31)));
        Assert.That(lexicon.FiscalYearEnd("微软"), Is.EqualTo(new AnnualDate(6, 30)));
        Assert.That(lexicon.FiscalYearEnd("小米"), Is.Null);
        Assert.That(lexicon.Find("小米")!.FiscalYearEndOrCalendar, Is.EqualTo(new AnnualDate(12, 31)));
        Assert.That(lexicon.FiscalYearEnd("没有这家公司"), Is.Null);
    }

    [TestCase("02-30")]
    [TestCase("02-29")]
    [TestCase("3-31")]
    [TestCase("13-01")]
    [TestCase("March 31")]
    public void A_fiscal_year_end_that_is_not_one_day_of_every_year_is_refused(string value)
    {
        var yaml = $"entities:\n  - name: 云帆\n    aliases: [云帆科技]\n    fiscal_year_end: \"{value}\"\n";
        Assert.Throws<InvalidDataException>(() => EntityLexicon.Parse(yaml));
    }

    [TestCase("entities:\n  - name: 云帆\n    aliases: [云帆科技]\n  - name: 白鹭\n    aliases: [云帆科技]\n")]
    [TestCase("entities:\n  - name: 云帆\n    tickers: [06999.HK]\n  - name: 白鹭\n    tickers: [HK06999]\n")]
    [TestCase("entities:\n  - name: 云帆\n    aliases: [帆]\n")]
    [TestCase("entities:\n  - name: 云帆\n    alias: [云帆科技]\n")]
    public void A_lexicon_with_a_shared_alias_or_ticker_a_short_alias_or_an_unknown_key_is_refused(string yaml) =>
        Assert.That(() => EntityLexicon.Parse(yaml), Throws.InstanceOf<Exception>());

    [Test]
    public void Lexicons_disagreeing_on_a_fiscal_year_end_cannot_be_combined()
    {
        var a = EntityLexicon.Parse("entities:\n  - name: 云帆\n    fiscal_year_end: \"03-31\"\n");
        var b = EntityLexicon.Parse("entities:\n  - name: 云帆\n    fiscal_year_end: \"06-30\"\n");
        Assert.Throws<InvalidDataException>(() => EntityLexicon.Combine(a, b));
        Assert.That(EntityLexicon.Combine(a, EntityLexicon.Parse("entities:\n  - name: 云帆\n    aliases: [Yunfan]\n")).FiscalYearEnd("云帆"),
            Is.EqualTo(new AnnualDate(3, 31)));
    }

    [Test]
    public void A_phrase_that_holds_an_alias_but_names_no_company_is_no_mention()
    {
        var finder = new EntityFinder(EntityLexicon.Default);
        var found = finder.Find("中国银行业协会数据显示，中国银行三季度净息差为1.26%。");
        Assert.That(found.Mentions.Select(m => m.Name), Is.EqualTo(new[] { "中国银行" }));
        Assert.That(found.Mentions.Single().Span.Start, Is.EqualTo("中国银行业协会数据显示，".Length));
    }
}
