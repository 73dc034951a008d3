using System.CommandLine;
using Pipeline.Output;
using Pipeline.Reconciliation;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline reconcile CLAIMS.csv [--out DIR]</c>: the reconciler on any claims file; <c>pipeline reconcile
/// --store URL [--out DIR]</c>: on every claim of a store (its fact and conflict tables are replaced).</summary>
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
        var command = new Command("reconcile", "Reconcile any claims file into one fact table, with conflicts diagnosed and an audit report.")
        {
            claims, outDir, store,
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
            if (!File.Exists(path)) throw new UsageException($"claims file not found: {path}");
            IReadOnlyList<Observation> observations;
            IReadOnlyList<Documents.Diagnostic> problems;
            using (var reader = new StreamReader(path)) observations = ObservationCsvReader.Read(reader, out problems);
            var error = parse.InvocationConfiguration.Error;
            foreach (var p in problems) error.WriteLine($"pipeline: {path}: {p.Message}");
            var result = PipelineFactory.CreateReconciler().Reconcile(observations);
            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "facts.csv"), w => DatasetWriter.WriteFacts(w, result.Facts.Select(FactRow.From)));
            AtomicFile.Write(Path.Combine(dir, "conflicts.csv"), w => DatasetWriter.WriteConflicts(w, result.Facts.SelectMany(ConflictRow.From)));
            AtomicFile.Write(Path.Combine(dir, "audit.md"), w => AuditReport.WriteMarkdown(result, w));
            AtomicFile.Write(Path.Combine(dir, "audit.html"), w => AuditReport.WriteHtml(result, w));
            var conflicts = result.Facts.Count(f => f.Status == FactStatus.Conflict);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{observations.Count} claims → {result.Facts.Count} facts ({conflicts} in conflict), {result.Checks.Count} checks → {Path.GetFullPath(dir)}");
            return problems.Count > 0 ? Cli.Quarantined : Cli.Ok;
        });
        return command;
    }

    private static int ReconcileStore(Storage.StoreLocation location, string dir, TextWriter output)
    {
        using var store = location.Open();
        if (!store.TryLockRun()) throw new Batch.StoreBusyException($"another run is using the store {location}; wait for it to finish");
        var documents = store.StoredDocuments().Keys.ToHashSet(StringComparer.Ordinal);
        var r = Batch.StoreReconciler.Reconcile(store, documents, PipelineFactory.CreateReconciler());
        Directory.CreateDirectory(dir);
        AtomicFile.Write(Path.Combine(dir, "facts.csv"), w => DatasetWriter.WriteFacts(w, r.Facts));
        AtomicFile.Write(Path.Combine(dir, "conflicts.csv"), w => DatasetWriter.WriteConflicts(w, r.Conflicts));
        AtomicFile.Write(Path.Combine(dir, "audit.md"), w => AuditReport.WriteMarkdown(r.Result, w));
        AtomicFile.Write(Path.Combine(dir, "audit.html"), w => AuditReport.WriteHtml(r.Result, w));
        var conflicts = r.Result.Facts.Count(f => f.Status == FactStatus.Conflict);
        output.WriteLine($"{r.Claims} claims of {documents.Count} documents in {location} → {r.Facts.Count} facts ({conflicts} in conflict), " +
                         $"{r.Changed} fact rows changed → {Path.GetFullPath(dir)}");
        return Cli.Ok;
    }
}
