using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>
/// The reconciler's input read in partitions that no fact crosses, one entity each (after the entity merge), as often as
/// the reconciler asks: it holds the claims of one partition at a time. A store reads each partition when asked
/// (<see cref="Batch.StoreReconciler"/>); <see cref="ObservationPartitions.Of"/> serves a list held in memory.
/// </summary>
public interface IObservationPartitions
{
    /// <summary>Every entity that has observations, once each.</summary>
    IReadOnlyList<string> Entities { get; }

    /// <summary>The observations of one entity, sorted by <see cref="ObservationPartitions.Sort"/>; the same each time.</summary>
    IReadOnlyList<Observation> Read(string entity);

    /// <summary>Every observation (or at least every one that states an amount in a second currency: the stated exchange
    /// rates are the whole batch's), sorted by <see cref="ObservationPartitions.Sort"/>.</summary>
    IReadOnlyList<Observation> Equivalents();
}

/// <summary>Partitions of observations held in memory, and the order every partition is read in.</summary>
public sealed class ObservationPartitions : IObservationPartitions
{
    private readonly Observation[] _sorted;
    private readonly Dictionary<string, ArraySegment<Observation>> _byEntity = new(StringComparer.Ordinal);

    private ObservationPartitions(Observation[] sorted)
    {
        _sorted = sorted;
        // Sorted by key, so each entity's observations are one run.
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i].Key.Entity == sorted[start].Key.Entity) continue;
            _byEntity[sorted[start].Key.Entity] = new ArraySegment<Observation>(sorted, start, i - start);
            start = i;
        }
        Entities = _byEntity.Keys.ToArray();
    }

    /// <summary>The observations sorted once as a whole (so that observations alike in every compared field keep one
    /// order), each entity's run a partition.</summary>
    public static ObservationPartitions Of(IReadOnlyList<Observation> observations) => new(Sort(observations));

    /// <summary>The total order the reconciler reads observations in: by key, source, document, claim id, then every
    /// other field, so that sums and ties never depend on input order.</summary>
    public static Observation[] Sort(IEnumerable<Observation> observations)
    {
        var sorted = observations.ToArray();
        Array.Sort(sorted, ObservationOrder.Instance);
        return sorted;
    }

    public IReadOnlyList<string> Entities { get; }

    public IReadOnlyList<Observation> Read(string entity) => _byEntity.TryGetValue(entity, out var run) ? run : [];

    public IReadOnlyList<Observation> Equivalents() => _sorted;
}
