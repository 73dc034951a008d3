using NUnit.Framework;
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
