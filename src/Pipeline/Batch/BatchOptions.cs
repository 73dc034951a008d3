using Pipeline.Reconciliation;

namespace Pipeline.Batch;

/// <summary>How to run a batch (what <c>pipeline run</c> takes).</summary>
public sealed record BatchOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public string OutDir { get; init; } = "out";
    public string? Manifest { get; init; }
    /// <summary>Worker threads for the per-document pipeline (default: one per core).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>Ignore what the store knows and process every document again.</summary>
    public bool Full { get; init; }
    /// <summary>How many documents share one store transaction (each document is still all-or-nothing).</summary>
    public int CommitEvery { get; init; } = 64;
    /// <summary>The store (<c>--store</c>); null: the embedded SQLite store <c>OUT/pipeline.db</c>.</summary>
    public Storage.StoreLocation? Store { get; init; }
}

/// <summary>Progress as documents finish: done so far, the number of input files (0 while unknown), the current id.</summary>
public readonly record struct BatchProgress(int Done, int Total, string Current);

/// <summary>The store is being written by another run.</summary>
public sealed class StoreBusyException(string message) : Exception(message);
