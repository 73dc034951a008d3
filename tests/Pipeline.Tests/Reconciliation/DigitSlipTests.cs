using NUnit.Framework;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>Typing slips between two figures as written: two neighbouring digits swapped, one dropped or doubled; not a
/// rounding (a trailing digit dropped), not a 10^k slip, not any other difference.</summary>
public class DigitSlipTests
{
    private static Observation Figure(string value) => new()
    {
        Key = new FactKey("比亚迪", "revenue", "2025-07-01/2025-09-30", "", ""),
        Source = "财联社",
        Value = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    [TestCase("1890", "1980", "two swapped")]
    [TestCase("18.28", "18.82", "two swapped")]
    [TestCase("1837", "187", "one dropped")]
    [TestCase("18.228", "18.28", "one doubled")]
    [TestCase("0.3419", "0.349", "one dropped")]
    public void A_slip_is_explained(string written, string chosen, string how)
    {
        var why = DigitSlip.Explain(Figure(written), Figure(chosen));
        Assert.That(why, Does.Contain(how));
    }

    [TestCase("1837", "183", Description = "a trailing digit dropped is rounding")]
    [TestCase("1890", "198", Description = "swapped and shorter")]
    [TestCase("1890", "19800", Description = "another magnitude")]
    [TestCase("2358", "8352", Description = "two digits swapped that are not neighbours")]
    [TestCase("1234", "4321", Description = "more than two digits differ")]
    [TestCase("12", "21", Description = "too few digits to tell")]
    [TestCase("-1890", "1980", Description = "opposite signs")]
    public void Anything_else_is_not(string written, string chosen)
    {
        Assert.That(DigitSlip.Explain(Figure(written), Figure(chosen)), Is.Null);
    }
}
