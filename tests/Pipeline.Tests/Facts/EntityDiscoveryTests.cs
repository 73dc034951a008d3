using System.Linq;
using NUnit.Framework;
using Pipeline.Facts;

namespace Pipeline.Tests.Facts;

/// <summary>Companies the lexicon does not know become entities from how a headline or lede names them: with a ticker,
/// a legal name, or an English name and the name it is also known by (invented companies, written as outlets write).</summary>
public class EntityDiscoveryTests
{
    private static readonly EntityFinder Finder = new(EntityLexicon.Default);

    private static string Normalized(string ticker) => Tickers.TryNormalize(ticker, out var n, "HK") ? n : ticker;

    [TestCase("财联社1月12日电，港股新茶饮品牌青柠集团（02797.HK）今日挂牌上市，开盘涨超40%。青柠集团此次发行价为每股12.5港元。", "青柠集团", "HK:2797")]
    [TestCase("《经济通通讯社12日专讯》青柠集团(02797)首日挂牌，开报17.5元，较招股价12.5元高40%。青柠集团全日收报16.9元。", "青柠集团", "HK:2797")]
    [TestCase("新能源车企云帆汽车（HK06999）公布，11月交付新车3.2万辆，同比增长51%。", "云帆汽车", "HK:6999")]
    [TestCase("云帆股份（603999）晚间公告，前三季度实现营业收入52.3亿元。", "云帆股份", "SH:603999")]
    [TestCase("云帆电池（股票代码：301999）发布公告称，公司拟赴港上市。", "云帆电池", "SZ:301999")]
    public void A_chinese_name_with_a_ticker_is_an_entity(string text, string name, string ticker)
    {
        var found = Finder.Find(text);
        var def = found.Definitions.First();
        Assert.That(def.Canonical, Is.EqualTo(name));
        Assert.That(def.Tickers.Select(Normalized), Is.EqualTo(new[] { ticker }));
        Assert.That(found.Mentions.Select(m => m.Name), Is.All.EqualTo(name).And.Not.Empty);
    }

    [TestCase("HONG KONG, Jan 12 (Reuters) - Shares of Qingning Group (2797.HK) jumped 40% in their Hong Kong trading debut on Monday, after the bubble tea chain raised HK$1.2 billion.", "Qingning Group", "HK:2797")]
    [TestCase("Yunfan Auto Co Ltd (HKG: 6999) delivered 32,000 vehicles in November, up 51% from a year earlier.", "Yunfan Auto", "HK:6999")]
    [TestCase("Baiyun Robotics Inc. (NASDAQ: BYRO) said on Tuesday its third-quarter revenue rose 18%.", "Baiyun Robotics", "US:BYRO")]
    [TestCase("Shares of Qingning Group (2797 HK) rose as much as 45% in early trading.", "Qingning Group", "HK:2797")]
    [TestCase("Chinese lidar maker Baiyun Photonics (BYPH.O) fell 6% in New York.", "Baiyun Photonics", "US:BYPH")]
    public void An_english_name_with_a_ticker_is_an_entity(string text, string name, string ticker)
    {
        var def = Finder.Find(text).Definitions.Single();
        Assert.That(def.Canonical, Is.EqualTo(name));
        Assert.That(def.Tickers.Select(Normalized), Is.EqualTo(new[] { ticker }));
    }

    [Test]
    public void A_known_company_named_with_an_exchange_prefix_is_the_lexicon_entity()
    {
        Assert.That(Finder.Find("BYD Co Ltd (HKG: 1211) sold 300,000 vehicles in March.").Definitions.Single().Canonical, Is.EqualTo("比亚迪"));
        Assert.That(Finder.Find("NIO Inc. (NYSE: NIO) delivered 20,000 vehicles in the quarter.").Mentions.Select(m => m.Name).Distinct(),
            Is.EqualTo(new[] { "蔚来" }));
    }

    [Test]
    public void A_chinese_legal_name_without_a_parenthesis_is_an_entity_and_its_short_forms_are_mentions()
    {
        const string text = "杭州青柠智能科技股份有限公司今日在港交所主板挂牌，每股发行价21.5港元。青柠智能首日收涨35%，青柠全日成交额达8.6亿港元。";
        var found = Finder.Find(text);
        var def = found.Definitions.Single();
        Assert.That(def.Canonical, Is.EqualTo("杭州青柠智能科技股份有限公司"));
        Assert.That(def.ShortForms, Does.Contain("青柠智能科技").And.Contain("青柠智能").And.Contain("青柠"));
        Assert.That(found.Mentions.Select(m => text[m.Span.Start..m.Span.End]), Is.EqualTo(new[] { "杭州青柠智能科技股份有限公司", "青柠智能", "青柠" }));
        Assert.That(found.Mentions.Select(m => m.Name), Is.All.EqualTo(def.Canonical));
    }

    [TestCase("据杭州青柠智能科技股份有限公司公告，公司拟发行H股。", "杭州青柠智能科技股份有限公司")]
    [TestCase("该公司全资子公司上海白鹭生物医药有限公司获批临床。", "上海白鹭生物医药有限公司")]
    [TestCase("联席全球协调人包括青柠国际证券有限公司及白鹭资本有限公司。", "青柠国际证券有限公司")]
    [TestCase("招股书显示，摩云智算科技（北京）股份有限公司2024年亏损12亿元。", "摩云智算科技（北京）股份有限公司")]
    public void A_chinese_legal_name_starts_after_the_words_that_introduce_it(string text, string name) =>
        Assert.That(Finder.Find(text).Definitions.First().FullName, Is.EqualTo(name));

    [Test]
    public void A_short_name_that_points_back_at_the_deal_or_the_company_is_no_name()
    {
        var found = Finder.Find("公司H股已于2025年5月23日在香港联交所主板挂牌并上市交易(以下简称“本次发行”)。本次发行募集资金约98.9亿港元。");
        Assert.That(found.Definitions, Is.Empty);
        Assert.That(found.Mentions, Is.Empty);
        var own = Finder.Find("杭州青柠智能科技股份有限公司（以下简称“本公司”）董事会宣布，本公司H股今日上市。").Definitions.Single();
        Assert.That(own.Canonical, Is.EqualTo("杭州青柠智能科技股份有限公司"));
        Assert.That(own.ShortName, Is.EqualTo("本公司"));
    }

    [Test]
    public void A_legal_name_before_a_parenthesis_starts_where_the_name_does()
    {
        var found = Finder.Find("公司超额配售权已获悉数行使并经香港联合交易所有限公司（以下简称“联交所”）批准。");
        Assert.That(found.Definitions.Single().FullName, Is.EqualTo("香港联合交易所有限公司"));
    }

    [Test]
    public void An_english_legal_name_without_a_parenthesis_is_an_entity()
    {
        const string text = "Shares of Jiangxi Baiyun Pharmaceutical Co., Ltd. rose 12% on Friday. Baiyun said it expects sales of its cancer drug to double.";
        var found = Finder.Find(text);
        var def = found.Definitions.Single();
        Assert.That(def.FullName, Is.EqualTo("Jiangxi Baiyun Pharmaceutical Co., Ltd."));
        Assert.That(def.ShortForms, Does.Contain("Baiyun Pharmaceutical").And.Contain("Baiyun"));
        Assert.That(found.Mentions.Select(m => m.Name), Is.EqualTo(new[] { def.Canonical, def.Canonical }));
    }

    [Test]
    public void A_legal_name_whose_short_form_the_lexicon_knows_is_the_lexicon_entity() =>
        Assert.That(Finder.Find("Pricing of the offering by Chagee Holdings Limited was announced on Thursday.").Definitions.Single().Canonical,
            Is.EqualTo("霸王茶姬"));

    [Test]
    public void An_english_name_and_the_name_it_is_also_known_as_are_one_entity()
    {
        const string text = "Qingyun AI, also known as Beijing Qingyun Intelligence Technology, raised HK$4.3 billion. Qingyun's shares opened 8% higher.";
        var found = Finder.Find(text);
        var def = found.Definitions.Single();
        Assert.That(def.Canonical, Is.EqualTo("Qingyun AI"));
        Assert.That(def.FullName, Is.EqualTo("Beijing Qingyun Intelligence Technology"));
        Assert.That(found.Mentions.Select(m => m.Name), Is.EqualTo(new[] { "Qingyun AI", "Qingyun AI", "Qingyun AI" }));
        // A known company's other name joins the lexicon entity.
        Assert.That(Finder.Find("Zhipu AI, also known as Knowledge Atlas Technology, listed in Hong Kong.").Mentions.Select(m => m.Name).Distinct(),
            Is.EqualTo(new[] { "智谱" }));
    }

    [TestCase("Xiaomi (1810.HK) said revenue rose 22% in 2025.", "1810.HK", "HK:1810")]
    [TestCase("BYD Co Ltd (HKG: 1211) sold 300,000 vehicles.", "HKG: 1211", "HK:1211")]
    [TestCase("NIO Inc. (NYSE: NIO) delivered 20,000 vehicles.", "NYSE: NIO", "US:NIO")]
    [TestCase("Pop Mart International (9992 HK) rose 4%.", "9992 HK", "HK:9992")]
    [TestCase("青柠集团（02797.HK）今日上市。", "02797.HK", "HK:2797")]
    [TestCase("宁德时代（SZ300750）公告。", "SZ300750", "SZ:300750")]
    public void Tickers_are_spans_that_no_figure_may_be_read_from(string text, string ticker, string normalized)
    {
        var spans = Finder.Find(text).Tickers;
        var span = spans.Single();
        Assert.That(text[span.Span.Start..span.Span.End], Is.EqualTo(ticker));
        Assert.That(span.Normalized, Is.EqualTo(normalized));
    }

    [TestCase("The company was founded in 2015.")]
    [TestCase("截至2025年9月30日止九个月，收入增长20%。")]
    [TestCase("Revenue rose to HK$2,513 million.")]
    public void Years_and_amounts_are_no_tickers(string text) => Assert.That(Finder.Find(text).Tickers, Is.Empty);
}
