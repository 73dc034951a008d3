using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Pipeline.Batch;
using Pipeline.Documents;
using Pipeline.Reconciliation;
using Pipeline.Storage;

namespace Pipeline.Bench;

/// <summary>What to measure and where (what <c>pipeline bench</c> takes).</summary>
public sealed record BenchOptions
{
    /// <summary>Corpus sizes for the end-to-end runs, in bytes.</summary>
    public IReadOnlyList<long> Sizes { get; init; } = [10L << 20, 100L << 20];
    public required string WorkDir { get; init; }
    public required string SeedCorpus { get; init; }
    public string? NewsHtml { get; init; }
    /// <summary>The recognizers-js peer folder (with run.js), or null to skip the recognizer side-by-side.</summary>
    public string? PeerRecognizers { get; init; }
    /// <summary>Command that runs the pipeline CLI, e.g. <c>dotnet /path/pipeline.dll</c>.</summary>
    public required IReadOnlyList<string> PipelineCommand { get; init; }
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>Copies of every news page and seed in the floor corpus (issue 20: 19, i.e. 1,691 documents).</summary>
    public int FloorCopies { get; init; } = 19;
    /// <summary>Timed passes of the steady-state stage profile (after one warm-up pass).</summary>
    public int Passes { get; init; } = 3;
    /// <summary>Rounds of the whole-process runs (start-up, floor and pipeline on 2 and 1 jobs); the targets are judged
    /// on each process's fastest round.</summary>
    public int Rounds { get; init; } = 3;
    /// <summary>Command that runs the floor in its own process, e.g. <c>dotnet /path/pipeline-bench.dll</c>.</summary>
    public IReadOnlyList<string>? FloorCommand { get; init; }
    /// <summary>Whether to run the recognizer peers (the JavaScript one takes minutes and needs npm).</summary>
    public bool Peers { get; init; } = true;
    /// <summary>Sections to run (stages, sizes, reconcile, peers); empty: all of them.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    public bool Runs(string section) => Only.Count == 0 || Only.Contains(section);
    /// <summary>Observation counts for the reconciliation scaling runs.</summary>
    public IReadOnlyList<int> ReconcileSizes { get; init; } = [100_000, 1_000_000];
}

/// <summary>
/// Measures throughput and memory: per-stage (single thread, on a sample of the generated corpus), end to end per
/// corpus size (a child process each, so peak memory is the run's own), reconciliation scaling, and the peers on
/// the same input (Recognizers-Text JavaScript, the opencc CLI). Writes a Markdown report. Not used by tests.
/// </summary>
public sealed class BenchHarness(BenchOptions options, Func<ExtractionPipelineBuilder> builder, Func<IReconciler> reconciler, TextWriter log)
{
    // Figures the targets section is judged on, filled as the sections run.
    private readonly List<(string Size, double ArticlesPerSecond, double PeakMb)> _endToEnd = new();
    private readonly List<(int N, int PerKey, double Seconds)> _reconcile = new();
    private StageProfile? _profile;
    private double? _storageMs;
    private readonly List<ProcessRun> _processes = new();
    private double? _recognizerRatio, _recognizerMBps, _conversionRatio, _microsoftRatio;
    private string? _recognizerRun;

    /// <summary>One whole process: what ran, its wall and CPU seconds (user + system), the documents it read, its peak
    /// memory, the round and the machine's 1-minute load when it started.</summary>
    private sealed record ProcessRun(string What, int Jobs, double Wall, double? Cpu, int Documents, int Code, double? PeakMb = null,
        int Round = 1, double Load = 0);
    private readonly List<(string Size, double PeakMb)> _reconcilePeak = new();
    private readonly List<(string Size, WorkingSet Set)> _workingSets = new();

    public string Run()
    {
        // The report is in the invariant culture (decimal points, digit grouping) whatever the machine's.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        var machine = Machine();
        report.AppendLine("# Benchmark results").AppendLine();
        report.AppendLine($"Machine: {machine}. Command: `{string.Join(' ', options.PipelineCommand)} bench` " +
                          $"(sizes {string.Join(", ", options.Sizes.Select(Size))}, --jobs {options.Jobs}).").AppendLine();

        report.AppendLine($"Load when the benchmark started: {LoadAverage()}. On a shared machine wall times vary run to run; CPU " +
                          "times (user + system) vary far less, so both are given.").AppendLine();

        var floorCorpus = options.Runs("stages") ? EnsureFloorCorpus() : null;
        if (floorCorpus is not null)
        {
            StageProfileSection(report, floorCorpus.Value.One);
            ProcessesSection(report, floorCorpus.Value.All);
        }
        if (options.Runs("sizes"))
        {
            var generator = new CorpusGenerator(options.SeedCorpus, options.NewsHtml);
            var corpora = options.Sizes.Select(size => (Size: size, Dir: EnsureCorpus(generator, size))).ToList();
            EndToEnd(report, corpora);
        }
        if (options.Runs("reconcile")) Reconciliation(report);
        if (options.Peers && options.Runs("peers")) Peers(report);
        Targets(report);
        return report.ToString();
    }

    private string EnsureCorpus(CorpusGenerator generator, long size)
    {
        var dir = Path.Combine(options.WorkDir, $"corpus-{Size(size)}");
        var marker = Path.Combine(dir, ".complete");
        if (File.Exists(marker)) return dir;
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        log.WriteLine($"generating a {Size(size)} corpus from {generator.SourceCount} source articles into {dir}");
        var n = generator.Generate(dir, size);
        File.WriteAllText(marker, n.ToString(CultureInfo.InvariantCulture));
        return dir;
    }

    /// <summary>The issue-20 corpus (every news page and seed, copied with unique markers), once with one copy (the
    /// stage profile) and once with <see cref="BenchOptions.FloorCopies"/> (the whole processes). Null without the
    /// shared news pages.</summary>
    private (string One, string All)? EnsureFloorCorpus()
    {
        if (options.NewsHtml is null) return null;
        string Make(int copies)
        {
            var dir = Path.Combine(options.WorkDir, $"floor-corpus-{copies}");
            var marker = Path.Combine(dir, ".complete");
            if (File.Exists(marker)) return dir;
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            log.WriteLine($"writing the floor corpus ({copies} copies) into {dir}");
            var n = FloorCorpus.Generate(options.SeedCorpus, options.NewsHtml, dir, copies);
            File.WriteAllText(marker, n.ToString(CultureInfo.InvariantCulture));
            return dir;
        }
        return (Make(1), Make(options.FloorCopies));
    }

    private void StageProfileSection(StringBuilder report, string corpus)
    {
        log.WriteLine("steady-state stage profile (one thread)");
        var pipeline = builder().Build();
        var inputs = new CorpusReader().Read([corpus]).OfType<DocumentInput>().Select(d => d.Document).ToList();
        _profile = StageProfile.Measure(pipeline, inputs, options.Passes, log);

        // The store's share: one pass's results written as the batch writes them (64 per transaction).
        var results = inputs.Select(pipeline.Process).ToList();
        var storeDir = Path.Combine(options.WorkDir, "stage-store");
        double best = double.MaxValue;
        for (var pass = 0; pass < 2; pass++)
        {
            if (Directory.Exists(storeDir)) Directory.Delete(storeDir, true);
            var cpu0 = CpuClock.ThreadMs();
            var clock = Stopwatch.StartNew();
            using (var store = PipelineStore.Open(Path.Combine(storeDir, "pipeline.db")))
            {
                var i = 0;
                foreach (var r in results)
                {
                    if (i % 64 == 0) store.BeginBatch();
                    store.SaveResult(r, PipelineVersion.Current, 0);
                    if (++i % 64 == 0) store.CommitBatch();
                }
                store.CommitBatch();
            }
            var ms = CpuClock.ThreadMs() is { } cpu1 && cpu0 is { } c0 ? cpu1 - c0 : clock.Elapsed.TotalMilliseconds;
            if (pass > 0) best = Math.Min(best, ms);
        }
        _storageMs = best / Math.Max(1, results.Count);

        report.AppendLine("## Steady state, per stage").AppendLine();
        report.AppendLine("The issue-20 corpus with one copy of each document (every page of `../shared/news-html` and the seed articles). " +
                          "The floor is what any article pipeline must do with the same documents: AngleSharp's parse of each HTML page " +
                          "(from its bytes) and one native OpenCC `t2s` call on each Traditional one.").AppendLine();
        report.Append(StageReport.Table(_profile));
        report.AppendLine(CultureInfo.InvariantCulture, $"| storage (SQLite, 64 documents a transaction) | {_storageMs:0.000} | | |").AppendLine();
    }

    /// <summary>Whole processes side by side on the issue-20 corpus: start-up, the pipeline and the floor on 1 and 2
    /// jobs, with wall and CPU seconds, the ratio and the parallel efficiency.</summary>
    private void ProcessesSection(StringBuilder report, string corpus)
    {
        var floor = options.FloorCommand;
        var documents = Bench.Floor.Files(corpus).Count;
        var empty = Path.Combine(options.WorkDir, "empty-corpus");
        Directory.CreateDirectory(empty);
        var round = 1;
        ProcessRun PipelineRun(string dir, int jobs, string what)
        {
            log.WriteLine($"round {round}, {what}: pipeline run --full --jobs {jobs}");
            var outDir = Path.Combine(options.WorkDir, "floor-run");
            var load = Load1();
            var (code, wall, cpu, _, peak) = Timed(options.PipelineCommand, ["run", dir, "--out", outDir, "--full", "--jobs", jobs.ToString(CultureInfo.InvariantCulture)]);
            if (dir != empty) _phases[(round, jobs)] = Phases(Path.Combine(outDir, "run.json"));
            return new ProcessRun(what, jobs, wall, cpu, dir == empty ? 0 : documents, code, peak, round, load);
        }
        ProcessRun? FloorRun(string dir, int jobs, string what)
        {
            if (floor is null) return null;
            log.WriteLine($"round {round}, {what}: floor --jobs {jobs}");
            var load = Load1();
            var (code, wall, cpu, _, peak) = Timed(floor, ["floor", dir, "--jobs", jobs.ToString(CultureInfo.InvariantCulture)]);
            return new ProcessRun(what, jobs, wall, cpu, dir == empty ? 0 : documents, code, peak, round, load);
        }
        for (round = 1; round <= Math.Max(1, options.Rounds); round++)
        {
            var runs = new List<ProcessRun?>
            {
                PipelineRun(empty, 1, Startup), FloorRun(empty, 1, FloorStartup),
                // Side by side: each pipeline run right after the floor run it is compared with.
                FloorRun(corpus, 2, "floor"), PipelineRun(corpus, 2, "pipeline"),
                FloorRun(corpus, 1, "floor"), PipelineRun(corpus, 1, "pipeline"),
            };
            _processes.AddRange(runs.OfType<ProcessRun>());
        }
        // Judged on the best run of each process over the rounds (lowest wall time): on a shared machine the neighbours
        // only ever slow a run down, so each side's fastest round is the closest to its own cost.
        _bestRound = Best("pipeline", 2)?.Round ?? 1;

        report.AppendLine("## Whole processes, side by side").AppendLine();
        report.AppendLine(
            $"The issue-20 corpus: {documents:N0} documents (every page of `../shared/news-html` and every seed article, each copied " +
            $"{options.FloorCopies} times with a unique marker, generated under `{Path.GetFileName(options.WorkDir)}/`). " +
            "`pipeline run --full` (read, decode, clean, convert, recognize, bind, store in SQLite, reconcile, write every output) " +
            "beside the floor process `pipeline-bench floor` (read, AngleSharp-parse the pages, convert the Traditional documents with native OpenCC), " +
            "one right after the other. Start-up is a run over an empty folder (runtime start, lexicons, OpenCC tables, store). " +
            $"{Math.Max(1, options.Rounds)} round(s); the load column is the machine's 1-minute load average when the process started " +
            "(2 cores: a load above 2 means other work shared them). The ratios and the efficiency below set each process's best round " +
            "(lowest wall time) beside the other's: " +
            string.Join("; ", new[] { ("pipeline", 2), ("floor", 2), ("pipeline", 1), ("floor", 1) }.Select(x => Best(x.Item1, x.Item2) is { } b
                ? FormattableString.Invariant($"{x.Item1} on {x.Item2} job{(x.Item2 > 1 ? "s" : "")}: round {b.Round} at load {b.Load:0.0}") : "")
                .Where(t => t.Length > 0)) + ".").AppendLine();
        report.AppendLine("| round | process | jobs | wall s | CPU s | documents/s (wall) | peak MB | load | code |").AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in _processes)
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Round} | {r.What} | {r.Jobs} | {r.Wall:0.00} | {(r.Cpu is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")} | " +
                $"{(r.Documents > 0 ? (r.Documents / r.Wall).ToString("0.0", CultureInfo.InvariantCulture) : "")} | {r.PeakMb:0} | {r.Load:0.0} | {r.Code} |");
        report.AppendLine();
        foreach (var jobs in new[] { 2, 1 })
            if (Ratio(jobs) is { } ratio)
                report.AppendLine((
                    $"- {jobs} job{(jobs > 1 ? "s" : "")}: the pipeline takes **{ratio.Wall:0.00}×** the floor's wall time" +
                    (ratio.Cpu is { } c ? FormattableString.Invariant($" and {c:0.00}× its CPU time") : "") +
                    (PairedRatios(jobs) is { Length: > 0 } pairs ? $"; round by round (each pipeline run beside the floor run just before it): {pairs}." : ".")));
        if (Efficiency("pipeline") is { } pe)
            report.AppendLine((
                $"- Parallel efficiency from 1 to 2 jobs (wall time on 1 ÷ (2 × wall time on 2)): pipeline {pe:0.00}" +
                (Efficiency("floor") is { } fe ? FormattableString.Invariant($", floor {fe:0.00}.") : ".")));
        var paired = PairedEfficiencies("pipeline").ToList();
        var pairedFloor = PairedEfficiencies("floor").ToList();
        if (paired.Count > 0)
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- The same, round by round (each round's 1-job run beside its own 2-job run): pipeline {string.Join(", ", paired.Select(p => p.Efficiency.ToString("0.00", CultureInfo.InvariantCulture)))}" +
                $"{(pairedFloor.Count > 0 ? "; floor " + string.Join(", ", pairedFloor.Select(p => p.Efficiency.ToString("0.00", CultureInfo.InvariantCulture))) : "")}.");
        if (AmdahlEstimate() is { } amdahl)
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- From the fastest 1-job run's own phases (`run.json`): its documents' phase {amdahl.Documents:0.00} s, which 2 workers halve, and {amdahl.Serial:0.00} s that they do not (start-up, the second pass, the reconciliation, the outputs): on two idle cores 2 jobs would give an efficiency of about **{amdahl.Estimate:0.00}** (Amdahl). A busy machine slows both parts of one process alike, so this estimate holds where the ratio of two runs minutes apart does not.");
        foreach (var (r, jobs) in _phases.Keys.Order())
            if (_phases[(r, jobs)] is { Busy: > 0 } w)
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"- Workers, round {r}, {jobs} job{(jobs > 1 ? "s" : "")} (from `run.json`, summed over workers): processing {w.Busy:0.00} s, waiting for the reader {w.WaitInput:0.00} s, waiting for the store writer {w.WaitOutput:0.00} s, over a documents' phase of {w.DocumentPhase:0.00} s.");
        if (_phases.GetValueOrDefault((_bestRound, 2)) is { } ph && Best("pipeline", 2) is { } p2)
        {
            var documentsPart = ph.Run - ph.SecondPass - ph.Reconcile - ph.Write;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- Where the pipeline's wall time goes (round {_bestRound}, 2 jobs, from its `run.json`): {p2.Wall:0.00} s in all, {p2.Wall - ph.Run:0.00} s of it before the run's clock starts (runtime, lexicons, OpenCC, store: compare the start-up rows) and after it stops; in the run, the documents {documentsPart:0.00} s, the second pass over undated articles {ph.SecondPass:0.00} s, the reconciliation {ph.Reconcile:0.00} s (the claims, mentions and clean texts are written meanwhile), the rest of the outputs {ph.Write:0.00} s.");
        }
        report.AppendLine("- On a larger machine: the workers share nothing but the input and output channels, so `--jobs N` should " +
                          "scale with cores until the single store writer (SQLite, one transaction per 64 documents) or the disk " +
                          "becomes the limit; the storage row above gives the writer's cost per document, the ceiling being about " +
                          "1,000 ÷ that many documents per second.").AppendLine();
    }

    private readonly Dictionary<(int Round, int Jobs), RunPhases> _phases = [];

    /// <summary>A run's own clock, its serial phases and its workers' time (busy, waiting for the reader, waiting for the
    /// writer; summed over workers), from its <c>run.json</c> (zeros where missing).</summary>
    private sealed record RunPhases(double Run, double SecondPass, double Reconcile, double Write,
        double DocumentPhase = 0, double Busy = 0, double WaitInput = 0, double WaitOutput = 0);

    private static RunPhases Phases(string runJson)
    {
        if (!File.Exists(runJson)) return new(0, 0, 0, 0);
        using var json = JsonDocument.Parse(File.ReadAllText(runJson));
        var root = json.RootElement;
        double Stage(string name) => root.TryGetProperty("stages", out var st) && st.TryGetProperty(name, out var v) ? v.GetDouble() : 0;
        double Worker(string name) => root.TryGetProperty("workers", out var w) && w.ValueKind == JsonValueKind.Object && w.TryGetProperty(name, out var v) ? v.GetDouble() : 0;
        return new(root.TryGetProperty("seconds", out var s) ? s.GetDouble() : 0, Stage("second-pass"), Stage("reconcile"), Stage("write"),
            Worker("phase_seconds"), Worker("busy_seconds"), Worker("waiting_for_input_seconds"), Worker("waiting_for_output_seconds"));
    }

    /// <summary>Parallel efficiency from 1 to 2 jobs for each round, the two runs of a round being minutes apart.</summary>
    private IEnumerable<(int Round, double Efficiency)> PairedEfficiencies(string what) =>
        _processes.Where(r => r.What == what && r.Jobs == 1 && r.Code is 0 or 1)
            .Select(one => (one, two: _processes.FirstOrDefault(r => r.What == what && r.Jobs == 2 && r.Round == one.Round && r.Code is 0 or 1)))
            .Where(p => p.two is not null).Select(p => (p.one.Round, p.one.Wall / (2 * p.two!.Wall)));

    /// <summary>
    /// What 2 jobs would give on two idle cores, from one 1-job run's own phases (Amdahl): its documents' phase halves,
    /// the rest (start-up, the second pass, the reconciliation, the outputs) does not. Both parts come from the same
    /// process, so a busy machine slows them alike and the estimate stays put where the wall-clock ratio of two
    /// separate runs does not. Null without the run's phases.
    /// </summary>
    private (double Estimate, double Serial, double Documents)? AmdahlEstimate()
    {
        if (Best("pipeline", 1) is not { } one || _phases.GetValueOrDefault((one.Round, 1)) is not { DocumentPhase: > 0 } ph) return null;
        var documents = ph.DocumentPhase;
        var serial = Math.Max(0, one.Wall - documents);
        return (one.Wall / (2 * (serial + documents / 2)), serial, documents);
    }

    private const string Startup = "pipeline start-up (an empty folder)", FloorStartup = "floor start-up (an empty folder)";
    private int _bestRound = 1;

    /// <summary>The fastest run of a process over the rounds.</summary>
    private ProcessRun? Best(string what, int jobs) => _processes.Where(r => r.What == what && r.Jobs == jobs && r.Code is 0 or 1).MinBy(r => r.Wall);

    private static double Load1() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var l) ? l : 0;

    private (double Wall, double? Cpu)? Ratio(int jobs)
    {
        var p = Best("pipeline", jobs);
        var f = Best("floor", jobs);
        if (p is null || f is null) return null;
        return (p.Wall / f.Wall, p.Cpu is { } pc && f.Cpu is { } fc && fc > 0 ? pc / fc : null);
    }

    /// <summary>Each round's pipeline run beside the floor run just before it (wall, CPU in parentheses): two runs
    /// seconds apart share the machine's state, where the fastest rounds of each may come minutes apart.</summary>
    private string PairedRatios(int jobs)
    {
        var pairs = _processes.Where(r => r.What == "pipeline" && r.Jobs == jobs && r.Code is 0 or 1)
            .Select(p => (p, f: _processes.FirstOrDefault(r => r.What == "floor" && r.Jobs == jobs && r.Round == p.Round && r.Code is 0 or 1)))
            .Where(x => x.f is { Wall: > 0 })
            .Select(x => FormattableString.Invariant($"{x.p.Wall / x.f!.Wall:0.00}×") +
                (x.p.Cpu is { } pc && x.f!.Cpu is { } fc && fc > 0 ? FormattableString.Invariant($" ({pc / fc:0.00}× CPU)") : ""));
        return string.Join(", ", pairs);
    }

    private double? Efficiency(string what)
    {
        var one = Best(what, 1);
        var two = Best(what, 2);
        return one is null || two is null ? null : one.Wall / (2 * two.Wall);
    }

    /// <summary>Runs a command to its end: exit code, wall seconds, CPU seconds (user + system, from the children's
    /// resource usage) and its output.</summary>
    private (int Code, double Wall, double? Cpu, string Output, double? PeakMb) Timed(IReadOnlyList<string> command, IEnumerable<string> args)
    {
        var cpu0 = CpuClock.ChildrenSeconds();
        var clock = Stopwatch.StartNew();
        var (code, output, peak) = RunProcessWithPeak(command[0], [.. command.Skip(1), .. args]);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu1 = CpuClock.ChildrenSeconds();
        return (code, wall, cpu0 is { } a && cpu1 is { } b ? b - a : null, output, peak);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)" : "unknown";

    private void EndToEnd(StringBuilder report, List<(long Size, string Dir)> corpora)
    {
        report.AppendLine("## End to end").AppendLine();
        report.AppendLine($"`pipeline run CORPUS --full --jobs {options.Jobs}` in a child process per size; peak memory is that process's peak RSS. " +
                          "The documents stream through bounded channels (a reader, the workers, one store writer); the reconciliation at the end " +
                          "reads the claims a key at a time, in two passes, keeping between them only each key's vote tables, so the last column " +
                          "reruns it alone (`pipeline reconcile --store` on the run's store) " +
                          "to show its own peak. Load: the 1-minute load average when the run started.").AppendLine();
        report.AppendLine("| corpus | documents | seconds | articles/s | MB/s | peak memory MB | claims | facts | load | reconcile alone: seconds, peak MB |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (size, dir) in corpora)
        {
            log.WriteLine($"end to end on {Size(size)}");
            var outDir = Path.Combine(options.WorkDir, $"run-{Size(size)}");
            var load = Load1();
            var samples = new List<(double Seconds, double Mb)>();
            var (code, output, _) = RunProcessWithPeak(options.PipelineCommand[0],
                [.. options.PipelineCommand.Skip(1), "run", dir, "--out", outDir, "--full", "--jobs", options.Jobs.ToString(CultureInfo.InvariantCulture)], samples: samples);
            var runJson = Path.Combine(outDir, "run.json");
            if (code is not (0 or 1) || !File.Exists(runJson))
            {
                report.AppendLine($"| {Size(size)} | run failed (exit {code}): {output.Split('\n').LastOrDefault(l => l.Length > 0)} | | | | | | |");
                continue;
            }
            using var json = JsonDocument.Parse(File.ReadAllText(runJson));
            var root = json.RootElement;
            var read = root.GetProperty("read").GetInt32();
            var seconds = root.GetProperty("seconds").GetDouble();
            var bytes = Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".csv") && !f.EndsWith(".complete")).Sum(f => new FileInfo(f).Length);
            _endToEnd.Add((Size(size), read / seconds, root.GetProperty("peak_memory_mb").GetDouble()));
            var workingSet = WorkingSet.Of(samples);
            if (workingSet is not null) _workingSets.Add((Size(size), workingSet));
            log.WriteLine($"reconciling the {Size(size)} run's store alone");
            var (rcode, rwall, _, _, rpeak) = Timed(options.PipelineCommand,
                ["reconcile", "--store", "sqlite:" + Path.Combine(outDir, "pipeline.db"), "--out", Path.Combine(options.WorkDir, $"reconcile-{Size(size)}")]);
            if (rpeak is { } rp && rcode is 0 or 1) _reconcilePeak.Add((Size(size), rp));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {Size(size)} | {read:N0} | {seconds:0.0} | {read / seconds:N0} | {bytes / 1048576.0 / seconds:0.0} | " +
                $"{root.GetProperty("peak_memory_mb").GetDouble():0} | {root.GetProperty("claims").GetInt32():N0} | {root.GetProperty("facts").GetInt32():N0} | {load:0.0} | " +
                $"{(rcode is 0 or 1 ? $"{rwall:0.0} s, {rpeak:0} MB" : $"failed (exit {rcode})")} |");
        }
        report.AppendLine();
        if (_workingSets.Count > 0)
        {
            report.AppendLine("The working set of each run above, read from `/proc` every 100 ms while it ran: its median and 95th percentile over " +
                              "the run, the highest reading and when it came (seconds after the process started), and the highest reading in each tenth " +
                              "of the run. A peak that grew with the number of documents would rise from tenth to tenth; a flat series whose " +
                              "highest value differs from size to size says the peak is the largest of many swings of the same size (the " +
                              "collector's heap between collections), of which a longer run sees more.").AppendLine();
            report.AppendLine("| corpus | readings | median MB | 95th percentile MB | highest MB | at s | highest in each tenth of the run, MB |").AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var (size, ws) in _workingSets)
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {size} | {ws.Readings:N0} | {ws.Median:0} | {ws.P95:0} | {ws.Highest:0} | {ws.HighestAt:0.0} | {string.Join(" · ", ws.Tenths.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} |");
            report.AppendLine();
        }
    }

    private void Reconciliation(StringBuilder report)
    {
        report.AppendLine("## Reconciliation scaling").AppendLine();
        report.AppendLine("Synthetic observations: 20 sources, numeric values with agreements, rounding, magnitude slips and outliers; " +
                          "sparse keys (10 observations each) and dense keys (2,000 each, a tenth stating the amount in a second currency, " +
                          "as a corpus that repeats the same story does).").AppendLine();
        report.AppendLine("| observations | per key | stated currency pairs | keys | seconds | observations/s |").AppendLine("|---:|---:|---:|---:|---:|---:|");
        var runs = options.ReconcileSizes.Select(n => (N: n, PerKey: 10, Pairs: 0.0))
            .Concat(options.ReconcileSizes.Select(n => (N: n, PerKey: 2000, Pairs: 0.1)));
        foreach (var (n, perKey, pairs) in runs)
        {
            log.WriteLine($"reconciling {n:N0} synthetic observations, {perKey} per key");
            var observations = ObservationGenerator.Generate(n, seed: 7, perKey: perKey, statedPairs: pairs);
            var engine = reconciler();
            var clock = Stopwatch.StartNew();
            var result = engine.Reconcile(observations);
            var secs = clock.Elapsed.TotalSeconds;
            _reconcile.Add((n, perKey, secs));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {n:N0} | {perKey:N0} | {pairs:P0} | {result.Facts.Count:N0} | {secs:0.00} | {n / secs:N0} |");
        }
        report.AppendLine();
    }

    private void Peers(StringBuilder report)
    {
        report.AppendLine("## Beside the peers (same input, one run)").AppendLine();
        var seeds = Directory.GetFiles(options.SeedCorpus, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var seedText = string.Join("\n", seeds.Select(File.ReadAllText));
        var reps = Math.Max(1, (int)Math.Round(1_000_000.0 / Encoding.UTF8.GetByteCount(seedText)));
        var big = string.Join("\n", Enumerable.Repeat(seedText, reps));
        var pipeline = builder().Build();

        RecognizerSection(report, seeds, seedText, big);
        report.AppendLine("| task | ours | peer | ratio |").AppendLine("|---|---:|---:|---:|");

        // Conversion: our converter (with its offset map) against the opencc CLI with the same config, same text.
        var traditional = string.Join("\n", seeds.Select(File.ReadAllText).Where(t => Chinese.ScriptDetector.Default.Count(t).Traditional > 0));
        if (traditional.Length == 0)
        {
            report.AppendLine("| conversion | no Traditional seed | | |");
        }
        else
        {
            log.WriteLine("conversion: ours and the opencc CLI");
            var c = ConversionBenchmark.Run(traditional, minBytes: 5_000_000, rounds: 3);
            if (c.CliMBps is { } cliRate) _conversionRatio = c.StageMBps / cliRate;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| Traditional→Simplified, {c.InputBytes / 1e6:0.0} MB of the Traditional seeds (t2s + project overrides) | " +
                $"{c.StageMBps:0.00} MB/s (offset-mapped stage) | " +
                $"{(c.CliMBps is { } cli ? $"{cli:0.00} MB/s (opencc CLI, same config; output {(c.CliOutputMatches ? "identical" : "DIFFERENT")})" : "opencc CLI not installed")} | " +
                $"{(c.CliMBps is { } r ? $"{c.StageMBps / r:0.00}×" : "n/a")} |");
        }
        report.AppendLine();
    }

    /// <summary>
    /// The recognizers beside their peers, in one run: ours and Microsoft's C# models (1.8.13, all four: number,
    /// percentage, currency, date-time) in this process on the same seed lines, by CPU time (fair on a shared machine);
    /// then <c>pipeline recognize</c> as a whole process (start-up, JSON lines in and out) on about 10 MB of seed text,
    /// beside the JavaScript build (<c>node run.js --bench 1</c>, its own steady-state rate on about 1 MB).
    /// </summary>
    private void RecognizerSection(StringBuilder report, string[] seeds, string seedText, string big)
    {
        report.AppendLine("### Recognizers").AppendLine();
        report.AppendLine($"Load when this section started: {LoadAverage()}.").AppendLine();
        var model = Recognition.RecognitionExtensions.CreateStandardModel();
        log.WriteLine("recognizers: ours in process");
        var ours = RecognizerBenchmark.Run(big, rounds: 3, model: model);
        var lines = seedText.Split('\n').Where(l => l.Length > 0).ToList();
        var chars = lines.Sum(l => (long)l.Length);
        log.WriteLine("recognizers: Microsoft's C# models in process (one pass over the seed lines)");
        var ms = new MicrosoftRecognizers();
        var reference = new NodaTime.LocalDate(2026, 1, 18);
        foreach (var line in lines.Take(50)) ms.Run(line, reference);
        // Thread CPU time (nanosecond clock) for both: process CPU time counts in 10 ms ticks, too coarse for ours.
        var t0 = CpuClock.ThreadMs();
        var msClock = Stopwatch.StartNew();
        long msResults = 0;
        foreach (var line in lines) msResults += ms.Run(line, reference).Count;
        var msWall = msClock.Elapsed;
        var msCpu = TimeSpan.FromMilliseconds(CpuClock.ThreadMs() is { } t1 && t0 is { } t0v ? t1 - t0v : msWall.TotalMilliseconds);
        var context = Recognition.RecognitionContext.Chinese(reference);
        foreach (var line in lines) model.Recognize(line, context);
        const int rounds = 20;
        var o0 = CpuClock.ThreadMs();
        var oursClock = Stopwatch.StartNew();
        var oursMentions = 0;
        for (var r = 0; r < rounds; r++) foreach (var line in lines) oursMentions += model.Recognize(line, context).Count;
        var oursWall = oursClock.Elapsed.TotalSeconds / rounds;
        var oursCpu = (CpuClock.ThreadMs() is { } o1 && o0 is { } o0v ? (o1 - o0v) / 1000 : oursClock.Elapsed.TotalSeconds) / rounds;
        var oursSeed = new RecognizerBenchmark.Result(chars, Encoding.UTF8.GetByteCount(seedText), oursMentions / rounds, TimeSpan.FromSeconds(oursWall), TimeSpan.FromSeconds(oursCpu));
        _microsoftRatio = oursSeed.CharsPerCpuSecond / (chars / Math.Max(msCpu.TotalSeconds, 1e-9));
        report.AppendLine("| recognizers, all on, line by line | chars | CPU s | chars per CPU second | wall chars/s | results |").AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| ours in process (Chinese + English), seed text x{big.Length / Math.Max(1, seedText.Length)} | {ours.Characters:N0} | {ours.Cpu.TotalSeconds:0.000} | {ours.CharsPerCpuSecond:N0} | {ours.CharsPerSecond:N0} | {ours.Mentions:N0} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| ours in process, the seed lines (mean of 20 passes, thread CPU) | {oursSeed.Characters:N0} | {oursSeed.Cpu.TotalSeconds:0.000} | {oursSeed.CharsPerCpuSecond:N0} | {oursSeed.CharsPerSecond:N0} | {oursSeed.Mentions:N0} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| Microsoft Recognizers-Text C# 1.8.13 in process (number, percentage, currency, date-time), the seed lines once (thread CPU) | {chars:N0} | {msCpu.TotalSeconds:0.000} | {chars / Math.Max(msCpu.TotalSeconds, 1e-9):N0} | {chars / Math.Max(msWall.TotalSeconds, 1e-9):N0} | {msResults:N0} |");
        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Ours / Microsoft C# in process on the same seed lines, by thread CPU time: **{_microsoftRatio:N0}×**.").AppendLine();

        // pipeline recognize as a user runs it: a child process reading JSON lines from a file, writing to a file.
        var input = Path.Combine(options.WorkDir, "recognize-input.jsonl");
        var output = Path.Combine(options.WorkDir, "recognize-output.jsonl");
        var copies = Math.Max(1, (int)Math.Round(10_000_000.0 / Encoding.UTF8.GetByteCount(seedText)));
        long textBytes = 0, textChars = 0;
        using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            var n = 0;
            for (var c = 0; c < copies; c++)
                foreach (var line in lines)
                {
                    writer.Write("{\"id\":\"");
                    writer.Write(n++);
                    writer.Write("\",\"text\":");
                    writer.Write(JsonSerializer.Serialize(line));
                    writer.WriteLine(",\"asOf\":\"2026-01-18\"}");
                    textBytes += Encoding.UTF8.GetByteCount(line);
                    textChars += line.Length;
                }
        }
        // Whole processes on a shared machine: several rounds, each with the load it started under; the best (lowest
        // wall time) is the one judged, as for the whole-process rows above.
        var processRounds = Math.Max(1, options.Rounds);
        var runs = new List<(double Wall, double? Cpu, int Code, string Load)>();
        for (var round = 0; round < processRounds; round++)
        {
            log.WriteLine($"recognizers: pipeline recognize as a process over {textBytes / 1e6:0.0} MB of text (round {round + 1} of {processRounds})");
            var load = LoadAverage().Split(' ')[0];
            var cpu0 = CpuClock.ChildrenSeconds();
            var clock = Stopwatch.StartNew();
            var code = RunRecognize(input, output);
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = CpuClock.ChildrenSeconds() is { } c1 && cpu0 is { } c0 ? c1 - c0 : (double?)null;
            runs.Add((wall, cpu, code, load));
        }
        var best = runs.MinBy(r => r.Wall);
        _recognizerRun = FormattableString.Invariant($"{textBytes / 1e6:0.0} MB of text, best of {processRounds}: {best.Wall:0.00} s wall, {best.Cpu:0.00} s CPU");
        _recognizerMBps = textBytes / best.Wall / 1e6;
        var processCharsPerSecond = textChars / best.Wall;
        var jsonBytes = new FileInfo(input).Length;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"`pipeline recognize` as a user runs it: a child process reading {lines.Count * copies:N0} JSON lines ({jsonBytes / 1e6:0.0} MB of JSON; " +
            $"{textBytes / 1e6:0.0} MB of UTF-8 text, the seed articles' {lines.Count} non-blank lines repeated {copies} times, non-ASCII written as " +
            $"\\uXXXX escapes) from a file and writing its mentions to a file ({new FileInfo(output).Length / 1e6:0.0} MB), start-up included; " +
            $"{processRounds} round(s), the best judged.").AppendLine();
        report.AppendLine("| round | text | wall s | CPU s | MB/s (UTF-8 text, wall) | chars/s (wall) | load | exit |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var r = 0; r < runs.Count; r++)
        {
            var (wall, cpu, code, load) = runs[r];
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r + 1} | {textBytes / 1e6:0.0} MB | {wall:0.00} | {(cpu is { } cs ? cs.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")} | {textBytes / wall / 1e6:0.0} | {textChars / wall:N0} | {load} | {code} |");
        }
        report.AppendLine();
        foreach (var peer in RecognizerPeers.Create(options, log))
        {
            var result = peer.Run(seeds);
            if (result.CharsPerSecond is { } rate && peer.IsReference) _recognizerRatio = processCharsPerSecond / rate;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Beside {peer.Name} (all four models, line by line, its own steady-state rate): " +
                $"{(result.CharsPerSecond is { } p ? $"{p / 1e3:0.0} k chars/s; `pipeline recognize` as a whole process is **{processCharsPerSecond / p:N0}×** it" : result.Note)}.").AppendLine();
        }
    }

    /// <summary><c>pipeline recognize &lt; input &gt; output</c> as a child process; its exit code.</summary>
    private int RunRecognize(string input, string output)
    {
        var command = options.PipelineCommand;
        var info = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1)) info.ArgumentList.Add(a);
        info.ArgumentList.Add("recognize");
        using var p = Process.Start(info)!;
        var errors = p.StandardError.ReadToEndAsync();
        var copyOut = Task.Run(() => { using var o = File.Create(output); p.StandardOutput.BaseStream.CopyTo(o); });
        using (var i = File.OpenRead(input)) i.CopyTo(p.StandardInput.BaseStream);
        p.StandardInput.Close();
        copyOut.Wait();
        p.WaitForExit();
        _ = errors.Result;
        return p.ExitCode;
    }

    /// <summary>Each target, met or missed, by how much, and what dominates where missed.</summary>
    private void Targets(StringBuilder report)
    {
        static string Mark(bool? met) => met switch { true => "met", false => "**missed**", null => "not measured" };
        var inv = CultureInfo.InvariantCulture;
        report.AppendLine("## Targets").AppendLine();
        report.AppendLine("| target | measured | status |").AppendLine("|---|---|---|");
        var two = Ratio(2);
        report.AppendLine(
            $"| `pipeline run --full --jobs 2` ≤ 1.5× the floor, whole processes side by side (issue 20) | " +
            $"{(two is { } t ? $"{t.Wall:0.00}× wall" + (t.Cpu is { } c ? $", {c:0.00}× CPU" : "") : "floor not run")}" +
            $"{(PairedRatios(2) is { Length: > 0 } pairs ? $" (fastest beside fastest; round by round: {pairs})" : "")} | {Mark(two is { } t2 ? t2.Wall <= 1.5 : null)} |");
        if (_profile is { } p)
        {
            var html = p.Stages.FirstOrDefault(s => s.Stage == "html");
            var bind = p.Stages.FirstOrDefault(s => s.Stage == "bind");
            report.AppendLine(inv,
                $"| steady-state per-stage figures with the floor beside them | pipeline {p.PipelineMsPerDocument:0.00} ms/document, floor {p.FloorMsPerDocument:0.00}, " +
                $"{p.Ratio:0.00}×; html stage {html?.MsPerHtml:0.00} ms/page beside the floor's {p.FloorParseMsPerHtml:0.00} | reported |");
            var tenth = p.FloorParseMsPerHtml / 10;
            report.AppendLine(inv,
                $"| binder and store each under a tenth of the parse per document ({tenth:0.000} ms) | bind {bind?.MsPerDocument:0.000} ms, store {_storageMs:0.000} ms | " +
                $"{Mark(bind is not null && _storageMs is { } st ? bind.MsPerDocument <= tenth && st <= tenth : null)} |");
        }
        var pe = Efficiency("pipeline");
        var rounds = string.Join(", ", PairedEfficiencies("pipeline").Select(p => p.Efficiency.ToString("0.00", inv)));
        report.AppendLine(inv,
            $"| `--jobs` scales: 1 vs 2 jobs reported with the efficiency (judged ≥ 0.75 on 2 cores, best round beside best round) | {(pe is { } e ? $"{e:0.00}" : "")}" +
            $"{(rounds.Length > 0 ? $" (round by round: {rounds})" : "")}{(AmdahlEstimate() is { } a ? $"; from the 1-job run's own phases, on two idle cores: {a.Estimate:0.00}" : "")} | {Mark(pe is { } e2 ? e2 >= 0.75 : null)} |");
        var start = Best(Startup, 1);
        var floorStart = Best(FloorStartup, 1);
        report.AppendLine(inv,
            $"| start-up of the `pipeline` process reported on its own | {(start is null ? "not run" : $"{start.Wall:0.00} s wall, {start.Cpu:0.00} s CPU (the floor process: {floorStart?.Wall:0.00} s, {floorStart?.Cpu:0.00} s)")} | {(start is null ? "not measured" : "reported")} |");
        var largest = _endToEnd.Count == 0 ? default : _endToEnd[^1];
        var hundred = _endToEnd.FirstOrDefault(e => e.Size == "100MB");
        // Flat: the largest corpus's peak within 15 % of the 100 MB one's (ten times the input, about the same memory).
        var growth = hundred.Size is not null && largest.Size != hundred.Size && hundred.PeakMb > 0 ? largest.PeakMb / hundred.PeakMb : (double?)null;
        var flat = growth is { } g ? g <= 1.15 : (bool?)null;
        report.AppendLine(inv,
            $"| peak memory < 500 MB at the largest corpus, flat from 100 MB up (largest within 1.15× the 100 MB peak) | {string.Join(", ", _endToEnd.Select(e => $"{e.Size}: {e.PeakMb:0} MB"))}{(growth is { } g2 ? $" ({g2:0.00}× from 100MB to {largest.Size})" : "")} | " +
            $"{Mark(_endToEnd.Count == 0 ? null : largest.PeakMb < 500)}, {(flat switch { true => "flat", false => "**not flat**", null => "flatness not measured" })} |");
        if (_reconcilePeak.Count > 0)
            report.AppendLine(inv,
                $"| the reconciliation alone over the run's store | {string.Join(", ", _reconcilePeak.Select(e => $"{e.Size}: {e.PeakMb:0} MB"))} | it holds one key's claims at a time and every key's vote tables |");
        report.AppendLine(inv,
            $"| recognizers ≥ 200× Microsoft's C# models, in process (CPU) | {(_microsoftRatio is { } mr ? $"{mr:N0}×" : "not run")} | {Mark(_microsoftRatio is { } mr2 ? mr2 >= 200 : null)} |");
        report.AppendLine(inv,
            $"| `pipeline recognize` as a whole process ≥ 100× the JavaScript peer, all on | {(_recognizerRatio is { } r ? $"{r:N0}×" : "peer not run")} | {Mark(_recognizerRatio is { } r2 ? r2 >= 100 : null)} |");
        report.AppendLine(inv,
            $"| `pipeline recognize` as a whole process ≥ 5 MB/s | {(_recognizerMBps is { } m ? $"{m:0.0} MB/s ({_recognizerRun})" : "")} | {Mark(_recognizerMBps is { } m2 ? m2 >= 5 : null)} |");
        report.AppendLine(inv,
            $"| conversion no slower than the opencc CLI | {(_conversionRatio is { } cv ? $"{cv:0.00}×" : "CLI not run")} | {Mark(_conversionRatio is { } c2 ? c2 >= 1 : null)} |");
        var million = _reconcile.Where(r => r.N >= 1_000_000).ToList();
        report.AppendLine(inv,
            $"| reconciling one million claims < 30 s | {string.Join(", ", million.Select(r => $"{r.PerKey:N0}/key: {r.Seconds:0.0} s"))} | {Mark(million.Count == 0 ? null : million.All(r => r.Seconds < 30))} |");
        report.AppendLine();
        if (two is { Wall: > 1.5 } && _profile is { } prof)
        {
            var top = prof.Stages.OrderByDescending(s => s.MsPerDocument).Take(3)
                .Select(s => $"{s.Stage} {100 * s.MsPerDocument / Math.Max(1e-9, prof.PipelineMsPerDocument):0}%");
            report.AppendLine(
                $"The whole-process target is missed by {two.Value.Wall / 1.5:0.00}×. What dominates the steady-state profile: {string.Join(", ", top)} " +
                "of the per-document time; beyond the profile, the whole process adds start-up, the store and the reconciliation " +
                "(see the start-up and storage rows).").AppendLine();
        }
    }

    internal static (int Code, string Output) RunProcess(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var (code, output, _) = RunProcessWithPeak(file, args, env);
        return (code, output);
    }

    /// <summary>Runs a child to its end; its peak memory is the last high-water mark (<c>VmHWM</c>, peak RSS so far) read
    /// from /proc while it ran, every 100 ms (null where /proc is missing). The child is the process itself: <c>dotnet</c>
    /// runs the application in the process it starts.</summary>
    /// <param name="samples">Where to add each reading of the child's working set (<c>VmRSS</c>): seconds since it
    /// started, MB.</param>
    internal static (int Code, string Output, double? PeakMb) RunProcessWithPeak(string file, IEnumerable<string> args, IDictionary<string, string>? env = null,
        List<(double Seconds, double Mb)>? samples = null)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) info.ArgumentList.Add(a);
            if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            double? peak = null;
            var status = $"/proc/{p.Id}/status";
            var clock = Stopwatch.StartNew();
            while (!p.WaitForExit(100))
            {
                if (HighWaterMb(status) is { } hwm) peak = Math.Max(peak ?? 0, hwm);
                if (samples is not null && HighWaterMb(status, "VmRSS:") is { } rss) samples.Add((clock.Elapsed.TotalSeconds, rss));
            }
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr.Result, peak);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message, null);
        }
    }

    private static double? HighWaterMb(string status, string field = "VmHWM:")
    {
        try
        {
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}";
    }

    private static string Rate(double amount, double seconds) => seconds <= 0 ? "∞" : (amount / seconds).ToString(amount / seconds >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30}GB" : $"{bytes >> 20}MB";

    public static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var (number, scale) = t.EndsWith("GB") ? (t[..^2], 1L << 30) : t.EndsWith("MB") ? (t[..^2], 1L << 20) : t.EndsWith("KB") ? (t[..^2], 1L << 10) : (t, 1L);
        return long.Parse(number, CultureInfo.InvariantCulture) * scale;
    }
}
