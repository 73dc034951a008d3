using System;
using System.Collections.Generic;

namespace Pipeline.Recognition;

/// <summary>
/// Runs recognizers in a fixed order and merges their mentions (Recognizers-Text's merged extractor): where
/// mentions overlap, the longest span wins, then the recognizer registered first. Output is ordered by position.
/// </summary>
public sealed class RecognitionModel
{
    private readonly IReadOnlyList<IRecognizer> _recognizers;

    public RecognitionModel(IReadOnlyList<IRecognizer> recognizers) => _recognizers = recognizers;

    public IReadOnlyList<IRecognizer> Recognizers => _recognizers;

    public IReadOnlyList<Mention> Recognize(string text, RecognitionContext context) => Recognize(text, context, null);

    /// <summary>As <see cref="Recognize(string, RecognitionContext)"/>; a recognizer that throws loses only its own
    /// mentions, and the failure is added to <paramref name="problems"/> (the rest of the document is kept).</summary>
    public IReadOnlyList<Mention> Recognize(string text, RecognitionContext context, List<Documents.Diagnostic>? problems)
    {
        // Sized for a long paragraph's mentions at once: growing these from empty (copying 4, 8, 16…) was about 3% of
        // `pipeline recognize`.
        var all = new List<(Mention Mention, int Order)>(32);
        var buffer = new List<Mention>(32);
        for (var i = 0; i < _recognizers.Count; i++)
        {
            buffer.Clear();
            try
            {
                _recognizers[i].Recognize(text, context, buffer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                buffer.Clear();
                problems?.Add(Documents.Diagnostic.Warning("recognize.failed",
                    $"recognizer {_recognizers[i].Name} failed ({e.GetType().Name}: {e.Message}); its mentions are left out, the rest of the document is kept"));
                continue;
            }
            foreach (var m in buffer) all.Add((m.Recognizer.Length == 0 ? m with { Recognizer = _recognizers[i].Name } : m, i));
        }
        return Merge(all);
    }

    internal static IReadOnlyList<Mention> Merge(List<(Mention Mention, int Order)> all)
    {
        // Most lines: no two mentions overlap. Then the merge is only an ordering by position.
        if (all.Count <= 1 || NoneOverlap(all))
        {
            var ordered = new List<Mention>(all.Count);
            foreach (var (m, _) in all) ordered.Add(m);
            if (ordered.Count > 1) ordered.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return ordered;
        }
        // Longest first; on equal spans a bare unitless number is the weakest reading (the same characters read as a
        // year, a count or an amount say more); then recognizer order, then position: greedy non-overlapping selection.
        all.Sort((a, b) =>
        {
            var c = b.Mention.Span.Length.CompareTo(a.Mention.Span.Length);
            if (c != 0) return c;
            c = IsBareNumber(a.Mention).CompareTo(IsBareNumber(b.Mention));
            if (c != 0) return c;
            c = a.Order.CompareTo(b.Order);
            return c != 0 ? c : a.Mention.Span.Start.CompareTo(b.Mention.Span.Start);
        });
        var kept = new List<Mention>(all.Count);
        var taken = new SortedList<int, int>(all.Count); // start -> end of kept spans
        foreach (var (m, _) in all)
        {
            if (Overlaps(taken, m.Span.Start, m.Span.End)) continue;
            taken.Add(m.Span.Start, m.Span.End);
            kept.Add(m);
        }
        kept.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return kept;
    }

    private static bool NoneOverlap(List<(Mention Mention, int Order)> all)
    {
        for (var a = 0; a < all.Count; a++)
        for (var b = a + 1; b < all.Count; b++)
        {
            var x = all[a].Mention.Span;
            var y = all[b].Mention.Span;
            if (x.Start < y.End && y.Start < x.End || x.Start == y.Start) return false;
            if (all.Count > 32) return false; // long lists take the general path
        }
        return true;
    }

    private static bool IsBareNumber(Mention m) => m.Value is Number { Unit: CountUnit.None } && m.Qualifier == Qualifier.Exact;

    private static bool Overlaps(SortedList<int, int> taken, int start, int end)
    {
        if (end == start) return taken.ContainsKey(start);
        var keys = taken.Keys;
        int lo = 0, hi = keys.Count - 1, idx = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < end) { idx = mid; lo = mid + 1; } else hi = mid - 1;
        }
        // idx = last kept span starting before our end; it overlaps if it ends after our start.
        return idx >= 0 && taken.Values[idx] > start;
    }
}
