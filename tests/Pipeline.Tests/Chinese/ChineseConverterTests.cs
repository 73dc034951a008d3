using System.Diagnostics;
using NUnit.Framework;
using Pipeline.Chinese;
using Pipeline.Text;

namespace Pipeline.Tests.Chinese;

public class ChineseConverterTests
{
    [Test]
    public void Converts_particle_and_keeps_works()
    {
        var clock = Stopwatch.StartNew();
        var c = ChineseConverter.Open(ChineseProfile.T2S);
        TestContext.Out.WriteLine($"open+probe {clock.ElapsedMilliseconds} ms");
        Assert.That(c.Convert("這意味著市場隨著時間變化，他的著作很顯著。"), Is.EqualTo("这意味着市场随着时间变化，他的著作很显著。"));
        Assert.That(c.Convert("随著时间，标誌著新阶段；有著作权"), Is.EqualTo("随着时间，标志着新阶段；有著作权"));
    }

    [TestCase("1瓩等於1000瓦。")]
    [TestCase("乾隆皇帝的乾淨衣服")]
    [TestCase("䂎䆉𠁞𡻕abc")]
    [TestCase("短短兩天之內,兩家中國大模型公司接連掛牌上市。")]
    public void Map_points_each_piece_at_its_source(string input)
    {
        var c = ChineseConverter.Open(ChineseProfile.T2S);
        var result = c.ConvertMapped(input);
        Assert.That(result.Text, Is.EqualTo(c.Native.Convert(input)));
        Assert.That(result.Map.InputLength, Is.EqualTo(input.Length));
        Assert.That(result.Map.OutputLength, Is.EqualTo(result.Text.Length));
        for (var i = 0; i < result.Text.Length; i++)
        {
            var len = char.IsHighSurrogate(result.Text[i]) ? 2 : 1;
            var src = result.ToSource(TextSpan.FromLength(i, len));
            TestContext.Out.WriteLine($"{result.Text.Substring(i, len)} <- {input[src.Start..src.End]}");
            i += len - 1;
        }
    }
}
