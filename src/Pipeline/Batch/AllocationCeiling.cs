using System;
using System.Collections.Generic;

namespace Pipeline.Batch;

/// <summary>
/// A ceiling on what the process allocates between two collections, so that a batch's working set does not grow with
/// the batch. .NET's collector (server GC with DATAS) sizes the allocations it allows before collecting as a multiple of
/// the heap that survives, so a long batch, which keeps more (its documents' ids, the reconciler's vote tables), also
/// lets more garbage pile up between collections: on the benchmark's 1 GB corpus the documents' phase swung 100-150 MB
/// above a live heap of 25-35 MB. <see cref="Tick"/>, called as documents and rows go by, collects the young
/// generations (blocking, not compacting, the old generation left alone) once the process has allocated
/// <see cref="Bytes"/> since the last collection of any kind. Where the collector's own allowance is smaller, it
/// collects first and the ceiling never acts.
/// </summary>
public sealed class AllocationCeiling
{
    /// <summary>While documents are processed, 32 MB: on the benchmark's 1 GB corpus the documents' phase peaked at
    /// 204-210 MB with it against 228-242 MB without (64 MB changed nothing), the 100 MB run at 175-187 MB against
    /// 200-206, and the issue-20 run took as long (best of four: 7.84 s against 7.79 s). 16 MB lowered both peaks by
    /// another 10-15 MB for 4-7 % more CPU time.</summary>
    public const long DocumentsBytes = 32L << 20;

    /// <summary>While the run reconciles and writes its outputs, 16 MB: the reconciler's vote tables are the largest thing
    /// live then (about 50 MB on the 1 GB corpus), and the 1 GB run's end peaked at 213 MB with it against 223-229 MB
    /// with 32 MB; the end of a run is not where its time goes.</summary>
    public const long ReconciliationBytes = 16L << 20;

    /// <summary>No ceiling: <see cref="Tick"/> does nothing.</summary>
    public static readonly AllocationCeiling None = new(0);

    private readonly Func<long> _allocated;
    private readonly Func<int> _collections;
    private readonly Action _collect;
    private readonly object _gate = new();
    private long _allocatedAt;
    private int _collectionsAt;

    public AllocationCeiling(long bytes)
        : this(bytes, () => GC.GetTotalAllocatedBytes(), () => GC.CollectionCount(0),
            () => GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: false))
    {
    }

    /// <summary>With the process's counters and collection given (tests).</summary>
    internal AllocationCeiling(long bytes, Func<long> allocated, Func<int> collections, Action collect)
    {
        Bytes = Math.Max(0, bytes);
        (_allocated, _collections, _collect) = (allocated, collections, collect);
        _allocatedAt = allocated();
        _collectionsAt = collections();
    }

    /// <summary>Bytes the process may allocate between two collections (0: no ceiling).</summary>
    public long Bytes { get; }

    /// <summary>How many collections the ceiling asked for.</summary>
    public int Collections { get; private set; }

    /// <summary>Collects if the process has allocated <see cref="Bytes"/> since the last collection. Any thread.</summary>
    public void Tick()
    {
        if (Bytes == 0) return;
        lock (_gate)
        {
            var allocated = _allocated();
            var collections = _collections();
            if (collections != _collectionsAt)
            {
                // The collector collected meanwhile: count from there.
                (_allocatedAt, _collectionsAt) = (allocated, collections);
                return;
            }
            if (allocated - _allocatedAt < Bytes) return;
            _collect();
            Collections++;
            (_allocatedAt, _collectionsAt) = (_allocated(), _collections());
        }
    }

    /// <summary>The items, with a <see cref="Tick"/> every <paramref name="every"/> of them.</summary>
    public IEnumerable<T> Over<T>(IEnumerable<T> items, int every = 256) => Bytes == 0 ? items : Ticking(items, every);

    private IEnumerable<T> Ticking<T>(IEnumerable<T> items, int every)
    {
        var n = 0;
        foreach (var item in items)
        {
            if (++n % every == 0) Tick();
            yield return item;
        }
    }
}
