using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AngleSharp.Html.Parser;
using Pipeline.Chinese;
using Pipeline.Documents;

namespace Pipeline.Bench;

/// <summary>One stage's steady-state cost: milliseconds per document over all documents, over HTML pages and over
/// plain-text articles (the stage's time divided by the number of documents of that kind).</summary>
public sealed record StageCost(string Stage, double MsPerDocument, double MsPerHtml, double MsPerText);

/// <summary>The steady-state profile of the per-document pipeline on one thread, with the floor beside it.</summary>
public sealed record StageProfile(
    bool CpuTime, int Documents, int Html, int Passes, IReadOnlyList<StageCost> Stages,
    double PipelineMsPerDocument, double FloorMsPerDocument, double FloorParseMsPerHtml, double FloorConvertMsPerDocument,
    int FloorConverted)
{
    /// <summary>Runs <paramref name="work"/>: its result, its cost in ms (thread CPU time where the platform has it,
    /// else wall time) and the CPU/wall ratio that turns the pipeline's wall-clock stage times into CPU time.</summary>
    private static (T Result, double Ms, double Scale) Timed<T>(Func<T> work)
    {
        var cpu0 = CpuClock.ThreadMs();
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpu1 = CpuClock.ThreadMs();
        if (cpu0 is { } a && cpu1 is { } b) return (result, b - a, wall > 0 ? Math.Min(1, (b - a) / wall) : 1);
        return (result, wall, 1);
    }

    public double Ratio => PipelineMsPerDocument / Math.Max(FloorMsPerDocument, 1e-9);

    /// <summary>
    /// One warm-up pass over every document (JIT, tiered compilation, lexicons, caches), then <paramref name="passes"/>
    /// timed passes; each figure is the best pass (the one least disturbed by other work on the machine). The floor is
    /// measured the same way on the same documents, already in memory: AngleSharp's parse of the HTML ones and one
    /// native OpenCC call on the Traditional ones.
    /// </summary>
    public static StageProfile Measure(ExtractionPipeline pipeline, IReadOnlyList<RawDocument> documents, int passes = 3, TextWriter? log = null)
    {
        var html = documents.Count(d => d.Format == DocumentFormat.Html);
        var text = Math.Max(1, documents.Count - html);
        var n = Math.Max(1, documents.Count);
        var best = new Dictionary<string, (double All, double Html, double Text)>(StringComparer.Ordinal);
        var bestTotal = double.MaxValue;
        for (var pass = 0; pass <= passes; pass++)
        {
            log?.WriteLine(pass == 0 ? "  warm-up pass" : $"  timed pass {pass} of {passes}");
            var sums = new Dictionary<string, (double All, double Html, double Text)>(StringComparer.Ordinal);
            var total = 0.0;
            foreach (var d in documents)
            {
                var (r, ms, scale) = Timed(() => pipeline.Process(d));
                total += ms;
                // Stage times are wall clock; scaled by the document's CPU/wall ratio they become CPU time.
                foreach (var (stage, t) in r.StageTimes)
                {
                    var s = sums.GetValueOrDefault(stage);
                    var st = t.TotalMilliseconds * scale;
                    sums[stage] = d.Format == DocumentFormat.Html ? (s.All + st, s.Html + st, s.Text) : (s.All + st, s.Html, s.Text + st);
                }
            }
            if (pass == 0) continue;
            bestTotal = Math.Min(bestTotal, total);
            foreach (var (stage, s) in sums)
                best[stage] = best.TryGetValue(stage, out var b) ? (Math.Min(b.All, s.All), Math.Min(b.Html, s.Html), Math.Min(b.Text, s.Text)) : s;
        }
        var stages = best.Select(p => new StageCost(p.Key, p.Value.All / n, p.Value.Html / Math.Max(1, html), p.Value.Text / text)).ToList();

        // The floor, same documents, same passes.
        var parser = new HtmlParser();
        var converter = ChineseConverter.Open(ChineseProfile.T2S, overrides: false);
        var detector = ScriptDetector.Default;
        double floorBest = double.MaxValue, parseBest = double.MaxValue, convertBest = double.MaxValue;
        var converted = 0;
        for (var pass = 0; pass <= passes; pass++)
        {
            log?.WriteLine(pass == 0 ? "  floor warm-up pass" : $"  floor pass {pass} of {passes}");
            double parse = 0, all = 0;
            converted = 0;
            foreach (var d in documents)
            {
                var (r, ms, _) = Timed(() => Floor.One(d.Bytes, d.Format == DocumentFormat.Html, parser, converter, detector));
                all += ms;
                if (r.Html) parse += ms;
                if (r.Converted) converted++;
            }
            if (pass == 0) continue;
            floorBest = Math.Min(floorBest, all);
            parseBest = Math.Min(parseBest, parse);
        }
        // Conversion alone: the native call on the text of the documents the floor converts (plain-text ones suffice
        // to state its cost per converted document).
        var traditionalTexts = documents.Where(d => d.Format != DocumentFormat.Html)
            .Select(d => System.Text.Encoding.UTF8.GetString(d.Bytes)).Where(t => detector.Count(t).Script is ChineseScript.Traditional or ChineseScript.Mixed)
            .ToList();
        for (var pass = 0; pass <= passes && traditionalTexts.Count > 0; pass++)
        {
            var (_, ms, _) = Timed(() => { foreach (var t in traditionalTexts) converter.Native.Convert(t); return 0; });
            if (pass > 0) convertBest = Math.Min(convertBest, ms / traditionalTexts.Count);
        }
        return new StageProfile(CpuClock.ThreadMs() is not null, documents.Count, html, passes, stages, bestTotal / n, floorBest / n, parseBest / Math.Max(1, html),
            traditionalTexts.Count > 0 ? convertBest : 0, converted);
    }
}
