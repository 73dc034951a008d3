using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using Pipeline.Batch;

namespace Pipeline.Tests.Cli;

/// <summary>
/// Every failure the CLI can meet ends in one line naming the path and the cause, with exit 2 (usage, configuration)
/// or 3 (I/O), and a failed command leaves the previous outputs as they were. Each case is generated here.
/// </summary>
public class CliFailureTests
{
    private string _dir = "";
    private string _in = "";
    private string _out = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-clifail-" + Guid.NewGuid().ToString("N"));
        _in = Path.Combine(_dir, "in");
        _out = Path.Combine(_dir, "out");
        Directory.CreateDirectory(_in);
        File.WriteAllText(Path.Combine(_in, "a.txt"),
            "新华社北京1月8日电 某科技公司8日公告称，公司2025年营业收入为12.5亿元，同比增长18%。");
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Pipeline.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertOneLine(string error, int code, int expected)
    {
        Assert.That(code, Is.EqualTo(expected), error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "one line: " + error);
        Assert.That(lines[0], Does.StartWith("pipeline: "));
        Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
    }

    /// <summary>A first good run; returns the bytes of every output file so a later failure can be checked against it.</summary>
    private Dictionary<string, byte[]> FirstRun()
    {
        var (code, _, err) = Run("run", _in, "--out", _out);
        Assert.That(code, Is.EqualTo(0), err);
        File.WriteAllText(Path.Combine(_out, "clean", "my-notes.txt"), "the user's own file");
        return Snapshot();
    }

    private Dictionary<string, byte[]> Snapshot() => Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("pipeline.db-wal") && !f.EndsWith("pipeline.db-shm") && !f.EndsWith("pipeline.db"))
        .ToDictionary(f => Path.GetRelativePath(_out, f), File.ReadAllBytes);

    [Test]
    public void An_unknown_option_is_a_usage_error_and_the_outputs_stay()
    {
        var before = FirstRun();
        var (code, _, error) = Run("run", "--bogus", "--out", _out);
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("unknown option '--bogus'"));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void A_mistyped_input_folder_is_named_and_the_outputs_stay()
    {
        var before = FirstRun();
        var (code, _, error) = Run("run", _in + "x", "--out", _out);
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("input not found: " + _in + "x"));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void A_file_that_is_not_a_claims_file_leaves_the_reconcile_outputs_as_they_were()
    {
        var before = FirstRun();
        var notClaims = Path.Combine(_dir, "mentions.csv");
        File.WriteAllText(notClaims, "document,kind,text\na,money,12.5亿元\n");
        var (code, _, error) = Run("reconcile", notClaims, "--out", _out);
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("missing required column(s): source"));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Claims_csv_is_a_valid_reconcile_input()
    {
        FirstRun();
        var (code, _, error) = Run("reconcile", Path.Combine(_out, "claims.csv"), "--out", Path.Combine(_dir, "rec"));
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(error, Is.Empty);
    }

    [Test]
    public void An_out_that_is_a_file_is_a_usage_error()
    {
        var file = Path.Combine(_dir, "out.txt");
        File.WriteAllText(file, "x");
        var (code, _, error) = Run("run", _in, "--out", file);
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("is a file"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("x"));
    }

    [Test]
    public void An_out_that_cannot_be_created_is_an_io_error_in_one_line()
    {
        var file = Path.Combine(_dir, "blocker");
        File.WriteAllText(file, "x");
        var (code, _, error) = Run("run", _in, "--out", Path.Combine(file, "out"));
        AssertOneLine(error, code, ExitCodes.Io);
        Assert.That(error, Does.Contain("blocker"));
    }

    [Test]
    public void A_damaged_store_is_an_io_error_in_one_line_and_the_datasets_stay()
    {
        var before = FirstRun();
        File.Delete(Path.Combine(_out, "pipeline.db-wal"));
        File.Delete(Path.Combine(_out, "pipeline.db-shm"));
        File.WriteAllBytes(Path.Combine(_out, "pipeline.db"), Encoding.ASCII.GetBytes(new string('x', 8192)));
        var (code, _, error) = Run("run", _in, "--out", _out);
        AssertOneLine(error, code, ExitCodes.Io);
        Assert.That(error, Does.Contain("store error"));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void An_unknown_output_format_is_a_usage_error()
    {
        var (code, _, error) = Run("run", _in, "--out", _out, "--format", "csv,xlsx");
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("unknown output format 'xlsx'").And.Contain("parquet"));
        Assert.That(Directory.Exists(_out), Is.False);
    }

    [Test]
    public void An_input_inside_the_output_folder_is_refused()
    {
        FirstRun();
        var (code, _, error) = Run("run", Path.Combine(_out, "audit.html"), "--out", _out);
        AssertOneLine(error, code, ExitCodes.Usage);
        Assert.That(error, Does.Contain("inside the output folder"));
    }

    [Test]
    public void The_output_folder_is_never_read_as_input_even_when_it_lies_inside_the_input()
    {
        var outInside = Path.Combine(_in, "out");
        var (code1, first, err1) = Run("run", _in, "--out", outInside);
        Assert.That(code1, Is.EqualTo(0), err1);
        var (code2, second, err2) = Run("run", _in, "--out", outInside);
        Assert.That(code2, Is.EqualTo(0), err2);
        Assert.That(second, Does.Contain("read 1: processed 0, unchanged 1"));
        // Another run's output folder (a store or the marker) inside the inputs is skipped too.
        var (code3, third, err3) = Run("run", _in, "--out", Path.Combine(_dir, "elsewhere"));
        Assert.That(code3, Is.EqualTo(0), err3);
        Assert.That(third, Does.Contain("read 1: processed 1"));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "elsewhere", "claims.csv")), Does.Not.Contain("audit"));
    }

    [Test]
    public void Only_files_the_pipeline_wrote_are_deleted()
    {
        FirstRun();
        Assert.That(File.Exists(Path.Combine(_out, "clean", "a.txt")), Is.True);
        File.WriteAllText(Path.Combine(_in, "b.txt"), "另一篇：公司2025年净利润为3.2亿元。");
        File.Delete(Path.Combine(_in, "a.txt"));
        var (code, _, err) = Run("run", _in, "--out", _out);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(File.Exists(Path.Combine(_out, "clean", "a.txt")), Is.False, "a clean text the pipeline wrote, for a document no longer read");
        Assert.That(File.Exists(Path.Combine(_out, "clean", "b.txt")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(_out, "clean", "my-notes.txt")), Is.EqualTo("the user's own file"));
    }

    [Test]
    public void A_malformed_lexicon_is_a_configuration_error_naming_file_and_line()
    {
        // The CLI maps the loader's error to exit 2 with one line (the loader's message is tested with the validator).
        var e = Assert.Throws<PipelineConfigurationException>(() =>
            LexiconValidator.Validate("zh-Hans/entities.yaml", "entities:\n  - name: 智谱\n    alias: [Zhipu]\n"));
        var (code, message) = Pipeline.Cli.Cli.Describe(e!);
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(message, Does.StartWith("configuration error: lexicon zh-Hans/entities.yaml line 3"));
    }

    [Test]
    public void Control_characters_in_ids_never_reach_the_terminal()
    {
        File.WriteAllBytes(Path.Combine(_in, "evil\u001b]0;owned\u0007.txt"), []);
        var (code, output, error) = Run("run", _in, "--out", _out);
        Assert.That(code, Is.EqualTo(ExitCodes.Quarantined));
        // Ordinal: a culture-aware search ignores control characters and would find them anywhere.
        Assert.That((output + error).IndexOfAny(['\u001b', '\u0007']), Is.EqualTo(-1), Pipeline.Output.ConsoleText.Escape(output + error));
        Assert.That(error, Does.Contain("quarantined evil]0;owned"), "the id has its control characters stripped");
        Assert.That(File.ReadAllText(Path.Combine(_out, "quarantine.csv")).IndexOfAny(['\u001b', '\u0007']), Is.EqualTo(-1));
    }

    [Test]
    public void Excel_option_writes_csv_with_a_byte_order_mark()
    {
        var (code, _, err) = Run("run", _in, "--out", _out, "--excel");
        Assert.That(code, Is.EqualTo(0), err);
        var bytes = File.ReadAllBytes(Path.Combine(_out, "claims.csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(File.ReadAllBytes(Path.Combine(_out, "audit.md")).Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }
}
