using System;
using System.Threading;

namespace Pipeline.Batch;

/// <summary>
/// How the workers of a run spent its documents' phase, in wall seconds summed over workers: processing documents,
/// waiting for the reader to hand them one, and waiting for the store writer to take a result. Waits near zero mean the
/// one reader and the one writer kept every worker busy, so the phase scales with <c>--jobs</c> as far as the cores
/// allow; time a busy machine takes from the workers shows up as longer processing, not as waits.
/// </summary>
/// <param name="Jobs">Workers.</param>
/// <param name="PhaseSeconds">Wall seconds from the start of the run to the last document processed (start-up of the
/// store and the reading of the first document included).</param>
public sealed record WorkerTimes(int Jobs, double PhaseSeconds, double BusySeconds, double WaitingForInputSeconds, double WaitingForOutputSeconds);

/// <summary>The workers' clocks, added to from every worker thread.</summary>
internal sealed class WorkerWaits
{
    private long _busy, _input, _output;

    public void Busy(TimeSpan t) => Interlocked.Add(ref _busy, t.Ticks);
    public void Input(TimeSpan t) => Interlocked.Add(ref _input, t.Ticks);
    public void Output(TimeSpan t) => Interlocked.Add(ref _output, t.Ticks);

    public WorkerTimes Summary(int jobs, double phaseSeconds) => new(Math.Max(1, jobs), Math.Round(phaseSeconds, 3),
        Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref _busy)).TotalSeconds, 3),
        Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref _input)).TotalSeconds, 3),
        Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref _output)).TotalSeconds, 3));
}
