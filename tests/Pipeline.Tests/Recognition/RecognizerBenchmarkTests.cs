using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Bench;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition;

/// <summary>Prints the throughput on the seed corpus repeated to about 1 MB (UTF-8), as the peer's
/// <c>node run.js --bench 1 corpus/*.txt</c> measures it. Reports only: no timing assertions.</summary>
public class RecognizerBenchmarkTests
{
    [Test]
    public void SeedCorpusThroughput()
    {
        var seed = string.Join("\n", Directory.GetFiles(TestPaths.Corpus, "*.txt").Order().Select(File.ReadAllText));
        var bytes = System.Text.Encoding.UTF8.GetByteCount(seed);
        var reps = Math.Max(1, (int)Math.Round(1_000_000.0 / bytes));
        var big = string.Join("\n", Enumerable.Repeat(seed, reps));
        var result = RecognizerBenchmark.Run(big, rounds: 3);
        TestContext.Out.WriteLine($"{big.Length:N0} chars ({reps} x seed), {result.Mentions:N0} mentions, best of 3: {result.Elapsed.TotalMilliseconds:F0} ms, " +
                                  $"{result.CharsPerSecond:N0} chars/s, {result.MegabytesPerSecond:F1} MB/s (UTF-8), {result.CharsPerCpuSecond:N0} chars per CPU second");
        Assert.That(result.Mentions, Is.GreaterThan(0));
    }
}
