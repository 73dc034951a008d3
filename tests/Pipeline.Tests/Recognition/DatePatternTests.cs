using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Recognition;
using Pipeline.Recognition.Dates;

namespace Pipeline.Tests.Recognition;

/// <summary>The named date patterns (<see cref="DatePatterns"/>) in sentences as outlets write them, and the rule that
/// a pattern is one entry: a recognizer without the registry does not read them.</summary>
public class DatePatternTests
{
    private static readonly RecognitionContext Context = RecognitionContext.Chinese(new LocalDate(2025, 7, 22));

    [TestCase("美国劳工节定于9月的第一个星期一，交易所当日休市。", "9月的第一个星期一", "2025-09-01")]
    [TestCase("公司计划于四月的最后一个星期一召开股东大会。", "四月的最后一个星期一", "2025-04-28")]
    [TestCase("新品将在十月的第一周上市。", "十月的第一周", "2025-10-06/2025-10-12")]
    [TestCase("该批货物预计12/1到港。", "12/1", "2025-12-01")]
    [TestCase("公司股价上个月 8 日触及高位。", "上个月 8 日", "2025-06-08")]
    [TestCase("上世纪90年代，这家企业还只是一间小作坊。", "上世纪90年代", "1990-01-01/1999-12-31")]
    public void Reads(string sentence, string text, string iso)
    {
        var mentions = new List<Mention>();
        new DateRecognizer(ChineseLexicon.Default).Recognize(sentence, Context, mentions);
        var m = mentions.Single(x => x.Text == text);
        Assert.That(m.Period!.Value.ToIsoString(), Is.EqualTo(iso));
    }

    [Test]
    public void A_half_stays_a_fraction()
    {
        var mentions = RecognitionExtensions.CreateStandardModel().Recognize("约1/2的受访者表示看好后市。", Context);
        Assert.That(mentions.Any(m => m.Kind is MentionKind.Date or MentionKind.Period), Is.False);
    }

    [Test]
    public void Without_the_registry_the_patterns_are_not_read()
    {
        var mentions = new List<Mention>();
        new DateRecognizer(ChineseLexicon.Default, []).Recognize("公司计划于四月的最后一个星期一召开股东大会。", Context, mentions);
        Assert.That(mentions.Any(m => m.Text.Contains("最后一个星期一")), Is.False);
    }

    [Test]
    public void A_timeline_joined_by_semicolons_keeps_its_year()
    {
        const string text = "2025年2月10日，证监会接收了云帆科技的境外上市备案材料；3月12日，云帆科技公开递交招股书；4月9日，云帆科技在纳斯达克挂牌。";
        var mentions = new List<Mention>();
        new DateRecognizer(ChineseLexicon.Default).Recognize(text, RecognitionContext.Chinese(null), mentions);
        Assert.That(mentions.Select(m => m.Period!.Value.ToIsoString()), Is.EqualTo(new[] { "2025-02-10", "2025-03-12", "2025-04-09" }),
            "the entries after a semicolon are days of the year the timeline opened with");
    }
}
