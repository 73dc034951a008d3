using System.Linq;
using NUnit.Framework;
using Pipeline.Facts;
using Pipeline.Recognition;

namespace Pipeline.Tests.Facts;

/// <summary>Definitions that carry a short name and a ticker together, and the merge of one company's Chinese and
/// English names across documents (invented companies).</summary>
public class CrossLanguageEntityTests
{
    private static readonly EntityFinder Finder = new(EntityLexicon.Default);

    [TestCase("宁波星舟电池股份有限公司（以下简称星舟电池，03366.HK）今日上市。星舟电池首日上涨。")]
    [TestCase("宁波星舟电池股份有限公司（以下简称“星舟电池”、03366.HK）今日上市。星舟电池首日上涨。")]
    [TestCase("宁波星舟电池股份有限公司（以下简称星舟电池; HK03366）今日上市。星舟电池首日上涨。")]
    public void A_short_name_stops_at_a_separator_and_the_ticker_after_it_is_an_alias(string text)
    {
        var found = Finder.Find(text);
        var def = found.Definitions.Single();
        Assert.That(def.Canonical, Is.EqualTo("星舟电池"));
        Assert.That(def.FullName, Is.EqualTo("宁波星舟电池股份有限公司"));
        Assert.That(def.Tickers.Select(t => Tickers.TryNormalize(t, out var n, "HK") ? n : t), Is.EqualTo(new[] { "HK:3366" }));
        Assert.That(found.Mentions.Select(m => m.Name), Is.All.EqualTo("星舟电池"));
    }

    [Test]
    public void A_subject_followed_by_a_year_binds_every_figure_of_the_sentence()
    {
        const string text = "宁波星舟电池股份有限公司（以下简称星舟电池，03366.HK）今日上市。招股书显示，星舟电池2023年营收为18.2亿元，净亏损3.4亿元；2024年上半年营收为11.5亿元。";
        var kit = new MentionKit(text)
            .Year("2023年", 2023).Money("18.2亿元", 1.82e9m).Money("3.4亿元", 3.4e8m)
            .Period("2024年上半年", ReportingPeriod.Half(2024, 1)).Money("11.5亿元", 1.15e9m);
        Assert.That(kit.Bind().Claims.Select(ClaimBinderTests.Row), Is.EqualTo(new[]
        {
            "星舟电池|revenue|2023-01-01/2023-12-31|1820000000 CNY|=",
            "星舟电池|net_loss|2023-01-01/2023-12-31|340000000 CNY|=",
            "星舟电池|revenue|2024-01-01/2024-06-30|1150000000 CNY|=",
        }));
    }

    [Test]
    public void An_english_name_merges_into_the_chinese_short_name_through_the_ticker_whatever_the_order()
    {
        var chinese = Finder.Find("宁波星舟电池股份有限公司（以下简称星舟电池，03366.HK）今日上市。").Definitions;
        var english = Finder.Find("Xingzhou Battery (3366.HK) began trading on Friday.").Definitions;
        var other = Finder.Find("Baiyun Foods (HK01234) fell.").Definitions;
        Assert.That(english.Single().Canonical, Is.EqualTo("Xingzhou Battery"));
        foreach (var order in new[] { new[] { chinese, english, other }, new[] { other, english, chinese } })
        {
            var merger = new EntityMerger(EntityLexicon.Default);
            foreach (var d in order) merger.Add(d);
            Assert.That(merger.Resolve("Xingzhou Battery"), Is.EqualTo("星舟电池"));
            Assert.That(merger.Resolve("星舟电池"), Is.EqualTo("星舟电池"));
            Assert.That(merger.Resolve("Baiyun Foods"), Is.EqualTo("Baiyun Foods"));
        }
    }

    [TestCase("According to the prospectus of Xingzhou Battery (3366.HK), revenue rose.", "Xingzhou Battery")]
    [TestCase("Shares of Xingzhou Battery (3366.HK) rose.", "Xingzhou Battery")]
    [TestCase("Rival Bank of Xingzhou (3366.HK) fell.", "Bank of Xingzhou")]
    [TestCase("Shenzhen-based Xingzhou Battery Co., Ltd. (HK03366) rose.", "Xingzhou Battery")]
    public void An_english_latin_name_is_its_capitalised_words(string text, string name)
    {
        var found = Finder.Find(text);
        Assert.That(found.Definitions.Single().Canonical, Is.EqualTo(name));
    }
}
