using NUnit.Framework;
using Pipeline.Facts;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Facts;

public class MetricLexiconTests
{
    [Test]
    public void The_lexicon_loads_with_the_metrics_the_issue_asks_for()
    {
        var lexicon = MetricLexicon.Chinese;
        string[] required =
        [
            "ipo.issue_price", "ipo.shares_offered", "ipo.gross_proceeds", "ipo.net_proceeds", "ipo.public_subscription",
            "ipo.intl_subscription", "ipo.cornerstone_amount", "ipo.cornerstone_investors", "price.open", "price.close",
            "price.intraday_high", "price.intraday_low", "price.open_change_pct", "price.close_change_pct",
            "price.intraday_change_pct", "market_cap", "revenue", "revenue_growth_pct", "net_profit", "net_loss",
            "adjusted_net_loss", "net_loss_growth_pct", "gross_margin_pct", "rd_expense", "rd_to_revenue_pct", "rd_staff_pct",
            "users", "paying_users", "funding_amount", "valuation", "cash", "cumulative_net_loss",
        ];
        Assert.That(required.Where(id => lexicon.Find(id) is null), Is.Empty);
        Assert.That(lexicon.Ratio("rd_expense", "revenue")?.Id, Is.EqualTo("rd_to_revenue_pct"));
    }

    [Test]
    public void Every_metric_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "metrics.md"));
        Assert.That(MetricLexicon.Chinese.Metrics.Select(m => m.Id).Where(id => !doc.Contains($"| `{id}` |")), Is.Empty);
    }

    [Test]
    public void A_bad_lexicon_fails_at_load_naming_the_problem()
    {
        var e = Assert.Throws<InvalidDataException>(() => MetricLexicon.Parse("metrics:\n  - id: x\n    units: [money]\n    change: y\n"));
        Assert.That(e!.Message, Does.Contain("y"));
        Assert.Throws<InvalidDataException>(() => MetricLexicon.Parse("metrics:\n  - id: x\n    units: [furlongs]\n"));
    }

    [Test]
    public void Longest_cue_wins()
    {
        var found = MetricLexicon.Chinese.Matcher.FindAll("研发开支占收入的百分比，净亏损，累计亏损");
        Assert.That(found.Where(f => f.Value.Kind == CueKind.Metric).Select(f => f.Value.Metric!.Id),
            Is.EqualTo(new[] { "rd_to_revenue_pct", "net_loss", "cumulative_net_loss" }));
    }
}
