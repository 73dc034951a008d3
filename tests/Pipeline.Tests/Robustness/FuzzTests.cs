using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// Bounded mutation fuzzing of the seed corpus with a fixed seed: byte flips, truncation (often mid-character),
/// splicing two documents, and inserted junk, each processed as text and as HTML. Every result must satisfy the
/// invariants; a stage that throws shows up as a <c>pipeline.internal-error</c> diagnostic and fails the test.
/// </summary>
public class FuzzTests
{
    private const int Iterations = 60;

    [Test]
    public void Mutated_corpus_documents_never_break_the_invariants()
    {
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var seeds = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var random = new Random(20260121);
        var formats = new[] { DocumentFormat.Text, DocumentFormat.Html };
        var processed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(random, seeds);
            foreach (var format in formats)
            {
                var raw = new RawDocument($"fuzz-{i}", $"fuzz-{i}", bytes, format, DocumentMetadata.Empty);
                var result = pipeline.Process(raw);
                Invariants.Check(result);
                if (result.Status == DocumentStatus.Processed) processed++;
            }
        }
        TestContext.Out.WriteLine($"{Iterations * formats.Length} mutated documents, {processed} processed, the rest quarantined");
        Assert.That(processed, Is.GreaterThan(0), "mutations should leave most documents processable");
    }

    /// <summary>
    /// The same mutations applied to a <c>.jsonl</c> file made from the seed articles and to a manifest naming them
    /// (with JSON and CSV punctuation as junk): the reader never throws, every non-blank line becomes exactly one item
    /// (a document or a quarantine with its line number), and a batch over the mutated folder accounts for every input.
    /// </summary>
    [Test]
    public void Mutated_jsonl_records_and_manifests_never_break_the_reader_or_the_batch()
    {
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var articles = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var jsonl = Encoding.UTF8.GetBytes(string.Join("\n", articles.Select((a, i) => JsonSerializer.Serialize(new
        {
            id = $"seed{i}", outlet = "财联社", published = "2026-01-08", language = "zh-Hans", text = a[..Math.Min(a.Length, 1500)],
        }))) + "\n");
        var manifest = Encoding.UTF8.GetBytes("file,outlet,url,published,language\n" +
            string.Join("\n", Enumerable.Range(0, 4).Select(i => $"doc{i}.txt,证券时报,https://example.com/{i},2026-01-0{i + 1},zh-Hans")) + "\n");
        var random = new Random(20260130);
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            var documents = 0;
            for (var i = 0; i < 30; i++)
            {
                var folder = Path.Combine(dir, $"case{i}");
                Directory.CreateDirectory(folder);
                var feed = Mutate(random, [jsonl], junk: "{}[]\",:\\\n\uD800");
                File.WriteAllBytes(Path.Combine(folder, "feed.jsonl"), feed);
                File.WriteAllBytes(Path.Combine(folder, "manifest.csv"), Mutate(random, [manifest], junk: ",\"\n\r=2026-02-30"));
                for (var d = 0; d < 2; d++) File.WriteAllText(Path.Combine(folder, $"doc{d}.txt"), articles[d][..800]);

                var items = new CorpusReader().Read([folder]).ToList();
                var fromFeed = items.Count(it => it.Path.Contains("feed.jsonl"));
                Assert.That(fromFeed, Is.EqualTo(JsonlLines.CountNonBlank(Path.Combine(folder, "feed.jsonl"))), $"case {i}: one item per non-blank line");
                Assert.That(items.OfType<DocumentInput>().Count(it => !it.Path.Contains("feed.jsonl")), Is.EqualTo(2), $"case {i}: both files read");
                foreach (var doc in items.OfType<DocumentInput>())
                {
                    Invariants.Check(pipeline.Process(doc.Document));
                    documents++;
                }
            }
            var summary = new BatchRunner(pipeline, TestReconciler.Create()).Run(new BatchOptions { Inputs = [dir], OutDir = Path.Combine(dir, "out") });
            Assert.That(summary.Read, Is.EqualTo(summary.Processed + summary.Unchanged + summary.Duplicates + summary.Quarantined));
            TestContext.Out.WriteLine($"30 mutated feeds and manifests: {documents} documents read; batch read {summary.Read}, quarantined {summary.Quarantined}");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    internal static byte[] Mutate(Random random, byte[][] seeds, string junk)
    {
        var bytes = Mutate(random, seeds);
        if (random.Next(2) == 0) return bytes;
        var chars = Encoding.UTF8.GetBytes(junk);
        var copy = bytes.ToList();
        for (var k = random.Next(1, 12); k > 0 && copy.Count > 0; k--) copy.Insert(random.Next(copy.Count), chars[random.Next(chars.Length)]);
        return copy.ToArray();
    }

    internal static byte[] Mutate(Random random, byte[][] seeds)
    {
        var a = seeds[random.Next(seeds.Length)];
        switch (random.Next(4))
        {
            case 0:
            {
                var copy = (byte[])a.Clone();
                for (var k = random.Next(1, 40); k > 0; k--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            }
            case 1:
                return a[..random.Next(a.Length)];
            case 2:
            {
                var b = seeds[random.Next(seeds.Length)];
                return [.. a[..random.Next(a.Length)], .. b[random.Next(b.Length)..]];
            }
            default:
            {
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                var at = random.Next(a.Length);
                return [.. a[..at], .. junk, .. a[at..]];
            }
        }
    }
}
