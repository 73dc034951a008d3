using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using Pipeline.Documents;

namespace Pipeline.Tests.Documents;

public class CorpusReaderTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-reader-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Reread_gives_back_the_content_of_shells_from_files_and_jsonl_records_and_leaves_out_what_changed()
    {
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "阿里巴巴第三季度营收为2478亿元。");
        File.WriteAllText(Path.Combine(_dir, "c.txt"), "京东三季度净利润为53亿元。");
        File.WriteAllText(Path.Combine(_dir, "d.jsonl"),
            """{"id":"j1","outlet":"财联社","text":"小米集团上季营收同比增长22%。"}""" + "\n" +
            """{"id":"j2","outlet":"經濟通","html":"<p>騰訊第二季度收入1845億元人民幣。</p>"}""" + "\n");
        File.WriteAllText(Path.Combine(_dir, "manifest.csv"), "file,outlet,url,published,language\nb.txt,日报,http://b,,zh-Hans\n");
        var reader = new CorpusReader();
        var docs = reader.Read([_dir]).OfType<DocumentInput>().Select(d => d.Document).ToList();
        var shells = docs.Select(d => d.Shell()).ToList();
        Assert.That(shells.All(s => s.Bytes.Length == 0 && s.Text is null), Is.True, "a shell holds no content");

        File.WriteAllText(Path.Combine(_dir, "c.txt"), "京东三季度净利润为55亿元。"); // changed since the first read
        var again = reader.Reread(shells).ToDictionary(d => d.Id);

        Assert.That(again.Keys.Order(), Is.EqualTo(new[] { "b", "j1", "j2" }), "c changed, so it is left out");
        foreach (var original in docs.Where(d => d.Id != "c"))
        {
            var back = again[original.Id];
            Assert.That(back.Bytes, Is.EqualTo(original.Bytes), original.Id);
            Assert.That(back.Text, Is.EqualTo(original.Text), original.Id);
            Assert.That(back.Path, Is.EqualTo(original.Path), original.Id);
            Assert.That(back.Format, Is.EqualTo(original.Format), original.Id);
            Assert.That(back.Metadata, Is.EqualTo(original.Metadata), original.Id);
            Assert.That(back.ContentHash, Is.EqualTo(original.ContentHash), original.Id);
        }
    }

    [Test]
    public void Reads_text_html_and_jsonl_recursively_in_path_order_with_manifest_metadata()
    {
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "正文");
        File.WriteAllText(Path.Combine(_dir, "sub", "a.html"), "<p>正文</p>");
        File.WriteAllText(Path.Combine(_dir, "c.jsonl"),
            """{"id":"j1","url":"http://x","outlet":"某报","published":"2026-01-08","text":"今日"}""" + "\n\n" +
            """{"id":"j2","html":"<p>x</p>"}""" + "\n");
        File.WriteAllText(Path.Combine(_dir, "ignored.pdf"), "x");
        File.WriteAllText(Path.Combine(_dir, "manifest.csv"), "file,outlet,url,published,language\nb.txt,日报,,2026-01-09,zh-Hant\n");

        var items = new CorpusReader().Read([_dir]).ToList();
        var docs = items.OfType<DocumentInput>().Select(d => d.Document).ToList();

        Assert.That(docs.Select(d => d.Id), Is.EqualTo(new[] { "b", "j1", "j2", "a" }));
        var b = docs[0];
        Assert.That(b.Format, Is.EqualTo(DocumentFormat.Text));
        Assert.That(b.Metadata.Outlet, Is.EqualTo("日报"));
        Assert.That(b.Metadata.Published, Is.EqualTo(new NodaTime.LocalDate(2026, 1, 9)));
        Assert.That(b.Metadata.Language, Is.EqualTo("zh-Hant"));
        Assert.That(docs[1].Metadata.Outlet, Is.EqualTo("某报"));
        Assert.That(docs[1].Text, Is.EqualTo("今日"));
        Assert.That(docs[2].Format, Is.EqualTo(DocumentFormat.Html));
        Assert.That(docs[3].Format, Is.EqualTo(DocumentFormat.Html));
        Assert.That(items.OfType<UnreadableInput>(), Is.Empty);
    }

    [Test]
    public void Broken_jsonl_lines_are_reported_and_good_lines_still_read()
    {
        File.WriteAllText(Path.Combine(_dir, "x.jsonl"),
            """{"id":"ok1","text":"a"}""" + "\n" + """{"id": "broken", "text": """ + "\n" + "[1,2]\n" +
            """{"text":"no id"}""" + "\n" + """{"id":"nobody"}""" + "\n" + """{"id":"ok2","text":"b"}""" + "\n");
        var items = new CorpusReader().Read([_dir]).ToList();
        Assert.That(items.OfType<DocumentInput>().Select(d => d.Document.Id), Is.EqualTo(new[] { "ok1", "ok2" }));
        var bad = items.OfType<UnreadableInput>().ToList();
        Assert.That(bad, Has.Count.EqualTo(4));
        Assert.That(bad[0].Reason, Does.StartWith("malformed JSON"));
        Assert.That(bad[0].Path, Does.EndWith("x.jsonl:2"));
        Assert.That(bad.Select(b => b.Reason), Has.Some.EqualTo("record has no id"));
        Assert.That(bad.Select(b => b.Reason), Has.Some.EqualTo("record has neither html nor text"));
    }

    [Test]
    public void Missing_inputs_and_manifest_rows_naming_missing_files_are_reported()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "x");
        File.WriteAllText(Path.Combine(_dir, "manifest.csv"), "file,outlet,url,published,language\na.txt,,,2026-02-30,\ngone.txt,,,,\n");
        var items = new CorpusReader().Read([_dir, Path.Combine(_dir, "nope")]).ToList();

        var bad = items.OfType<UnreadableInput>().ToList();
        Assert.That(bad.Select(b => b.Reason), Is.EquivalentTo(new[] { "input path does not exist", "manifest names a file that does not exist" }));
        var a = items.OfType<DocumentInput>().Single().Document;
        Assert.That(a.Metadata.Published, Is.Null, "an impossible date is not used");
        Assert.That(a.ReadDiagnostics.Single().Code, Is.EqualTo("manifest.bad-date"));
    }

    [Test]
    public void Identity_is_the_file_name_and_hash_the_content()
    {
        File.WriteAllBytes(Path.Combine(_dir, "x.txt"), Encoding.UTF8.GetBytes("同一内容"));
        File.WriteAllBytes(Path.Combine(_dir, "sub", "y.txt"), Encoding.UTF8.GetBytes("同一内容"));
        var docs = new CorpusReader().Read([_dir]).OfType<DocumentInput>().Select(d => d.Document).ToList();
        Assert.That(docs.Select(d => d.Id), Is.EquivalentTo(new[] { "x", "y" }));
        Assert.That(docs[0].ContentHash, Is.EqualTo(docs[1].ContentHash));
        Assert.That(docs[0].ContentHash, Has.Length.EqualTo(64));
    }
}
