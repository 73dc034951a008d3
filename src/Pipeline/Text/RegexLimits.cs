using System;

namespace Pipeline.Text;

/// <summary>
/// The one time limit every regular expression of the pipeline runs under: a guard against a pattern that backtracks
/// without end on hostile input, never a budget. The limit is wall-clock time, so on a busy machine (a thread descheduled,
/// a garbage collection stopping every worker) a match that takes a millisecond alone can take a hundred: at 100–200 ms
/// a page of baike.baidu.com was quarantined with a RegexMatchTimeoutException at load average 13–23 on 2 cores and
/// processed normally at load 3, so a run's output depended on its neighbours. Two seconds is far beyond any pause seen
/// and still stops a runaway pattern.
/// </summary>
public static class RegexLimits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
}
