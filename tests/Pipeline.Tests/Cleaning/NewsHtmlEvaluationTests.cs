using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cleaning;

/// <summary>
/// Measures the cleaning stage on ../shared/news-html (81 real pages with upstream expectations) and asserts floors
/// just below what it achieves, so a regression fails. Character F1 is the bag-of-characters F1 over non-whitespace
/// characters (our <c>#</c> heading markers excluded); snippets are compared with whitespace removed.
/// </summary>
[TestFixture]
public sealed class NewsHtmlEvaluationTests
{
    private sealed record PageOutcome(string Id, JsonElement Expect, DocumentResult Result);

    private static List<PageOutcome>? _outcomes;

    private static List<PageOutcome> Outcomes()
    {
        if (_outcomes is not null) return _outcomes;
        var root = TestPaths.RequireShared("news-html");
        var list = new List<PageOutcome>();
        foreach (var json in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(json) == "index.json") continue;
            var expect = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            var html = Path.Combine(Path.GetDirectoryName(json)!, expect.GetProperty("html_file").GetString()!);
            var result = CleaningHarness.Run(File.ReadAllBytes(html), DocumentFormat.Html, expect.GetProperty("id").GetString()!);
            list.Add(new PageOutcome(expect.GetProperty("id").GetString()!, expect, result));
        }
        return _outcomes = list;
    }

    [Test]
    public void EveryPageDecodesAndBadBig5BytesAreReported()
    {
        foreach (var o in Outcomes())
        {
            var expectedBad = o.Expect.TryGetProperty("undecodable_sequences", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : 0;
            // Upstream counts strict-decoding failures; .NET's CP950 decodes user-defined lead bytes to private-use
            // characters, which we report separately: together they are the damaged sequences.
            var reported = o.Result.Diagnostics.Where(d => d.Code is "decode.undecodable-bytes" or "decode.private-use").ToList();
            Assert.That(reported, Has.Count.EqualTo(expectedBad), o.Id);
            Assert.That(reported.All(d => d.Span is { } s && o.Result.Document.Original[s.Start] is '\uFFFD' or >= '\uE000' and <= '\uF8FF'), o.Id);
            if (expectedBad > 0) TestContext.Out.WriteLine($"{o.Id}: {string.Join("; ", reported)}");
            Assert.That(o.Result.Document.Original, Has.Length.GreaterThan(100), o.Id);
            Assert.That(o.Result.Status, Is.EqualTo(DocumentStatus.Processed), $"{o.Id}: {o.Result.QuarantineReason}");
        }
    }

    [Test]
    public void ExtractionQualityMeetsFloors()
    {
        var outcomes = Outcomes();
        var f1s = new List<(string Id, double F1)>();
        int mustTotal = 0, mustFound = 0, notTotal = 0, notLeaked = 0, titleTotal = 0, titleOk = 0, dateTotal = 0, dateOk = 0;
        var report = new StringBuilder();
        foreach (var o in outcomes)
        {
            var text = o.Result.Clean.Text;
            var squashed = Squash(Content(text));
            if (o.Expect.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String && body.GetString()!.Trim().Length > 0)
            {
                var f1 = CharF1(Content(text), body.GetString()!);
                f1s.Add((o.Id, f1));
                if (f1 < 0.9) report.AppendLine($"  low F1 {f1:0.000} {o.Id}");
            }
            foreach (var s in Strings(o.Expect, "must_contain"))
            {
                mustTotal++;
                if (squashed.Contains(Squash(s), StringComparison.Ordinal)) mustFound++;
                else report.AppendLine($"  missing in {o.Id}: {s}");
            }
            foreach (var s in Strings(o.Expect, "must_not_contain"))
            {
                notTotal++;
                if (squashed.Contains(Squash(s), StringComparison.Ordinal)) { notLeaked++; report.AppendLine($"  leaked in {o.Id}: {s}"); }
            }
            if (o.Expect.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                titleTotal++;
                var kind = o.Expect.TryGetProperty("title_match", out var k) ? k.GetString() ?? "exact" : "exact";
                if (TitleMatches(o.Result.Metadata.Title, title.GetString()!, kind)) titleOk++;
                else report.AppendLine($"  title {o.Id}: got '{o.Result.Metadata.Title}' want '{title.GetString()}'");
            }
            if (o.Expect.TryGetProperty("publish_time", out var time) && time.ValueKind == JsonValueKind.String
                && DateFinder.ParseLeading(time.GetString()) is { } want)
            {
                dateTotal++;
                if (o.Result.Metadata.Published == want) dateOk++;
                else report.AppendLine($"  date {o.Id}: got {o.Result.Metadata.Published} want {want}");
            }
        }
        var meanF1 = f1s.Average(f => f.F1);
        var mustRate = (double)mustFound / mustTotal;
        var leakRate = notTotal == 0 ? 0 : (double)notLeaked / notTotal;
        var titleRate = (double)titleOk / titleTotal;
        var dateRate = (double)dateOk / dateTotal;
        TestContext.Out.WriteLine($"pages {outcomes.Count}; full bodies {f1s.Count}: mean char F1 {meanF1:0.0000} (min {f1s.Min(f => f.F1):0.000})");
        TestContext.Out.WriteLine($"must_contain {mustFound}/{mustTotal} ({mustRate:P1}); must_not_contain leaked {notLeaked}/{notTotal} ({leakRate:P1})");
        TestContext.Out.WriteLine($"titles {titleOk}/{titleTotal} ({titleRate:P1}); dates {dateOk}/{dateTotal} ({dateRate:P1})");
        TestContext.Out.WriteLine(report.ToString());

        // Floors just below what the extractor achieves (F1 0.959, 51/51, 0/16, 63/64, 54/57); the issue's bars are
        // F1 >= 0.92, every snippet, <= 2% leaks, titles >= 95%, dates >= 90%.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(meanF1, Is.GreaterThanOrEqualTo(0.955), "mean char F1");
            Assert.That(mustRate, Is.EqualTo(1.0), "must_contain");
            Assert.That(leakRate, Is.LessThanOrEqualTo(0.0), "must_not_contain leak rate");
            Assert.That(titleRate, Is.GreaterThanOrEqualTo(0.98), "titles");
            Assert.That(dateRate, Is.GreaterThanOrEqualTo(0.94), "dates");
        }
    }

    [Test]
    public void OffsetsPointBackIntoTheHtmlSource()
    {
        int totalHan = 0, totalUnmapped = 0;
        foreach (var o in Outcomes())
        {
            var clean = o.Result.Clean;
            var original = o.Result.Document.Original;
            // Every copied Han character maps to the same character in the decoded HTML.
            var checkedChars = 0;
            for (var i = 0; i < clean.Text.Length; i += 7)
            {
                var c = clean.Text[i];
                if (c < '\u4E00' || c > '\u9FFF') continue;
                var span = clean.ToSource(new Pipeline.Text.TextSpan(i, i + 1));
                var source = original.Substring(span.Start, span.Length);
                // A plain character maps to itself; a character reference maps to the whole reference.
                if (span.Length == 1 || source.StartsWith('&'))
                {
                    Assert.That(System.Net.WebUtility.HtmlDecode(source), Is.EqualTo(c.ToString()), $"{o.Id} at {i}");
                    checkedChars++;
                }
            }
            Assert.That(checkedChars, Is.GreaterThan(0), o.Id);
            // Nearly every Han character of the output has a place in the source (the headline may be inserted).
            var han = clean.Text.Count(c => c is >= '\u4E00' and <= '\u9FFF');
            var unmapped = Enumerable.Range(0, clean.Text.Length)
                .Count(i => clean.Text[i] is >= '\u4E00' and <= '\u9FFF' && clean.ToSource(new Pipeline.Text.TextSpan(i, i + 1)).IsEmpty);
            // Text the tree builder moved out of source order (foster-parented table content) cannot keep exact
            // positions in a monotone map; it is written as insertions. Bound it per page and over the corpus.
            Assert.That(unmapped, Is.LessThanOrEqualTo(Math.Max(60, han * 3 / 10)), $"{o.Id}: {unmapped} of {han} Han characters have no source");
            totalHan += han;
            totalUnmapped += unmapped;
        }
        TestContext.Out.WriteLine($"Han characters without a source position: {totalUnmapped} of {totalHan} ({(double)totalUnmapped / totalHan:P2})");
        Assert.That(totalUnmapped, Is.LessThanOrEqualTo(totalHan / 50));
    }

    /// <summary>The article content: heading markers are our structure, not page text.</summary>
    internal static string Content(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimStart('#').TrimStart()));

    internal static double CharF1(string predicted, string expected)
    {
        var p = Bag(predicted);
        var e = Bag(expected);
        var overlap = p.Sum(kv => Math.Min(kv.Value, e.GetValueOrDefault(kv.Key)));
        var pn = p.Values.Sum();
        var en = e.Values.Sum();
        if (pn == 0 || en == 0) return 0;
        var precision = (double)overlap / pn;
        var recall = (double)overlap / en;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Dictionary<char, int> Bag(string s)
    {
        var d = new Dictionary<char, int>();
        foreach (var c in s) if (!char.IsWhiteSpace(c)) d[c] = d.GetValueOrDefault(c) + 1;
        return d;
    }

    private static bool TitleMatches(string? got, string want, string kind)
    {
        if (got is null) return false;
        var g = Squash(got);
        var w = Squash(want);
        if (kind == "exact") return g == w;
        if (kind == "contains") return g.Contains(w, StringComparison.Ordinal);
        // Readability expects the document <title> with its site suffix; we report the headline without it.
        return g.Length > 0 && w.Contains(g, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];

    private static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
