using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Storage;

/// <summary>Inputs and dataset comparison for the store and cluster tests.</summary>
public static class TestCorpus
{
    public static readonly string[] Datasets = ["claims.csv", "facts.csv", "conflicts.csv", "mentions.jsonl", "quarantine.csv", "audit.md"];

    /// <summary>Many distinct documents made from the seed articles, each with a paragraph of its own, written the
    /// way a wire follow-up adds one figure.</summary>
    public static string Make(string dir, int count)
    {
        Directory.CreateDirectory(dir);
        var seeds = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        for (var i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(dir, $"wire{i:D4}.txt"),
                seeds[i % seeds.Length] + $"\n\n（财联社补充）截至发稿，公司第{i + 1}季度订单金额约{i % 97 + 3}.2亿元，环比增长{i % 40 + 1}%。\n");
        return dir;
    }

    /// <summary>Which datasets differ between two output folders (empty when all are byte-identical).</summary>
    public static IReadOnlyList<string> Differences(string expectedDir, string actualDir) =>
        Datasets.Where(f => !File.ReadAllBytes(Path.Combine(expectedDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, f))))
            .ToList();
}
