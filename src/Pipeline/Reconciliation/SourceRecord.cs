using System.Collections.Generic;

namespace Pipeline.Reconciliation;

/// <summary>Per source, on how many contested keys (several sources speak) its value was chosen or agrees with the chosen
/// one (won) and on how many it lost. A source that loses everywhere it can be judged is what an invented figure looks like.</summary>
internal sealed class SourceRecord
{
    private readonly Dictionary<int, (int Won, int Lost)> _total = [];
    private readonly Dictionary<(int, KeyGroup), bool> _won = new();

    public static SourceRecord Empty { get; } = new();

    public static SourceRecord Of(List<KeyGroup> groups)
    {
        var r = new SourceRecord();
        foreach (var g in groups)
        {
            if (!g.Informative) continue;
            var verdict = new Dictionary<int, bool>();
            for (var i = 0; i < g.Count; i++)
            {
                var s = g.Sources[i];
                var agrees = g.Support(i, g.Chosen) >= 0.99f;
                verdict[s] = verdict.GetValueOrDefault(s) || agrees;
            }
            foreach (var (s, won) in verdict)
            {
                var t = r._total.GetValueOrDefault(s);
                r._total[s] = won ? (t.Won + 1, t.Lost) : (t.Won, t.Lost + 1);
                r._won[(s, g)] = won;
            }
        }
        return r;
    }

    /// <summary>The source's record on contested keys other than <paramref name="except"/>.</summary>
    public (int Won, int Lost) Elsewhere(int source, KeyGroup except)
    {
        var t = _total.GetValueOrDefault(source);
        if (_won.TryGetValue((source, except), out var won)) t = won ? (t.Won - 1, t.Lost) : (t.Won, t.Lost - 1);
        return t;
    }
}
