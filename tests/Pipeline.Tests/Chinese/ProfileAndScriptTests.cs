using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Chinese;
using Pipeline.Cleaning;
using Pipeline.Documents;

namespace Pipeline.Tests.Chinese;

public class ProfileAndScriptTests
{
    [TestCase("zh-HK", ChineseProfile.HK2S)]
    [TestCase("zh-Hant-HK", ChineseProfile.HK2S)]
    [TestCase("zh_MO", ChineseProfile.HK2S)]
    [TestCase("yue", ChineseProfile.HK2S)]
    [TestCase("zh-TW", ChineseProfile.TW2S)]
    [TestCase("zh-Hant", ChineseProfile.T2S)]
    [TestCase("zh-Hans", ChineseProfile.T2S)]
    [TestCase(null, ChineseProfile.T2S)]
    public void Profile_from_language(string? language, ChineseProfile expected) =>
        Assert.That(ProfileSelector.Choose(new DocumentMetadata { Language = language }, "經濟"), Is.EqualTo(expected));

    [Test]
    public void Profile_from_outlet_and_from_hong_kong_characters()
    {
        Assert.That(ProfileSelector.Choose(new DocumentMetadata { Outlet = "明報" }, ""), Is.EqualTo(ChineseProfile.HK2S));
        Assert.That(ProfileSelector.Choose(new DocumentMetadata { Outlet = "自由時報" }, ""), Is.EqualTo(ChineseProfile.TW2S));
        Assert.That(ProfileSelector.Choose(DocumentMetadata.Empty, "佢哋話唔會加價，呢啲嘢好難講"), Is.EqualTo(ChineseProfile.HK2S));
        Assert.That(ProfileSelector.Choose(DocumentMetadata.Empty, "他們說不會加價"), Is.EqualTo(ChineseProfile.T2S));
    }

    [Test]
    public void Profile_names_refuse_tw2sp()
    {
        Assert.That(ChineseProfiles.TryParse("tw2sp", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("内核"));
        Assert.That(ChineseProfiles.Parse("HK2S.json"), Is.EqualTo(ChineseProfile.HK2S));
    }

    [TestCase("后来于是这里", ChineseScript.Simplified)]
    [TestCase("後來於是這裡", ChineseScript.Traditional)]
    [TestCase("後來于是這里", ChineseScript.Mixed)]
    [TestCase("abc 123", ChineseScript.None)]
    public void Script_detection(string text, ChineseScript expected) =>
        Assert.That(ScriptDetector.Default.Detect(text), Is.EqualTo(expected));

    [Test]
    public void Script_counts_skip_markup_and_latin_but_not_han_or_supplementary_ideographs()
    {
        // A page as a portal serves it: markup, an English line, CJK punctuation, an Extension B ideograph (𠀾) and
        // Traditional text at the very end, after a long ASCII stretch.
        var page = "<html><head><title>財經</title><script>var a = '<b>';</script></head><body><p>Revenue rose 12.4%.</p>"
                   + new string(' ', 300) + "<p>「𠀾」澄江電子第三季營業額按年增長12.4%，後來於是</p></body></html>";
        var counts = ScriptDetector.Default.Count(page);
        var han = page.Count(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF')
                  + page.Count(c => c is >= '\uD840' and <= '\uD8BF');
        Assert.That(counts.Han, Is.EqualTo(han));
        Assert.That(counts.Traditional, Is.GreaterThanOrEqualTo(6), "財 經 電 營 額 長 後 來 於 ...");
        Assert.That(ScriptDetector.Default.Count(page.AsSpan(0, 40)).Han, Is.EqualTo(2));
        Assert.That(ScriptDetector.Default.Count("<p>Revenue rose 12.4%.</p>").Han, Is.Zero);
    }

    [Test]
    public void Pseudo_traditional_seed_is_mixed()
    {
        var seed = ChineseTestData.Seed("001").Single();
        var counts = ScriptDetector.Default.Count(seed.Text);
        TestContext.Out.WriteLine(counts);
        Assert.That(counts.Script, Is.EqualTo(ChineseScript.Mixed));
        Assert.That(ScriptDetector.Default.Detect(ChineseTestData.Seed("002").Single().Text), Is.EqualTo(ChineseScript.Simplified));
    }

    [Test]
    public void Hong_kong_and_taiwan_profiles_keep_mainland_forms()
    {
        Assert.That(ChineseConverter.Open(ChineseProfile.TW2S).Convert("什么 抬高 意味著 著作"), Is.EqualTo("什么 抬高 意味着 著作"));
        Assert.That(ChineseConverter.Open(ChineseProfile.HK2S).Convert("抬高 隨著 綫 衞生 顯著"), Is.EqualTo("抬高 随着 线 卫生 显著"));
    }

    [Test]
    public void Override_dictionary_lines_are_validated_and_can_be_limited_to_profiles()
    {
        var entries = ProjectConfig.ParseOverrides("# comment\n隨著\t随着\n抬\t抬\thk2s, tw2s\n");
        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.That(entries[1].AppliesTo(ChineseProfile.T2S), Is.False);
        Assert.That(entries[1].AppliesTo(ChineseProfile.TW2S), Is.True);
        Assert.Throws<OpenCcUnavailableException>(() => ProjectConfig.ParseOverrides("隨著 随着\n"));
        Assert.Throws<OpenCcUnavailableException>(() => ProjectConfig.ParseOverrides("a\tb\na\tc\n"));
        Assert.Throws<OpenCcUnavailableException>(() => ProjectConfig.ParseOverrides("a\tb\ttw2sp\n"));
        // The profile-limited identity entry does not shadow t2s's phrase 么麼.
        Assert.That(ChineseConverter.Open(ChineseProfile.T2S).Convert("么麼"),
            Is.EqualTo(ChineseConverter.Open(ChineseProfile.T2S, overrides: false).Convert("么麼")));
    }

    [Test]
    public void Use_chinese_conversion_adds_one_conversion_stage()
    {
        var builder = new ExtractionPipelineBuilder().UseChineseConversion().UseChineseConversion();
        var stages = builder.TextStages.OfType<ChineseConversionStage>().ToList();
        Assert.That(stages, Has.Count.EqualTo(1));
        Assert.That(builder.Enrichers.OfType<RegionEnricher>().Count(), Is.EqualTo(1));
    }

    /// <summary>Conversion runs after the repairs and before the filters, whichever of UseCleaning and
    /// UseChineseConversion is called first (the builder's one ordering mechanism: insert before/after).</summary>
    [Test]
    public void Conversion_runs_between_the_repairs_and_the_filters_in_either_call_order()
    {
        foreach (var builder in new[]
                 {
                     new ExtractionPipelineBuilder().UseCleaning().UseChineseConversion(),
                     new ExtractionPipelineBuilder().UseChineseConversion().UseCleaning(),
                 })
        {
            var names = builder.TextStages.Select(s => s.GetType()).ToList();
            var conversion = names.IndexOf(typeof(ChineseConversionStage));
            Assert.That(conversion, Is.GreaterThan(names.IndexOf(typeof(Pipeline.Cleaning.LineJoinStage))));
            Assert.That(conversion, Is.GreaterThan(names.IndexOf(typeof(Pipeline.Cleaning.PinyinAnnotationStage))));
            Assert.That(conversion, Is.LessThan(names.IndexOf(typeof(Pipeline.Cleaning.SpamFilterStage))));
            Assert.That(names[0], Is.EqualTo(typeof(Pipeline.Cleaning.Html.HtmlTextStage)));
            Assert.That(names[^1], Is.EqualTo(typeof(Pipeline.Cleaning.WidthSpacingStage)));
        }
    }

    /// <summary>Every phrase of the installed phrase dictionaries that converts must contain a character the converter
    /// treats as a trigger, or script detection would skip a paragraph OpenCC changes.</summary>
    [TestCase(ChineseProfile.T2S)]
    [TestCase(ChineseProfile.HK2S)]
    [TestCase(ChineseProfile.TW2S)]
    public void Every_converting_phrase_has_a_trigger_character(ChineseProfile profile)
    {
        var converter = ChineseConverter.Open(profile);
        var dir = Directory.CreateTempSubdirectory("pipeline-opencc-dict-");
        try
        {
            var keys = new List<string>();
            foreach (var dict in new[] { "TSPhrases", "HKVariantsRevPhrases", "TWVariantsRevPhrases" })
            {
                var txt = Path.Combine(dir.FullName, dict + ".txt");
                try
                {
                    using var p = Process.Start(new ProcessStartInfo("opencc_dict", ["-i", OpenCcData.File(dict + ".ocd2"), "-o", txt, "-f", "ocd2", "-t", "text"])
                        { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
                    p.WaitForExit();
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    Assert.Ignore("opencc_dict (package opencc) is not installed");
                }
                keys.AddRange(File.ReadAllLines(txt).Select(l => l.Split('\t')[0]).Where(k => k.Length > 0));
            }
            var converted = converter.Native.Convert(string.Join('\n', keys)).Split('\n');
            Assert.That(converted, Has.Length.EqualTo(keys.Count));
            var missed = keys.Where((k, i) => converted[i] != k && !converter.NeedsConversion(k)).ToList();
            TestContext.Out.WriteLine($"{keys.Count} phrases checked");
            Assert.That(missed, Is.Empty);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
