using System;
using System.Collections.Generic;

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
    /// <summary>The formats every dataset is written in (<c>--format</c>); null: tables as CSV, mentions as JSON lines.</summary>
    public IReadOnlyList<Output.ITableWriter>? Formats { get; init; }
    /// <summary>Start CSV files with a UTF-8 byte-order mark for spreadsheet programs (<c>--excel</c>/<c>--bom</c>).</summary>
    public bool Bom { get; init; }
    /// <summary>How many bytes of the undated documents' first reads (text, maps, mentions) the run keeps for its second
    /// pass, which then binds them again instead of reading their files again; beyond it, files are read again. The
    /// budget bounds what the pass adds to the run's memory whatever the batch's size.</summary>
    public long SecondPassMemory { get; init; } = 32L << 20;
    /// <summary>Bytes the process may allocate between two collections while the documents are processed
    /// (<see cref="Batch.AllocationCeiling"/>; 0: the collector alone decides).</summary>
    public long AllocationCeiling { get; init; } = Batch.AllocationCeiling.DocumentsBytes;
    /// <summary>The same while the run reconciles and writes its outputs.</summary>
    public long ReconciliationAllocationCeiling { get; init; } = Batch.AllocationCeiling.ReconciliationBytes;
}

/// <summary>Progress as inputs are dealt with: done so far, the number of inputs (files, and records of .jsonl files), the current id.</summary>
public readonly record struct BatchProgress(int Done, int Total, string Current);

/// <summary>The store is being written by another run.</summary>
public sealed class StoreBusyException(string message) : Exception(message);
