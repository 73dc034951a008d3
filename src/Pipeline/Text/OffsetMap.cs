using System;
using System.Collections.Generic;

namespace Pipeline.Text;

/// <summary>
/// Maps offsets in a stage's output text back to offsets in its input text (Lucene's CharFilter idea).
/// The output is described as consecutive segments; each segment either copies input characters one for one
/// (so offsets inside it map exactly) or replaces an input range as a block (offsets inside it map to the
/// block's edges). Maps compose with <see cref="Then"/>, so a mention found after several stages still points
/// at the exact characters of the original document.
/// </summary>
public sealed class OffsetMap
{
    private readonly Segment[] _segments;        // sorted by OutStart, contiguous in both texts
    private readonly OffsetMap? _inner;          // the map of the previous stage, applied after this one

    internal OffsetMap(Segment[] segments, int outputLength, int inputLength, OffsetMap? inner = null)
    {
        _segments = segments;
        OutputLength = outputLength;
        InputLength = inputLength;
        _inner = inner;
    }

    /// <summary>Length of the text this map starts from.</summary>
    public int OutputLength { get; }

    /// <summary>Length of the text this map points into (after composition: the original document).</summary>
    public int InputLength { get; }

    /// <summary>The map of a stage that did not change the text.</summary>
    public static OffsetMap Identity(int length) =>
        new(length == 0 ? [] : [new Segment(0, 0, length, length, true)], length, length);

    /// <summary>Composes: this map goes output→input; <paramref name="next"/> goes from a later stage's output to
    /// this map's output. The result goes from the later output straight to this map's input.</summary>
    public OffsetMap Then(OffsetMap next)
    {
        if (next.InnermostInputLength != OutputLength)
            throw new ArgumentException(
                $"Cannot compose: next stage read {next.InputLength} characters but this stage wrote {OutputLength}.",
                nameof(next));
        return next.WithInner(this);
    }

    private OffsetMap WithInner(OffsetMap inner)
    {
        var composedInner = _inner is null ? inner : _inner.WithInner(inner);
        return new OffsetMap(_segments, OutputLength, composedInner.InputLength, composedInner);
    }

    /// <summary>Maps the start of a range (inclusive): characters removed just before it are skipped.</summary>
    public int ToSourceStart(int offset)
    {
        var local = Local(offset, endBias: false);
        return _inner is null ? local : _inner.ToSourceStart(local);
    }

    /// <summary>Maps the end of a range (exclusive): characters removed just after it are not included.</summary>
    public int ToSourceEnd(int offset)
    {
        var local = Local(offset, endBias: true);
        return _inner is null ? local : _inner.ToSourceEnd(local);
    }

    /// <summary>
    /// <see cref="ToSourceStart"/> of every offset at once, in place. For ascending offsets (every offset of a text,
    /// the mentions in order) each map of the chain is walked once instead of searched once per offset; any order
    /// gives the same results as mapping one by one.
    /// </summary>
    public void ToSourceStarts(Span<int> offsets) => MapAll(offsets, endBias: false);

    /// <summary><see cref="ToSourceEnd"/> of every offset at once, in place (see <see cref="ToSourceStarts"/>).</summary>
    public void ToSourceEnds(Span<int> offsets) => MapAll(offsets, endBias: true);

    private void MapAll(Span<int> offsets, bool endBias)
    {
        var hint = -1;
        var last = 0;
        for (var k = 0; k < offsets.Length; k++) offsets[k] = Local(offsets[k], endBias, ref hint, ref last);
        _inner?.MapAll(offsets, endBias);
    }

    /// <summary>One offset of this stage's output mapped to its input: a range's start (characters removed just before it
    /// skipped) or, with <paramref name="endBias"/>, its end (characters removed just after it left out).</summary>
    private int Local(int offset, bool endBias)
    {
        int hint = -1, last = 0;
        return Local(offset, endBias, ref hint, ref last);
    }

    /// <summary><see cref="Local(int, bool)"/> for one of a run of offsets (<see cref="Containing"/>).</summary>
    private int Local(int offset, bool endBias, ref int hint, ref int last)
    {
        CheckOffset(offset);
        // An empty range at the very start maps to the start, before anything removed there; the end of the output to
        // the end of the input.
        if (endBias && offset == 0) return 0;
        if (!endBias && offset == OutputLength) return LocalInputLength;
        var s = _segments[Containing(offset, endBias, ref hint, ref last)];
        if (s.Exact) return s.InStart + (offset - s.OutStart);
        return endBias ? s.InStart + s.InLength : s.InStart;
    }

    /// <summary>The non-empty output segment holding the character at <paramref name="offset"/> (start bias) or the one
    /// ending at or after it (end bias); deleted ranges (OutLength 0) are never chosen, so removals are skipped. For a run
    /// of offsets (<paramref name="hint"/> the previous probe's segment, -1 before the first): while the probes ascend,
    /// the search walks on from the previous one's segment; the first probe, and one that goes back, is searched for.</summary>
    private int Containing(int offset, bool endBias, ref int hint, ref int last)
    {
        var probe = endBias ? offset - 1 : offset;
        if (hint < 0 || probe < last) hint = Math.Max(0, LastAtOrBefore(probe));
        last = probe;
        while (hint + 1 < _segments.Length && _segments[hint + 1].OutStart <= probe) hint++;
        return NonEmptyFrom(_segments.Length > 0 && _segments[hint].OutStart <= probe ? hint : -1, offset);
    }

    public TextSpan ToSource(TextSpan span)
    {
        if (span.IsEmpty)
        {
            var p = ToSourceStart(span.Start);
            return new TextSpan(p, p);
        }
        var start = ToSourceStart(span.Start);
        var end = ToSourceEnd(span.End);
        return new TextSpan(start, Math.Max(start, end));
    }

    /// <summary>Segments of this stage only (not the composed chain), for validation and diagnostics.</summary>
    internal IReadOnlyList<Segment> Segments => _segments;

    private int LocalInputLength => _segments.Length == 0 ? 0 : _segments[^1].InStart + _segments[^1].InLength;

    /// <summary>About how many bytes the map holds (its segments and those of the maps it composes).</summary>
    public long EstimatedBytes => 24L * _segments.Length + 48 + (_inner?.EstimatedBytes ?? 0);

    private int InnermostInputLength => _inner is null ? InputLength : _inner.InnermostInputLength;

    /// <summary>The last segment whose output starts at or before <paramref name="probe"/> (-1: none).</summary>
    private int LastAtOrBefore(int probe)
    {
        int lo = 0, hi = _segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_segments[mid].OutStart <= probe) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Skips back over empty (deleted) segments that share the OutStart of <paramref name="found"/>; the
    /// offset is for the message when no segment holds it.</summary>
    private int NonEmptyFrom(int found, int offset)
    {
        while (found > 0 && _segments[found].OutLength == 0) found--;
        if (found < 0 || _segments[found].OutLength == 0)
            throw new InvalidOperationException($"Offset map has no segment for offset {offset}.");
        return found;
    }

    private void CheckOffset(int offset)
    {
        if ((uint)offset > (uint)OutputLength)
            throw new ArgumentOutOfRangeException(nameof(offset), $"Offset {offset} is outside [0, {OutputLength}].");
    }

    internal readonly record struct Segment(int OutStart, int InStart, int OutLength, int InLength, bool Exact);
}
