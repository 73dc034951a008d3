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
/// </summary>
internal sealed class SupportMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _rowCandidate;
    private readonly float[] _rowValue;

    public static SupportMatrix Empty { get; } = new Builder(0).Build();

    private SupportMatrix(int[] rowStart, int[] rowCandidate, float[] rowValue)
    {
        _rowStart = rowStart;
        _rowCandidate = rowCandidate;
        _rowValue = rowValue;
    }

    /// <summary>Support of row <paramref name="row"/> for candidate <paramref name="candidate"/> (0 when not stored).</summary>
    public float Get(int row, int candidate)
    {
        var at = Array.BinarySearch(_rowCandidate, _rowStart[row], _rowStart[row + 1] - _rowStart[row], candidate);
        return at >= 0 ? _rowValue[at] : 0f;
    }

    /// <summary>The candidates row <paramref name="row"/> supports (ascending) and how much.</summary>
    public ReadOnlySpan<int> RowCandidates(int row) => _rowCandidate.AsSpan(_rowStart[row].._rowStart[row + 1]);
    public ReadOnlySpan<float> RowValues(int row) => _rowValue.AsSpan(_rowStart[row].._rowStart[row + 1]);

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

        public SupportMatrix Build() => new([.. _rowStart], [.. _candidate], [.. _value]);
    }
}
