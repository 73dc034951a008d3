using System;
using System.IO;
using NUnit.Framework;

namespace Pipeline.Tests.Support;

/// <summary>Where the repository and the shared test data are. Tests that need ../shared skip with a clear
/// message when it is absent.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Pipeline.sln above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string Corpus => Path.Combine(RepoRoot, "corpus");

    public static string Snapshots => Path.Combine(RepoRoot, "snapshots");

    /// <summary>The shared data folder beside the repository (override with PIPELINE_SHARED).</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("PIPELINE_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Path to a folder or file under ../shared, or skips the test (Assert.Ignore) when it is not there.</summary>
    public static string RequireShared(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!Directory.Exists(path) && !File.Exists(path))
            Assert.Ignore($"shared test data not found at {path}: this test needs ../shared/{relative} beside the repository");
        return path;
    }
}
