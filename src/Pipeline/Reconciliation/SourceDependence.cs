using System;
using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>
/// Copy detection in the spirit of Dong, Berti-Equille and Srivastava (2009): two sources that state the same
/// value are independent confirmation only if they did not take it from one another. The evidence is the pair's
/// joint record against third parties: over the keys where both state one value and other sources also speak, how
/// often the others, without the pair, choose that value. Independent sources that agree are right at least as often
/// as the better of them alone, so the others should back them about that often (times the judges' own reliability);
/// a pair whose shared values the others back less often than that (a bot re-asserting
/// whatever an anonymous edit left on the page, an outlet republishing another's copy) is dependent, and its shared
/// values count for what the joint record is worth, not for the sum of both reliabilities.
/// </summary>
internal sealed class SourceDependence(ReconcilerOptions options, Func<double, double> weightOf, Func<int, string> sourceName, int[] pool, int crowd)
{
    /// <summary>Reliability of the crowd of rarely seen sources (set by the reconciler each round).</summary>
    public double CrowdTrust { get; set; } = options.PriorReliability;

    private double TrustOf(int p, double[] trust) => p == crowd ? CrowdTrust : trust[p];

    private string NameOf(int p) => p == crowd ? "the sources seen only a few times (pooled)" : sourceName(p);

    /// <summary>Per pair, its record against each third party that decided a verdict (the strongest source behind the
    /// value the others chose).</summary>
    private readonly Dictionary<(int, int), Dictionary<int, (double Agree, double Total)>> _records = [];
    /// <summary>Dependent pairs: probability of dependence, the weight of their joint record, and that record.</summary>
    private readonly Dictionary<(int, int), (double P, double JointWeight, double Agree, double Total)> _dependent = [];
    private readonly HashSet<int> _involved = [];
    private readonly double _referenceWeight = Math.Max(1e-6, weightOf(options.PriorReliability));

    public void BeginRound() => _records.Clear();

    /// <summary>Adds the key's evidence: for every pair stating one value, whether the other sources choose it too.</summary>
    public void Record(KeyGroup g, double[] weight)
    {
        var c = g.Candidates.Length;
        if (c < 2) return;
        var obs = g.Sources;
        // Distinct sources and the score each contributes to every candidate (observations are sorted by source).
        var sources = new List<int>();
        var starts = new List<int>();
        for (var i = 0; i < obs.Length; i++)
            if (i == 0 || obs[i] != obs[i - 1]) { sources.Add(obs[i]); starts.Add(i); }
        if (sources.Count < 3 || sources.Count > options.DependenceMaxSources) return;
        starts.Add(obs.Length);
        var contribution = new double[sources.Count * c];
        var stated = new int[sources.Count];
        for (var k = 0; k < sources.Count; k++)
        {
            stated[k] = -1;
            for (var i = starts[k]; i < starts[k + 1]; i++)
            {
                var w = g.EffectiveWeight(i, weight);
                g.RowSupport.AddRow(g.Row[i], w, contribution.AsSpan(k * c, c));
                // A source that states several values here says nothing clear about any one of them.
                var own = g.RowCandidate[g.Row[i]];
                stated[k] = stated[k] == -1 || stated[k] == own ? own : -2;
            }
        }
        Span<double> scores = c <= 64 ? stackalloc double[c] : new double[c];
        for (var a = 0; a < sources.Count; a++)
        {
            if (stated[a] < 0) continue;
            for (var b = a + 1; b < sources.Count; b++)
            {
                if (stated[b] != stated[a]) continue;
                var best = 0;
                for (var j = 0; j < c; j++)
                {
                    scores[j] = g.Candidates[j].Score - contribution[a * c + j] - contribution[b * c + j];
                    if (j > 0 && scores[j] > scores[best] + 1e-9 * (1 + Math.Abs(scores[best]))) best = j;
                }
                // The third parties' verdict counts as much as they weigh, up to one source of prior reliability:
                // an anonymous edit alone is no verdict on a pair.
                var verdict = Math.Min(1, scores[best] / _referenceWeight);
                if (verdict <= 1e-9) continue;
                // The verdict is the strongest third party's behind the chosen value.
                var judge = -1;
                for (var k = 0; k < sources.Count; k++)
                    if (k != a && k != b && (judge < 0 || contribution[k * c + best] > contribution[judge * c + best])) judge = k;
                // Sources seen only a few times are one crowd: a bot that keeps re-asserting one-off edits shows up
                // as a pair with the crowd although it meets each anonymous editor once.
                var pa = pool[sources[a]];
                var pb = pool[sources[b]];
                if (pa == pb) continue;
                var key = (Math.Min(pa, pb), Math.Max(pa, pb));
                if (!_records.TryGetValue(key, out var byJudge)) _records[key] = byJudge = [];
                var pj = pool[sources[judge]];
                var r = byJudge.GetValueOrDefault(pj);
                byJudge[pj] = (r.Agree + (best == stated[a] ? verdict : 0), r.Total + verdict);
            }
        }
    }

    /// <summary>Decides which pairs are dependent from their records and the sources' reliabilities: a binomial
    /// likelihood ratio of "backed at the pair's own rate" against "backed at least as often as the better source",
    /// with one parameter's penalty and a prior that favours independence.</summary>
    public void Estimate(double[] trust)
    {
        _dependent.Clear();
        _involved.Clear();
        var priorLogOdds = Math.Log(options.DependencePrior / (1 - options.DependencePrior));
        foreach (var ((a, b), byJudge) in _records)
        {
            // One third party that keeps contradicting a pair is one voice (it may be the one that is wrong): each
            // judge's verdicts count as one record at most.
            double agree = 0, total = 0, judged = 0;
            foreach (var (judge, (judgeAgree, judgeTotal)) in byJudge)
            {
                var scale = judgeTotal > 1 ? 1 / judgeTotal : 1;
                agree += judgeAgree * scale;
                total += judgeTotal * scale;
                judged += judgeTotal * scale * TrustOf(judge, trust);
            }
            // Independent sources agreeing are right at least as often as the better of them, and a judge backs a
            // right value as often as it is right itself.
            var better = Math.Clamp(Math.Max(TrustOf(a, trust), TrustOf(b, trust)) * judged / total, 0.001, 0.999);
            if (total < options.DependenceMinVerdicts) continue;
            var rate = Math.Clamp(agree / total, 0.001, 0.999);
            if (rate >= better) continue;
            var independent = agree * Math.Log(better) + (total - agree) * Math.Log(1 - better);
            var dependent = agree * Math.Log(rate) + (total - agree) * Math.Log(1 - rate) - 0.5 * Math.Log(total + 1);
            var logOdds = priorLogOdds + dependent - independent;
            var p = 1 / (1 + Math.Exp(-logOdds));
            if (p < 0.01) continue;
            var joint = (agree + options.PriorStrength * options.PriorReliability) / (total + options.PriorStrength);
            _dependent[(a, b)] = (p, weightOf(joint), agree, total);
            _involved.Add(a);
            _involved.Add(b);
        }
    }

    /// <summary>Sets each observation's factor so that a dependent pair stating one value counts
    /// (1 − p)·(w_a + w_b) + p·min(w_joint, w_a + w_b) instead of w_a + w_b.</summary>
    public void Apply(List<KeyGroup> groups, double[] weight)
    {
        foreach (var g in groups)
        {
            g.Factor = null;
            foreach (var candidate in g.Candidates) candidate.DependenceNote = "";
            if (_dependent.Count == 0 || g.Candidates.Length < 2) continue;
            var obs = g.Sources;
            var involved = new List<int>();
            for (var i = 0; i < obs.Length; i++)
                if (_involved.Contains(pool[obs[i]])) involved.Add(i);
            double[]? factor = null;
            foreach (var i in involved)
            {
                foreach (var k in involved)
                {
                    if (k <= i || obs[k] == obs[i] || g.RowCandidate[g.Row[k]] != g.RowCandidate[g.Row[i]]) continue;
                    var pi = pool[obs[i]];
                    var pk = pool[obs[k]];
                    if (pi == pk || !_dependent.TryGetValue((Math.Min(pi, pk), Math.Max(pi, pk)), out var d)) continue;
                    var (a, b) = (Math.Min(pi, pk), Math.Max(pi, pk));
                    var sum = weight[obs[i]] + weight[obs[k]];
                    if (sum <= 0) continue;
                    var target = (1 - d.P) * sum + d.P * Math.Min(d.JointWeight, sum);
                    var f = target / sum;
                    factor ??= Enumerable.Repeat(1.0, obs.Length).ToArray();
                    factor[i] = Math.Min(factor[i], f);
                    factor[k] = Math.Min(factor[k], f);
                    var candidate = g.Candidates[g.RowCandidate[g.Row[i]]];
                    var note = $"{NameOf(a)} and {NameOf(b)} count as one ({d.P:P0} likely dependent: third parties backed " +
                               $"their shared values {d.Agree:0.#} times in {d.Total:0.#})";
                    if (!candidate.DependenceNote.Contains(note, StringComparison.Ordinal))
                        candidate.DependenceNote = candidate.DependenceNote.Length == 0 ? note : candidate.DependenceNote + "; " + note;
                }
            }
            g.Factor = factor;
        }
    }
}
