using System;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace Pipeline.Tests.Support;

/// <summary>
/// Verify-style snapshots: <c>snapshots/&lt;Class&gt;/&lt;Case&gt;.verified.&lt;ext&gt;</c> holds the reviewed output. On a
/// mismatch the new output is written beside it as <c>.received.&lt;ext&gt;</c> and the test fails with a readable
/// diff. A snapshot is accepted only deliberately: set PIPELINE_ACCEPT_SNAPSHOTS=1 (ignored when CI is set).
/// </summary>
public static class Snapshot
{
    public static void Verify(string className, string caseName, string actual, string extension = "txt")
    {
        var dir = Path.Combine(TestPaths.Snapshots, className);
        var verified = Path.Combine(dir, $"{caseName}.verified.{extension}");
        var received = Path.Combine(dir, $"{caseName}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(dir);
        var accept = Environment.GetEnvironmentVariable("PIPELINE_ACCEPT_SNAPSHOTS") == "1"
                     && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            TestContext.Out.WriteLine($"snapshot accepted: {verified}");
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No verified snapshot {Rel(verified)}. Review {Rel(received)} and accept it with PIPELINE_ACCEPT_SNAPSHOTS=1."
            : $"Snapshot {Rel(verified)} differs (new output in {Rel(received)}):\n{Diff(expected, actual)}";
        Assert.Fail(message);
    }

    private static string Rel(string path) => Path.GetRelativePath(TestPaths.RepoRoot, path);

    /// <summary>A line diff of the differing region, with a little context: enough to review in a test log.</summary>
    internal static string Diff(string expected, string actual, int maxLines = 40)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var sb = new StringBuilder();
        var from = Math.Max(0, prefix - 2);
        sb.AppendLine($"@@ line {prefix + 1} @@");
        for (var i = from; i < prefix; i++) sb.AppendLine("  " + a[i]);
        var shown = 0;
        for (var i = prefix; i < a.Length - suffix && shown < maxLines; i++, shown++) sb.AppendLine("- " + a[i]);
        for (var i = prefix; i < b.Length - suffix && shown < 2 * maxLines; i++, shown++) sb.AppendLine("+ " + b[i]);
        if (shown >= maxLines) sb.AppendLine("  … (diff truncated)");
        return sb.ToString();
    }
}
