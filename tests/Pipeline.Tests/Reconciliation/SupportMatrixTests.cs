using System;
using NUnit.Framework;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>The sparse support table gives what a dense one gives: every entry, and sums to the last bit.</summary>
public class SupportMatrixTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Entries_and_row_by_row_sums_equal_the_dense_table(int seed)
    {
        var random = new Random(seed);
        int rows = 40, candidates = 30;
        var dense = new float[rows * candidates];
        var builder = new SupportMatrix.Builder(candidates);
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < candidates; j++)
            {
                // Mostly zero, as for the distinct values of a key; some tiny, some whole.
                var v = random.Next(4) switch { 0 => 1f, 1 => (float)Math.Exp(-random.NextDouble() * 20), _ => 0f };
                dense[r * candidates + j] = v;
                builder.Add(j, v);
            }
            builder.EndRow();
        }
        var sparse = builder.Build();
        var weight = new double[rows];
        for (var r = 0; r < rows; r++) weight[r] = random.NextDouble() * 3;

        for (var r = 0; r < rows; r++)
            for (var j = 0; j < candidates; j++)
                Assert.That(sparse.Get(r, j), Is.EqualTo(dense[r * candidates + j]), $"row {r}, candidate {j}");

        var fromSparse = new double[candidates];
        for (var r = 0; r < rows; r++)
        {
            var cs = sparse.RowCandidates(r);
            var vs = sparse.RowValues(r);
            for (var e = 0; e < cs.Length; e++) fromSparse[cs[e]] += weight[r] * vs[e];
        }
        for (var j = 0; j < candidates; j++)
        {
            var fromDense = 0.0;
            for (var r = 0; r < rows; r++) fromDense += weight[r] * dense[r * candidates + j];
            Assert.That(BitConverter.DoubleToInt64Bits(fromSparse[j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(fromDense)), $"candidate {j}");
        }
    }
}
