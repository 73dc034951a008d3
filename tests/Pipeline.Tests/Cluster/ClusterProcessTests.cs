using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cluster;

/// <summary>
/// The cluster as people run it: two `pipeline worker` processes and a `pipeline run --cluster` process over a
/// PostgreSQL store. Needs the throwaway server of test.sh (skips without it).
/// </summary>
[NonParallelizable]
public class ClusterProcessTests
{
    private string _dir = "";
    private string? _db;
    private readonly List<Process> _started = [];

    [SetUp]
    public void SetUp()
    {
        _db = TestPostgres.CreateDatabase();
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-cl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var p in _started)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit();
            p.Dispose();
        }
        TestPostgres.Drop(_db);
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    /// <summary>A child `pipeline` process whose output lines are collected as they come.</summary>
    private (Process Process, ConcurrentQueue<string> Lines) Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var lines = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        return (process, lines);
    }

    private static void WaitFor(Func<bool> condition, TimeSpan limit, string what, ConcurrentQueue<string> lines)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit) Assert.Fail($"gave up waiting for {what} after {limit}:\n{string.Join('\n', lines)}");
            Thread.Sleep(20);
        }
    }

    private (Process, ConcurrentQueue<string>) StartWorker(string name, string clusterId)
    {
        var (p, lines) = Start("worker", "--store", _db!, "--cluster-id", clusterId, "--name", name);
        WaitFor(() => lines.Any(l => l.Contains($"worker {name} joined")) || p.HasExited, TimeSpan.FromMinutes(2), $"{name} to join", lines);
        Assert.That(p.HasExited, Is.False, string.Join('\n', lines));
        return (p, lines);
    }

    private (int ExitCode, string Output) RunToEnd(Process p, ConcurrentQueue<string> lines)
    {
        Assert.That(p.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "the run ends: " + string.Join('\n', lines));
        p.WaitForExit(); // drains the output events
        return (p.ExitCode, string.Join('\n', lines));
    }

    private string LocalRun(string input, string name)
    {
        var outDir = Path.Combine(_dir, name);
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        return outDir;
    }

    [Test]
    public void Two_worker_processes_match_a_local_run_and_a_worker_killed_mid_batch_loses_nothing()
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var (workerA, linesA) = StartWorker("wA", clusterId);
        var (workerB, linesB) = StartWorker("wB", clusterId);

        // 1. The seed corpus through the cluster: byte-identical datasets to a local SQLite run.
        var seedOut = Path.Combine(_dir, "seed-cluster");
        var (seedRun, seedLines) = Start("run", TestPaths.Corpus, "--out", seedOut, "--store", _db!, "--cluster", "--cluster-id", clusterId);
        var (seedCode, seedOutput) = RunToEnd(seedRun, seedLines);
        Assert.That(seedCode, Is.EqualTo(0), seedOutput);
        Assert.That(TestCorpus.Differences(LocalRun(TestPaths.Corpus, "seed-local"), seedOut), Is.Empty, seedOutput);

        // 2. A larger batch; one worker is killed (SIGKILL) while both have batches in flight.
        var input = TestCorpus.Make(Path.Combine(_dir, "in"), 200);
        var outDir = Path.Combine(_dir, "cluster");
        var (run, runLines) = Start("run", input, "--out", outDir, "--store", _db!, "--cluster", "--cluster-id", clusterId, "--full");
        long Committed() => Convert.ToInt64(TestPostgres.Scalar(_db!, "SELECT count(*) FROM documents WHERE run_id = (SELECT max(id) FROM runs)"));
        WaitFor(() => Committed() >= 30 || run.HasExited, TimeSpan.FromMinutes(3), "30 documents committed", runLines);
        Assert.That(run.HasExited, Is.False, "the run is still going when the worker is killed");
        workerA.Kill(entireProcessTree: true);
        var killedAt = Committed();

        var (code, output) = RunToEnd(run, runLines);
        TestContext.Out.WriteLine($"killed wA after {killedAt} of 200 documents were committed\n{output}");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("sending it again"), "the killed worker's unfinished batches were sent to the other");
        Assert.That(output, Does.Contain("processed 200,"));
        Assert.That(TestCorpus.Differences(LocalRun(input, "local"), outDir), Is.Empty);
        Assert.That(Convert.ToInt64(TestPostgres.Scalar(_db!, "SELECT count(*) FROM documents")), Is.EqualTo(200), "--full cleared the seed documents; each of these stored once");

        // 3. The surviving worker stops cleanly on SIGTERM and says how much it did.
        using (var term = Process.Start("kill", ["-TERM", workerB.Id.ToString()])) term.WaitForExit();
        Assert.That(workerB.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "the worker stops on SIGTERM");
        workerB.WaitForExit();
        Assert.That(linesB, Has.Some.Match(@"worker wB stopped: \d+ documents processed"));
    }
}
