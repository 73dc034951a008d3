using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

/// <summary>
/// Claims of the seed corpus against the hand-reviewed list in <c>snapshots/FactsCorpus/expected-claims.tsv</c>:
/// prints precision, recall, the misses and the extras, and asserts floors just below the measured figures.
/// A claim matches on (document, entity, metric, period, value, unit); qualifiers are scored among the matches.
/// </summary>
public class CorpusClaimsTests
{
    private sealed record Key(string Doc, string Entity, string Metric, string Period, decimal Value, string Unit);

    private static (List<(Key Key, string Qualifier, string Note)> Expected, List<(Key Key, string Qualifier, string Note)> Actual) Run()
    {
        var expectedPath = Path.Combine(TestPaths.Snapshots, "FactsCorpus", "expected-claims.tsv");
        var expected = File.ReadLines(expectedPath)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (new Key(f[0], f[1], f[2], f[3], decimal.Parse(f[4], CultureInfo.InvariantCulture), f[5]), f[6], f[7]))
            .ToList();

        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var actual = new List<(Key, string, string)>();
        foreach (var item in new CorpusReader(Path.Combine(TestPaths.Corpus, "manifest.csv")).Read([TestPaths.Corpus]).OfType<DocumentInput>())
        {
            var result = pipeline.Process(item.Document);
            Assert.That(result.Status, Is.EqualTo(DocumentStatus.Processed), result.QuarantineReason);
            // A stated equivalent restates the claim beside it and is judged through that claim.
            foreach (var c in result.Claims.Where(c => c.EquivalentOf is null))
            {
                var written = result.Document.Original.Substring(c.Provenance.SourceSpan.Start, c.Provenance.SourceSpan.Length);
                actual.Add((new Key(result.Document.Id, c.Entity, c.Metric, c.Period.ToIsoString(), c.Value.Value, c.Value.UnitCode),
                    c.Qualifier.ToSymbol(), written));
            }
        }
        return (expected, actual);
    }

    [Test]
    public void Precision_and_recall_against_the_reviewed_list()
    {
        var (expected, actual) = Run();
        var pool = expected.ToList();
        var truePositives = new List<(Key Key, string Qualifier, string ExpectedQualifier)>();
        var falsePositives = new List<(Key Key, string Qualifier, string Note)>();
        foreach (var a in actual)
        {
            var i = pool.FindIndex(e => e.Key == a.Key);
            if (i < 0) { falsePositives.Add(a); continue; }
            truePositives.Add((a.Key, a.Qualifier, pool[i].Qualifier));
            pool.RemoveAt(i);
        }
        var precision = actual.Count == 0 ? 0 : (double)truePositives.Count / actual.Count;
        var recall = (double)truePositives.Count / expected.Count;
        var qualifierAgreement = truePositives.Count == 0 ? 0 : (double)truePositives.Count(t => t.Qualifier == t.ExpectedQualifier) / truePositives.Count;

        var o = TestContext.Out;
        o.WriteLine($"claims: {actual.Count}, expected: {expected.Count}, matched: {truePositives.Count}");
        o.WriteLine($"precision {precision:P1}  recall {recall:P1}  F1 {(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)):P1}  qualifier agreement {qualifierAgreement:P1}");
        foreach (var doc in expected.Select(e => e.Key.Doc).Distinct())
            o.WriteLine($"  {doc}: matched {truePositives.Count(t => t.Key.Doc == doc)}/{expected.Count(e => e.Key.Doc == doc)}, extra {falsePositives.Count(f => f.Key.Doc == doc)}");
        o.WriteLine("missed:");
        foreach (var m in pool) o.WriteLine($"  - {Format(m.Key)} «{m.Note}»");
        o.WriteLine("extra:");
        foreach (var f in falsePositives) o.WriteLine($"  + {Format(f.Key)} «{f.Note}»");
        o.WriteLine("qualifier differences:");
        foreach (var t in truePositives.Where(t => t.Qualifier != t.ExpectedQualifier)) o.WriteLine($"  ~ {Format(t.Key)} {t.Qualifier} (expected {t.ExpectedQualifier})");

        Assert.Multiple(() =>
        {
            Assert.That(precision, Is.GreaterThanOrEqualTo(PrecisionFloor), "precision fell");
            Assert.That(recall, Is.GreaterThanOrEqualTo(RecallFloor), "recall fell");
            Assert.That(qualifierAgreement, Is.GreaterThanOrEqualTo(0.9), "qualifiers fell");
        });
    }

    // Floors just below the figures measured when the list was reviewed (see the test output); raise them as binding
    // and recognition improve.
    private const double PrecisionFloor = 0.96;
    private const double RecallFloor = 0.97;

    private static string Format(Key k) =>
        $"{k.Doc[..3]} {k.Entity} {k.Metric} {k.Period} {k.Value.ToString(CultureInfo.InvariantCulture)} {k.Unit}";
}
