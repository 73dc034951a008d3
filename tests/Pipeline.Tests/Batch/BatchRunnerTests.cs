using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Batch;

public class BatchRunnerTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-batch-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static BatchRunner Runner() => new(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create());

    private static readonly string[] Datasets =
        ["claims.csv", "facts.csv", "conflicts.csv", "mentions.jsonl", "quarantine.csv", "audit.md", "audit.html"];

    private static Dictionary<string, string> ReadOutputs(string outDir)
    {
        var files = Datasets.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(outDir, f)));
        foreach (var clean in Directory.EnumerateFiles(Path.Combine(outDir, "clean")).Order(StringComparer.Ordinal))
            files["clean/" + Path.GetFileName(clean)] = File.ReadAllText(clean);
        return files;
    }

    [Test]
    public void Corpus_run_accounts_for_every_input_and_a_second_run_changes_nothing()
    {
        var outDir = Path.Combine(_dir, "out");
        var first = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        Assert.That(first.Read, Is.EqualTo(4));
        Assert.That(first.Processed + first.Unchanged + first.Duplicates + first.Quarantined, Is.EqualTo(first.Read));
        Assert.That(first.Processed, Is.EqualTo(4), "all four seed articles are processed");
        var outputs = ReadOutputs(outDir);
        Assert.That(outputs.Keys.Count(k => k.StartsWith("clean/")), Is.EqualTo(4));

        var second = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        Assert.That(second.Unchanged, Is.EqualTo(4));
        Assert.That(second.Processed, Is.EqualTo(0));
        Assert.That(ReadOutputs(outDir), Is.EqualTo(outputs), "every output byte-identical after an unchanged rerun");
    }

    [Test]
    public void Outputs_do_not_depend_on_the_number_of_workers()
    {
        var one = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = Path.Combine(_dir, "a"), Jobs = 1 });
        var two = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = Path.Combine(_dir, "b"), Jobs = 3 });
        Assert.That(two.Processed, Is.EqualTo(one.Processed));
        Assert.That(ReadOutputs(Path.Combine(_dir, "b")), Is.EqualTo(ReadOutputs(Path.Combine(_dir, "a"))));
    }

    [Test]
    public void Changed_new_and_duplicate_documents_are_told_apart()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "2026年1月8日，某公司发布公告。");
        File.WriteAllText(Path.Combine(input, "b.txt"), "另一篇文章。");
        var outDir = Path.Combine(_dir, "out");
        var first = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That((first.Processed, first.Duplicates), Is.EqualTo((2, 0)));

        File.WriteAllText(Path.Combine(input, "b.txt"), "另一篇文章，已修改。");
        File.WriteAllText(Path.Combine(input, "c.txt"), "2026年1月8日，某公司发布公告。");
        var second = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That(second.Read, Is.EqualTo(3));
        Assert.That((second.Processed, second.Unchanged, second.Duplicates), Is.EqualTo((1, 1, 1)));
        Assert.That(File.Exists(Path.Combine(outDir, "clean", "c.txt")), Is.False, "a duplicate is recorded, not processed twice");

        var full = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir, Full = true });
        Assert.That((full.Processed, full.Unchanged, full.Duplicates), Is.EqualTo((2, 0, 1)));
    }

    [Test]
    public void An_undated_article_kept_from_an_earlier_run_takes_the_listing_day_a_later_batch_brings()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        // A market wrap with no date: its debut day has no year until another article on the company gives one.
        File.WriteAllText(Path.Combine(input, "wrap.txt"),
            "云帆汽车（09899.HK）于11月5日登陆港交所主板，首日开盘报128港元，较发售价上涨6.7%，市值约1200亿港元。");
        var outDir = Path.Combine(_dir, "out");
        var first = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That(first.Processed, Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "claims.csv")), Does.Not.Contain("price.open,"), "alone, the debut has no year");

        File.WriteAllText(Path.Combine(input, "notice.txt"),
            "云帆汽车（09899.HK）公告，公司H股已于2025年11月5日在香港联合交易所主板挂牌并开始买卖，发售价为每股120港元。");
        var second = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That((second.Processed, second.Unchanged), Is.EqualTo((1, 1)), "the wrap is unchanged: it is not processed again as new");
        var claims = File.ReadAllLines(Path.Combine(outDir, "claims.csv"));
        Assert.That(claims.Any(c => c.Contains(",wrap,") && c.Contains("price.open,") && c.Contains("2025-11-05") && c.Contains(",128,")),
            "the unchanged wrap takes the listing day the new notice gives");

        var fresh = Path.Combine(_dir, "fresh");
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = fresh });
        Assert.That(ReadOutputs(outDir), Is.EqualTo(ReadOutputs(fresh)), "the same outputs as one run over both articles");

        var third = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That((third.Processed, third.Unchanged), Is.EqualTo((0, 2)));
        Assert.That(ReadOutputs(outDir), Is.EqualTo(ReadOutputs(fresh)));
        using var store = Pipeline.Storage.PipelineStore.Open(Path.Combine(outDir, "pipeline.db"));
        var wrap = store.StoredDocuments()["wrap"];
        Assert.That(wrap.Subject, Is.Not.Null);
        Assert.That((wrap.Subject!.Entity, wrap.Subject.NeedsPeriod), Is.EqualTo(("云帆汽车", true)),
            "the stored subject is what the wrap says on its own, not what the batch told it");
        Assert.That(wrap.CoverageKey, Does.Contain("2025-11-05"), "its rows were read with the notice's listing day");
    }

    [Test]
    public void A_clean_text_deleted_between_runs_is_written_again_for_an_unchanged_document()
    {
        var outDir = Path.Combine(_dir, "out");
        Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        var outputs = ReadOutputs(outDir);
        var deleted = Directory.EnumerateFiles(Path.Combine(outDir, "clean")).Order(StringComparer.Ordinal).First();
        File.Delete(deleted);
        var again = Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir });
        Assert.That(again.Processed, Is.EqualTo(0), "nothing is read again");
        Assert.That(ReadOutputs(outDir), Is.EqualTo(outputs), "the clean text comes back from the store");
    }

    [Test]
    public void The_second_pass_binds_a_kept_read_again_as_if_the_file_were_read_again()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        // An HTML market wrap with no date (its debut has no year alone) and a filing that gives the listing day.
        File.WriteAllText(Path.Combine(input, "wrap.html"), """
            <html><head><title>新股速递｜云帆汽车首日高开</title></head><body><div class="article">
            <h1>新股速递｜云帆汽车首日高开</h1>
            <p>云帆汽车（09899.HK）于11月5日登陆港交所主板，首日开盘报128港元，较发售价上涨6.7%，市值约1200亿港元。</p>
            <p>截至午间收盘，云帆汽车报131.5港元，成交额达18.6亿港元。</p></div></body></html>
            """);
        File.WriteAllText(Path.Combine(input, "notice.txt"),
            "云帆汽车（09899.HK）公告，公司H股已于2025年11月5日在香港联合交易所主板挂牌并开始买卖，发售价为每股120港元。");
        var kept = Path.Combine(_dir, "kept");
        var reread = Path.Combine(_dir, "reread");
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = kept });
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = reread, SecondPassMemory = 0 });
        var claims = File.ReadAllLines(Path.Combine(kept, "claims.csv"));
        Assert.That(claims.Any(c => c.Contains(",wrap,") && c.Contains("price.open,") && c.Contains("2025-11-05")), Is.True,
            "the wrap's debut is dated by the filing in the second pass");
        Assert.That(ReadOutputs(kept), Is.EqualTo(ReadOutputs(reread)),
            "binding the kept first read again gives what reading the file again gives, offsets into the HTML included");
    }

    [Test]
    public void An_english_company_written_with_and_without_its_legal_ending_is_one_company()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        // Reuters writes the legal ending without stops; a press release carries it as filed; neither company is in the lexicon.
        File.WriteAllText(Path.Combine(input, "wire.txt"),
            "Qinglan Tech Co Ltd said on Tuesday its third-quarter 2025 revenue rose 12% to 5.6 billion yuan, beating estimates.");
        File.WriteAllText(Path.Combine(input, "release.txt"),
            "Qinglan Tech Co., Ltd. today announced third-quarter 2025 results. Revenue was RMB5.6 billion, an increase of 12% year over year.");
        var outDir = Path.Combine(_dir, "out");
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        var facts = File.ReadAllLines(Path.Combine(outDir, "facts.csv")).Skip(1).ToList();
        foreach (var f in facts) TestContext.Out.WriteLine(f);
        Assert.That(facts.Where(f => f.Contains(",revenue,")).ToList(), Has.Count.EqualTo(1), "one revenue fact, stated by both");
        Assert.That(facts.Single(f => f.Contains(",revenue,")), Does.StartWith("Qinglan Tech,").And.Contain("release;wire"));
    }

    [Test]
    public void Unreadable_inputs_are_quarantined_and_the_batch_goes_on()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "good.txt"), "正常的文章。");
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllText(Path.Combine(input, "lines.jsonl"), "{\"id\":\"j\",\"text\":\"好的。\"}\nnot json\n");
        var outDir = Path.Combine(_dir, "out");
        var summary = Runner().Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        Assert.That(summary.Read, Is.EqualTo(4));
        Assert.That(summary.Processed, Is.EqualTo(2));
        Assert.That(summary.Quarantined, Is.EqualTo(2));
        Assert.That(summary.AnyQuarantined, Is.True);
        var quarantine = File.ReadAllLines(Path.Combine(outDir, "quarantine.csv"));
        Assert.That(quarantine, Has.Length.EqualTo(3));
        Assert.That(string.Join("\n", quarantine), Does.Contain("empty").And.Contain("malformed JSON"));
        Assert.That(summary.QuarantineSample.Select(q => q.Document), Is.EquivalentTo(new[] { "empty", "lines#2" }), "the reasons reach the console");
    }

    [Test]
    public void A_missing_input_is_a_usage_error_before_anything_is_written()
    {
        var outDir = Path.Combine(_dir, "out");
        var e = Assert.Throws<InvalidInputException>(() =>
            Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus, Path.Combine(_dir, "corpuss")], OutDir = outDir }));
        Assert.That(e!.Message, Does.Contain("corpuss"));
        Assert.That(Directory.Exists(outDir), Is.False, "nothing written");
    }

    [Test]
    public void A_second_run_on_a_busy_store_stops_at_once()
    {
        var outDir = Path.Combine(_dir, "out");
        Directory.CreateDirectory(outDir);
        using var held = new FileStream(Path.Combine(outDir, "pipeline.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var e = Assert.Throws<StoreBusyException>(() => Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = outDir }));
        Assert.That(e!.Message, Does.Contain("another run"));
    }
}
