using NUnit.Framework;
using Pipeline.Text;

namespace Pipeline.Tests.Text;

public class LanguageDetectorTests
{
    [TestCase("智谱首日开盘价 120 港元，较发行价上涨 3.3%。", ContentLanguage.Chinese)]
    [TestCase("MiniMax（HK00100）正式登陆港交所，首日收盘大涨 109.09%，AGI 与 API 收入增长。", ContentLanguage.Chinese)]
    [TestCase("The shares opened at HK$120, 3.3% above the offer price of HK$116.20.", ContentLanguage.English)]
    [TestCase("Zhipu (智谱) listed in Hong Kong on January 8, raising HK$4.3 billion.", ContentLanguage.English)]
    [TestCase("公司公告称 revenue rose sharply, 同比增长 in the first half 上半年。", ContentLanguage.Mixed)]
    [TestCase("2026-01-18 10:59 | 123", ContentLanguage.Unknown)]
    [TestCase("", ContentLanguage.Unknown)]
    public void Detects_by_script(string text, ContentLanguage expected) => Assert.That(LanguageDetector.Detect(text), Is.EqualTo(expected));
}
