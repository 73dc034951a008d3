using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using Pipeline.Output;

namespace Pipeline.Tests.Batch;

/// <summary>The clean text files of an output folder: created, rewritten only when their text changed, and kept only
/// for documents that ended up processed.</summary>
public class CleanTextFilesTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-clean-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private const string First = "【財經】澄江電子（08876）公布，截至9月底止第三季度營業額按年增長12.4%至38.6億港元。\n";
    private const string Second = "Chengjiang Electronics said third-quarter revenue rose 12.4% to HK$3.86 billion.\n";

    [Test]
    public void CreatesRewritesAndLeavesAloneAsTheTextRequires()
    {
        var files = new CleanTextFiles(_dir);
        files.Write("hk/chengjiang-q3.html", First);
        var path = Path.Combine(_dir, CleanTextFiles.NameOf("hk/chengjiang-q3.html"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(First));

        // The same text: the file is not written again.
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        new CleanTextFiles(_dir).Write("hk/chengjiang-q3.html", First);
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(stamp));

        // A shorter text replaces a longer one whole (no tail of the old text left).
        new CleanTextFiles(_dir).Write("hk/chengjiang-q3.html", Second);
        Assert.That(File.ReadAllText(path), Is.EqualTo(Second));

        // A file cut short by a killed run is repaired.
        File.WriteAllText(path, Second[..10]);
        new CleanTextFiles(_dir).Write("hk/chengjiang-q3.html", Second);
        Assert.That(File.ReadAllText(path), Is.EqualTo(Second));
    }

    [Test]
    public void KeepsOnlyTheFilesOfProcessedDocuments()
    {
        var files = new CleanTextFiles(_dir);
        files.Write("a.txt", First);
        files.Write("b.txt", Second);
        var kept = files.Keep(id => id == "a.txt");
        Assert.That(kept, Is.EqualTo(new[] { CleanTextFiles.NameOf("a.txt") }));
        Assert.That(File.Exists(Path.Combine(_dir, CleanTextFiles.NameOf("a.txt"))), Is.True);
        Assert.That(File.Exists(Path.Combine(_dir, CleanTextFiles.NameOf("b.txt"))), Is.False);
    }
}
