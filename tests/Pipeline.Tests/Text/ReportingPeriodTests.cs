using System.Linq;
using NUnit.Framework;
using Pipeline.Recognition;

namespace Pipeline.Tests.Text;

public class ReportingPeriodTests
{
    [Test]
    public void Labels_and_iso_forms()
    {
        Assert.That(ReportingPeriod.Day(2026, 1, 16).ToIsoString(), Is.EqualTo("2026-01-16"));
        Assert.That(ReportingPeriod.Half(2025, 1).ToIsoString(), Is.EqualTo("2025-01-01/2025-06-30"));
        Assert.That(ReportingPeriod.Half(2025, 1).Label, Is.EqualTo("2025H1"));
        Assert.That(ReportingPeriod.Quarter(2025, 3).Label, Is.EqualTo("2025Q3"));
        Assert.That(ReportingPeriod.Months(2025, 1, 9).Label, Is.EqualTo("2025-01..09"));
        Assert.That(ReportingPeriod.Months(2025, 1, 9).ToIsoString(), Is.EqualTo("2025-01-01/2025-09-30"));
        Assert.That(ReportingPeriod.Year(2024).Label, Is.EqualTo("2024"));
        Assert.That(ReportingPeriod.Years(2022, 2024).Label, Is.EqualTo("2022..2024"));
        Assert.That(ReportingPeriod.Month(2024, 2).ToIsoString(), Is.EqualTo("2024-02-01/2024-02-29"));
    }

    [Test]
    public void Month_spans_that_are_named_periods_get_their_names()
    {
        Assert.That(ReportingPeriod.Months(2025, 1, 6), Is.EqualTo(ReportingPeriod.Half(2025, 1)));
        Assert.That(ReportingPeriod.Months(2025, 7, 9), Is.EqualTo(ReportingPeriod.Quarter(2025, 3)));
        Assert.That(ReportingPeriod.Months(2025, 1, 12), Is.EqualTo(ReportingPeriod.Year(2025)));
    }

    [TestCase("2026-01-16")]
    [TestCase("2025-01-01/2025-06-30")]
    [TestCase("2022-01-01/2024-12-31")]
    [TestCase("2025-01-01/2025-09-30")]
    [TestCase("2025-03-05/2025-04-02")]
    public void Iso_text_round_trips(string iso)
    {
        Assert.That(ReportingPeriod.TryParseIso(iso, out var p), Is.True);
        Assert.That(p.ToIsoString(), Is.EqualTo(iso));
    }

    [TestCase("2025-13-01")]
    [TestCase("2025-06-30/2025-01-01")]
    [TestCase("last year")]
    [TestCase("")]
    public void Bad_iso_text_is_rejected(string iso) => Assert.That(ReportingPeriod.TryParseIso(iso, out _), Is.False);

    [Test]
    public void Containment()
    {
        Assert.That(ReportingPeriod.Years(2022, 2024).Contains(ReportingPeriod.Year(2023)), Is.True);
        Assert.That(ReportingPeriod.Half(2025, 1).Contains(ReportingPeriod.Quarter(2025, 3)), Is.False);
    }
}
