using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using Pipeline.Batch;
using Pipeline.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline run [INPUT...] [--out DIR] [--manifest FILE] [--jobs N] [--full] [--store URL] [--cluster] [--format csv,jsonl,parquet] [--excel]</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files or folders (recursive) of .txt, .html/.htm and .jsonl articles. Default: corpus",
            DefaultValueFactory = _ => ["corpus"],
        };
        var outDir = new Option<string>("--out") { Description = "Output folder (datasets, clean text, pipeline.db)", DefaultValueFactory = _ => "out" };
        var manifest = new Option<string?>("--manifest") { Description = "manifest.csv with file, outlet, url, published, language (default: one beside the inputs)" };
        var jobs = new Option<int>("--jobs") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var full = new Option<bool>("--full") { Description = "Rebuild: process every document again instead of skipping unchanged ones" };
        var store = StoreOptions.Store();
        var cluster = StoreOptions.Cluster();
        var clusterId = StoreOptions.ClusterId();
        var format = Formats.Option();
        var excel = Formats.ExcelOption();
        var command = new Command("run", "Run the whole pipeline over a corpus: clean, convert, recognize, bind, reconcile, write datasets and the audit report.")
        {
            inputs, outDir, manifest, jobs, full, store, cluster, clusterId, format, excel,
        };
        command.SetAction(parse =>
        {
            var options = new BatchOptions
            {
                Inputs = parse.GetValue(inputs)!,
                OutDir = parse.GetValue(outDir)!,
                Manifest = parse.GetValue(manifest),
                Jobs = parse.GetValue(jobs) is var j and > 0 ? j : throw new UsageException("--jobs must be at least 1"),
                Full = parse.GetValue(full),
                Store = StoreOptions.Parse(parse.GetValue(store)),
                Formats = OutputFormats.Parse(parse.GetValue(format)),
                Bom = parse.GetValue(excel),
            };
            var output = parse.InvocationConfiguration.Output;
            using var session = StoreOptions.Connect(parse.GetValue(cluster), options.Store, parse.GetValue(clusterId)!, parse.InvocationConfiguration.Error);
            var runner = PipelineFactory.CreateRunner(session?.Dispatcher);
            using var interrupt = new Interrupt();
            var summary = Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out)
                ? RunWithLog(runner, options, output, interrupt.Token)
                : RunWithProgressBar(runner, options, interrupt.Token);
            output.WriteLine($"read {summary.Read}: processed {summary.Processed}, unchanged {summary.Unchanged}, duplicates {summary.Duplicates}, " +
                             $"quarantined {summary.Quarantined}; {summary.Claims} claims, {summary.Facts} facts ({summary.Conflicts} in conflict); " +
                             $"{summary.Seconds:0.00}s → {ConsoleText.Escape(Path.GetFullPath(options.OutDir))}");
            WriteQuarantineSample(summary, parse.InvocationConfiguration.Error, options.OutDir);
            return summary.AnyQuarantined ? Cli.Quarantined : Cli.Ok;
        });
        return command;
    }

    /// <summary>The first few quarantined inputs with their reasons, and how many there are in all.</summary>
    private static void WriteQuarantineSample(RunSummary summary, TextWriter error, string outDir)
    {
        if (summary.QuarantinedTotal == 0) return;
        foreach (var q in summary.QuarantineSample)
            error.WriteLine($"quarantined {ConsoleText.Escape(q.Document)}: {ConsoleText.Escape(q.Reason)}");
        var more = summary.QuarantinedTotal - summary.QuarantineSample.Count;
        error.WriteLine(more > 0
            ? $"… and {more} more; {summary.QuarantinedTotal} quarantined in all, listed in {ConsoleText.Escape(Path.Combine(outDir, "quarantine.csv"))}"
            : $"{summary.QuarantinedTotal} quarantined, listed in {ConsoleText.Escape(Path.Combine(outDir, "quarantine.csv"))}");
    }

    private static RunSummary RunWithLog(BatchRunner runner, BatchOptions options, TextWriter output, CancellationToken cancel)
    {
        var last = DateTime.MinValue;
        var progress = new SynchronousProgress<BatchProgress>(p =>
        {
            // One line per document for small batches, then at most one line a second.
            if (p.Total <= 50 || (DateTime.UtcNow - last).TotalSeconds >= 1 || p.Done == p.Total)
            {
                output.WriteLine($"[{p.Done}/{p.Total}] {ConsoleText.Escape(p.Current)}");
                last = DateTime.UtcNow;
            }
        });
        return runner.Run(options, progress, cancel);
    }

    private static RunSummary RunWithProgressBar(BatchRunner runner, BatchOptions options, CancellationToken cancel)
    {
        RunSummary? summary = null;
        try
        {
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedlessRateColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("documents", maxValue: 1);
                var progress = new SynchronousProgress<BatchProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"documents {p.Done}/{p.Total}";
                });
                summary = runner.Run(options, progress, cancel);
                task.Value = task.MaxValue;
            });
        }
        finally
        {
            // Ctrl-C or a failure: the terminal gets its cursor back.
            AnsiConsole.Cursor.Show();
        }
        return summary!;
    }

    /// <summary>Ctrl-C cancels the run instead of killing the process: the progress display is closed, the cursor
    /// restored, committed documents stay committed, and the previous datasets are kept (exit code 130).</summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source = new();

        public Interrupt() => Console.CancelKeyPress += OnCancel;

        public CancellationToken Token => _source.Token;

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            _source.Cancel();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            _source.Dispose();
        }
    }

    /// <summary>Reports on the calling thread (the store writer), in order, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>Documents per second.</summary>
    private sealed class TransferSpeedlessRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(task.Speed is { } s ? $"{s:0} docs/s" : "");
    }
}
