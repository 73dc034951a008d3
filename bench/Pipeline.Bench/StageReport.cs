using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Pipeline.Bench;

/// <summary>Markdown for a <see cref="StageProfile"/>.</summary>
public static class StageReport
{
    private static readonly string[] Order = ["decode", "html", "document-info", "mojibake", "placeholders", "line-join", "pinyin",
        "chinese-conversion", "spam", "boilerplate", "width-spacing", "segment", "recognize", "bind"];

    public static string Table(StageProfile p)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var unit = p.CpuTime
            ? "Milliseconds of thread CPU time (the stages' wall times scaled by each document's CPU/wall ratio), which a busy shared machine inflates far less than wall time."
            : "Milliseconds of wall time.";
        sb.Append(p.Documents.ToString("N0", inv)).Append(" documents (").Append(p.Html.ToString("N0", inv)).Append(" HTML pages, ")
            .Append((p.Documents - p.Html).ToString("N0", inv)).Append(" plain-text articles) in memory, one thread; one warm-up pass, then the best of ")
            .Append(p.Passes).Append(" timed passes. ").AppendLine(unit).AppendLine();
        sb.AppendLine("| stage | ms/document | ms/HTML page | ms/text article |").AppendLine("|---|---:|---:|---:|");
        foreach (var s in p.Stages.OrderBy(s => Array.IndexOf(Order, s.Stage) is var i and >= 0 ? i : 50))
            sb.AppendLine(inv, $"| {s.Stage} | {s.MsPerDocument:0.000} | {s.MsPerHtml:0.000} | {s.MsPerText:0.000} |");
        sb.AppendLine(inv, $"| **pipeline, per document** | **{p.PipelineMsPerDocument:0.000}** | | |");
        sb.AppendLine(inv, $"| floor: AngleSharp parse | | {p.FloorParseMsPerHtml:0.000} | |");
        sb.AppendLine(inv, $"| floor: native OpenCC t2s, per Traditional article | | | {p.FloorConvertMsPerDocument:0.000} |");
        sb.AppendLine(inv, $"| **floor, per document** ({p.FloorConverted:N0} converted) | **{p.FloorMsPerDocument:0.000}** | | |");
        sb.AppendLine(inv, $"| **ratio pipeline / floor** | **{p.Ratio:0.00}×** | | |");
        return sb.ToString();
    }
}
