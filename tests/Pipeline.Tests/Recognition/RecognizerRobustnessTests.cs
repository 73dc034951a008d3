using System;
using System.Collections.Generic;
using NUnit.Framework;
using NodaTime;
using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>Bad input never throws: random strings over the characters the recognizers care about, and every
/// mention stays in bounds with its text equal to the span.</summary>
public class RecognizerRobustnessTests
{
    private const string Alphabet = "0123456789０１２３４５６７８９.,，-－/:%％‰ 一二两三四五六七八九十百千万亿兆零〇壹贰叁肆伍陆柒捌玖拾佰仟萬億半点負负分之又"
                                    + "年月日号季度前后上下半初末底今去明本周星期至到及和、截止个倍成折元港美人民币$¥HKQ余多几约超过近最近农历正腊大世纪代";

    [Test]
    public void RandomInputNeverThrows()
    {
        var model = RecognitionExtensions.CreateChineseModel();
        var random = new Random(20260118);
        var chars = new char[40];
        for (var n = 0; n < 20000; n++)
        {
            var length = random.Next(1, chars.Length);
            for (var k = 0; k < length; k++) chars[k] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars, 0, length);
            var reference = n % 7 == 0 ? (LocalDate?)null : new LocalDate(1900 + random.Next(250), 1 + random.Next(12), 1 + random.Next(28));
            IReadOnlyList<Mention> mentions = [];
            Assert.DoesNotThrow(() => mentions = model.Recognize(text, RecognitionContext.Chinese(reference)), text);
            foreach (var m in mentions)
            {
                Assert.That(m.Span.End, Is.LessThanOrEqualTo(text.Length), text);
                Assert.That(m.Text, Is.EqualTo(text[m.Span.Start..m.Span.End]), text);
            }
        }
    }

    [TestCase("999999999999999999999999999万亿元")]
    [TestCase("9999999999999999999999999999999999")]
    [TestCase("2^99999")]
    [TestCase("零零零零年")]
    [TestCase("2099年腊月三十")]
    public void ExtremesDoNotThrow(string text) =>
        Assert.DoesNotThrow(() => RecognitionExtensions.CreateChineseModel().Recognize(text, RecognitionContext.Chinese(new LocalDate(2026, 1, 9))));
}
