using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Chinese;

/// <summary>The texts the Chinese tests run over: the seed corpus and the Traditional pages of ../shared/news-html.</summary>
internal static class ChineseTestData
{
    public sealed record Doc(string Name, string Text, DocumentMetadata Metadata);

    public static IReadOnlyList<Doc> Seeds()
    {
        var dir = TestPaths.Corpus;
        var meta = new Dictionary<string, DocumentMetadata>();
        var manifest = Path.Combine(dir, "manifest.csv");
        if (File.Exists(manifest))
            foreach (var line in File.ReadAllLines(manifest).Skip(1))
            {
                var c = line.Split(',');
                if (c.Length >= 5) meta[c[0]] = new DocumentMetadata { Outlet = c[1], Language = c[4] };
            }
        return Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new Doc(Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8),
                meta.GetValueOrDefault(Path.GetFileName(f)) ?? DocumentMetadata.Empty))
            .ToList();
    }

    public static IReadOnlyList<Doc> Seed(string prefix) => Seeds().Where(d => d.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>The zh-Hant pages of news-html, decoded with the pipeline's decoder (skips when ../shared is absent).</summary>
    public static IReadOnlyList<Doc> TraditionalPages()
    {
        var root = TestPaths.RequireShared("news-html");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "index.json")));
        var rows = index.RootElement.ValueKind == JsonValueKind.Array ? index.RootElement : index.RootElement.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        var decoder = new TextDecoder();
        var docs = new List<Doc>();
        foreach (var row in rows.EnumerateArray())
        {
            if (row.GetProperty("script").GetString() != "zh-Hant") continue;
            var id = row.GetProperty("id").GetString()!;
            var source = row.GetProperty("source").GetString()!;
            var path = Path.Combine(root, source, id + ".html");
            if (!File.Exists(path)) continue;
            var text = decoder.Decode(File.ReadAllBytes(path), DocumentFormat.Html, new List<Diagnostic>());
            docs.Add(new Doc($"{source}/{id}", text, new DocumentMetadata { Language = "zh-Hant" }));
        }
        return docs;
    }

    public static bool OpenCcCliAvailable()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("opencc", "--version")
                { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            p!.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs the opencc tool on <paramref name="text"/> with <paramref name="config"/>.</summary>
    public static string Cli(string config, string text)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-opencc-test-");
        try
        {
            var inPath = Path.Combine(dir.FullName, "in.txt");
            var outPath = Path.Combine(dir.FullName, "out.txt");
            File.WriteAllText(inPath, text, new UTF8Encoding(false));
            var psi = new System.Diagnostics.ProcessStartInfo("opencc") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var a in new[] { "-c", config, "-i", inPath, "-o", outPath }) psi.ArgumentList.Add(a);
            using (var p = System.Diagnostics.Process.Start(psi)!)
            {
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException("opencc failed on " + config);
            }
            return File.ReadAllText(outPath, new UTF8Encoding(false));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
