using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cleaning;

/// <summary>The four seed articles through the cleaning stages: snapshots, and the issue's promises about them.</summary>
[TestFixture]
public sealed class CleaningSeedCorpusTests
{
    private static readonly Lazy<Dictionary<string, DocumentResult>> Results = new(() =>
        new CorpusReader().Read([TestPaths.Corpus]).OfType<DocumentInput>()
            .ToDictionary(d => d.Document.Id, d => CleaningHarness.Pipeline.Process(d.Document)));

    private static IEnumerable<string> SeedIds() =>
        Directory.EnumerateFiles(TestPaths.Corpus, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>Spam, ads, placeholders, widgets and footers the seeds are known to carry.</summary>
    private static readonly string[] Forbidden =
    [
        "中文字幕国产91无码", "人人操", "金沙電玩城", "電玩城app", "{jz:", "{{aisd}}", "AI生成 免责声明", "免责声明",
        "我要舉報", "收藏", "查看更多", "掃碼下載", "ICP備", "公網安備", "許可證", "2014-2026", "上海東方報業有限公司",
        "本文為澎湃號作者", "備案號",
    ];

    [TestCaseSource(nameof(SeedIds))]
    public void SeedSnapshot(string id)
    {
        var r = Results.Value[id];
        var sb = new StringBuilder();
        sb.AppendLine($"status: {r.Status} {r.QuarantineReason}");
        sb.AppendLine($"title: {r.Metadata.Title}");
        sb.AppendLine($"published: {r.Metadata.Published:yyyy-MM-dd} inferred={r.Metadata.PublishedInferred}");
        foreach (var s in r.Segments) sb.AppendLine($"segment {s.Span}: {s.Title}");
        foreach (var g in r.Removals.GroupBy(x => x.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.AppendLine($"removed {g.Key}: {g.Count()}");
        foreach (var x in r.Removals.Where(x => x.Reason != "pinyin-annotation"))
            sb.AppendLine($"  {x.Span} {x.Reason}: {Excerpt(r.Document.Original, x.Span)}");
        foreach (var d in r.Diagnostics) sb.AppendLine($"diagnostic {d.Severity} {d.Code} {d.Span}");
        sb.AppendLine("----");
        sb.Append(r.Clean.Text);
        Snapshot.Verify(nameof(CleaningSeedCorpusTests), id, sb.ToString());
    }

    [TestCaseSource(nameof(SeedIds))]
    public void NoSpamAdPlaceholderPinyinWidgetOrFooterRemains(string id)
    {
        var text = Results.Value[id].Clean.Text;
        foreach (var f in Forbidden) Assert.That(text, Does.Not.Contain(f), $"{id} still contains '{f}'");
        Assert.That(Regex.IsMatch(text, @"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", RegexOptions.None, TimeSpan.FromSeconds(1)), Is.False,
            $"{id} still has a pinyin annotation");
        Assert.That(text, Does.Not.Contain("+1"));
    }

    /// <summary>Every sentence of the original is still in the cleaned text, except what was recorded as removed:
    /// the parts of a sentence outside recorded removals must all be there (compared without whitespace and pinyin
    /// annotations, with full-width digits narrowed). So nothing disappears silently.</summary>
    [TestCaseSource(nameof(SeedIds))]
    public void LosesNoSentence(string id)
    {
        var r = Results.Value[id];
        var original = r.Document.Original;
        var clean = Comparable(r.Clean.Text);
        var removed = new bool[original.Length];
        foreach (var x in r.Removals.Where(x => x.Reason != "pinyin-annotation"))
            for (var i = x.Span.Start; i < x.Span.End; i++) removed[i] = true;
        var lost = new List<string>();
        foreach (Match m in Regex.Matches(original, @"[^\n。！？!]+[。！？!]?", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            // The sentence's pieces between removals.
            var piece = new StringBuilder();
            for (var i = m.Index; i <= m.Index + m.Length; i++)
            {
                if (i < m.Index + m.Length && !removed[i]) { piece.Append(original[i]); continue; }
                var p = Comparable(piece.ToString()).TrimStart('#');
                if (p.Length >= 4 && !clean.Contains(p, StringComparison.Ordinal)) lost.Add(m.Value.Trim());
                piece.Clear();
            }
        }
        Assert.That(lost, Is.Empty, $"{id} lost sentences:\n{string.Join("\n", lost.Take(5))}");
    }

    [Test]
    public void Seed000ComesOutAsSeparateArticles()
    {
        var r = Results.Value[SeedIds().First(i => i.StartsWith("000"))];
        var titles = r.Segments.Select(s => s.Title).ToList();
        Assert.That(titles, Is.EqualTo(new[]
        {
            "大模型「双雄」上市，高亏损仍获资本青睐", "商业航天须破解生态失衡难题", "广州试点“补改投” 助推科技成果落地转化",
            "香港城市大学（东莞） 首届创新创业硕士专业开学", "东壁科技数据 完成新一轮近亿元融资",
        }));
        var text = r.Clean.Text;
        Assert.That(r.Clean.Slice(r.Segments[0].Span), Does.Contain("智谱"));
        Assert.That(r.Clean.Slice(r.Segments[1].Span), Does.StartWith("# 商业航天须破解生态失衡难题"));
        Assert.That(r.Segments.Zip(r.Segments.Skip(1)).All(p => p.First.Span.End == p.Second.Span.Start), "segments tile the text");
        Assert.That(r.Segments[^1].Span.End, Is.EqualTo(text.Length));
    }

    [Test]
    public void RemovalsPointAtTheOriginalCharacters()
    {
        var r = Results.Value[SeedIds().First(i => i.StartsWith("001"))];
        var original = r.Document.Original;
        var ad = r.Removals.Single(x => x.Reason == "spam.inline-ad");
        Assert.That(original.Substring(ad.Span.Start, ad.Span.Length), Is.EqualTo("金沙電玩城app"));
        var placeholder = r.Removals.Single(x => x.Reason == "placeholder");
        Assert.That(original.Substring(placeholder.Span.Start, placeholder.Span.Length), Is.EqualTo("{jz:field.toptypename/}"));
        Assert.That(r.Clean.Text, Does.Contain("其中,海外市場收入貢獻占比超 70%").Or.Contain("其中,海外市場收入貢獻占比超70%"));
    }

    [Test]
    public void MojibakeInSeed003IsFlaggedWithOffsets()
    {
        var r = Results.Value[SeedIds().First(i => i.StartsWith("003"))];
        var flagged = r.Diagnostics.Where(d => d.Code == "clean.mojibake").ToList();
        Assert.That(flagged, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var d in flagged) Assert.That(r.Document.Original[d.Span!.Value.Start], Is.EqualTo('?'));
        // Real question marks are not damage.
        var question = r.Document.Original.IndexOf("為什么是現(xiàn)在?", StringComparison.Ordinal);
        Assert.That(flagged.Any(d => d.Span!.Value.Start > question && d.Span.Value.Start < question + 20), Is.False);
    }

    [Test]
    public void PublicationDateIsInferredOnlyWhenNotGiven()
    {
        var given = Results.Value[SeedIds().First(i => i.StartsWith("003"))].Metadata;
        Assert.That(given.Published?.ToString("yyyy-MM-dd", null), Is.EqualTo("2026-01-18"));
        Assert.That(given.PublishedInferred, Is.False);
        var text = "标题一行\n\n2026-01-18 10:59\n来源：某报\n\n正文第一段，说了一些事情。";
        var inferred = CleaningHarness.RunText(text).Metadata;
        Assert.That(inferred.Published?.ToString("yyyy-MM-dd", null), Is.EqualTo("2026-01-18"));
        Assert.That(inferred.PublishedInferred, Is.True);
    }

    private static string Excerpt(string text, Pipeline.Text.TextSpan span)
    {
        var s = text.Substring(span.Start, Math.Min(span.Length, 40)).Replace("\n", "⏎");
        return span.Length > 40 ? s + "…" : s;
    }

    /// <summary>Whitespace removed, pinyin annotations removed, full-width digits narrowed.</summary>
    private static string Comparable(string s)
    {
        s = Regex.Replace(s, @"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c is >= '０' and <= '９' ? (char)(c - 0xFEE0) : c);
        }
        return sb.ToString();
    }
}
