using System;
using System.IO;
using NUnit.Framework;

namespace Pipeline.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Pipeline.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Help_lists_every_command()
    {
        var (code, output, _) = Run("--help");
        Assert.That(code, Is.EqualTo(0));
        foreach (var command in Pipeline.Cli.Cli.CreateRoot().Subcommands)
            Assert.That(output, Does.Contain(command.Name));
    }

    [TestCase("--no-such-option")]
    [TestCase("run", "--jobs", "0")]
    [TestCase("run", "--jobs", "many")]
    [TestCase("run", "--manifest", "/no/such/manifest.csv")]
    public void Usage_errors_exit_with_2_and_a_one_line_reason(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("pipeline: "));
    }

    [Test]
    public void Run_exits_1_when_a_document_was_quarantined_and_prints_the_reason()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "empty.txt"), []);
            var (code, output, error) = Run("run", Path.Combine(dir, "empty.txt"), "--out", Path.Combine(dir, "out"));
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("quarantined 1"));
            Assert.That(error, Does.Contain("quarantined empty: decode.empty"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    /// <summary>The claims.csv a run writes is a full input of <c>pipeline reconcile</c>: its stated equivalents carry the
    /// other amount and currency, so the exchange rates the run converted and checked with come back, and reconciling the
    /// file gives the run's facts and conflicts, byte for byte.</summary>
    [Test]
    public void Reconciling_a_runs_claims_csv_gives_the_runs_facts_and_conflicts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = Path.Combine(dir, "run");
            var again = Path.Combine(dir, "again");
            Assert.That(Run("run", Pipeline.Tests.Support.TestPaths.Corpus, "--out", run).Code, Is.EqualTo(0));
            var claims = File.ReadAllText(Path.Combine(run, "claims.csv"));
            Assert.That(claims, Does.Contain(",equivalent_of,equivalent_value,equivalent_unit,"));
            Assert.That(Run("reconcile", Path.Combine(run, "claims.csv"), "--out", again).Code, Is.EqualTo(0));
            foreach (var file in new[] { "facts.csv", "conflicts.csv" })
                Assert.That(File.ReadAllText(Path.Combine(again, file)), Is.EqualTo(File.ReadAllText(Path.Combine(run, file))), file);
            Assert.That(File.ReadAllText(Path.Combine(run, "facts.csv")), Does.Contain("pass:"), "the run's facts carry arithmetic checks");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
