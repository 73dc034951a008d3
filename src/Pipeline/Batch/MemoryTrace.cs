using System;
using System.Diagnostics;

namespace Pipeline.Batch;

/// <summary>
/// Phase marks for finding what holds memory at the end of a batch: with <c>PIPELINE_MEMORY_TRACE=1</c> in the
/// environment, each mark writes one line to standard error (seconds since the first mark, the managed heap in use,
/// the process's working set and its peak so far). Off by default; writes nothing then.
/// </summary>
public static class MemoryTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("PIPELINE_MEMORY_TRACE") is { Length: > 0 } v && v != "0";
    /// <summary><c>PIPELINE_MEMORY_TRACE=live</c>: each mark first collects, so that the heap figure is what is live.</summary>
    private static readonly bool Live = Environment.GetEnvironmentVariable("PIPELINE_MEMORY_TRACE") == "live";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Mark(string phase)
    {
        if (!On) return;
        using var p = Process.GetCurrentProcess();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"memory {Clock.Elapsed.TotalSeconds,7:0.00} s  heap {GC.GetTotalMemory(Live) / 1048576.0,7:0.0} MB  committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0,7:0.0} MB  working set {p.WorkingSet64 / 1048576.0,7:0.0} MB  peak {p.PeakWorkingSet64 / 1048576.0,7:0.0} MB  {phase}"));
    }
}
