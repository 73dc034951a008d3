using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.CrossLanguage;

/// <summary>The cross-document entity merge in the batch: one company named in Chinese by one article and in English
/// by another (linked by its ticker) is one entity, whatever the order or names of the input files.</summary>
public class CrossLanguageMergeTests
{
    private const string Chinese = "2026年2月3日，苏州白石新材料股份有限公司（以下简称白石新材，02299.HK）在港交所挂牌上市，发行价为每股12.60港元。\n";
    private const string English = "Baishi New Materials (2299.HK) began trading in Hong Kong on February 3, 2026. The shares were priced at HK$12.60 and closed at HK$14.02 on its debut.\n";

    private static (string Facts, string Claims) Run(params (string Name, string Text)[] files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-xmerge-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        try
        {
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(input, name), text);
            var outDir = Path.Combine(dir, "out");
            new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
                .Run(new BatchOptions { Inputs = [input], OutDir = outDir });
            return (File.ReadAllText(Path.Combine(outDir, "facts.csv")), File.ReadAllText(Path.Combine(outDir, "claims.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void The_english_name_is_merged_into_the_chinese_one_and_the_output_does_not_depend_on_the_order()
    {
        var (facts, claims) = Run(("a.txt", Chinese), ("b.txt", English));
        TestContext.Out.WriteLine(facts);
        Assert.That(facts, Does.Contain("白石新材,ipo.issue_price,,,2026-02-03,"));
        Assert.That(facts, Does.Contain("白石新材,price.close,"));
        Assert.That(facts, Does.Not.Contain("Baishi New Materials"));
        Assert.That(claims, Does.Not.Contain("Baishi New Materials,"));

        // The same two articles under swapped file names (so read in the other order): the same facts, only the
        // document names in the sources columns differ.
        var (factsSwapped, _) = Run(("a.txt", English), ("b.txt", Chinese));
        static string Keyed(string csv) => string.Join("\n", csv.Split('\n').Select(l => string.Join(',', l.Split(',').Take(10))));
        Assert.That(Keyed(factsSwapped), Is.EqualTo(Keyed(facts)));
    }
}
