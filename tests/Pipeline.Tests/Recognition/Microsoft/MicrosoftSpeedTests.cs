using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Bench;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition.Microsoft;

/// <summary>
/// Our recognizers beside Microsoft's C# models in this one process, on the seed corpus fed line by line: process
/// CPU time per recognizer (fair on a busy machine) and the ratio. Reports only (no timing assertion: speed belongs
/// to <c>pipeline bench</c>, which can run <see cref="MicrosoftRecognizers.Bench"/> the same way).
/// </summary>
public class MicrosoftSpeedTests
{
    [Test]
    public void OursBesideMicrosoftInProcess()
    {
        var seed = string.Join("\n", Directory.GetFiles(TestPaths.Corpus, "*.txt").Order().Select(File.ReadAllText));
        var lines = seed.Split('\n').Where(l => l.Length > 0).ToList();
        var chars = lines.Sum(l => l.Length);
        var reference = new LocalDate(2026, 1, 18);
        var context = RecognitionContext.Chinese(reference);
        var model = RecognitionExtensions.CreateStandardModel();
        const int ourRounds = 20;
        var buffer = new List<Mention>();
        double ourTotal = 0;
        foreach (var recognizer in model.Recognizers)
        {
            foreach (var line in lines) { buffer.Clear(); recognizer.Recognize(line, context, buffer); }
            var cpu = Cpu(() => { for (var r = 0; r < ourRounds; r++) foreach (var line in lines) { buffer.Clear(); recognizer.Recognize(line, context, buffer); } }) / ourRounds;
            ourTotal += cpu;
            TestContext.Out.WriteLine($"ours {recognizer.Name,-12} {chars / cpu,12:N0} chars per CPU second");
        }
        var bare = new Pipeline.Recognition.Dates.DateRecognizer(ChineseLexicon.Default, []);
        var bareCpu = Cpu(() => { for (var r = 0; r < ourRounds; r++) foreach (var line in lines) { buffer.Clear(); bare.Recognize(line, context, buffer); } }) / ourRounds;
        TestContext.Out.WriteLine($"ours date without named patterns {chars / bareCpu,12:N0} chars per CPU second");
        var merged = Cpu(() => { for (var r = 0; r < ourRounds; r++) foreach (var line in lines) model.Recognize(line, context); }) / ourRounds;
        TestContext.Out.WriteLine($"ours all (merged) {chars / merged,10:N0} chars per CPU second; recognizers alone add up to {chars / ourTotal:N0}");
        var peer = new MicrosoftRecognizers();
        var (_, theirs, results) = peer.Bench(lines, reference);
        var theirCpu = theirs.TotalSeconds;
        TestContext.Out.WriteLine($"Microsoft C# all four models {chars / theirCpu,10:N0} chars per CPU second ({results} results)");
        TestContext.Out.WriteLine($"ours (all recognizers, merged) / Microsoft C#: {theirCpu / merged:F0}x on {chars:N0} chars of seed text");
        Assert.That(results, Is.GreaterThan(0));
    }

    private static double Cpu(Action action)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return Math.Max((process.TotalProcessorTime - before).TotalSeconds, 1e-6);
    }
}
