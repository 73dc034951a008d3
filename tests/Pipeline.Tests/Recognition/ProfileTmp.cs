using System.Diagnostics;
using NUnit.Framework;
using Pipeline.Recognition;
using Pipeline.Recognition.Dates;
using Pipeline.Recognition.Quantities;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition;

public class ProfileTmp
{
    [Test]
    public void Profile()
    {
        var seed = string.Join("\n", Directory.GetFiles(TestPaths.Corpus, "*.txt").Order().Select(File.ReadAllText));
        var big = string.Join("\n", Enumerable.Repeat(seed, 17));
        var lines = big.Split('\n');
        var ctx = RecognitionContext.Chinese(new NodaTime.LocalDate(2026, 1, 18));
        foreach (var r in new IRecognizer[] { new QuantityRecognizer(), new DateRecognizer() })
        {
            var list = new List<Mention>();
            for (var round = 0; round < 3; round++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var l in lines) { list.Clear(); r.Recognize(l, ctx, list); }
                TestContext.Out.WriteLine($"{r.Name}: {big.Length / sw.Elapsed.TotalSeconds:N0} chars/s");
            }
        }
        var model = RecognitionExtensions.CreateChineseModel();
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var l in lines) model.Recognize(l, ctx);
            TestContext.Out.WriteLine($"model: {big.Length / sw.Elapsed.TotalSeconds:N0} chars/s");
        }
    }
}
