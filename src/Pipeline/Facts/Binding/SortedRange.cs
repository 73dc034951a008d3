using System;
using System.Collections;
using System.Collections.Generic;

namespace Pipeline.Facts.Binding;

/// <summary>
/// The items of a list sorted by position that start in a range of the text: a view of the list, not a copy. The
/// binder asks for these thousands of times per document (the figures of a clause, the cues before a figure), mostly
/// to ask whether there is one or which is first or last; those questions are answered here without the iterator and
/// enumerator objects LINQ would allocate. It is still an <see cref="IEnumerable{T}"/> for the rest of LINQ.
/// </summary>
internal readonly struct SortedRange<T>(IReadOnlyList<T> list, int start, int end) : IReadOnlyList<T>
{
    public int Count => end - start;

    public T this[int index] => (uint)index < (uint)Count ? list[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public bool Any() => end > start;

    public bool Any(Func<T, bool> predicate)
    {
        for (var i = start; i < end; i++)
            if (predicate(list[i])) return true;
        return false;
    }

    public T? FirstOrDefault() => end > start ? list[start] : default;

    public T? FirstOrDefault(Func<T, bool> predicate)
    {
        for (var i = start; i < end; i++)
            if (predicate(list[i])) return list[i];
        return default;
    }

    public T? LastOrDefault() => end > start ? list[end - 1] : default;

    public T? LastOrDefault(Func<T, bool> predicate)
    {
        for (var i = end - 1; i >= start; i--)
            if (predicate(list[i])) return list[i];
        return default;
    }

    public List<T> ToList()
    {
        var copy = new List<T>(Count);
        for (var i = start; i < end; i++) copy.Add(list[i]);
        return copy;
    }

    public Enumerator GetEnumerator() => new(list, start, end);

    IEnumerator<T> IEnumerable<T>.GetEnumerator()
    {
        for (var i = start; i < end; i++) yield return list[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    public struct Enumerator(IReadOnlyList<T> list, int start, int end)
    {
        private int _index = start - 1;

        public readonly T Current => list[_index];

        public bool MoveNext() => ++_index < end;
    }
}
