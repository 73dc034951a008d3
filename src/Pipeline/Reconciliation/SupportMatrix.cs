using System;
using System.Collections.Generic;

namespace Pipeline.Reconciliation;

/// <summary>
/// The support each distinct writing (row) of a key gives each of its candidates, kept sparse: a value lends support
/// only to candidates it agrees with, lies close to (within ten times <see cref="ReconcilerOptions.CloseScale"/>) or
/// equals after a magnitude slip, so most pairs of a key's many distinct values are zero. A dense rows × candidates
/// table grows with the square of a key's distinct values (a story repeated by thousands of articles, each with its own
/// figure, made it hundreds of megabytes); this one grows with the pairs that support each other. Entries are kept by
/// row, candidates ascending: a sum over rows for each candidate, run row by row, adds the same terms in the same order as
/// over a dense table, skipping only zeros: the same totals to the last bit.
/// A key with at most 65,536 candidates (every key of the benchmark's 1 GB store: 13,519 candidates over its 147 keys,
/// 1.35 million entries in its largest table) keeps each entry's candidate in two bytes instead of four, so an entry
/// takes six bytes, not eight.
/// </summary>
internal sealed class SupportMatrix
{
    /// <summary>Most candidates whose indices fit in two bytes.</summary>
    internal const int NarrowCandidates = ushort.MaxValue + 1;

    private readonly int[] _rowStart;
    private readonly ushort[]? _narrow;
    private readonly int[]? _wide;
    private readonly float[] _value;

    public static SupportMatrix Empty { get; } = new Builder(0).Build();

    private SupportMatrix(int[] rowStart, ushort[]? narrow, int[]? wide, float[] value)
    {
        (_rowStart, _narrow, _wide, _value) = (rowStart, narrow, wide, value);
    }

    /// <summary>Entries kept (pairs with support).</summary>
    public int Entries => _value.Length;

    /// <summary>Whether candidates are kept in two bytes each.</summary>
    internal bool Narrow => _narrow is not null;

    /// <summary>Support of row <paramref name="row"/> for candidate <paramref name="candidate"/> (0 when not stored).</summary>
    public float Get(int row, int candidate)
    {
        int start = _rowStart[row], length = _rowStart[row + 1] - start;
        int at;
        if (_narrow is not null)
        {
            if ((uint)candidate >= NarrowCandidates) return 0f;
            at = _narrow.AsSpan(start, length).BinarySearch((ushort)candidate);
        }
        else at = _wide.AsSpan(start, length).BinarySearch(candidate);
        return at >= 0 ? _value[start + at] : 0f;
    }

    /// <summary>Adds <paramref name="weight"/> × the support of row <paramref name="row"/> for each candidate to that
    /// candidate's total in <paramref name="totals"/> (indexed by candidate), in ascending candidate order.</summary>
    public void AddRow(int row, double weight, Span<double> totals)
    {
        int start = _rowStart[row], length = _rowStart[row + 1] - start;
        var values = _value.AsSpan(start, length);
        if (_narrow is not null)
        {
            var candidates = _narrow.AsSpan(start, length);
            for (var e = 0; e < candidates.Length; e++) totals[candidates[e]] += weight * values[e];
        }
        else
        {
            var candidates = _wide.AsSpan(start, length);
            for (var e = 0; e < candidates.Length; e++) totals[candidates[e]] += weight * values[e];
        }
    }

    /// <summary>Rows are added in order, each with its candidates in ascending order; zeros are not stored.</summary>
    internal sealed class Builder(int candidates)
    {
        private readonly List<int> _rowStart = [0];
        private readonly List<int> _candidate = [];
        private readonly List<float> _value = [];

        public void Add(int candidate, float support)
        {
            if (support == 0f) return;
            if (candidate < 0 || candidate >= candidates) throw new ArgumentOutOfRangeException(nameof(candidate));
            _candidate.Add(candidate);
            _value.Add(support);
        }

        public void EndRow() => _rowStart.Add(_candidate.Count);

        public SupportMatrix Build()
        {
            if (candidates > NarrowCandidates) return new([.. _rowStart], null, [.. _candidate], [.. _value]);
            var narrow = new ushort[_candidate.Count];
            for (var e = 0; e < narrow.Length; e++) narrow[e] = (ushort)_candidate[e];
            return new([.. _rowStart], narrow, null, [.. _value]);
        }
    }
}
