using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Output;
using Pipeline.Recognition;
using Pipeline.Reconciliation;
using static Pipeline.Tests.Reconciliation.ObservationFactory;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// Agreement only where written-precision intervals overlap; confidence that means something; segment and basis as
/// part of the key; what conflicts.csv, facts.csv and the audit show an analyst.
/// </summary>
public class AgreementAndConfidenceTests
{
    private const string Revenue2024 = "2024-01-01/2024-12-31";

    private static ReconciliationResult Reconcile(params Observation[] o) => new TruthDiscoveryReconciler().Reconcile(o);

    private static Observation Said(string source, string digits, decimal scale = 100_000_000m, string metric = "revenue",
        string segment = "", string basis = "", string entity = "智谱", string period = Revenue2024) =>
        Amount(source, entity, metric, period, digits, scale, "CNY",
            quote: $"{entity}2024年实现营收{digits}亿元，同比大幅增长。", document: source) with
        {
            Key = new FactKey(entity, metric, period, segment, basis),
            AsWritten = $"{digits}亿元",
        };

    [Test]
    public void Three_against_five_hundred_million_is_a_conflict_kept_in_conflicts_csv()
    {
        var f = Reconcile(Said("第一财经", "3"), Said("每日经济新闻", "5")).Facts.Single();
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict), f.Note);
        var rows = ConflictRow.From(f).ToList();
        Assert.That(rows.Select(r => r.Value), Is.EquivalentTo(new[] { "300000000", "500000000" }));
        Assert.That(rows.Single(r => !r.Chosen).Diagnosis, Is.Not.EqualTo("agrees"));
        Assert.That(rows.Select(r => r.AsWritten), Is.EquivalentTo(new[] { "3亿元", "5亿元" }));
        Assert.That(rows.All(r => r.ClaimIds.Length > 0 && r.PeriodLabel == "2024" && r.Explanation.Length > 0));
    }

    [Test]
    public void Adjacent_tenths_stated_a_thousand_times_each_are_conflicts()
    {
        var list = new List<Observation>();
        foreach (var digits in new[] { "3.0", "3.1", "3.2", "3.3", "3.4" })
            for (var i = 0; i < 1000; i++)
                list.Add(Said($"site{digits}-{i}", digits));
        var f = new TruthDiscoveryReconciler().Reconcile(list).Facts.Single();
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict), f.Note);
        Assert.That(f.Candidates, Has.Count.EqualTo(5));
        Assert.That(f.Candidates.Where(c => !c.Chosen).Select(c => c.Diagnosis), Has.None.EqualTo(Diagnosis.None));
    }

    [Test]
    public void Overlapping_precision_intervals_agree_and_say_so()
    {
        // 3亿 stands for [2.5亿, 3.5亿): 3.124亿 lies inside it.
        var f = Reconcile(Said("澎湃新闻", "3.124"), Said("中国科学报", "3")).Facts.Single();
        Assert.That(f.Status, Is.EqualTo(FactStatus.Agreed), f.Note);
        Assert.That(f.Chosen.Value, Is.EqualTo(3.124m * Yi), "the precise writing is chosen");
        Assert.That(f.Candidates.Single(c => !c.Chosen).Explanation, Does.Contain("precision"));
    }

    [Test]
    public void A_less_precise_value_never_wins_on_precision_alone()
    {
        // One outlet each, equally unknown: the rounder figure must not win because it is rounder.
        var f = Reconcile(Said("每日经济新闻", "29.58", metric: "net_loss"), Said("某财经网", "31", metric: "net_loss")).Facts.Single();
        Assert.That(f.Status, Is.EqualTo(FactStatus.Conflict));
        Assert.That(f.Chosen.Value, Is.EqualTo(29.58m * Yi));
    }

    [Test]
    public void Single_source_facts_carry_the_source_reliability_and_two_outlets_are_surer()
    {
        var result = Reconcile(
            Said("财联社", "3.124"), Said("经济通", "3.124"),
            Said("财联社", "1.245", period: "2023-01-01/2023-12-31"), Said("经济通", "1.245", period: "2023-01-01/2023-12-31"),
            Said("AI摘要", "5.6", metric: "gross_profit"));
        var single = result.Facts.Single(f => f.Key.Metric == "gross_profit");
        Assert.That(single.Status, Is.EqualTo(FactStatus.Single));
        Assert.That(single.Confidence, Is.LessThan(1.0));
        Assert.That(single.Confidence, Is.EqualTo(result.SourceReliability["AI摘要"]).Within(0.001));
        var agreed = result.Facts.Where(f => f.Status == FactStatus.Agreed).ToList();
        Assert.That(agreed, Has.Count.EqualTo(2));
        Assert.That(agreed.Select(f => f.Confidence), Is.All.GreaterThan(single.Confidence));
    }

    [Test]
    public void A_failed_check_marks_the_fact_and_lowers_its_confidence()
    {
        // Yearly losses that do not add up to the stated cumulative loss (from another outlet).
        var list = new[]
        {
            Said("A", "1.44", metric: "net_loss", period: "2022-01-01/2022-12-31"),
            Said("A", "7.88", metric: "net_loss", period: "2023-01-01/2023-12-31"),
            Said("B", "20", metric: "cumulative_net_loss", period: "2022-01-01/2023-12-31"),
        };
        var without = new TruthDiscoveryReconciler(new ReconcilerOptions { RunChecks = false }).Reconcile(list);
        var with = Reconcile(list);
        var total = with.Facts.Single(f => f.Key.Metric == "cumulative_net_loss");
        Assert.That(total.Checks.Select(c => c.Passed), Is.EqualTo(new[] { false }));
        Assert.That(total.Confidence, Is.LessThan(without.Facts.Single(f => f.Key.Metric == "cumulative_net_loss").Confidence));
        Assert.That(FactRow.From(total).Checks, Does.Match("^fail:K[0-9]+$"));
    }

    [Test]
    public void Segments_and_bases_stay_apart_and_segments_are_checked_against_the_group()
    {
        var result = Reconcile(
            Said("A", "267", segment: ""), Said("B", "267", segment: ""),
            Said("A", "212", segment: "游戏及相关增值服务"), Said("A", "13", segment: "有道"), Said("A", "9", segment: "云音乐"),
            Said("A", "23", segment: "创新业务及其他"),
            Said("C", "250", basis: "adjusted"));
        Assert.That(result.Facts.Where(f => f.Key.Metric == "revenue").Select(f => f.Status), Has.None.EqualTo(FactStatus.Conflict));
        Assert.That(result.Facts, Has.Count.EqualTo(6));
        var check = result.Checks.Single(c => c.Kind == "segments-total");
        Assert.That(check.Passed, Is.False, check.Detail);
    }

    [Test]
    public void A_source_stating_a_segment_figure_for_the_group_is_diagnosed()
    {
        var result = Reconcile(
            Said("A", "2477.95"), Said("B", "2477.95"), Said("C", "398.24"),
            Said("A", "398.24", segment: "云智能集团"));
        var group = result.Facts.Single(f => f.Key.Segment.Length == 0);
        Assert.That(group.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.SegmentMismatch));
    }

    [Test]
    public void A_transposed_figure_is_a_digit_slip()
    {
        var f = Reconcile(Said("A", "18.28", 1, "price.intraday_low"), Said("B", "18.28", 1, "price.intraday_low"),
            Said("C", "18.82", 1, "price.intraday_low")).Facts.Single();
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.DigitSlip), f.Candidates.Single(c => !c.Chosen).Explanation);
    }

    [Test]
    public void Last_years_base_given_as_this_year_is_a_stale_figure()
    {
        var result = Reconcile(
            Said("A", "327.1", metric: "adjusted_net_profit", period: "2025-04-01/2025-06-30"),
            Said("B", "327.1", metric: "adjusted_net_profit", period: "2025-04-01/2025-06-30"),
            Said("C", "344.32", metric: "adjusted_net_profit", period: "2025-04-01/2025-06-30"),
            Said("A", "344.32", metric: "adjusted_net_profit", period: "2024-04-01/2024-06-30"));
        var f = result.Facts.Single(x => x.Key.Period.StartsWith("2025", StringComparison.Ordinal));
        Assert.That(f.Candidates.Single(c => !c.Chosen).Diagnosis, Is.EqualTo(Diagnosis.StalePeriod));
    }

    [Test]
    public void A_source_that_loses_everywhere_is_diagnosed_as_inventing()
    {
        var list = new List<Observation>();
        string[] years = ["2021", "2022", "2023", "2024"];
        foreach (var y in years)
        {
            var p = $"{y}-01-01/{y}-12-31";
            list.Add(Said("A", "10." + y[3], period: p));
            list.Add(Said("B", "10." + y[3], period: p));
            list.Add(Said("垃圾站", "91." + y[3], period: p));
        }
        var f = new TruthDiscoveryReconciler().Reconcile(list).Facts.First();
        var rival = f.Candidates.Single(c => !c.Chosen);
        Assert.That(rival.Diagnosis, Is.EqualTo(Diagnosis.Invented), rival.Explanation);
    }

    [Test]
    public void Audit_html_marks_the_figure_links_the_source_and_collapses_two_thousand_sources()
    {
        var list = new List<Observation>();
        for (var i = 0; i < 2000; i++)
            list.Add(Said($"outlet{i:0000}", "3.124") with { Url = $"https://example.com/{i}", Quote = $"智谱2024年实现营收3.124亿元。（第{i}篇）" });
        list.Add(Said("lone", "5"));
        var result = new TruthDiscoveryReconciler().Reconcile(list);
        var html = new StringWriter();
        AuditReport.WriteHtml(result, html);
        var text = html.ToString();
        Assert.That(text, Does.Contain("<mark>3.124亿元</mark>"));
        Assert.That(text, Does.Contain("<a href=\"https://example.com/0\""));
        Assert.That(text, Does.Contain("1995 more"));
        Assert.That(text, Does.Contain("id=\"sources\""));
        Assert.That(text.Length, Is.LessThan(2_500_000), "the page stays readable");
    }

    [Test]
    public void A_runs_claims_csv_is_a_reconcile_input()
    {
        var csv = "claim_id,document,source,entity,metric,segment,basis,period,period_label,value,unit,qualifier,precision,range_end,as_written,equivalent_of,quote,start,end\n" +
                  "d1:5,d1,财联社,智谱,revenue,,,2024-01-01/2024-12-31,2024,312400000,CNY,=,100000,,3.124亿元,,智谱2024年营收3.124亿元,5,12\n" +
                  "d2:9,d2,經濟通,智谱,revenue,,adjusted,2024-01-01/2024-12-31,2024,300000000,CNY,~,100000000,,约3亿元,,经调整营收约3亿元,9,13\n";
        var obs = ObservationCsvReader.Read(new StringReader(csv), out var problems);
        Assert.That(problems, Is.Empty);
        Assert.That(obs.Select(o => o.Key.Basis), Is.EqualTo(new[] { "", "adjusted" }));
        Assert.That(obs[0].AsWritten, Is.EqualTo("3.124亿元"));
        Assert.That(obs[1].Qualifier, Is.EqualTo(Qualifier.Approximate));
        Assert.That(new TruthDiscoveryReconciler().Reconcile(obs).Facts, Has.Count.EqualTo(2));
    }
}
