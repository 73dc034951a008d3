using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Facts;

namespace Pipeline.Tables;

/// <summary>What a row label says: its metric (null when the label does not start with a metric cue), its basis
/// (<c>(non-GAAP)</c>, 经调整), whether it is a total row, whether its figures are per share, and the label cleaned of
/// footnotes and prefixes (a segment's name).</summary>
public sealed record LabelMeaning(MetricDefinition? Metric, string Basis, bool Total, bool PerShare, bool Part, string Name)
{
    /// <summary>A unit written in the label (<c>Revenue (US$ millions)</c>, <c>毛利率（%）</c>).</summary>
    public Recognition.Currency? Currency { get; init; }
    public decimal? Scale { get; init; }
    public bool Percent { get; init; }
}

/// <summary>
/// Reads a row label with the metric lexicons (the same cues as prose). The cue must start the label, after prefixes
/// such as <c>Total</c>, 其中 or a bullet, and be followed by nothing, a parenthesis or a joining word: <c>Net income
/// (loss) to Baidu</c> is net profit, <c>Profit Before Tax</c> is not net profit (unless the lexicon has that longer cue).
/// </summary>
public sealed class RowLabelReader(TableLexicon lexicon, IReadOnlyList<MetricLexicon> metrics)
{
    private static readonly Regex Footnote = new(@"\(\[?\d{1,2}\]?\)|\[\d{1,2}\]|（\d{1,2}）|\(\d{1,2}\)$", RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    /// <summary>Looks a metric id up in any of the lexicons.</summary>
    public MetricDefinition? Find(string id) => metrics.Select(m => m.Find(id)).FirstOrDefault(d => d is not null);

    private static readonly Regex Parenthesis = new(@"[(（][^()（）]{1,40}[)）]", RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    public LabelMeaning Read(string label)
    {
        var s = Footnote.Replace(label, " ").Trim();
        var basis = "";
        foreach (var b in lexicon.Bases.FindAll(s).OrderByDescending(b => b.Start))
        {
            basis = b.Value;
            s = s[..b.Start] + " " + s[b.End..];
        }
        s = Regex.Replace(s, @"[(（]\s*[)）]", " ", RegexOptions.None, Pipeline.Text.RegexLimits.Timeout);
        s = Regex.Replace(s, @"\s+", " ", RegexOptions.None, Pipeline.Text.RegexLimits.Timeout).Trim();
        var total = false;
        var part = false;
        bool changed;
        do
        {
            changed = false;
            foreach (var p in lexicon.LabelPrefixes)
            {
                if (!TableLexicon.StartsWithWord(s, p)) continue;
                if (lexicon.Totals.Any(t => string.Equals(t, p, StringComparison.OrdinalIgnoreCase))) total = true;
                if (p.StartsWith("其中", StringComparison.Ordinal) || p.StartsWith("of which", StringComparison.OrdinalIgnoreCase)) part = true;
                s = s[p.Length..].TrimStart(' ', ':', '：', '、', '.');
                changed = true;
            }
        } while (changed && s.Length > 0);
        if (lexicon.Totals.Any(t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase))) total = true;
        var perShare = lexicon.PerShare.FindAll(s).Count > 0;
        var name = s.Trim(' ', ':', '：');
        MetricDefinition? metric = null;
        var best = 0;
        foreach (var lexiconOf in metrics)
        {
            var cue = lexiconOf.Matcher.FindAll(s).FirstOrDefault(c => c.Value.Kind == CueKind.Metric && c.Value.Metric is { Id: not "untracked" });
            if (cue.Value is null || cue.Start != 0 || cue.End <= best || !TailOk(s[cue.End..].Trim())) continue;
            metric = cue.Value.Metric;
            best = cue.End;
        }
        Recognition.Currency? currency = null;
        decimal? scale = null;
        var percent = false;
        foreach (Match p in Parenthesis.Matches(label))
        {
            currency ??= lexicon.Currencies.FindAll(p.Value) is [var c, ..] ? c.Value : null;
            scale ??= lexicon.Scales.FindAll(p.Value) is [var k, ..] ? k.Value : null;
            percent |= p.Value.Contains('%') || p.Value.Contains('％');
        }
        return new LabelMeaning(metric, basis, total, perShare, part, name) { Currency = currency, Scale = scale, Percent = percent };
    }

    private bool TailOk(string tail) =>
        tail.Length == 0 || tail[0] is '(' or '（' || lexicon.LabelTails.Any(t => TableLexicon.StartsWithWord(tail, t));
}
