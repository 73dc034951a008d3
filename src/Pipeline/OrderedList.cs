using System;
using System.Collections.Generic;

namespace Pipeline;

/// <summary>
/// The builder's one ordering mechanism (as Markdig's <c>OrderedList</c>): parts run in list order, and an extension
/// that must run before or after another part places itself with <see cref="InsertBefore{TAnchor}"/> or
/// <see cref="InsertAfter{TAnchor}"/> instead of a phase number. Items are found by their type.
/// </summary>
public sealed class OrderedList<T> : List<T> where T : class
{
    public OrderedList() { }

    public OrderedList(IEnumerable<T> items) : base(items) { }

    /// <summary>The first item of type <typeparamref name="TItem"/>, or null.</summary>
    public TItem? Find<TItem>() where TItem : class, T
    {
        foreach (var item in this)
            if (item is TItem found) return found;
        return null;
    }

    public bool Contains<TItem>() where TItem : class, T => Find<TItem>() is not null;

    /// <summary>Inserts <paramref name="item"/> before the first <typeparamref name="TAnchor"/>; false (nothing added)
    /// when there is none.</summary>
    public bool InsertBefore<TAnchor>(T item) where TAnchor : class, T
    {
        ArgumentNullException.ThrowIfNull(item);
        for (var i = 0; i < Count; i++)
            if (this[i] is TAnchor) { Insert(i, item); return true; }
        return false;
    }

    /// <summary>Inserts <paramref name="item"/> after the last <typeparamref name="TAnchor"/>; false (nothing added)
    /// when there is none.</summary>
    public bool InsertAfter<TAnchor>(T item) where TAnchor : class, T
    {
        ArgumentNullException.ThrowIfNull(item);
        for (var i = Count - 1; i >= 0; i--)
            if (this[i] is TAnchor) { Insert(i + 1, item); return true; }
        return false;
    }

    /// <summary>Replaces the first <typeparamref name="TItem"/> with <paramref name="replacement"/>; false when there is none.</summary>
    public bool Replace<TItem>(T replacement) where TItem : class, T
    {
        ArgumentNullException.ThrowIfNull(replacement);
        for (var i = 0; i < Count; i++)
            if (this[i] is TItem) { this[i] = replacement; return true; }
        return false;
    }

    /// <summary>Removes every <typeparamref name="TItem"/>; true when one was removed.</summary>
    public bool TryRemove<TItem>() where TItem : class, T => RemoveAll(x => x is TItem) > 0;

    /// <summary>Adds <paramref name="item"/> unless an item of the same type is already there (a <c>Use…</c> called twice
    /// keeps one part); returns the item in the list.</summary>
    public T AddIfNotThere(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var existing in this)
            if (existing.GetType() == item.GetType()) return existing;
        Add(item);
        return item;
    }
}
