using NUnit.Framework;
using Pipeline.Documents;

namespace Pipeline.Tests.CrossLanguage;

public class ScratchDump
{
    [TestCase("zh.txt")]
    [TestCase("en.txt")]
    public void Dump(string name)
    {
        var text = File.ReadAllText("/tmp/xl/" + name);
        var raw = new RawDocument(name, name, System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new NodaTime.LocalDate(2026, 3, 18) });
        var r = ExtractionPipelineBuilder.CreateDefault().Build().Process(raw);
        foreach (var m in r.Mentions) TestContext.Out.WriteLine($"M {m.Kind} [{m.Text}] {m.Value} q={m.Qualifier}");
        foreach (var c in r.Claims) TestContext.Out.WriteLine($"C {Pipeline.Tests.Facts.ClaimBinderTests.Row(c)}");
        foreach (var u in r.Unbound) TestContext.Out.WriteLine($"U {u.Text}");
        foreach (var s in r.Segments) TestContext.Out.WriteLine($"S {s.Span}");
    }
}
