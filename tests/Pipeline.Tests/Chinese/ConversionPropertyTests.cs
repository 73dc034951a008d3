using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Chinese;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Tests.Chinese;

/// <summary>Idempotence, the 著 particle, and offsets over the seed corpus and the Traditional pages.</summary>
public class ConversionPropertyTests
{
    // 著 stays 著 (zhù) only in these words; anywhere else in Mainland text it is the particle 着.
    private static readonly string[] ZhuWords =
        ["著作", "著名", "著称", "著述", "著书", "著录", "著者", "显著", "土著", "名著", "原著", "专著", "巨著", "编著", "论著", "遗著", "拙著", "昭著", "卓著", "新著", "合著", "译著", "大著", "著有", "所著", "著文", "著说", "著论"];

    [TestCase("001")]
    [TestCase("003")]
    public void Converted_seed_is_stable_under_t2s_and_has_no_particle_zhu(string seed)
    {
        var doc = ChineseTestData.Seed(seed).Single();
        var stage = new ChineseConversionStage();
        var context = new DocumentContext(SourceDocument.FromText(doc.Name, doc.Text, doc.Metadata));
        var converted = stage.Apply(doc.Text, context).Text;
        foreach (var d in context.Diagnostics) TestContext.Out.WriteLine(d);

        var again = ChineseConverter.Open(ChineseProfile.T2S, overrides: false).Convert(converted);
        Assert.That(again, Is.EqualTo(converted), "a character t2s would still change remains");
        Assert.That(ChineseConverter.Open(ChineseProfile.T2S).Convert(converted), Is.EqualTo(converted), "the project t2s is not idempotent");

        var errors = new List<string>();
        for (var i = converted.IndexOf('著'); i >= 0; i = converted.IndexOf('著', i + 1))
        {
            var ok = ZhuWords.Any(w => Occurs(converted, w, i));
            if (!ok) errors.Add(converted.Substring(Math.Max(0, i - 5), Math.Min(11, converted.Length - Math.Max(0, i - 5))));
        }
        Assert.That(errors, Is.Empty, "著 used as a particle (should be 着)");
        Assert.That(converted, Does.Contain("着"), "the seed's particles were converted");
    }

    private static bool Occurs(string text, string word, int at)
    {
        var k = word.IndexOf('著');
        var start = at - k;
        return start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0;
    }

    /// <summary>For every piece between punctuation (and every pair of neighbouring pieces) in the converted text, the
    /// original slice at its mapped offsets converts to exactly that piece.</summary>
    [Test]
    public void Source_slice_of_every_converted_piece_converts_to_it()
    {
        var docs = ChineseTestData.Seeds().Concat(ChineseTestData.TraditionalPages()).ToList();
        var converter = ChineseConverter.Open(ChineseProfile.T2S);
        int pieces = 0, changedPieces = 0;
        var failures = new List<string>();
        foreach (var doc in docs)
        {
            var result = converter.ConvertMapped(doc.Text);
            Assert.That(result.Map.InputLength, Is.EqualTo(doc.Text.Length));
            Assert.That(result.Map.OutputLength, Is.EqualTo(result.Text.Length));
            var bounds = new List<int> { 0 };
            for (var i = 0; i < result.Text.Length; i++)
                if (ChineseConverter.IsSeparator(result.Text[i])) { bounds.Add(i); bounds.Add(i + 1); }
            bounds.Add(result.Text.Length);
            // pieces [bounds[2k], bounds[2k+1]) and spans over two pieces with the separator between
            for (var k = 0; k + 1 < bounds.Count; k += 2)
            {
                foreach (var end in new[] { bounds[k + 1], k + 3 < bounds.Count ? bounds[k + 3] : -1 })
                {
                    if (end < 0) continue;
                    var span = new TextSpan(bounds[k], end);
                    if (span.IsEmpty) continue;
                    pieces++;
                    var src = result.ToSource(span);
                    var slice = doc.Text.Substring(src.Start, src.Length);
                    var expected = result.Slice(span);
                    if (slice != expected) changedPieces++;
                    var got = converter.Convert(slice);
                    if (got != expected && failures.Count < 20) failures.Add($"{doc.Name} {span}: '{slice}' → '{got}', map says '{expected}'");
                }
            }
        }
        TestContext.Out.WriteLine($"{docs.Count} documents, {pieces} pieces checked, {changedPieces} changed by conversion");
        Assert.That(failures, Is.Empty);
        Assert.That(changedPieces, Is.GreaterThan(100));
    }

    [Test]
    public void Each_character_of_a_same_length_conversion_maps_to_one_source_character()
    {
        var input = "這意味著台灣與香港的經濟發展，後來於是裡面。";
        var result = ChineseConverter.Open().ConvertMapped(input);
        Assert.That(result.Text, Is.EqualTo("这意味着台湾与香港的经济发展，后来于是里面。"));
        for (var i = 0; i < result.Text.Length; i++)
            Assert.That(result.ToSource(new TextSpan(i, i + 1)), Is.EqualTo(new TextSpan(i, i + 1)));
    }
}
