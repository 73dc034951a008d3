using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// A run killed mid-batch and started again finishes with the same outputs as an uninterrupted run; outputs do
/// not depend on the order inputs are given in.
/// </summary>
public class InterruptedRunTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-kill-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static readonly string[] Datasets = ["claims.csv", "facts.csv", "conflicts.csv", "mentions.jsonl", "quarantine.csv", "audit.md"];

    /// <summary>Many distinct documents made from the seed articles (a unique paragraph each).</summary>
    private static string MakeCorpus(string dir, int count)
    {
        Directory.CreateDirectory(dir);
        var seeds = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        for (var i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(dir, $"doc{i:D5}.txt"),
                seeds[i % seeds.Length] + $"\n\n第{i}号补充：2025年公司营收为{i + 1}.5亿元，同比增长{i % 90 + 1}%。\n");
        return dir;
    }

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    private static Process StartRun(string input, string outDir) => Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { CliDll, "run", input, "--out", outDir, "--jobs", "2" },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    })!;

    private static long CommittedDocuments(string outDir)
    {
        var db = Path.Combine(outDir, "pipeline.db");
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // schema not created yet
        }
    }

    [Test]
    public void A_killed_run_resumed_gives_the_same_outputs_as_an_uninterrupted_one()
    {
        var input = MakeCorpus(Path.Combine(_dir, "in"), 1500);
        var killedOut = Path.Combine(_dir, "killed");

        using (var run = StartRun(input, killedOut))
        {
            var watch = Stopwatch.StartNew();
            while (!run.HasExited && CommittedDocuments(killedOut) < 100 && watch.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(5);
            Assert.That(run.HasExited, Is.False, "the run should still be going when it is killed");
            run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }
        var committed = CommittedDocuments(killedOut);
        Assert.That(committed, Is.InRange(1, 1499), "killed mid-batch");
        TestContext.Out.WriteLine($"killed after {committed} of 1500 documents were committed");

        using (var resume = StartRun(input, killedOut))
        {
            var output = resume.StandardOutput.ReadToEnd();
            resume.WaitForExit();
            Assert.That(resume.ExitCode, Is.EqualTo(0), output + resume.StandardError.ReadToEnd());
            Assert.That(output, Does.Contain($"unchanged {committed}"), "what was committed is not redone");
        }

        var cleanOut = Path.Combine(_dir, "clean-run");
        var runner = new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create());
        runner.Run(new BatchOptions { Inputs = [input], OutDir = cleanOut });
        foreach (var file in Datasets)
            Assert.That(File.ReadAllText(Path.Combine(killedOut, file)), Is.EqualTo(File.ReadAllText(Path.Combine(cleanOut, file))), file);
        Assert.That(Directory.GetFiles(Path.Combine(killedOut, "clean")).Length, Is.EqualTo(1500));
    }

    [Test]
    public void Outputs_do_not_depend_on_the_order_of_the_inputs()
    {
        var a = MakeCorpus(Path.Combine(_dir, "a"), 6);
        var b = Path.Combine(_dir, "b");
        Directory.CreateDirectory(b);
        foreach (var f in Directory.GetFiles(TestPaths.Corpus)) File.Copy(f, Path.Combine(b, Path.GetFileName(f)));
        var runner = new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create());
        runner.Run(new BatchOptions { Inputs = [a, b], OutDir = Path.Combine(_dir, "o1"), Jobs = 1 });
        runner.Run(new BatchOptions { Inputs = [b, a], OutDir = Path.Combine(_dir, "o2"), Jobs = 2 });
        foreach (var file in Datasets)
            Assert.That(File.ReadAllText(Path.Combine(_dir, "o2", file)), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "o1", file))), file);
    }
}
