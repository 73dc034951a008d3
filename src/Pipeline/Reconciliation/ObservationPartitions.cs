using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>
/// The reconciler's input read a key at a time (after the entity merge), as often as the reconciler asks: it holds the
/// claims of one key at a time. A store reads each key when asked (<see cref="Batch.StoreReconciler"/>);
/// <see cref="ObservationPartitions.Of"/> serves a list held in memory.
/// </summary>
public interface IObservationPartitions
{
    /// <summary>Every key that has observations.</summary>
    IReadOnlyList<FactKey> Keys { get; }

    /// <summary>The observations of one key, sorted by <see cref="ObservationPartitions.Sort"/>; the same each time.</summary>
    IReadOnlyList<Observation> Read(FactKey key);

    /// <summary>Every observation (or at least every one that states an amount in a second currency: the stated exchange
    /// rates are the whole batch's), sorted by <see cref="ObservationPartitions.Sort"/>.</summary>
    IReadOnlyList<Observation> Equivalents();
}

/// <summary>Observations held in memory, read by key, and the order every key is read in.</summary>
public sealed class ObservationPartitions : IObservationPartitions
{
    private readonly Observation[] _sorted;
    private readonly Dictionary<FactKey, ArraySegment<Observation>> _byKey = [];

    private ObservationPartitions(Observation[] sorted)
    {
        _sorted = sorted;
        // Sorted by key first, so each key's observations are one run.
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i].Key == sorted[start].Key) continue;
            _byKey[sorted[start].Key] = new ArraySegment<Observation>(sorted, start, i - start);
            start = i;
        }
        Keys = _byKey.Keys.ToArray();
    }

    /// <summary>The observations sorted once as a whole (so that observations alike in every compared field keep one
    /// order), each key's run read as its partition.</summary>
    public static ObservationPartitions Of(IReadOnlyList<Observation> observations) => new(Sort(observations));

    /// <summary>The total order the reconciler reads observations in: by key, source, document, claim id, then every
    /// other field, so that sums and ties never depend on input order.</summary>
    public static Observation[] Sort(IEnumerable<Observation> observations)
    {
        var sorted = observations.ToArray();
        Array.Sort(sorted, ObservationOrder.Instance);
        return sorted;
    }

    public IReadOnlyList<FactKey> Keys { get; }

    public IReadOnlyList<Observation> Read(FactKey key) => _byKey.TryGetValue(key, out var run) ? run : [];

    public IReadOnlyList<Observation> Equivalents() => _sorted;
}
