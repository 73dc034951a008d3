using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using AngleSharp.Html.Parser;
using Pipeline.Chinese;

namespace Pipeline.Bench;

/// <summary>What the floor did over a folder: documents, how many were HTML and how many converted, wall seconds.</summary>
public sealed record FloorResult(int Documents, int Html, int Converted, long Bytes, double Seconds)
{
    public double PerSecond => Documents / Math.Max(Seconds, 1e-9);
}

/// <summary>
/// The floor the pipeline is judged against: the least any article pipeline must do with the same files. Each file is
/// read; an HTML page is parsed by AngleSharp from its bytes (AngleSharp decodes by the page's declared charset); a
/// document whose text holds Traditional characters (by the converter's own table) is converted by one native OpenCC
/// call (<c>t2s</c>, no offset map). No cleaning, no recognition, no store. <c>jobs</c> threads pull files in order.
/// </summary>
public static class Floor
{
    static Floor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();

    public static FloorResult Run(IReadOnlyList<string> files, int jobs)
    {
        var converter = ChineseConverter.Open(ChineseProfile.T2S, overrides: false);
        var detector = ScriptDetector.Default;
        var clock = Stopwatch.StartNew();
        int next = -1, html = 0, converted = 0;
        long bytes = 0;
        var threads = Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => new Thread(() =>
        {
            var parser = new HtmlParser();
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                var (isHtml, didConvert, length) = One(files[i], parser, converter, detector);
                Interlocked.Add(ref bytes, length);
                if (isHtml) Interlocked.Increment(ref html);
                if (didConvert) Interlocked.Increment(ref converted);
            }
        })).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        return new FloorResult(files.Count, html, converted, bytes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The floor's work on one file.</summary>
    public static (bool Html, bool Converted, long Bytes) One(string path, HtmlParser parser, ChineseConverter converter, ScriptDetector detector) =>
        One(File.ReadAllBytes(path), !path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase), parser, converter, detector);

    /// <summary>The floor's work on one document already read: parse when HTML, convert when Traditional.</summary>
    public static (bool Html, bool Converted, long Bytes) One(byte[] data, bool isHtml, HtmlParser parser, ChineseConverter converter, ScriptDetector detector)
    {
        string text;
        if (isHtml)
        {
            using var stream = new MemoryStream(data, writable: false);
            var document = parser.ParseDocument(stream);
            text = document.Body?.TextContent ?? "";
        }
        else text = Encoding.UTF8.GetString(data);
        // Traditional: the detector's verdict, or mixed text where Traditional characters are at least as common as
        // Simplified-only ones (a Simplified page quoting one Traditional name is not converted).
        var counts = detector.Count(text);
        var traditional = counts.Script == ChineseScript.Traditional || (counts.Script == ChineseScript.Mixed && counts.Traditional >= counts.SimplifiedOnly);
        if (traditional) converter.Native.Convert(text);
        return (isHtml, traditional, data.Length);
    }
}
