using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

/// <summary>
/// The CLI as users run it (<c>src/Pipeline.Cli/bin/Release</c>: its library precompiled by crossgen2 with cross-module
/// inlining and the framework's generics compiled into its image, tiered compilation off) writes the same datasets as
/// the library run in this process (JIT-compiled): the precompiled code is checked against the JIT's on real pages.
/// </summary>
public class PrecompiledCliTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-r2r-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static string ReleaseCli => Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Cli", "bin", "Release", "net10.0", "pipeline.dll");

    [Test]
    public void The_release_cli_writes_what_the_library_writes_in_process()
    {
        if (!File.Exists(ReleaseCli)) Assert.Ignore($"no Release build of the CLI at {ReleaseCli} (./test.sh builds one)");
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        foreach (var f in Directory.EnumerateFiles(TestPaths.Corpus)) File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        var news = Path.Combine(TestPaths.Shared, "news-html");
        if (Directory.Exists(news))
            foreach (var f in Directory.EnumerateFiles(news, "*.html", SearchOption.AllDirectories))
                File.Copy(f, Path.Combine(input, Path.GetFileName(Path.GetDirectoryName(f)) + "-" + Path.GetFileName(f)), overwrite: true);

        var cliOut = Path.Combine(_dir, "cli");
        using (var process = Process.Start(new ProcessStartInfo("dotnet")
               {
                   ArgumentList = { ReleaseCli, "run", input, "--out", cliOut, "--full", "--jobs", "2" },
                   RedirectStandardOutput = true,
                   RedirectStandardError = true,
                   UseShellExecute = false,
               })!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "the release CLI finished");
            Assert.That(process.ExitCode, Is.AnyOf(0, 1), stderr.Result);
        }

        var libraryOut = Path.Combine(_dir, "library");
        new BatchRunner(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create())
            .Run(new BatchOptions { Inputs = [input], OutDir = libraryOut, Full = true, Jobs = 2 });

        Assert.That(File.ReadAllLines(Path.Combine(libraryOut, "claims.csv")), Has.Length.GreaterThan(50), "the seed articles alone give about 100 claims");
        foreach (var name in new[] { "claims.csv", "facts.csv", "conflicts.csv", "mentions.jsonl", "quarantine.csv", "audit.md" })
            Assert.That(File.ReadAllBytes(Path.Combine(cliOut, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(libraryOut, name))), name);
        var clean = Directory.EnumerateFiles(Path.Combine(libraryOut, "clean")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(Directory.EnumerateFiles(Path.Combine(cliOut, "clean")).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(clean));
        Assert.That(clean, Has.Count.GreaterThanOrEqualTo(4));
        foreach (var name in clean)
            Assert.That(File.ReadAllText(Path.Combine(cliOut, "clean", name!)), Is.EqualTo(File.ReadAllText(Path.Combine(libraryOut, "clean", name!))), name);
    }
}
