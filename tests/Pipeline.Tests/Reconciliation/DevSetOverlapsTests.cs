using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Reconciliation;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// The reconciler on what the pipeline extracts from the two dev folders (../shared/dev-articles), judged by their
/// OVERLAPS.md audits. The CONFLICT and BASIS rows are listed as gold rows in <c>Data/overlaps-verdicts.tsv</c> (checked
/// here against OVERLAPS.md, so no row is left out): every CONFLICT row should be one fact in conflict whose chosen value
/// is the one the audit calls right, and every BASIS row should stay in separate facts. A row is judged only when the
/// gold holds it (two values for a CONFLICT, both sides for a BASIS) and counts as a miss when the pipeline did not
/// extract its claims. Also: single-source facts from AI-digest sources end below every fact two independent outlets
/// state, and the learned reliability of every dev-set source is printed. The run goes through <c>pipeline run</c>'s
/// BatchRunner and its own claims.csv, read back as <c>pipeline reconcile</c> reads it.
/// </summary>
[NonParallelizable]
public class DevSetOverlapsTests
{
    // Floors just below the figures measured on recon2 merged with main at b9e5777 (888 claims from the two folders):
    // CONFLICT rows 3/23 (13.0 %), BASIS rows 6/19 (31.6 %). Nearly every other row fails because its claims are not extracted as the gold has them
    // (missing, another metric, basis or period, or another entity): see the printed reasons. Raise them as the binder lands.
    private const double ConflictFloor = 0.12;
    private const double BasisFloor = 0.30;

    private sealed record Gold(string Set, string Doc, string Entity, string Metric, string Period, decimal Value, string Unit, string Segment, string Basis);

    private sealed record Row(string Set, string Section, string Label, string Verdict, List<List<string>> Sides, List<decimal> Right);

    private static string? _dir;
    private static ReconciliationResult? _result;
    private static List<Observation> _observations = [];

    [OneTimeSetUp]
    public void Run()
    {
        var ipos = TestPaths.RequireShared("dev-articles/ipos");
        var results = TestPaths.RequireShared("dev-articles/results");
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-devset-" + Guid.NewGuid().ToString("N"));
        var outDir = Path.Combine(_dir, "out");
        // Both folders in one run (read in place, each with the manifest beside it), so that one run learns every source.
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [ipos, results], OutDir = outDir, Jobs = 2 });
        using var reader = new StreamReader(Path.Combine(outDir, "claims.csv"));
        _observations = ObservationCsvReader.Read(reader, out var problems).ToList();
        Assert.That(problems, Is.Empty, "the run's claims.csv is a valid reconcile input");
        _result = TestReconciler.Create().Reconcile(_observations);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (_dir is not null && Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void Conflict_and_basis_rows_of_the_audits()
    {
        var gold = LoadGold();
        var rows = LoadRows();
        CheckCoverage(rows);
        var factOf = new Dictionary<string, ReconciledFact>(StringComparer.Ordinal);
        foreach (var f in _result!.Facts)
            foreach (var o in f.Candidates.SelectMany(c => c.Support))
                factOf[o.ClaimId] = f;
        var used = new HashSet<string>(StringComparer.Ordinal);

        int conflictJudged = 0, conflictOk = 0, basisJudged = 0, basisOk = 0;
        foreach (var row in rows)
        {
            var sides = row.Sides.Select(side => side.Select(sel => Resolve(sel, row.Set, gold)).ToList()).ToList();
            var judgeable = row.Verdict == "CONFLICT"
                ? sides.SelectMany(s => s).Select(g => g.Value).Distinct().Count() >= 2
                : sides.Count >= 2 && sides.All(s => s.Count > 0);
            if (!judgeable)
            {
                TestContext.Out.WriteLine($"  n/a   {row.Set} {row.Section} {row.Verdict} {row.Label}: the gold holds fewer than two of its values");
                continue;
            }
            var claims = sides.Select(s => s.Select(g => Find(g, used)).ToList()).ToList();
            var missing = sides.SelectMany(s => s).Zip(claims.SelectMany(c => c)).Where(p => p.Second is null).Select(p => Show(p.First)).ToList();
            bool ok;
            string why;
            if (row.Verdict == "CONFLICT")
            {
                conflictJudged++;
                var facts = claims.SelectMany(c => c).Where(c => c is not null).Select(c => factOf[c!.ClaimId]).Distinct().ToList();
                if (missing.Count > 0) { ok = false; why = "not extracted: " + string.Join(", ", missing); }
                else if (facts.Count != 1) { ok = false; why = $"split over {facts.Count} facts: " + string.Join("; ", facts.Select(f => f.Key.ToString())); }
                else if (facts[0].Status != FactStatus.Conflict) { ok = false; why = $"{facts[0].Status}: {facts[0].Note}"; }
                else if (row.Right.Count > 0 && !(facts[0].Chosen.Value is { } v && row.Right.Any(r => Close(r, v)))) { ok = false; why = $"chose {facts[0].Chosen.Value}, the audit says {string.Join(" or ", row.Right)}"; }
                else { ok = true; why = $"conflict, chose {facts[0].Chosen.Value} ({facts[0].Note})"; }
                if (ok) conflictOk++;
            }
            else
            {
                basisJudged++;
                var keys = claims.Select(side => side.Where(c => c is not null).Select(c => factOf[c!.ClaimId].Key).ToHashSet()).ToList();
                var shared = keys[0].Intersect(keys[1]).ToList();
                if (keys.Any(k => k.Count == 0)) { ok = false; why = "not extracted: " + string.Join(", ", missing); }
                else if (shared.Count > 0) { ok = false; why = "merged into " + string.Join("; ", shared); }
                else { ok = true; why = "separate: " + string.Join(" / ", keys.Select(k => string.Join("; ", k))); }
                if (ok) basisOk++;
            }
            TestContext.Out.WriteLine($"  {(ok ? "PASS" : "FAIL")}  {row.Set} {row.Section} {row.Verdict} {row.Label}: {why}");
        }
        var conflictShare = conflictJudged == 0 ? 0 : (double)conflictOk / conflictJudged;
        var basisShare = basisJudged == 0 ? 0 : (double)basisOk / basisJudged;
        TestContext.Out.WriteLine($"CONFLICT rows right: {conflictOk}/{conflictJudged} = {conflictShare:P1}; BASIS rows kept apart: {basisOk}/{basisJudged} = {basisShare:P1} " +
                                  $"({_observations.Count} claims, {_result.Facts.Count} facts, {_result.Facts.Count(f => f.Status == FactStatus.Conflict)} in conflict)");
        Assert.That(conflictShare, Is.GreaterThanOrEqualTo(ConflictFloor));
        Assert.That(basisShare, Is.GreaterThanOrEqualTo(BasisFloor));
    }

    [Test]
    public void The_runs_audit_links_sources_to_their_manifest_urls_and_marks_figures()
    {
        var html = File.ReadAllText(Path.Combine(_dir!, "out", "audit.html"));
        Assert.That(html, Does.Contain("<a href=\"https://"), "a source linked to its manifest URL");
        Assert.That(html, Does.Contain("<mark>"), "a figure highlighted in its quote");
        Assert.That(html, Does.Contain("id=\"sources\""), "the source-reliability table");
    }

    [Test]
    public void Ai_digest_single_facts_end_below_facts_two_outlets_state()
    {
        var result = _result!;
        foreach (var (source, r) in result.SourceReliability.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            TestContext.Out.WriteLine($"  reliability {r:0.000}  {source}{(IsAiDigest(source) ? "  [AI digest]" : "")}");
        var aiSingles = result.Facts.Where(f => f.Status == FactStatus.Single && f.Sources.All(IsAiDigest)).ToList();
        var twoOutlets = result.Facts.Where(f => f.Status == FactStatus.Agreed && f.Chosen.Support.Select(o => o.Source).Where(s => !IsAiDigest(s)).Distinct().Count() >= 2).ToList();
        TestContext.Out.WriteLine($"{aiSingles.Count} single-source facts from AI digests (highest confidence {(aiSingles.Count == 0 ? 0 : aiSingles.Max(f => f.Confidence)):0.000}); " +
                                  $"{twoOutlets.Count} facts two independent outlets state (lowest {(twoOutlets.Count == 0 ? 0 : twoOutlets.Min(f => f.Confidence)):0.000})");
        if (aiSingles.Count == 0 || twoOutlets.Count == 0) Assert.Inconclusive("the extraction gives no AI-digest single facts or no two-outlet facts yet");
        var floor = twoOutlets.Min(f => f.Confidence);
        var above = aiSingles.Where(f => f.Confidence >= floor).ToList();
        foreach (var f in above) TestContext.Out.WriteLine($"  above: {f.Key} {f.Confidence:0.000} {string.Join(",", f.Sources)}");
        foreach (var f in twoOutlets.Where(f => f.Confidence <= floor + 0.05)) TestContext.Out.WriteLine($"  lowest two-outlet: {f.Key} {f.Chosen.Value} {f.Confidence:0.000} {string.Join(",", f.Sources)}");
        Assert.That(above, Is.Empty);
    }

    /// <summary>AI-written digests as the dev-set READMEs and manifests name them (test knowledge, not pipeline knowledge).</summary>
    private static bool IsAiDigest(string source) =>
        source.Contains("reportify", StringComparison.OrdinalIgnoreCase) || source.Contains("AI summary", StringComparison.Ordinal) ||
        source.Contains("AI-generated", StringComparison.Ordinal) || source.Contains("AI-written", StringComparison.Ordinal) ||
        source.Contains("ttm.financial", StringComparison.Ordinal);

    private Observation? Find(Gold g, HashSet<string> used)
    {
        foreach (var o in _observations)
        {
            if (used.Contains(o.ClaimId) || !o.Document.StartsWith(g.Doc, StringComparison.Ordinal)) continue;
            if (Metric(o.Key.Metric) != Metric(g.Metric) || o.Key.Segment != g.Segment || o.Key.Basis != g.Basis || o.Unit.Code != g.Unit) continue;
            if (o.Value is not { } v || !Close(g.Value, v)) continue;
            if (g.Period.Length > 0 && o.Key.Period != g.Period) continue;
            used.Add(o.ClaimId);
            return o;
        }
        return null;
    }

    private static string Metric(string m) => m.StartsWith("cumulative_", StringComparison.Ordinal) ? m["cumulative_".Length..] : m;

    private static bool Close(decimal a, decimal b) => Math.Abs(a - b) <= 0.005m * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-9m);

    private static string Show(Gold g) => $"{g.Doc} {g.Metric} {g.Value}{(g.Segment.Length > 0 ? $" [{g.Segment}]" : "")}{(g.Basis.Length > 0 ? $" ({g.Basis})" : "")}";

    /// <summary>The gold row a selector (<c>doc:metric:value[:segment[:basis]]</c>) names; the segment and basis are
    /// empty unless given.</summary>
    private static Gold Resolve(string selector, string set, List<Gold> gold)
    {
        var f = selector.Split(':');
        var value = decimal.Parse(f[2], CultureInfo.InvariantCulture);
        var segment = f.Length > 3 ? f[3] : null;
        var basis = f.Length > 4 ? f[4] : "";
        var hits = gold.Where(g => g.Set == set && g.Doc == f[0] && g.Metric == f[1] && g.Value == value && g.Basis == basis
                                   && (segment is null ? true : g.Segment == segment)).ToList();
        Assert.That(hits, Is.Not.Empty, $"overlaps-verdicts.tsv names no gold row: {selector}");
        return hits.OrderBy(g => g.Segment.Length).First();
    }

    private static List<Gold> LoadGold()
    {
        var list = new List<Gold>();
        foreach (var set in new[] { "ipos", "results" })
            foreach (var line in File.ReadLines(Path.Combine(TestPaths.RequireShared("dev-articles/" + set), "gold.tsv")).Skip(1))
            {
                var f = (line + new string('\t', 10)).Split('\t');
                if (!decimal.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) continue;
                list.Add(new Gold(set, f[6].Trim(), f[0], f[1], f[2], v, f[4], f[8].Trim(), f[9].Trim()));
            }
        return list;
    }

    private static List<Row> LoadRows() =>
        File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Reconciliation", "Data", "overlaps-verdicts.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l + "\t\t").Split('\t'))
            .Select(f => new Row(f[0], f[1], f[2], f[3],
                f[4].Length == 0 ? [] : f[4].Split(" / ").Select(side => side.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()).ToList(),
                f[5].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ToList()))
            .ToList();

    /// <summary>Every CONFLICT and BASIS row of the OVERLAPS.md files is listed (by section and metric cell), and no other.</summary>
    private static void CheckCoverage(List<Row> rows)
    {
        var expected = new List<string>();
        foreach (var set in new[] { "ipos", "results" })
        {
            var section = "";
            foreach (var line in File.ReadLines(Path.Combine(TestPaths.RequireShared("dev-articles/" + set), "OVERLAPS.md")))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal)) { section = line[3..4]; continue; }
                if (!line.StartsWith('|')) continue;
                var cells = line.Split('|');
                if (cells.Length < 4) continue;
                var verdict = cells[^2].Trim().TrimStart('*');
                var kind = verdict.StartsWith("CONFLICT", StringComparison.Ordinal) ? "CONFLICT" : verdict.StartsWith("BASIS", StringComparison.Ordinal) ? "BASIS" : null;
                if (kind is not null) expected.Add($"{set} {section} {kind} {cells[1].Trim().Trim('*')}");
            }
        }
        Assert.That(rows.Select(r => $"{r.Set} {r.Section} {r.Verdict} {r.Label}"), Is.EquivalentTo(expected), "overlaps-verdicts.tsv lists every CONFLICT and BASIS row");
    }
}
