using System;
using System.Runtime.InteropServices;

namespace Pipeline.Bench;

/// <summary>
/// CPU time, which a busy shared machine inflates far less than wall time: the calling thread's
/// (<c>CLOCK_THREAD_CPUTIME_ID</c>) and that of the children waited for (<c>getrusage(RUSAGE_CHILDREN)</c>).
/// Null where the platform has neither (the report then gives wall time only).
/// </summary>
public static partial class CpuClock
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, out RUsage usage);

    private const int ThreadCpuTimeId = 3, RUsageChildren = -1;

    /// <summary>CPU milliseconds used by the calling thread so far.</summary>
    public static double? ThreadMs()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return ClockGetTime(ThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : null; }
        catch (DllNotFoundException) { return null; }
    }

    /// <summary>CPU seconds (user + system) of all children waited for so far.</summary>
    public static double? ChildrenSeconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return GetRUsage(RUsageChildren, out var u) == 0
                ? u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6
                : null;
        }
        catch (DllNotFoundException) { return null; }
    }
}
