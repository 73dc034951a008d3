using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Pipeline.Chinese;
using Pipeline.Chinese.Native;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Tests.Chinese;

public class BadInputTests
{
    private static ChineseConverter T2S => ChineseConverter.Open();

    private static StageText Check(string input)
    {
        var result = T2S.ConvertMapped(input);
        Assert.That(result.Map.InputLength, Is.EqualTo(input.Length));
        Assert.That(result.Map.OutputLength, Is.EqualTo(result.Text.Length));
        return result;
    }

    [Test]
    public void Unpaired_surrogates_are_kept_in_place()
    {
        var input = "國\uD800後\uDC00裡\uD83D";
        var result = Check(input);
        Assert.That(result.Text, Is.EqualTo("国\uD800后\uDC00里\uD83D"));
        Assert.That(result.ToSource(new TextSpan(1, 2)), Is.EqualTo(new TextSpan(1, 2)));
    }

    [Test]
    public void Nul_characters_do_not_truncate()
    {
        var result = Check("兩家\0公司\0\0上市後");
        Assert.That(result.Text, Is.EqualTo("两家\0公司\0\0上市后"));
    }

    [Test]
    public void Very_long_line_without_punctuation()
    {
        var input = string.Concat(Enumerable.Repeat("經濟發展隨著時間變化", 30_000));
        var result = Check(input);
        Assert.That(result.Text, Has.Length.EqualTo(input.Length));
        Assert.That(result.Text, Does.StartWith("经济发展随着时间变化经济"));
    }

    [Test]
    public void Long_runs_are_cut_at_separators_with_the_same_result()
    {
        var line = string.Concat(Enumerable.Repeat("經濟發展隨著時間變化，乾隆皇帝的乾淨衣服；1瓩等於1000瓦", 900)); // ~40k chars, one line
        var input = line + "\n" + string.Concat(Enumerable.Repeat("後來於是\n", 10_000)) + "𠁞𡻕";
        var result = T2S.Convert(input, out var stats);
        Assert.That(result.Text, Is.EqualTo(T2S.Native.Convert(input)));
        Assert.That(stats.NativeCalls, Is.GreaterThan(2));
        Assert.That(result.Map.InputLength, Is.EqualTo(input.Length));
    }

    [TestCase("")]
    [TestCase("Plain ASCII text, no CJK at all.\r\nSecond line\t1234")]
    [TestCase("Ünïcödé ½ — “quotes” ∑ 🙂 emoji")]
    [TestCase("已经是简体中文，没有繁体字。")]
    public void Text_without_traditional_characters_passes_through(string input)
    {
        var result = T2S.Convert(input, out var stats);
        Assert.That(result.Text, Is.EqualTo(input));
        Assert.That(stats.NativeCalls, Is.EqualTo(0));
    }

    [Test]
    public void Stage_never_throws_and_reports_conversion()
    {
        var stage = new ChineseConversionStage();
        foreach (var input in new[] { "", "\0", "\uDFFF", "abc", "後來\n\n\n於是", new string('國', 100_000) })
        {
            var context = new DocumentContext(SourceDocument.FromText("x", input));
            var result = stage.Apply(input, context);
            Assert.That(result.Map.InputLength, Is.EqualTo(input.Length));
        }
    }

    [Test]
    public void Paragraphs_are_batched_and_simplified_ones_skipped()
    {
        var input = "後來\n於是\n已经简体\n\n裡面";
        var result = T2S.Convert(input, out var stats);
        Assert.That(result.Text, Is.EqualTo("后来\n于是\n已经简体\n\n里面"));
        Assert.That(stats.NativeCalls, Is.EqualTo(2));
        Assert.That(stats.ConvertedParagraphs, Is.EqualTo(3));
    }

    [Test]
    public void Shared_converter_is_thread_safe()
    {
        var text = string.Concat(Enumerable.Repeat("短短兩天之內,兩家中國大模型公司接連掛牌上市。\n", 200));
        var expected = T2S.Convert(text);
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = T2S.Convert(text));
        Assert.That(results, Is.All.EqualTo(expected));
    }

    [Test]
    public void Missing_native_library_is_a_configuration_error_naming_the_install_command()
    {
        Assert.That(OpenCcLibrary.TryLoad(["libopencc-does-not-exist.so.9"], out var from), Is.EqualTo((nint)0));
        Assert.That(from, Is.Null);
        var e = new OpenCcUnavailableException("The OpenCC native library was not found.");
        Assert.That(e.Message, Does.Contain("apt-get install -y libopencc1.1 opencc"));
        Assert.Throws<OpenCcUnavailableException>(() => OpenCcConverter.Open("/nonexistent/t2s.json"));
    }
}

public class StreamConversionTests
{
    [TestCase(1024)]
    [TestCase(4096)]
    public void Stream_conversion_equals_whole_text_conversion(int block)
    {
        var text = string.Concat(Enumerable.Repeat("短短兩天之內,兩家中國大模型公司接連掛牌上市。\r\n意味著𠁞\n", 300))
                   + new string('國', 5000) + "\n最後一行沒有換行";
        var converter = ChineseConverter.Open();
        var writer = new StringWriter();
        converter.Convert(new StringReader(text), writer, block);
        Assert.That(writer.ToString(), Is.EqualTo(converter.Convert(text)));
    }
}

public class ConfigurationErrorTests
{
    [Test]
    public void OpenCc_errors_are_pipeline_configuration_errors() =>
        Assert.That(new OpenCcUnavailableException("x"), Is.InstanceOf<PipelineConfigurationException>());
}
