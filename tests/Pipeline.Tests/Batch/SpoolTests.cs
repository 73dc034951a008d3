using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Output;

namespace Pipeline.Tests.Batch;

/// <summary>What a reconciliation keeps on disk until its outputs are written: the audit's sections (<see cref="TextSpool"/>)
/// and the fact and conflict rows (<see cref="RowSpool{T}"/>). Both give back exactly what was written, as often as asked,
/// and leave no file behind.</summary>
public class SpoolTests
{
    private const string Heading = "### 3. 澄江電子 · revenue · 2025Q3\n\n";
    private const string Row = "| ✔ | 3,860,000,000 HKD | 38.6億港元 | 0.91 | chosen | 經濟通, 信報 | chosen (see above) |\n";

    [Test]
    public void Text_written_past_the_memory_limit_moves_to_a_file_and_comes_back_whole()
    {
        using var spool = new TextSpool(memoryChars: 1000);
        var expected = new System.Text.StringBuilder();
        spool.Write(Heading);
        expected.Append(Heading);
        Assert.That(spool.Spilled, Is.False, "a short section stays in memory");
        for (var i = 0; i < 200; i++)
        {
            spool.WriteLine($"> 第{i}號：澄江電子第三季度營業額按年增長12.4%至38.6億港元 — *Outlet{i % 7:00}*");
            expected.Append($"> 第{i}號：澄江電子第三季度營業額按年增長12.4%至38.6億港元 — *Outlet{i % 7:00}*\n");
            spool.Write('|');
            expected.Append('|');
        }
        Assert.That(spool.Spilled, Is.True);
        Assert.That(spool.MemoryChars, Is.Zero, "once moved, nothing stays in memory");
        Assert.That(File.Exists(spool.FilePath!), Is.True);

        var first = new StringWriter { NewLine = "\n" };
        spool.CopyTo(first);
        Assert.That(first.ToString(), Is.EqualTo(expected.ToString()));

        // Written to again after a copy, and copied again with another target's line ends.
        spool.Write(Row);
        expected.Append(Row);
        var crlf = new StringWriter { NewLine = "\r\n" };
        spool.CopyTo(crlf);
        Assert.That(crlf.ToString(), Is.EqualTo(expected.ToString().Replace("\n", "\r\n")));

        var path = spool.FilePath!;
        spool.Dispose();
        Assert.That(File.Exists(path), Is.False, "the file goes with the spool");
    }

    [Test]
    public void Text_under_the_limit_is_copied_from_memory_with_the_targets_line_ends()
    {
        using var spool = new TextSpool();
        spool.Write(Heading);
        spool.Write(Row);
        var crlf = new StringWriter { NewLine = "\r\n" };
        spool.CopyTo(crlf);
        Assert.That(spool.Spilled, Is.False);
        Assert.That(crlf.ToString(), Is.EqualTo((Heading + Row).Replace("\n", "\r\n")));
    }

    [Test]
    public void Rows_come_back_in_order_with_every_column_as_often_as_asked()
    {
        var facts = Enumerable.Range(0, 500).Select(i => new FactRow("澄江電子", "revenue", "", "reported", "2025-07..09", "2025年第三季度",
            (3_860_000_000m + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "HKD", "=", i % 3 == 0 ? "conflict" : "agreed",
            "經濟通;信報", string.Join(";", Enumerable.Range(0, i % 50).Select(d => $"doc-{d}")), "0.9100", i % 2 == 0 ? "stated 2 times" : "")
        {
            Checks = i % 5 == 0 ? "pass:K1;fail:K7" : "",
        }).ToList();
        string path;
        using (var spool = new RowSpool<FactRow>(SpooledRowsJson.Default.FactRow))
        {
            spool.AddRange(facts);
            path = spool.FilePath;
            Assert.That(spool.Count, Is.EqualTo(500));
            Assert.That(spool.ToList(), Is.EqualTo(facts), "records compare every column, the init-only checks included");
            Assert.That(spool.ToList(), Is.EqualTo(facts), "read again");
        }
        Assert.That(File.Exists(path), Is.False, "the file goes with the spool");

        var conflict = new ConflictRow("澄江電子", "revenue", "", "reported", "2025-07..09", "3860000000", "HKD", "~", "a;b", "magnitude-slip", false)
        {
            PeriodLabel = "2025年第三季度", ClaimIds = "a#3;b#9", AsWritten = "38.6億港元 / 386億港元", Sources = "經濟通;信報",
            Confidence = "0.4200", Explanation = "× 10^1 it equals the chosen value: a magnitude slip (one digit place).",
        };
        using var conflicts = new RowSpool<ConflictRow>(SpooledRowsJson.Default.ConflictRow);
        conflicts.Add(conflict);
        Assert.That(conflicts.Single(), Is.EqualTo(conflict));
    }
}
