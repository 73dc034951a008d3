using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Pipeline.Bench;

/// <summary>
/// Builds a large, realistic corpus for benchmarks from the seed articles and the shared news pages: half the
/// documents are plain-text articles, half full HTML pages; every one is a real article (Simplified or Traditional,
/// UTF-8, GBK or Big5 as published) with one
/// generated paragraph of figures inserted, so ids and contents are unique; file names are shuffled so path order
/// is not generation order. Deterministic for a given seed.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly List<Source> _sources = new();

    private sealed record Source(string Name, byte[] Bytes, bool Html, Encoding Encoding, bool Traditional);

    static CorpusGenerator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="seedCorpus">Folder of seed .txt articles (with a manifest.csv giving their language).</param>
    /// <param name="newsHtml">The shared news-html folder (with index.json), or null to use the seeds only.</param>
    public CorpusGenerator(string seedCorpus, string? newsHtml)
    {
        var traditionalSeeds = ReadTraditionalSeeds(seedCorpus);
        foreach (var file in Directory.GetFiles(seedCorpus, "*.txt").Order(StringComparer.Ordinal))
            _sources.Add(new Source(Path.GetFileName(file), File.ReadAllBytes(file), false, Encoding.UTF8,
                traditionalSeeds.Contains(Path.GetFileName(file))));
        if (newsHtml is not null && File.Exists(Path.Combine(newsHtml, "index.json")))
        {
            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(newsHtml, "index.json")));
            var rows = index.RootElement.ValueKind == JsonValueKind.Array ? index.RootElement.EnumerateArray()
                : index.RootElement.TryGetProperty("pages", out var pages) ? pages.EnumerateArray() : default;
            foreach (var row in rows)
            {
                var id = row.GetProperty("id").GetString()!;
                var source = row.GetProperty("source").GetString()!;
                var path = Path.Combine(newsHtml, source, id + ".html");
                if (!File.Exists(path)) continue;
                var encoding = (row.TryGetProperty("html_encoding", out var e) ? e.GetString() : "utf-8") switch
                {
                    "gbk" or "gb2312" or "gb18030" => Encoding.GetEncoding("GB18030"),
                    "big5" => Encoding.GetEncoding(950),
                    _ => Encoding.UTF8,
                };
                var traditional = row.TryGetProperty("script", out var s) && s.GetString() == "zh-Hant";
                _sources.Add(new Source(id, File.ReadAllBytes(path), true, encoding, traditional));
            }
        }
        if (_sources.Count == 0) throw new InvalidOperationException($"no seed articles in {seedCorpus}");
    }

    public int SourceCount => _sources.Count;

    /// <summary>Writes documents into <paramref name="outDir"/> until they total at least <paramref name="targetBytes"/>.
    /// Returns the number of documents written.</summary>
    public int Generate(string outDir, long targetBytes, int seed = 1)
    {
        Directory.CreateDirectory(outDir);
        var random = new Random(seed);
        var manifest = new StringBuilder("file,outlet,url,published,language\n");
        long total = 0;
        var count = 0;
        var texts = _sources.Where(s => !s.Html).ToList();
        var pages = _sources.Where(s => s.Html).ToList();
        while (total < targetBytes)
        {
            // Half plain-text articles (as feeds and APIs deliver them), half full HTML pages (as crawlers do).
            var pool = pages.Count == 0 || (texts.Count > 0 && random.Next(2) == 0) ? texts : pages;
            var source = pool[random.Next(pool.Count)];
            var paragraph = Paragraph(random, count, source.Traditional);
            var bytes = source.Html ? InsertHtml(source, paragraph) : InsertText(source, paragraph, random);
            // A name that does not follow generation order, so inputs arrive in a varied order.
            var name = $"g{(uint)HashCode.Combine(seed, count):x8}-{count:D7}{(source.Html ? ".html" : ".txt")}";
            File.WriteAllBytes(Path.Combine(outDir, name), bytes);
            var day = 1 + random.Next(28);
            manifest.Append(CultureInfo.InvariantCulture,
                $"{name},Outlet{random.Next(40):D2},,2026-01-{day:D2},{(source.Traditional ? "zh-Hant" : "zh-Hans")}\n");
            total += bytes.Length;
            count++;
        }
        File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString(), new UTF8Encoding(false));
        return count;
    }

    private static readonly string[] Companies = ["星河科技", "远航数据", "青松智能", "北辰能源", "海图医疗", "云帆汽车", "明川生物", "长风航天"];

    private static string Paragraph(Random random, int n, bool traditional)
    {
        var company = Companies[random.Next(Companies.Length)];
        var revenue = (random.Next(100, 99999) / 100m).ToString(CultureInfo.InvariantCulture);
        var growth = (random.Next(1, 2000) / 10m).ToString(CultureInfo.InvariantCulture);
        var text = $"第{n}号简讯：{company}公司 2025 年营收为 {revenue} 亿元，同比增长 {growth}%，研发投入约 {random.Next(1, 900)} 万元。";
        return traditional ? text.Replace("简讯", "簡訊").Replace("营收", "營收").Replace("亿元", "億元").Replace("增长", "增長")
            .Replace("研发投入", "研發投入").Replace("万元", "萬元")
            .Replace("号", "號").Replace("为", "為").Replace("约", "約") : text;
    }

    private static byte[] InsertText(Source source, string paragraph, Random random)
    {
        var text = source.Encoding.GetString(source.Bytes);
        var breaks = new List<int>();
        for (var i = text.IndexOf("\n\n", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n\n", i + 2, StringComparison.Ordinal))
            breaks.Add(i);
        var at = breaks.Count == 0 ? text.Length : breaks[random.Next(breaks.Count)];
        return source.Encoding.GetBytes(text[..at] + "\n\n" + paragraph + text[at..]);
    }

    private static byte[] InsertHtml(Source source, string paragraph)
    {
        // Insert before </body> in the page's own encoding; ASCII markers are the same bytes in GBK, Big5 and UTF-8.
        var marker = "</body>"u8.ToArray();
        var at = LastIndexOf(source.Bytes, marker);
        if (at < 0) at = source.Bytes.Length;
        var insert = source.Encoding.GetBytes("<p>" + paragraph + "</p>");
        return [.. source.Bytes.AsSpan(0, at), .. insert, .. source.Bytes.AsSpan(at)];
    }

    private static int LastIndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = haystack.Length - needle.Length; i >= 0; i--)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    private static HashSet<string> ReadTraditionalSeeds(string seedCorpus)
    {
        var manifest = Path.Combine(seedCorpus, "manifest.csv");
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(manifest)) return result;
        using var reader = new StreamReader(manifest);
        foreach (var (file, entry) in Documents.ManifestReader.Read(reader))
            if (entry.Metadata.Language is "zh-Hant" or "zh-HK" or "zh-TW") result.Add(file);
        return result;
    }
}
