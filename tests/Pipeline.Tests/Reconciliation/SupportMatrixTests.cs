using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>The sparse support table gives what a dense one gives: every entry, and sums to the last bit, whether its
/// candidates are kept in two bytes (up to 65,536 candidates) or in four.</summary>
public class SupportMatrixTests
{
    [TestCase(1, 30)]
    [TestCase(2, 30)]
    [TestCase(3, 30)]
    [TestCase(4, SupportMatrix.NarrowCandidates)]
    [TestCase(5, SupportMatrix.NarrowCandidates + 4_464)]
    public void Entries_and_row_by_row_sums_equal_the_dense_table(int seed, int candidates)
    {
        var random = new Random(seed);
        const int rows = 40;
        // Each row's entries: every candidate of a small key; of a large one, a sample spread over its whole range
        // (the last candidates included, whose indices need more than two bytes in a key past 65,536).
        var entries = new SortedDictionary<int, float>[rows];
        var builder = new SupportMatrix.Builder(candidates);
        for (var r = 0; r < rows; r++)
        {
            entries[r] = [];
            var tried = candidates <= 64
                ? Enumerable.Range(0, candidates)
                : Enumerable.Range(0, 60).Select(_ => random.Next(candidates)).Append(candidates - 1 - r).Distinct().Order();
            foreach (var j in tried)
            {
                // Mostly zero, as for the distinct values of a key; some tiny, some whole.
                var v = random.Next(4) switch { 0 => 1f, 1 => (float)Math.Exp(-random.NextDouble() * 20), _ => 0f };
                if (v != 0f) entries[r][j] = v;
                builder.Add(j, v);
            }
            builder.EndRow();
        }
        var sparse = builder.Build();
        Assert.That(sparse.Narrow, Is.EqualTo(candidates <= SupportMatrix.NarrowCandidates));
        Assert.That(sparse.Entries, Is.EqualTo(entries.Sum(e => e.Count)));
        var weight = new double[rows];
        for (var r = 0; r < rows; r++) weight[r] = random.NextDouble() * 3;

        var probes = candidates <= 64 ? Enumerable.Range(0, candidates).ToArray()
            : entries.SelectMany(e => e.Keys).SelectMany(j => new[] { j, Math.Max(0, j - 1), Math.Min(candidates - 1, j + 1) }).Distinct().ToArray();
        for (var r = 0; r < rows; r++)
            foreach (var j in probes)
                Assert.That(sparse.Get(r, j), Is.EqualTo(entries[r].GetValueOrDefault(j)), $"row {r}, candidate {j}");

        var fromSparse = new double[candidates];
        for (var r = 0; r < rows; r++) sparse.AddRow(r, weight[r], fromSparse);
        foreach (var j in probes)
        {
            // A dense table's sum: every row in order, zeros included.
            var fromDense = 0.0;
            for (var r = 0; r < rows; r++) fromDense += weight[r] * entries[r].GetValueOrDefault(j);
            Assert.That(BitConverter.DoubleToInt64Bits(fromSparse[j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(fromDense)), $"candidate {j}");
        }
    }
}
