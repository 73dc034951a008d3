using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Pipeline.Bench;

// pipeline-bench floor DIR [--jobs N]           the floor over a folder, as its own process (one JSON line)
// pipeline-bench floor-corpus OUT [--copies N] [--corpus DIR] [--shared DIR]
//                                                writes the issue-20 corpus (news pages + seeds, N unique copies each)
// pipeline-bench corpus OUT --size 100MB [--corpus DIR] [--shared DIR]
//                                                writes a sized end-to-end corpus (as `pipeline bench --sizes` does)
// pipeline-bench stages DIR [--passes N]       the steady-state per-stage profile with the floor beside it
// pipeline-bench batch DIR [--jobs N] [--runs N]  the whole batch run N times in one process (the later runs are warm)
// The whole benchmark (stages, floor, processes, sizes, reconciliation, peers) is `pipeline bench`.
return BenchProgram.Main(args, Console.Out, Console.Error);

namespace Pipeline.Bench
{
    public static class BenchProgram
    {
        public static int Main(string[] args, TextWriter output, TextWriter error)
        {
            string? Option(string name, string? fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }
            switch (args.FirstOrDefault())
            {
                case "floor" when args.Length >= 2 && Directory.Exists(args[1]):
                {
                    var jobs = int.Parse(Option("--jobs", "1")!, CultureInfo.InvariantCulture);
                    var r = Floor.Run(Floor.Files(args[1]), jobs);
                    output.WriteLine(FormattableString.Invariant(
                        $"{{\"documents\": {r.Documents}, \"html\": {r.Html}, \"converted\": {r.Converted}, \"bytes\": {r.Bytes}, \"jobs\": {jobs}, \"seconds\": {r.Seconds:0.000}, \"per_second\": {r.PerSecond:0.0}}}"));
                    return 0;
                }
                case "floor-corpus" when args.Length >= 2:
                {
                    var shared = Option("--shared", "../shared")!;
                    var n = FloorCorpus.Generate(Option("--corpus", "corpus")!, Path.Combine(shared, "news-html"), args[1],
                        int.Parse(Option("--copies", "19")!, CultureInfo.InvariantCulture));
                    output.WriteLine($"{n} documents written to {args[1]}");
                    return 0;
                }
                case "corpus" when args.Length >= 2:
                {
                    var shared = Option("--shared", "../shared")!;
                    var news = Path.Combine(shared, "news-html");
                    var generator = new CorpusGenerator(Option("--corpus", "corpus")!, Directory.Exists(news) ? news : null);
                    var n = generator.Generate(args[1], BenchHarness.ParseSize(Option("--size", "100MB")!));
                    File.WriteAllText(Path.Combine(args[1], ".complete"), n.ToString(CultureInfo.InvariantCulture));
                    output.WriteLine($"{n} documents written to {args[1]}");
                    return 0;
                }
                case "stages" when args.Length >= 2 && Directory.Exists(args[1]):
                {
                    // The steady-state stage profile alone (also part of `pipeline bench`).
                    var docs = new Pipeline.Documents.CorpusReader().Read([args[1]]).OfType<Pipeline.Documents.DocumentInput>().Select(d => d.Document).ToList();
                    var p = StageProfile.Measure(ExtractionPipelineBuilder.CreateDefault().Build(), docs,
                        int.Parse(Option("--passes", "2")!, CultureInfo.InvariantCulture), error);
                    output.WriteLine(StageReport.Table(p));
                    return 0;
                }
                case "batch" when args.Length >= 2 && Directory.Exists(args[1]):
                {
                    // The whole batch (read, process, store, reconcile, write) run several times in one process: the
                    // first run pays start-up and JIT, the later ones show the batch's steady-state cost.
                    var jobs = int.Parse(Option("--jobs", "2")!, CultureInfo.InvariantCulture);
                    var runs = int.Parse(Option("--runs", "2")!, CultureInfo.InvariantCulture);
                    var outDir = Option("--out", Path.Combine(Path.GetTempPath(), "pipeline-bench-batch"))!;
                    var runner = new Pipeline.Batch.BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), new Pipeline.Reconciliation.TruthDiscoveryReconciler());
                    for (var r = 0; r < runs; r++)
                    {
                        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                        var gc0 = GC.CollectionCount(0); var gc1 = GC.CollectionCount(1); var gc2 = GC.CollectionCount(2);
                        var pause0 = GC.GetTotalPauseDuration();
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var summary = runner.Run(new Pipeline.Batch.BatchOptions { Inputs = [args[1]], OutDir = outDir, Jobs = jobs, Full = true });
                        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                        output.WriteLine((
                            $"run {r + 1}: {summary.Read} documents, {clock.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s CPU, " +
                            $"GC {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2} (gen0/1/2), " +
                            $"pauses {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:0.00} s"));
                    }
                    return 0;
                }
                default:
                    error.WriteLine("usage: pipeline-bench floor DIR [--jobs N] | floor-corpus OUT [--copies N] [--corpus DIR] [--shared DIR] | " +
                                    "corpus OUT [--size 100MB] [--corpus DIR] [--shared DIR] | stages DIR [--passes N] | batch DIR [--jobs N] [--runs N]");
                    return 2;
            }
        }
    }
}
