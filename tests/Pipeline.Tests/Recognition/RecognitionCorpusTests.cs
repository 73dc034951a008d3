using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NodaTime;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition;

/// <summary>Every mention found in each seed article (raw text: 001 and 003 are Traditional and are read as they
/// are), checked against a reviewed snapshot. Reference date: the manifest's publication date, else 2026-01-18.</summary>
public class RecognitionCorpusTests
{
    public static IEnumerable<string> Articles() =>
        Directory.Exists(TestPaths.Corpus) ? Directory.GetFiles(TestPaths.Corpus, "*.txt").Select(Path.GetFileNameWithoutExtension).Order()! : [];

    [TestCaseSource(nameof(Articles))]
    public void Mentions(string article)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, article + ".txt"));
        var published = File.ReadAllLines(Path.Combine(TestPaths.Corpus, "manifest.csv"))
            .Select(l => l.Split(',')).Where(c => c.Length >= 4 && c[0] == article + ".txt" && c[3].Length == 10)
            .Select(c => NodaTime.Text.LocalDatePattern.Iso.Parse(c[3]).Value).FirstOrDefault(new LocalDate(2026, 1, 18));
        var mentions = RecognitionExtensions.CreateChineseModel().Recognize(text, RecognitionContext.Chinese(published));
        var lines = mentions.Where(m => m.Kind != MentionKind.Number || m.Text.Any(char.IsAsciiDigit)).Select(MentionFormat.Line);
        Snapshot.Verify("RecognitionCorpus", article, $"as of {published}\n" + string.Join("\n", lines) + "\n");
    }
}
