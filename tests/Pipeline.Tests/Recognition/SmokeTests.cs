using NodaTime;
using NUnit.Framework;
using Pipeline.Recognition;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition;

public class RecognitionDumpTests
{
    [Explicit, Test]
    public void Dump()
    {
        var model = RecognitionExtensions.CreateChineseModel();
        foreach (var f in Directory.GetFiles(TestPaths.Corpus, "*.txt").Order())
        {
            var text = File.ReadAllText(f);
            TestContext.Out.WriteLine("=== " + Path.GetFileName(f));
            foreach (var m in model.Recognize(text, RecognitionContext.Chinese(new LocalDate(2026, 1, 18))))
                TestContext.Out.WriteLine(MentionFormat.Line(m));
        }
    }
}
