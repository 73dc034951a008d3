using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.DevSet;

/// <summary>
/// The development set (<c>../shared/dev-articles</c>: real articles on companies the seed corpus never mentions) run
/// the way a user runs it, through <c>pipeline run</c> on each folder as given, then scored with the shared
/// <c>score_claims.py</c>. Prints recall, precision and the most frequent reasons figures stayed unbound, and asserts
/// floors just below what is reached, so that a change that loses claims on real articles fails.
/// </summary>
[TestFixture]
public class DevSetScoreTests
{
    // Floors just below the figures measured when they were set (see the commit that last changed them).
    private static readonly Dictionary<string, (double Recall, double Precision)> Floors = new()
    {
        ["results"] = (0.91, 0.96),
        ["ipos"] = (0.96, 0.97),
    };

    [TestCase("results")]
    [TestCase("ipos")]
    public void Claims_reach_the_floors_on_the_development_set(string folder)
    {
        var input = Path.Combine(TestPaths.Shared, "dev-articles", folder);
        var scorer = Path.Combine(TestPaths.Shared, "tools", "score_claims.py");
        if (!Directory.Exists(input) || !File.Exists(scorer)) Assert.Ignore($"shared dev set not found at {input}");
        var python = FindOnPath("python3");
        if (python is null) Assert.Ignore("python3 is needed to run the shared scorer");

        var outDir = Path.Combine(Path.GetTempPath(), "pipeline-devset-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = Pipeline.Cli.Cli.Run(["run", input, "--out", outDir, "--full"], stdout, stderr);
            Assert.That(code, Is.EqualTo(0), stderr.ToString());

            var (recall, precision, report) = Score(python, scorer, Path.Combine(outDir, "claims.csv"), Path.Combine(input, "gold.tsv"));
            TestContext.Out.WriteLine(report);
            using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
            TestContext.Out.WriteLine("top unbound reasons:");
            foreach (var p in run.RootElement.GetProperty("unbound_reasons").EnumerateObject().OrderByDescending(p => p.Value.GetInt32()).Take(5))
                TestContext.Out.WriteLine($"  {p.Name,-18} {p.Value.GetInt32()}");

            var floor = Floors[folder];
            Assert.Multiple(() =>
            {
                Assert.That(recall, Is.GreaterThanOrEqualTo(floor.Recall), "recall on the development set fell");
                Assert.That(precision, Is.GreaterThanOrEqualTo(floor.Precision), "precision on the development set fell");
            });
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    private static (double Recall, double Precision, string Report) Score(string python, string scorer, string claims, string gold)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { scorer, claims, gold }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), error);
        var line = output.Split('\n').Last(l => l.StartsWith("claims recall", StringComparison.Ordinal));
        var words = line.Split(' ');
        return (double.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(words[5], System.Globalization.CultureInfo.InvariantCulture), line);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
