using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Pipeline.Bench;

/// <summary>
/// The corpus issue 20 states its targets on: every page under the shared <c>news-html</c> folder and every seed
/// article, each copied <c>copies</c> times with a unique marker (an HTML comment after the page; a last line in a
/// text article) so that no two files have the same content. Written into a temporary folder, never committed.
/// </summary>
public static class FloorCorpus
{
    public static int Generate(string seedCorpus, string newsHtml, string outDir, int copies = 19)
    {
        Directory.CreateDirectory(outDir);
        var pages = Directory.EnumerateFiles(newsHtml, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var seeds = Directory.GetFiles(seedCorpus, "*.txt").Order(StringComparer.Ordinal).ToList();
        var manifest = new StringBuilder("file,outlet,url,published,language\n");
        var seedRows = ReadManifest(Path.Combine(seedCorpus, "manifest.csv"));
        var count = 0;
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var page in pages)
            {
                var name = $"c{copy:D2}-{Path.GetFileName(Path.GetDirectoryName(page))}-{Path.GetFileName(page)}";
                var bytes = File.ReadAllBytes(page);
                File.WriteAllBytes(Path.Combine(outDir, name), [.. bytes, .. Encoding.ASCII.GetBytes($"\n<!-- bench copy {Marker(copy)} -->\n")]);
                count++;
            }
            foreach (var seed in seeds)
            {
                var name = $"c{copy:D2}-{Path.GetFileName(seed)}";
                var text = File.ReadAllText(seed, Encoding.UTF8).TrimEnd('\n') + $"\n\nbench copy {Marker(copy)}\n";
                File.WriteAllText(Path.Combine(outDir, name), text, new UTF8Encoding(false));
                if (seedRows.TryGetValue(Path.GetFileName(seed), out var row)) manifest.Append(name).Append(',').Append(row).Append('\n');
                count++;
            }
        }
        File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString(), new UTF8Encoding(false));
        return count;
    }

    /// <summary>Letters only (a, b, … z, ba, …) so the marker adds no number for the recognizers to find.</summary>
    private static string Marker(int n)
    {
        var s = "";
        do { s = (char)('a' + n % 26) + s; n /= 26; } while (n > 0);
        return "copy" + s;
    }

    private static Dictionary<string, string> ReadManifest(string path)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return rows;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.IndexOf(',');
            if (comma > 0) rows[line[..comma]] = line[(comma + 1)..];
        }
        return rows;
    }
}
