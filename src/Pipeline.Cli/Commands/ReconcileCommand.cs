using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Output;
using Pipeline.Reconciliation;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline reconcile CLAIMS.csv [--out DIR] [--format csv,jsonl,parquet] [--excel]</c>: the reconciler on
/// any claims file; <c>pipeline reconcile --store URL [--out DIR]</c>: on every claim of a store (its fact and conflict
/// tables are replaced). A file it cannot use is an error before anything is written; the outputs are replaced together.</summary>
public static class ReconcileCommand
{
    public static Command Create()
    {
        var claims = new Argument<string?>("claims")
        {
            Description = "CSV with columns source, entity, metric, period, value, unit (optional: segment, basis, qualifier, document, quote, precision, range_end, claim_id, period_label, as_written, url, extraction_confidence); the claims.csv of a run is one",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var store = StoreOptions.Store("Reconcile every claim of this store instead of a CSV: sqlite:PATH or postgres://USER[:PASSWORD]@HOST:PORT/DB");
        var outDir = new Option<string>("--out") { Description = "Where to write facts.csv, conflicts.csv, audit.md and audit.html", DefaultValueFactory = _ => "out" };
        var format = Formats.Option();
        var excel = Formats.ExcelOption();
        var command = new Command("reconcile", "Reconcile any claims file into one fact table, with conflicts diagnosed and an audit report.")
        {
            claims, outDir, store, format, excel,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(claims);
            if (StoreOptions.Parse(parse.GetValue(store)) is { } location)
            {
                if (path is not null) throw new UsageException("give either a claims file or --store, not both");
                return ReconcileStore(location, parse.GetValue(outDir)!, parse.InvocationConfiguration.Output);
            }
            if (path is null) throw new UsageException("give a claims file (CLAIMS.csv) or --store URL");
            if (Directory.Exists(path)) throw new UsageException($"{path} is a folder; give a claims CSV file");
            if (!File.Exists(path)) throw new UsageException($"claims file not found: {path}");
            var dir = parse.GetValue(outDir)!;
            if (File.Exists(dir)) throw new UsageException($"--out {dir} is a file, not a folder");
            var formats = OutputFormats.Parse(parse.GetValue(format)) ?? [OutputFormats.Csv];
            var options = new OutputOptions { Bom = parse.GetValue(excel) };

            IReadOnlyList<Observation> observations;
            IReadOnlyList<Diagnostic> problems;
            using (var reader = new StreamReader(path)) observations = ObservationCsvReader.Read(reader, out problems);
            var error = parse.InvocationConfiguration.Error;
            // A file without the required columns is not a claims file: nothing is written, the old outputs stay.
            if (problems.FirstOrDefault(p => p.Code.EndsWith("missing-columns", StringComparison.Ordinal) || p.Code.EndsWith("empty", StringComparison.Ordinal)) is { } fatal)
                throw new UsageException($"{path}: {fatal.Message}");
            foreach (var p in problems.Take(5)) error.WriteLine($"pipeline: {ConsoleText.Escape(path)}: {ConsoleText.Escape(p.Message)}");
            if (problems.Count > 5) error.WriteLine($"pipeline: {ConsoleText.Escape(path)}: … and {problems.Count - 5} more rows skipped");
            var result = PipelineFactory.CreateReconciler().Reconcile(observations);

            using (var outputs = new OutputSet(dir))
            {
                foreach (var writer in formats)
                {
                    outputs.WriteTable(DatasetWriter.Facts, result.Facts.Select(FactRow.From), writer, options);
                    outputs.WriteTable(DatasetWriter.Conflicts, result.Facts.SelectMany(ConflictRow.From), writer, options);
                }
                outputs.WriteText("audit.md", w => AuditReport.WriteMarkdown(result, w));
                outputs.WriteText("audit.html", w => AuditReport.WriteHtml(result, w));
                var marker = Path.Combine(dir, CorpusReader.OutputMarker);
                if (!File.Exists(marker)) File.WriteAllText(marker, "Written by pipeline: this folder holds outputs and is never read as input.\n");
                outputs.Commit();
            }
            var conflicts = result.Facts.Count(f => f.Status == FactStatus.Conflict);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{observations.Count} claims → {result.Facts.Count} facts ({conflicts} in conflict), {result.Checks.Count} checks → {ConsoleText.Escape(Path.GetFullPath(dir))}");
            return problems.Count > 0 ? Cli.Quarantined : Cli.Ok;
        });
        return command;
    }

    private static int ReconcileStore(Storage.StoreLocation location, string dir, TextWriter output)
    {
        using var store = location.Open();
        if (!store.TryLockRun()) throw new Batch.StoreBusyException($"another run is using the store {location}; wait for it to finish");
        var documents = store.StoredDocuments().Keys.ToHashSet(StringComparer.Ordinal);
        using var r = Batch.StoreReconciler.Reconcile(store, documents, PipelineFactory.CreateReconciler(),
            ceiling: new Batch.AllocationCeiling(Batch.AllocationCeiling.ReconciliationBytes));
        if (File.Exists(dir)) throw new UsageException($"--out {dir} is a file, not a folder");
        using (var outputs = new OutputSet(dir))
        {
            outputs.WriteTable(DatasetWriter.Facts, r.Facts, OutputFormats.Csv, new OutputOptions());
            outputs.WriteTable(DatasetWriter.Conflicts, r.Conflicts, OutputFormats.Csv, new OutputOptions());
            outputs.WriteText("audit.md", r.WriteMarkdown);
            outputs.WriteText("audit.html", r.WriteHtml);
            Batch.MemoryTrace.Mark("outputs written");
            outputs.Commit();
        }
        output.WriteLine($"{r.Claims} claims of {documents.Count} documents in {location} → {r.Facts.Count} facts ({r.Audit.Conflicts} in conflict), " +
                         $"{r.Changed} fact rows changed → {Path.GetFullPath(dir)}");
        return Cli.Ok;
    }
}
