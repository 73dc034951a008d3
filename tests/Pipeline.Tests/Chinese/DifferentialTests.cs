using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Chinese;
using Pipeline.Text;

namespace Pipeline.Tests.Chinese;

/// <summary>Our converter against the opencc command-line tool, on the seeds and the Traditional news pages.</summary>
public class DifferentialTests
{
    private static IEnumerable<(ChineseTestData.Doc Doc, ChineseProfile Profile)> Cases()
    {
        foreach (var d in ChineseTestData.Seeds()) yield return (d, ChineseProfile.T2S);
        foreach (var d in ChineseTestData.TraditionalPages())
        {
            yield return (d, ChineseProfile.T2S);
            if (d.Name.StartsWith("tw", StringComparison.Ordinal) || d.Name.StartsWith("taiwanese", StringComparison.Ordinal) || d.Name.Contains("pixnet"))
                yield return (d, ChineseProfile.TW2S);
        }
    }

    [Test]
    public void Output_equals_cli_with_same_config_and_differs_from_debian_only_where_overrides_apply()
    {
        if (!ChineseTestData.OpenCcCliAvailable()) Assert.Ignore("the opencc command-line tool is not installed");
        var dir = Directory.CreateTempSubdirectory("pipeline-opencc-diff-");
        try
        {
            var projectConfigs = Enum.GetValues<ChineseProfile>().ToDictionary(p => p, p => ProjectConfig.Write(p, dir.FullName));
            int docs = 0, chars = 0, differences = 0;
            var unexplained = new List<string>();
            var mismatches = new List<string>();
            var keys = ProjectConfig.Overrides.Select(o => o.From).ToArray();
            foreach (var (doc, profile) in Cases())
            {
                docs++;
                chars += doc.Text.Length;
                var ours = ChineseConverter.Open(profile).ConvertMapped(doc.Text);
                var cli = ChineseTestData.Cli(projectConfigs[profile], doc.Text);
                if (ours.Text != cli) mismatches.Add($"{doc.Name} ({profile.ConfigName()}): differs from opencc -c project config at {FirstDiff(ours.Text, cli)}");

                var debian = ChineseTestData.Cli(OpenCcData.File(profile.ConfigName() + ".json"), doc.Text);
                if (debian.Length != ours.Text.Length)
                {
                    unexplained.Add($"{doc.Name} ({profile.ConfigName()}): length {ours.Text.Length} vs Debian {debian.Length}");
                    continue;
                }
                for (var i = 0; i < debian.Length; i++)
                {
                    if (debian[i] == ours.Text[i]) continue;
                    differences++;
                    var src = ours.ToSource(new TextSpan(i, i + 1));
                    var key = keys.FirstOrDefault(k => Covers(doc.Text, k, src));
                    var context = ours.Text.Substring(Math.Max(0, i - 4), Math.Min(9, ours.Text.Length - Math.Max(0, i - 4)));
                    var line = $"{doc.Name} ({profile.ConfigName()}) @{i}: Debian '{debian[i]}' → ours '{ours.Text[i]}' in …{context}… ";
                    TestContext.Out.WriteLine(line + (key is null ? "UNEXPLAINED" : $"override '{key}'"));
                    if (key is null) unexplained.Add(line);
                }
            }
            TestContext.Out.WriteLine($"{docs} documents, {chars} characters; {differences} deliberate differences from Debian's configurations");
            Assert.That(mismatches, Is.Empty, "wrapper output must equal the opencc tool with the same configuration");
            Assert.That(unexplained, Is.Empty, "every difference from Debian's configuration must come from an override entry");
            Assert.That(docs, Is.GreaterThan(4));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    // Whether an occurrence of key in text overlaps the source span.
    private static bool Covers(string text, string key, TextSpan span)
    {
        var from = Math.Max(0, span.Start - key.Length + 1);
        var to = Math.Min(text.Length, span.End + key.Length - 1);
        var idx = text.IndexOf(key, from, to - from, StringComparison.Ordinal);
        while (idx >= 0)
        {
            if (idx < span.End && idx + key.Length > span.Start) return true;
            if (idx + 1 >= to) break;
            idx = text.IndexOf(key, idx + 1, to - idx - 1, StringComparison.Ordinal);
        }
        return false;
    }

    private static string FirstDiff(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return $"{i}: ours '{a.Substring(i, Math.Min(12, a.Length - i))}' cli '{b.Substring(i, Math.Min(12, b.Length - i))}'";
    }
}
