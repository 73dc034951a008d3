using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Mono.Unix.Native;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Output;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// The failure modes a hostile review found (issue 15), each generated here: file system traps (link loops, FIFOs,
/// unreadable folders), oversized and hostile ids and records, spreadsheet and Markdown injection, recognizer failures,
/// one-file runs with a manifest, and counts that must not drift.
/// </summary>
public class HostileInputTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static readonly Lazy<ExtractionPipeline> Shared = new(() => ExtractionPipelineBuilder.CreateDefault().Build());

    private static BatchRunner Runner() => new(Shared.Value, TestReconciler.Create());

    private const string Article = "财联社1月8日电，某科技公司公告称，公司2025年前三季度实现营业收入12.5亿元，同比增长18.2%。";

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Reads inputs with a hang guard (a FIFO or a loop must not stall the reader).</summary>
    private static List<InputItem> ReadAll(CorpusReader reader, params string[] inputs)
    {
        var task = Task.Run(() => reader.Read(inputs).ToList());
        Assert.That(task.Wait(TimeSpan.FromSeconds(60)), Is.True, "the reader did not finish: a hang");
        return task.Result;
    }

    [Test]
    public void Folder_link_loops_and_links_out_of_the_tree_are_not_followed()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need privileges on Windows");
        var root = Path.Combine(_dir, "in");
        Write("in/a/one.txt", Article);
        Write("in/b/two.txt", Article + "另一段。");
        Write("outside/three.txt", Article + "外部。");
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "to-b"), Path.Combine(root, "b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "b", "to-a"), Path.Combine(root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(root, "b", "up"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "away"), Path.Combine(_dir, "outside"));

        var items = ReadAll(new CorpusReader(), root);
        var docs = items.OfType<DocumentInput>().Select(d => d.Document.Id).Order().ToList();
        Assert.That(docs, Is.EqualTo(new[] { "one", "two" }), "each real file once; nothing from outside the tree");
        var reasons = items.OfType<UnreadableInput>().Select(u => u.Reason).ToList();
        Assert.That(reasons, Has.Some.Contains("outside the input folder"));
        Assert.That(reasons, Has.Some.Contains("already read"));
    }

    [Test]
    public void A_fifo_a_broken_link_and_a_link_loop_of_files_are_quarantined_without_a_hang()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("no FIFOs on Windows");
        Write("in/good.txt", Article);
        Assert.That(Syscall.mkfifo(Path.Combine(_dir, "in", "pipe.txt"), FilePermissions.DEFFILEMODE), Is.EqualTo(0));
        File.CreateSymbolicLink(Path.Combine(_dir, "in", "dangling.txt"), Path.Combine(_dir, "nowhere.txt"));
        File.CreateSymbolicLink(Path.Combine(_dir, "in", "x.html"), Path.Combine(_dir, "in", "y.html"));
        File.CreateSymbolicLink(Path.Combine(_dir, "in", "y.html"), Path.Combine(_dir, "in", "x.html"));

        var outDir = Path.Combine(_dir, "out");
        var run = Task.Run(() => Runner().Run(new BatchOptions { Inputs = [Path.Combine(_dir, "in")], OutDir = outDir }));
        Assert.That(run.Wait(TimeSpan.FromSeconds(120)), Is.True, "a FIFO must not hang the run");
        var s = run.Result;
        Assert.That((s.Processed, s.Quarantined), Is.EqualTo((1, 4)));
        var quarantine = File.ReadAllText(Path.Combine(outDir, "quarantine.csv"));
        Assert.That(quarantine, Does.Contain("named pipe (FIFO), not a regular file"));
        Assert.That(quarantine, Does.Contain("does not exist"));
        Assert.That(quarantine, Does.Contain("a loop of links"));
    }

    [Test]
    public void An_unreadable_folder_is_quarantined_and_the_rest_is_read()
    {
        Write("in/good.txt", Article);
        Write("in/locked/secret.txt", Article);
        var locked = Path.Combine(_dir, "in", "locked");
        // Tests run as root, where permissions do not stop reading: the listing seam fails the way EACCES does.
        var reader = new CorpusReader
        {
            ListDirectory = d => d == locked ? throw new UnauthorizedAccessException($"Access to the path '{d}' is denied.") : Directory.EnumerateFileSystemEntries(d),
        };
        var items = ReadAll(reader, Path.Combine(_dir, "in"));
        Assert.That(items.OfType<DocumentInput>().Select(d => d.Document.Id), Is.EqualTo(new[] { "good" }));
        var bad = items.OfType<UnreadableInput>().Single();
        Assert.That(bad.Path, Is.EqualTo(locked));
        Assert.That(bad.Reason, Does.StartWith("cannot read folder"));
    }

    [Test]
    public void An_oversized_jsonl_record_is_skipped_unread_and_the_next_records_are_kept()
    {
        var huge = "{\"id\":\"big\",\"text\":\"" + string.Concat(Enumerable.Repeat("营收增长12%。", 20_000)) + "\"}";
        var path = Write("in/feed.jsonl",
            "{\"id\":\"first\",\"text\":\"" + Article + "\"}\n" + huge + "\n{\"id\":\"last\",\"text\":\"" + Article + "再报。\"}\n");
        var reader = new CorpusReader { MaxRecordBytes = 64 * 1024 };
        var items = ReadAll(reader, path);
        Assert.That(items.OfType<DocumentInput>().Select(d => d.Document.Id), Is.EqualTo(new[] { "first", "last" }));
        var bad = items.OfType<UnreadableInput>().Single();
        Assert.That(bad.Path, Does.EndWith("feed.jsonl:2"));
        Assert.That(bad.Reason, Does.Contain("over the 65,536-byte limit"));
    }

    [Test]
    public void Jsonl_lines_are_read_with_bounded_memory_from_any_line_breaks()
    {
        // \r\n line ends, a byte-order mark, a last line without a break, and a record split across the reader's buffer.
        var record = "{\"id\":\"r{0}\",\"text\":\"" + new string('字', 30_000) + "\"}";
        var text = "\uFEFF" + string.Join("\r\n", Enumerable.Range(0, 3).Select(i => record.Replace("{0}", i.ToString())));
        var lines = JsonlLines.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1 << 20).ToList();
        Assert.That(lines.Select(l => l.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(lines.Select(l => l.Text![..12]), Is.All.StartWith("{\"id\":\"r"));
        Assert.That(lines.Select(l => l.Text![^2..]), Is.All.EqualTo("\"}"));
    }

    [Test]
    public void Long_and_colliding_ids_get_bounded_distinct_clean_files()
    {
        var longId = string.Concat(Enumerable.Repeat("长标题", 100));
        var feed = string.Join("\n", new[] { longId, "a/b", "a_b", "../../escape", "." }
            .Select((id, i) => $"{{\"id\":\"{id}\",\"text\":\"{Article}第{i}篇。\"}}"));
        var input = Write("in/feed.jsonl", feed + "\n");
        var outDir = Path.Combine(_dir, "out");
        var s = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That(s.Processed, Is.EqualTo(5));
        var names = Directory.GetFiles(Path.Combine(outDir, "clean")).Select(Path.GetFileName).ToList();
        Assert.That(names, Has.Count.EqualTo(5), "five documents, five files: " + string.Join(", ", names));
        Assert.That(names, Has.Member("a_b.txt"));
        Assert.That(names.Select(n => Encoding.UTF8.GetByteCount(n!)), Is.All.LessThanOrEqualTo(255));
        Assert.That(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(_dir, "in")) && !f.StartsWith(outDir)),
            Is.Empty, "no id writes outside the output folder");
    }

    [Test]
    public void File_names_are_bounded_and_collision_free()
    {
        var ids = new[] { "a/b", "a_b", "a:b", "a\\b", new string('x', 300), new string('x', 301), "", ".", "..", "-rf", "~x", "正常" };
        var stems = ids.Select(DocumentIds.FileStem).ToList();
        Assert.That(stems.Distinct().Count(), Is.EqualTo(ids.Length));
        Assert.That(stems, Is.All.Not.Contain("/").And.Not.Contain("\\"));
        Assert.That(stems.Select(s => Encoding.UTF8.GetByteCount(s)), Is.All.LessThanOrEqualTo(DocumentIds.MaxStemBytes));
        Assert.That(DocumentIds.FileStem("正常"), Is.EqualTo("正常"), "a safe id is its own name");
    }

    [Test]
    public void Csv_cells_that_would_run_as_formulas_are_neutralised_but_numbers_are_kept()
    {
        var rows = new[]
        {
            new QuarantineRow("=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)"),
            new QuarantineRow("-2+3", "\tTAB", "-3.5"),
        };
        var stream = new MemoryStream();
        DatasetWriter.WriteQuarantine(stream, rows);
        var csv = Encoding.UTF8.GetString(stream.ToArray());
        foreach (var line in csv.Split('\n').Skip(1).Where(l => l.Length > 0))
            foreach (var cell in line.Split(','))
                Assert.That(cell.TrimStart('"'), Does.Not.Match("^[=+@\t]").And.Not.Match("^-[^0-9]"), line);
        Assert.That(csv, Does.Contain("'=HYPERLINK"));
        Assert.That(csv, Does.Contain(",-3.5\n"), "a negative number is data");
    }

    [Test]
    public void Hostile_file_names_reach_the_csvs_neutralised()
    {
        File.WriteAllBytes(Path.Combine(_dir, "=cmd()|x.txt"), []);
        var outDir = Path.Combine(_dir, "out");
        Runner().Run(new BatchOptions { Inputs = [Path.Combine(_dir, "=cmd()|x.txt")], OutDir = outDir });
        var quarantine = File.ReadAllLines(Path.Combine(outDir, "quarantine.csv"));
        Assert.That(quarantine[1], Does.StartWith("\"'=cmd()|x\""));
    }

    [Test]
    public void Audit_markdown_escapes_html_and_links_from_articles()
    {
        const string hostile = "<script>alert(1)</script> [点此](javascript:alert(2)) <img src=x onerror=alert(3)> `code`";
        Assert.That(AuditReport.Md(hostile), Does.Not.Contain("<script").And.Not.Contain("<img")
            .And.Not.Match(@"(?<!\\)\]\(javascript:").And.Not.Match(@"(?<!\\)\[点此"));
        Assert.That(AuditReport.Md("a|b\nc\u001bd"), Is.EqualTo("a\\|b cd"));
    }

    [TestCase("三月和九月之间，公司营收增长。", "2026-01-18", "2026-03-01", "2026-09-30")]
    [TestCase("从一月十日到十二日，股价累计上涨12%。", "2026-01-18", "2026-01-10", "2026-01-12")]
    [TestCase("十一月至二月期间，销量下滑。", "2026-01-18", "2025-11-01", "2026-02-28")]
    public void A_range_resolves_its_ends_together(string text, string asOf, string start, string end)
    {
        var reference = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value;
        var mentions = Shared.Value.Recognition.Recognize(text, RecognitionContext.Chinese(reference));
        var period = mentions.Select(m => m.Period).First(p => p is not null)!.Value;
        Assert.That((period.Start.ToString("yyyy-MM-dd", null), period.End.ToString("yyyy-MM-dd", null)), Is.EqualTo((start, end)));
    }

    [Test]
    public void A_failing_recognizer_or_binder_keeps_the_article_with_a_diagnostic()
    {
        var builder = ExtractionPipelineBuilder.CreateDefault();
        builder.Recognizers.Insert(0, new ThrowingRecognizer());
        builder.Binder = new ThrowingBinder();
        var pipeline = builder.Build();
        var result = pipeline.Process(new RawDocument("d", "d", Encoding.UTF8.GetBytes(Article), DocumentFormat.Text, DocumentMetadata.Empty));
        Invariants.Check(result);
        Assert.That(result.Status, Is.EqualTo(DocumentStatus.Processed));
        Assert.That(result.Mentions, Is.Not.Empty, "the other recognizers' mentions are kept");
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.SupersetOf(new[] { "recognize.failed", "bind.failed" }));
    }

    private sealed class ThrowingRecognizer : IRecognizer
    {
        public string Name => "throwing";
        public void Recognize(string text, RecognitionContext context, List<Mention> output) => throw new ArgumentException("a bug in one rule");
    }

    private sealed class ThrowingBinder : IClaimBinder
    {
        public BindingResult Bind(BindingInput input) => throw new InvalidOperationException("a bug in a binding rule");
    }

    [Test]
    public void A_one_file_run_uses_the_manifest_beside_it_and_quarantines_nothing_else()
    {
        Write("in/a.txt", "财联社1月8日电，智谱公告称，公司2025年上半年实现营业收入1.91亿元，同比增长325%。");
        Write("in/b.txt", Article + "另一篇。");
        Write("in/manifest.csv", "file,outlet,url,published,language\na.txt,财联社,,2026-01-08,zh-Hans\nb.txt,证券时报,,2026-01-09,zh-Hans\n");
        var outDir = Path.Combine(_dir, "out");
        var s = Runner().Run(new BatchOptions { Inputs = [Path.Combine(_dir, "in", "a.txt")], OutDir = outDir });
        Assert.That((s.Read, s.Processed, s.Quarantined, s.AnyQuarantined), Is.EqualTo((1, 1, 0, false)));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "claims.csv")), Does.Contain("财联社"));
    }

    [Test]
    public void An_unchanged_rerun_changes_no_facts()
    {
        var outDir = Path.Combine(_dir, "out");
        var first = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        Assert.That(first.FactsChanged, Is.EqualTo(first.Facts));
        var second = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        Assert.That(second.FactsChanged, Is.EqualTo(0));
    }

    [Test]
    public void Progress_counts_jsonl_records_not_files()
    {
        var feed = string.Join("\n", Enumerable.Range(0, 7).Select(i => $"{{\"id\":\"n{i}\",\"text\":\"{Article}第{i}篇。\"}}"));
        var input = Write("in/feed.jsonl", feed + "\n\n");
        Write("in/one.txt", Article + "单篇。");
        var reports = new List<BatchProgress>();
        var progress = new SyncProgress(reports);
        Runner().Run(new BatchOptions { Inputs = [Path.Combine(_dir, "in")], OutDir = Path.Combine(_dir, "out") }, progress);
        Assert.That(reports.Select(r => r.Total).Distinct(), Is.EqualTo(new[] { 8 }));
        Assert.That(reports[^1].Done, Is.EqualTo(8));
    }

    private sealed class SyncProgress(List<BatchProgress> reports) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => reports.Add(value);
    }

    [Test]
    public void A_cancelled_run_keeps_the_previous_datasets()
    {
        var outDir = Path.Combine(_dir, "out");
        Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        var facts = File.ReadAllBytes(Path.Combine(outDir, "facts.csv"));
        Write("in/new.txt", Article);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.That(() => Runner().Run(new BatchOptions { Inputs = [Path.Combine(_dir, "in"), TestPaths.Corpus], OutDir = outDir }, null, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(File.ReadAllBytes(Path.Combine(outDir, "facts.csv")), Is.EqualTo(facts));
        Assert.That(Directory.GetFiles(outDir, ".*tmp*"), Is.Empty, "no temporary file left behind");
    }
}
