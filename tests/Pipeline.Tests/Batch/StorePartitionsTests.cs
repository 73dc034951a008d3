using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Batch;

/// <summary>The reconciler's reads from a run's store: a key's first read (the reconciler's first pass, which reads the
/// basis markers of each value's clause) carries the claims' quotes; a later read (the second pass) does not.</summary>
public class StorePartitionsTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-partitions-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    [Test]
    public void A_keys_first_read_carries_the_quotes_and_a_later_one_does_not()
    {
        var outDir = Path.Combine(_dir, "out");
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        using var store = PipelineStore.Open(Path.Combine(outDir, "pipeline.db"));
        var documents = store.StoredDocuments().Keys.ToHashSet(StringComparer.Ordinal);
        var partitions = new StorePartitions(store, documents, store.ClaimKeys(), e => e, () => { }, AllocationCeiling.None);
        var key = partitions.Keys.First(k => partitions.Read(k).Count > 1);   // a key's first read
        var again = partitions.Read(key);
        Assert.That(again, Has.Count.GreaterThan(1));
        Assert.That(again.Select(o => o.Quote), Is.All.Empty, "a later read leaves the quotes in the store");

        var fresh = new StorePartitions(store, documents, store.ClaimKeys(), e => e, () => { }, AllocationCeiling.None);
        var first = fresh.Read(key);
        Assert.That(first.Select(o => o.Quote), Is.All.Not.Empty, "the first read has every claim's quote");
        Assert.That(first.Select(o => o.ClaimId), Is.EqualTo(again.Select(o => o.ClaimId)));
        var quotes = store.Quotes(first.Select(o => o.ClaimId));
        Assert.That(first.Select(o => o.Quote), Is.EqualTo(first.Select(o => quotes[o.ClaimId])), "the quotes the store holds");
    }
}
