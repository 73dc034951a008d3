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
}
