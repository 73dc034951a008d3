using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Output;
using Pipeline.Reconciliation;
using static Pipeline.Tests.Reconciliation.SeedCorpusFixture;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// The findings a careful reader makes across the four seed articles, as expectations on the reconciler: conflicts
/// with the right diagnosis, formatting and rounding differences reported as agreed, arithmetic that holds or fails.
/// </summary>
public class SeedCorpusFindingsTests
{
    private static readonly Lazy<ReconciliationResult> Result = new(() => new TruthDiscoveryReconciler().Reconcile(Build()));

    private static ReconciledFact Fact(string entity, string metric, string period) =>
        Result.Value.Facts.Single(f => f.Key == new FactKey(entity, metric, period));

    private static Candidate Candidate(ReconciledFact f, string text) => f.Candidates.Single(c => c.Text == text);

    [TestCase(Zhipu, "ipo.issue_price", "2026-01-08", "116.20", TestName = "116.2 and 116.20 agree")]
    [TestCase(Zhipu, "rd_expense", "2024-01-01/2024-12-31", "21.954", TestName = "21.954 亿 and 21.95 亿 agree by rounding")]
    [TestCase(MiniMax, "net_loss", "2024-01-01/2024-12-31", "465.2", TestName = "4.65 亿美元 and 465.2 百万美元 agree")]
    [TestCase(MiniMax, "price.close_change_pct", "2026-01-09", "109.09", TestName = "超过一倍 agrees with 109.09%")]
    [TestCase(Zhipu, "ipo.public_subscription", "2026-01-08", "1159.46", TestName = "超过千倍 agrees with 1159.46 倍")]
    [TestCase(MiniMax, "rd_to_revenue_pct", "2024-01-01/2024-12-31", "619.1", TestName = "约六倍 agrees with 619.1%")]
    public void Formatting_and_rounding_differences_are_agreed(string entity, string metric, string period, string chosenText)
    {
        var f = Fact(entity, metric, period);
        Assert.That(f.Status, Is.EqualTo(FactStatus.Agreed), f.Note);
        Assert.That(f.Candidates.SelectMany(c => c.Support).Select(o => o.Source).Distinct().Count(), Is.GreaterThan(1));
        Assert.That(f.Chosen.Text, Is.EqualTo(chosenText));
        Assert.That(f.Candidates.Where(c => !c.Chosen).Select(c => c.Diagnosis), Is.All.EqualTo(Diagnosis.None));
    }

    [Test]
    public void MiniMax_rd_2024_has_a_magnitude_slip_and_an_unexplained_rival()
    {
        var f = Fact(MiniMax, "rd_expense", "2024-01-01/2024-12-31");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Chosen.Text, Is.EqualTo("1.89"));
        Assert.That(Candidate(f, "1890").Diagnosis, Is.EqualTo(Diagnosis.MagnitudeSlip));
        Assert.That(Candidate(f, "1.85").Diagnosis, Is.EqualTo(Diagnosis.Unexplained));
        Assert.That(f.Chosen.Explanation, Does.Contain("ratio"), "the R&D / revenue = 619.1% check confirms 1.89 over 1.85");
    }

    [Test]
    public void MiniMax_rd_first_nine_months_2025_has_a_slip()
    {
        var f = Fact(MiniMax, "rd_expense", "2025-01-01/2025-09-30");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Chosen.Text, Is.EqualTo("1.8"));
        Assert.That(Candidate(f, "1803").Diagnosis, Is.EqualTo(Diagnosis.MagnitudeSlip));
        Assert.That(Candidate(f, "2.21").Diagnosis, Is.EqualTo(Diagnosis.Unexplained));
    }

    [Test]
    public void MiniMax_rd_2023_two_values_from_one_article_conflict()
    {
        var f = Fact(MiniMax, "rd_expense", "2023-01-01/2023-12-31");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.Unexplained));
    }

    [Test]
    public void International_subscription_with_and_without_cornerstones_is_a_basis_difference()
    {
        var f = Fact(MiniMax, "ipo.intl_subscription", "2026-01-09");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.BasisDifference));
        Assert.That(f.Candidates.Single(c => !c.Chosen).Explanation, Does.Contain("cornerstone"));
    }

    [Test]
    public void Zhipu_net_loss_2025H1_conflict_is_decided_by_the_cumulative_total()
    {
        var f = Fact(Zhipu, "net_loss", "2025-01-01/2025-06-30");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Chosen.Text, Is.EqualTo("23.58"));
        Assert.That(f.Chosen.Explanation, Does.Contain("parts-total"));
        var check = Result.Value.Checks.Single(c => c.Kind == "parts-total" && c.Facts.Contains(f.Key));
        Assert.That(check.Passed, Is.True, check.Detail);
    }

    [Test]
    public void Cumulative_rd_over_the_wrong_span_is_a_period_mismatch()
    {
        var f = Fact(Zhipu, "cumulative_rd_expense", "2022-01-01/2024-12-31");
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Chosen.Diagnosis, Is.EqualTo(Diagnosis.PeriodMismatch));
        var check = Result.Value.Checks.Single(c => c.Kind == "parts-total" && c.Facts.Contains(f.Key));
        Assert.That(check.Passed, Is.False);
        var right = Result.Value.Checks.Single(c => c.Kind == "parts-total" && c.Facts.Contains(new FactKey(Zhipu, "cumulative_rd_expense", "2022-01-01/2025-06-30")));
        Assert.That(right.Passed, Is.True, right.Detail);
    }

    [Test]
    public void Cumulative_losses_add_up()
    {
        foreach (var (entity, period) in new[] { (MiniMax, "2022-01-01/2025-09-30"), (Zhipu, "2022-01-01/2025-06-30") })
        {
            var check = Result.Value.Checks.Single(c => c.Kind == "parts-total" && c.Facts.Contains(new FactKey(entity, "cumulative_net_loss", period)));
            Assert.That(check.Passed, Is.True, check.Detail);
            Assert.That(check.Facts, Has.Count.EqualTo(5), "four yearly parts and the total");
        }
    }

    [Test]
    public void MiniMax_total_rd_of_1_2_yi_fails_and_is_traced_to_the_slipped_figures()
    {
        var check = Result.Value.Checks.Single(c => c.Kind == "parts-total" && c.Facts.Contains(new FactKey(MiniMax, "cumulative_rd_expense", "2022-01-01/2025-09-30")));
        Assert.That(check.Passed, Is.False);
        Assert.That(check.Detail, Does.Contain("own figures add up"));
    }

    [Test]
    public void Market_figures_on_different_days_are_not_conflicts()
    {
        foreach (var day in new[] { "2026-01-09", "2026-01-16" })
            Assert.That(Fact(MiniMax, "market_cap", day).Status, Is.EqualTo(FactStatus.Single));
        Assert.That(Fact(MiniMax, "price.close", "2026-01-09").Chosen.Value, Is.EqualTo(345m));
        Assert.That(Fact(MiniMax, "price.close", "2026-01-16").Chosen.Value, Is.EqualTo(438m));
    }

    [TestCase("price-change", MiniMax, "price.open", "2026-01-09")]
    [TestCase("price-change", MiniMax, "price.close", "2026-01-09")]
    [TestCase("price-change", Zhipu, "price.open", "2026-01-08")]
    [TestCase("price-change", Zhipu, "price.intraday_high", "2026-01-08")]
    [TestCase("product", MiniMax, "ipo.gross_proceeds", "2026-01-09")]
    [TestCase("ratio", MiniMax, "rd_to_revenue_pct", "2024-01-01/2024-12-31")]
    public void Arithmetic_across_facts_holds(string kind, string entity, string metric, string period)
    {
        var check = Result.Value.Checks.Single(c => c.Kind == kind && c.Facts.Contains(new FactKey(entity, metric, period)));
        Assert.That(check.Passed, Is.True, check.Detail);
    }

    [Test]
    public void Every_stated_currency_pair_gives_an_exchange_rate_check()
    {
        var rates = Result.Value.Checks.Where(c => c.Kind == "exchange-rate").ToList();
        Assert.That(rates, Has.Count.EqualTo(6));
        Assert.That(rates.Where(c => !c.Passed).Select(c => c.Detail), Is.Empty);
    }

    [Test]
    public void Conflicts_found_are_exactly_the_expected_ones()
    {
        var conflicts = Result.Value.Facts.Where(f => f.Status == FactStatus.Conflict).Select(f => $"{f.Key.Entity} {f.Key.Metric} {f.PeriodLabel}: {f.Note}").ToList();
        TestContext.Out.WriteLine(string.Join("\n", conflicts));
        Assert.That(conflicts, Is.EquivalentTo(new[]
        {
            "MiniMax ipo.intl_subscription 2026-01-09: basis-difference",
            "MiniMax rd_expense 2023: unexplained",
            "MiniMax rd_expense 2024: magnitude-slip, unexplained",
            "MiniMax rd_expense 2025-01..09: magnitude-slip, unexplained",
            "智谱 cumulative_rd_expense 2022..2024: period-mismatch",
            "智谱 net_loss 2025H1: unexplained",
        }));
    }

    [Test]
    public void Audit_report_is_written()
    {
        var md = new StringWriter();
        AuditReport.WriteMarkdown(Result.Value, md);
        var html = new StringWriter();
        AuditReport.WriteHtml(Result.Value, html);
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-reconcile-audit");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "audit.md"), md.ToString());
        File.WriteAllText(Path.Combine(dir, "audit.html"), html.ToString());
        TestContext.Out.WriteLine($"audit written to {dir}");
        Assert.That(html.ToString(), Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<link"));
        foreach (var f in Result.Value.Facts.Where(f => f.Status == FactStatus.Conflict))
            Assert.That(html.ToString(), Does.Contain(System.Net.WebUtility.HtmlEncode(f.Key.Metric)));
    }

    [Test]
    public void Result_does_not_depend_on_input_order()
    {
        var observations = Build();
        var a = new TruthDiscoveryReconciler().Reconcile(observations);
        var shuffled = observations.OrderBy(o => o.ClaimId.GetHashCode() ^ 0x5bd1e995).Reverse().ToList();
        var b = new TruthDiscoveryReconciler().Reconcile(shuffled);
        var sa = new StringWriter();
        var sb = new StringWriter();
        AuditReport.WriteMarkdown(a, sa);
        AuditReport.WriteMarkdown(b, sb);
        Assert.That(sb.ToString(), Is.EqualTo(sa.ToString()));
    }
}
