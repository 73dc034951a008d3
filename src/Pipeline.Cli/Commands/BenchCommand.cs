using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Pipeline.Bench;
using Pipeline.Output;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline bench [--sizes 10MB,100MB,1GB] [--work DIR] [--results FILE] [--jobs N] [--shared DIR]</c>.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "End-to-end corpus sizes, comma-separated", DefaultValueFactory = _ => "10MB,100MB" };
        var work = new Option<string>("--work") { Description = "Folder for generated corpora and runs", DefaultValueFactory = _ => "bench/out" };
        var results = new Option<string>("--results") { Description = "Markdown report to write", DefaultValueFactory = _ => "bench/RESULTS.md" };
        var jobs = new Option<int>("--jobs") { Description = "Worker threads for the end-to-end runs", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shared = new Option<string>("--shared") { Description = "The shared data folder (news pages, peers)", DefaultValueFactory = _ => "../shared" };
        var corpus = new Option<string>("--corpus") { Description = "Seed articles", DefaultValueFactory = _ => "corpus" };
        var reconcile = new Option<string>("--reconcile-sizes") { Description = "Synthetic observation counts for reconciliation", DefaultValueFactory = _ => "100000,1000000" };
        var copies = new Option<int>("--floor-copies") { Description = "Copies of each news page and seed in the floor corpus (issue 20: 19, 1,691 documents)", DefaultValueFactory = _ => 19 };
        var passes = new Option<int>("--passes") { Description = "Timed passes of the steady-state stage profile, after one warm-up pass", DefaultValueFactory = _ => 3 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of the whole processes side by side (start-up, floor, pipeline on 2 and 1 jobs); judged on each process's fastest round", DefaultValueFactory = _ => 3 };
        var noPeers = new Option<bool>("--no-peers") { Description = "Skip the recognizer peers (the JavaScript one needs npm and takes minutes)" };
        var only = new Option<string?>("--only") { Description = "Run only these sections, comma-separated: stages, sizes, reconcile, peers (peers: the recognizers beside Microsoft's C# and JavaScript builds, and conversion beside the opencc CLI)" };
        var command = new Command("bench", "Measure the steady state per stage beside the floor (AngleSharp parse, native OpenCC), whole processes side by side on 1 and 2 jobs, " +
                                           "end to end and peak memory per corpus size, reconciliation scaling, and the peers (Recognizers-Text JavaScript, the opencc CLI). " +
                                           "The harness is bench/Pipeline.Bench.")
        {
            sizes, work, results, jobs, shared, corpus, reconcile, copies, passes, rounds, noPeers, only,
        };
        command.SetAction(parse =>
        {
            var sharedDir = parse.GetValue(shared)!;
            var options = new BenchOptions
            {
                Sizes = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchHarness.ParseSize).ToList(),
                WorkDir = Path.GetFullPath(parse.GetValue(work)!),
                SeedCorpus = Path.GetFullPath(parse.GetValue(corpus)!),
                NewsHtml = Directory.Exists(Path.Combine(sharedDir, "news-html")) ? Path.GetFullPath(Path.Combine(sharedDir, "news-html")) : null,
                PeerRecognizers = Directory.Exists(Path.Combine(sharedDir, "peers", "recognizers-js"))
                    ? Path.GetFullPath(Path.Combine(sharedDir, "peers", "recognizers-js")) : null,
                PipelineCommand = SelfCommand(),
                Jobs = parse.GetValue(jobs),
                ReconcileSizes = parse.GetValue(reconcile)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
                FloorCopies = parse.GetValue(copies),
                Passes = parse.GetValue(passes),
                Rounds = parse.GetValue(rounds),
                Peers = !parse.GetValue(noPeers),
                FloorCommand = FloorCommand(),
                Only = (parse.GetValue(only) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            };
            if (options.Only.Except(["stages", "sizes", "reconcile", "peers"], StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
                throw new UsageException($"--only: unknown section '{unknown}' (stages, sizes, reconcile, peers)");
            if (!Directory.Exists(options.SeedCorpus)) throw new UsageException($"seed corpus not found: {options.SeedCorpus}");
            Directory.CreateDirectory(options.WorkDir);
            var output = parse.InvocationConfiguration.Output;
            var harness = new BenchHarness(options, ExtractionPipelineBuilder.CreateDefault, PipelineFactory.CreateReconciler, output);
            var report = harness.Run();
            AtomicFile.WriteText(parse.GetValue(results)!, report);
            output.Write(report);
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>How to start the floor (<c>pipeline-bench floor</c>, built beside this CLI) in a child process.</summary>
    private static IReadOnlyList<string>? FloorCommand()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pipeline-bench.dll");
        if (!File.Exists(dll)) return null;
        var process = Environment.ProcessPath ?? "dotnet";
        return [Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet", dll];
    }

    /// <summary>How to start this same CLI in a child process.</summary>
    private static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var dll = typeof(BenchCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, dll] : [process];
    }
}
