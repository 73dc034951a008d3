using System.CommandLine;
using Pipeline.Output;
using Pipeline.Reconciliation;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline reconcile CLAIMS.csv [--out DIR]</c>: the reconciler on any claims file.</summary>
public static class ReconcileCommand
{
    public static Command Create()
    {
        var claims = new Argument<string>("claims") { Description = "CSV with columns source, entity, metric, period, value, unit (optional: segment, basis, qualifier, document, quote, precision, range_end, claim_id, period_label, as_written, url, extraction_confidence); the claims.csv of a run is one" };
        var outDir = new Option<string>("--out") { Description = "Where to write facts.csv, conflicts.csv, audit.md and audit.html", DefaultValueFactory = _ => "out" };
        var command = new Command("reconcile", "Reconcile any claims file into one fact table, with conflicts diagnosed and an audit report.")
        {
            claims, outDir,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(claims)!;
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
}
