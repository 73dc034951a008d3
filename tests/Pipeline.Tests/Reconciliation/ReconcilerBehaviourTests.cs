using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Output;
using Pipeline.Recognition;
using Pipeline.Reconciliation;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Reconciliation.ObservationFactory;

namespace Pipeline.Tests.Reconciliation;

/// <summary>Normalisation, agreement and diagnoses on small hand-made cases; the CSV reader; the audit snapshot.</summary>
public class ReconcilerBehaviourTests
{
    private static ReconciledFact Only(params Observation[] observations) =>
        new TruthDiscoveryReconciler().Reconcile(observations).Facts.Single();

    [TestCase("116.2", "116.20", Diagnosis.None)]
    [TestCase("21.954", "21.95", Diagnosis.None)]
    [TestCase("21.96", "21.954", Diagnosis.Rounding)]
    [TestCase("1.89", "1890", Diagnosis.MagnitudeSlip)]
    [TestCase("1.89", "2.5", Diagnosis.Unexplained)]
    public void Diagnoses_two_writings(string chosen, string other, Diagnosis expected)
    {
        // The first value is stated by two sources so it wins the vote.
        var scale = other.Contains('.') || chosen.Contains('.') ? Yi : 1m;
        var otherScale = other == "1890" ? Wan : scale;
        var f = Only(
            Amount("a", "E", "m", "2024", chosen, scale, "CNY"),
            Amount("b", "E", "m", "2024", chosen, scale, "CNY"),
            Amount("c", "E", "m", "2024", other, otherScale, "CNY"));
        var rival = f.Candidates.FirstOrDefault(c => !c.Chosen);
        Assert.That(rival?.Diagnosis ?? Diagnosis.None, Is.EqualTo(expected), rival?.Explanation);
        // Values agree only where their written-precision intervals overlap: a rounding-size gap is still a conflict.
        Assert.That(f.Status, Is.EqualTo(expected is Diagnosis.None ? FactStatus.Agreed : FactStatus.Conflict));
    }

    [Test]
    public void Same_digits_in_another_currency_without_a_stated_rate_is_a_currency_mismatch()
    {
        var f = Only(
            Amount("a", "E", "ipo.cornerstone_amount", "2026-01-09", "27.23", Yi, "HKD"),
            Amount("b", "E", "ipo.cornerstone_amount", "2026-01-09", "27.23", Yi, "HKD"),
            Amount("c", "E", "ipo.cornerstone_amount", "2026-01-09", "27.23", Yi, "USD"));
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.CurrencyMismatch));
    }

    [Test]
    public void Amounts_in_two_currencies_agree_through_the_rate_the_articles_state()
    {
        var result = new TruthDiscoveryReconciler().Reconcile(
        [
            Amount("a", "E", "net_loss", "2024", "4.65", Yi, "USD", Qualifier.Approximate, equivalent: 32.7m * Yi, equivalentUnit: "CNY"),
            Amount("b", "E", "net_loss", "2024", "32.7", Yi, "CNY", Qualifier.Approximate),
            Amount("c", "E", "net_loss", "2024", "4.65", Yi, "USD", Qualifier.Approximate),
        ]);
        var f = result.Facts.Single();
        Assert.That(f.Status, Is.EqualTo(FactStatus.Agreed), f.Note);
        Assert.That(f.Candidates.Single(c => c.Unit.Code == "CNY").Explanation, Does.Contain("stated rate"));
        Assert.That(result.Checks.Single(c => c.Kind == "exchange-rate").Passed, Is.True);
    }

    [Test]
    public void Without_a_stated_rate_currencies_are_never_converted()
    {
        var f = Only(
            Amount("a", "E", "net_loss", "2024", "4.65", Yi, "USD"),
            Amount("b", "E", "net_loss", "2024", "4.65", Yi, "USD"),
            Amount("c", "E", "net_loss", "2024", "32.7", Yi, "CNY"));
        var rival = f.Candidates.Single(c => !c.Chosen);
        Assert.That(rival.Diagnosis, Is.EqualTo(Diagnosis.Unexplained));
        Assert.That(rival.Explanation, Does.Contain("no conversion"));
    }

    [Test]
    public void An_intraday_price_given_as_the_close_is_a_timestamp_difference()
    {
        var result = new TruthDiscoveryReconciler().Reconcile(
        [
            Amount("a", "E", "price.close", "2026-01-08", "131.5", 1, "HKD"),
            Amount("b", "E", "price.close", "2026-01-08", "131.5", 1, "HKD"),
            Amount("c", "E", "price.close", "2026-01-08", "134.8", 1, "HKD"),
            Amount("d", "E", "price.intraday_high", "2026-01-08", "134.8", 1, "HKD"),
        ]);
        var f = result.Facts.Single(x => x.Key.Metric == "price.close");
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.Timestamp));
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
    }

    [Test]
    public void Net_proceeds_given_as_gross_is_a_basis_difference()
    {
        var result = new TruthDiscoveryReconciler().Reconcile(
        [
            Amount("a", "E", "ipo.gross_proceeds", "", "98.90", Yi, "HKD"),
            Amount("b", "E", "ipo.gross_proceeds", "", "98.90", Yi, "HKD"),
            Amount("c", "E", "ipo.gross_proceeds", "", "97.5", Yi, "HKD"),
            Amount("d", "E", "ipo.net_proceeds", "", "97.5", Yi, "HKD"),
        ]);
        var f = result.Facts.Single(x => x.Key.Metric == "ipo.gross_proceeds");
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.BasisDifference));
    }

    [Test]
    public void A_value_stated_for_another_period_is_a_period_mismatch()
    {
        var result = new TruthDiscoveryReconciler().Reconcile(
        [
            Amount("a", "E", "market_cap", "2026-01-09", "1067", Yi, "HKD"),
            Amount("b", "E", "market_cap", "2026-01-09", "1067", Yi, "HKD"),
            Amount("c", "E", "market_cap", "2026-01-09", "1373", Yi, "HKD"),
            Amount("a", "E", "market_cap", "2026-01-16", "1373", Yi, "HKD"),
        ]);
        var f = result.Facts.Single(x => x.Key.Period == "2026-01-09");
        var rival = f.Candidates.Single(c => !c.Chosen);
        Assert.That(rival.Diagnosis, Is.EqualTo(Diagnosis.PeriodMismatch));
        Assert.That(rival.Explanation, Does.Contain("2026-01-16"));
    }

    [Test]
    public void Reliable_sources_outvote_a_majority_of_unreliable_ones()
    {
        // Sources r1..r3 agree with each other on ten keys; u1, u2 always say something else, and on the last key
        // they are two against one.
        var list = new List<Observation>();
        for (var k = 0; k < 10; k++)
        {
            foreach (var s in new[] { "r1", "r2", "r3" }) list.Add(Obs(s, "E", "m" + k, "2024", 100 + k, "count", precision: 1));
            list.Add(Obs("u1", "E", "m" + k, "2024", 500 + k, "count", precision: 1));
            list.Add(Obs("u2", "E", "m" + k, "2024", 700 + k, "count", precision: 1));
        }
        list.Add(Obs("r1", "E", "last", "2024", 42, "count", precision: 1));
        list.Add(Obs("u1", "E", "last", "2024", 77, "count", precision: 1));
        list.Add(Obs("u2", "E", "last", "2024", 77, "count", precision: 1));
        var result = new TruthDiscoveryReconciler().Reconcile(list);
        Assert.That(result.Facts.Single(f => f.Key.Metric == "last").Chosen.Value, Is.EqualTo(42m));
        Assert.That(result.SourceReliability["r1"], Is.GreaterThan(result.SourceReliability["u1"]));
        Assert.That(new MajorityReconciler().Reconcile(list).Facts.Single(f => f.Key.Metric == "last").Chosen.Value, Is.EqualTo(77m), "plain voting gets it wrong");
    }

    [Test]
    public void Empty_input_gives_an_empty_result() =>
        Assert.That(new TruthDiscoveryReconciler().Reconcile([]).Facts, Is.Empty);

    [Test]
    public void Csv_reader_reads_required_and_optional_columns()
    {
        const string csv = """
            source,entity,metric,period,value,unit,qualifier,document,quote
            s1,智谱,ipo.issue_price,2026-01-08,116.20,HKD,,d1,"发行价为每股116.20港元"
            s2,智谱,ipo.issue_price,2026-01-08,116.2,HKD,=,d2,
            s3,智谱,ipo.public_subscription,2026-01-08,1000,x,>,d3,"超过千倍"
            s4,MiniMax,ceo,2026-01-09,闫俊杰,,,,
            s5,MiniMax,users,2025-09-30,"212,000,000",count,>,,
            ,,,,,,,,
            s6,MiniMax,users,2025-09-30,1,count,??,,
            """;
        var list = ObservationCsvReader.Read(new StringReader(csv), out var diagnostics);
        Assert.That(list, Has.Count.EqualTo(6));
        Assert.That(list[0].Value, Is.EqualTo(116.20m));
        Assert.That(list[0].Value!.Value.Scale, Is.EqualTo(2), "written precision is kept");
        Assert.That(list[0].PeriodLabel, Is.EqualTo("2026-01-08"));
        Assert.That(list[2].Qualifier, Is.EqualTo(Qualifier.GreaterThan));
        Assert.That(list[3].Value, Is.Null);
        Assert.That(list[3].Text, Is.EqualTo("闫俊杰"));
        Assert.That(list[4].Value, Is.EqualTo(212_000_000m));
        Assert.That(diagnostics.Select(d => d.Code), Has.Some.Contains("bad-qualifier"));
        var result = new TruthDiscoveryReconciler().Reconcile(list);
        Assert.That(result.Facts.Single(f => f.Key.Metric == "ipo.issue_price").Status, Is.EqualTo(FactStatus.Agreed));
    }

    [Test]
    public void Csv_reader_reports_missing_columns()
    {
        var list = ObservationCsvReader.Read(new StringReader("source,entity,value\na,b,1\n"), out var diagnostics);
        Assert.That(list, Is.Empty);
        Assert.That(diagnostics.Single().Message, Does.Contain("metric"));
    }

    [Test]
    public void A_conflict_of_many_values_lists_the_strongest_and_counts_the_rest()
    {
        // Fifty wire rewrites each misprint the quarter's revenue differently; six outlets agree on the figure.
        var list = Enumerable.Range(0, 6).Select(i => Amount($"outlet{i}", "澄江電子", "revenue", "2025-07..09", "38.6", Yi, "HKD",
                quote: "澄江電子第三季度營業額按年增長12.4%至38.6億港元"))
            .Concat(Enumerable.Range(0, 50).Select(i => Amount($"wire{i}", "澄江電子", "revenue", "2025-07..09", $"{40 + i}.{i % 10}", Yi, "HKD",
                quote: $"澄江電子第三季度營業額{40 + i}.{i % 10}億港元")))
            .ToList();
        var result = new TruthDiscoveryReconciler().Reconcile(list);
        var fact = result.Facts.Single();
        Assert.That(fact.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(fact.Candidates, Has.Count.EqualTo(51));
        var options = new AuditReportOptions { MaxCandidates = 10 };

        var md = new StringWriter();
        AuditReport.WriteMarkdown(result, md, options);
        var rows = md.ToString().Split('\n').Where(l => l.StartsWith("| ✔ |") || l.StartsWith("|  |")).ToList();
        Assert.That(rows, Has.Count.EqualTo(10), "the chosen value and the nine strongest rivals");
        Assert.That(rows[0], Does.Contain("3,860,000,000"));
        Assert.That(md.ToString(), Does.Contain("… 41 more competing values (41 claims) not listed; conflicts.csv has every one."));
        Assert.That(md.ToString().Split('\n').Count(l => l.StartsWith("> ")), Is.EqualTo(10), "quotes only for the values listed");

        var html = new StringWriter();
        AuditReport.WriteHtml(result, html, options);
        Assert.That(html.ToString(), Does.Contain("… 41 more competing values (41 claims) not listed; conflicts.csv has every one."));
        Assert.That(ConflictRow.From(fact).Count(), Is.EqualTo(51), "the dataset keeps every value");
    }

    [Test]
    public void Audit_markdown_snapshot()
    {
        var result = new TruthDiscoveryReconciler().Reconcile(SeedCorpusFixture.Build());
        var md = new StringWriter();
        AuditReport.WriteMarkdown(result, md);
        Snapshot.Verify("ReconciliationAudit", "SeedCorpus", md.ToString(), "md");
    }
}

public class ReconcilerRobustnessTests
{
    [Test]
    public void Extreme_values_never_throw()
    {
        Observation O(string source, decimal? value, string unit = "count", string? text = null, Qualifier q = Qualifier.Exact) => new()
        {
            Key = new FactKey("E", "m", "not a period"), Source = source, Value = value, Text = text, Unit = Unit.Parse(unit), Qualifier = q,
        };
        var list = new List<Observation>
        {
            O("a", decimal.MaxValue), O("b", decimal.MinValue), O("c", 0.0000000000000000000000000001m), O("d", 0m),
            O("e", 79228162514264337593543950.335m, q: Qualifier.Approximate), O("f", null, text: "n/a"), O("g", -5m, "%", q: Qualifier.LessThan),
            O("h", 1e20m, "USD") with { EquivalentValue = 1e-20m, EquivalentUnit = Unit.Parse("CNY") },
        };
        ReconciliationResult? result = null;
        Assert.DoesNotThrow(() => result = new TruthDiscoveryReconciler().Reconcile(list));
        Assert.That(result!.Facts, Has.Count.EqualTo(1));
        Assert.DoesNotThrow(() => AuditReport.WriteHtml(result, new StringWriter()));
        Assert.DoesNotThrow(() => AuditReport.WriteMarkdown(result, new StringWriter()));
    }
}
