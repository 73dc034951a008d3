using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Corpus;

/// <summary>
/// The bundled corpus run end to end, its datasets checked against reviewed snapshots: a change in any stage that
/// moves a figure shows up here as a readable diff of facts, claims or the audit.
/// </summary>
public class CorpusRunSnapshotTests
{
    private static readonly Lazy<string> OutDir = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-corpus-snapshot-" + Environment.ProcessId);
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = dir });
        return dir;
    });

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (OutDir.IsValueCreated && Directory.Exists(OutDir.Value)) Directory.Delete(OutDir.Value, true);
    }

    [TestCase("facts.csv", "csv")]
    [TestCase("claims.csv", "csv")]
    [TestCase("conflicts.csv", "csv")]
    [TestCase("audit.md", "md")]
    public void Dataset_matches_its_reviewed_snapshot(string file, string extension) =>
        Snapshot.Verify(nameof(CorpusRunSnapshotTests), Path.GetFileNameWithoutExtension(file), File.ReadAllText(Path.Combine(OutDir.Value, file)), extension);

    [Test]
    public void Every_claim_quotes_the_original_at_its_offsets()
    {
        var originals = Directory.GetFiles(TestPaths.Corpus, "*.txt").ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, File.ReadAllText);
        var lines = File.ReadAllLines(Path.Combine(OutDir.Value, "claims.csv")).Skip(1).ToList();
        Assert.That(lines, Is.Not.Empty);
        using var reader = new StringReader(File.ReadAllText(Path.Combine(OutDir.Value, "claims.csv")));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var doc = csv.GetField("document")!;
            var start = int.Parse(csv.GetField("start")!);
            var end = int.Parse(csv.GetField("end")!);
            var original = originals[doc];
            Assert.That(end, Is.GreaterThan(start).And.LessThanOrEqualTo(original.Length), csv.GetField("claim_id"));
            var slice = original[start..end];
            Assert.That(slice.Any(char.IsDigit) || slice.Any(c => "一二三四五六七八九十百千万亿两半倍".Contains(c)), Is.True,
                $"{csv.GetField("claim_id")}: '{slice}' at the claim's offsets is not a figure");
        }
    }
}
