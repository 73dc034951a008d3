using System.Collections.Generic;

namespace Pipeline.Batch;

/// <summary>The counts written to <c>run.json</c>. Every input is accounted for:
/// <c>Read = Processed + Unchanged + Duplicates + Quarantined</c>.</summary>
public sealed record RunSummary
{
    public int Read { get; init; }
    public int Processed { get; init; }
    public int Unchanged { get; init; }
    public int Duplicates { get; init; }
    public int Quarantined { get; init; }
    public int Mentions { get; init; }
    public int UnboundMentions { get; init; }
    /// <summary>Unbound mentions by the reason the binder recorded (<see cref="Facts.UnboundReason"/>).</summary>
    public IReadOnlyDictionary<string, int> UnboundReasons { get; init; } = new Dictionary<string, int>();
    public int Claims { get; init; }
    public int Facts { get; init; }
    public int Conflicts { get; init; }
    public int FactsChanged { get; init; }
    public double Seconds { get; init; }
    /// <summary>Peak resident memory of the process, in MiB.</summary>
    public double PeakMemoryMb { get; init; }
    /// <summary>Seconds spent per stage, summed over documents (worker time, so it can exceed wall time).</summary>
    public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();
    /// <summary>How the workers spent the documents' phase (in this process; null on the cluster).</summary>
    public WorkerTimes? Workers { get; init; }
    /// <summary>True when any document seen by this run is quarantined (exit code 1). Those quarantined by this run
    /// are among them, so the total alone decides.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AnyQuarantined => QuarantinedTotal > 0;
    /// <summary>Quarantined documents among all seen by this run, unchanged ones included.</summary>
    public int QuarantinedTotal { get; init; }
    /// <summary>The first quarantined inputs (by id) with their reasons, for the console; all are in quarantine.csv.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Output.QuarantineRow> QuarantineSample { get; init; } = [];
    public const int SampleSize = 5;
}
