using System.Diagnostics;
using NUnit.Framework;
using Pipeline.Chinese;

namespace Pipeline.Tests.Chinese;

/// <summary>Prints throughput beside the opencc tool. Explicit: run on demand, never a timing assertion.</summary>
[Explicit("benchmark: run on demand")]
public class ConversionBenchmarkTests
{
    [Test]
    public void Throughput_beside_opencc_cli()
    {
        var clock = Stopwatch.StartNew();
        ChineseConverter.Open(ChineseProfile.HK2S);
        TestContext.Out.WriteLine($"open + character probe (hk2s): {clock.ElapsedMilliseconds} ms");
        var seeds = ChineseTestData.Seeds();
        var traditional = string.Join("\n", seeds.Where(s => s.Metadata.Language == "zh-Hant").Select(s => s.Text));
        var all = string.Join("\n", seeds.Select(s => s.Text));
        TestContext.Out.WriteLine("Traditional seeds: " + ConversionBenchmark.Run(traditional));
        TestContext.Out.WriteLine("All seeds:         " + ConversionBenchmark.Run(all));
        var simplified = string.Join("\n", seeds.Where(s => s.Metadata.Language == "zh-Hans").Select(s => s.Text));
        TestContext.Out.WriteLine("Simplified seeds:  " + ConversionBenchmark.Run(simplified));
    }
}
