using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Output;
using Pipeline.Reconciliation;
using static Pipeline.Tests.Reconciliation.ObservationFactory;

namespace Pipeline.Tests.Reconciliation;

/// <summary>The reconciler reads its claims a key at a time (two passes) and hands each fact over as it is made; what
/// crosses keys and entities (reliabilities, entity-mismatch testimony, copy detection, stated rates, checks, diagnosis)
/// works on what it keeps of each key, so the facts are those of one reconciliation over every claim.</summary>
public class PartitionedReconcileTests
{
    /// <summary>Two related companies and a third, several outlets: a subsidiary's revenue quoted for the parent, quarters
    /// that add up to the half year, a figure stated in two currencies, one outlet's slipped figure.</summary>
    private static List<Observation> Batch() =>
    [
        Amount("reuters", "Norvane Holdings", "revenue", "2025-01-01/2025-06-30", "52.4", Yi, "CNY",
            quote: "Norvane Holdings said first-half revenue rose to 5.24 billion yuan."),
        Amount("bloomberg", "Norvane Holdings", "revenue", "2025-01-01/2025-06-30", "52.4", Yi, "CNY"),
        Amount("cls", "Norvane Holdings", "revenue", "2025-01-01/2025-06-30", "18.7", Yi, "CNY",
            quote: "诺瓦恩控股上半年营收18.7亿元。"),
        Amount("cls", "Norvane Robotics", "revenue", "2025-01-01/2025-06-30", "18.7", Yi, "CNY",
            quote: "诺瓦恩机器人上半年营收18.7亿元。"),
        Amount("reuters", "Norvane Robotics", "revenue", "2025-01-01/2025-06-30", "18.7", Yi, "CNY"),
        Amount("reuters", "Norvane Holdings", "revenue", "2025-01-01/2025-03-31", "24.1", Yi, "CNY"),
        Amount("bloomberg", "Norvane Holdings", "revenue", "2025-04-01/2025-06-30", "28.3", Yi, "CNY"),
        Amount("etnet", "Norvane Holdings", "net_profit", "2025-01-01/2025-06-30", "7.3", Yi, "CNY", equivalent: 1.02m * Yi, equivalentUnit: "USD"),
        Amount("sing tao", "Norvane Holdings", "net_profit", "2025-01-01/2025-06-30", "7.3", Yi, "CNY"),
        Amount("sing tao", "Corvath Mining", "net_profit", "2025-01-01/2025-06-30", "3.15", Yi, "HKD"),
        Amount("etnet", "Corvath Mining", "net_profit", "2025-01-01/2025-06-30", "3.15", Wan, "HKD"),
        Amount("bloomberg", "Corvath Mining", "net_profit", "2025-01-01/2025-06-30", "3.15", Yi, "HKD"),
    ];

    /// <summary>Reads each key's claims afresh every time (as from a store), and logs the reads.</summary>
    private sealed class Fresh(List<Observation> all) : IObservationPartitions
    {
        public List<FactKey> Reads { get; } = [];
        public IReadOnlyList<FactKey> Keys => all.Select(o => o.Key).Distinct().Reverse().ToList();
        public IReadOnlyList<Observation> Read(FactKey key)
        {
            Reads.Add(key);
            return ObservationPartitions.Sort(all.Where(o => o.Key == key).Select(o => o with { }));
        }
        public IReadOnlyList<Observation> Equivalents() => ObservationPartitions.Sort(all.Where(o => o.EquivalentValue is not null));
    }

    private static string Text(IReadOnlyList<ReconciledFact> facts, IReadOnlyList<ArithmeticCheck> checks, IReadOnlyDictionary<string, double> reliability)
    {
        var w = new StringWriter();
        foreach (var f in facts) w.WriteLine(string.Join(" | ", FactRow.From(f), string.Join(" ; ", ConflictRow.From(f))));
        AuditReport.WriteMarkdown(new ReconciliationResult(facts, checks, reliability), w);
        return w.ToString();
    }

    [Test]
    public void Partitions_read_afresh_give_the_facts_of_one_reconciliation_over_every_claim()
    {
        var reconciler = new TruthDiscoveryReconciler();
        var batch = Batch();
        var whole = reconciler.Reconcile(batch);
        var input = new Fresh(batch);
        var facts = new List<ReconciledFact>();
        var (checks, reliability) = reconciler.Reconcile(input, facts.AddRange);

        Assert.That(Text(facts, checks, reliability), Is.EqualTo(Text(whole.Facts, whole.Checks, whole.SourceReliability)));
        // The batch's cross-key evidence is there: a check over the quarters, a stated exchange rate.
        Assert.That(checks.Select(c => c.Kind), Does.Contain("parts-total").And.Contain("exchange-rate"));
        Assert.That(whole.Facts, Has.Count.EqualTo(6));
    }

    [Test]
    public void Each_key_is_read_once_a_pass_and_its_fact_handed_over_before_the_next_is_read()
    {
        var input = new Fresh(Batch());
        var handed = new List<(int ReadsSoFar, FactKey[] Keys)>();
        new TruthDiscoveryReconciler().Reconcile(input, facts => handed.Add((input.Reads.Count, facts.Select(f => f.Key).ToArray())));

        var order = input.Keys.OrderBy(k => k.Entity, System.StringComparer.Ordinal).ThenBy(k => k.Metric, System.StringComparer.Ordinal)
            .ThenBy(k => k.Period, System.StringComparer.Ordinal).ToList();
        Assert.That(input.Reads, Is.EqualTo(order.Concat(order)));
        Assert.That(handed.Select(h => h.Keys.Single()), Is.EqualTo(order));
        // The second pass: each key's fact is handed over right after its own read.
        Assert.That(handed.Select(h => h.ReadsSoFar), Is.EqualTo(Enumerable.Range(order.Count + 1, order.Count)));
    }

    [Test]
    public void A_reconciler_without_partitions_reads_them_all_and_hands_its_facts_over_at_once()
    {
        var input = new Fresh(Batch());
        var handed = new List<IReadOnlyList<ReconciledFact>>();
        IReconciler majority = new MajorityReconciler();
        majority.Reconcile(input, handed.Add);
        Assert.That(handed, Has.Count.EqualTo(1));
        Assert.That(handed[0].Select(f => f.Key.Entity).Distinct(), Is.EquivalentTo(new[] { "Corvath Mining", "Norvane Holdings", "Norvane Robotics" }));
    }

    /// <summary>Like a store: a key's first read carries the claims' quotes, later reads do not.</summary>
    private sealed class QuotedOnce(List<Observation> all) : IObservationPartitions
    {
        private readonly HashSet<FactKey> _read = [];
        public IReadOnlyList<FactKey> Keys => all.Select(o => o.Key).Distinct().ToList();
        public IReadOnlyList<Observation> Read(FactKey key)
        {
            var quoted = _read.Add(key);
            return ObservationPartitions.Sort(all.Where(o => o.Key == key).Select(o => quoted ? o with { } : o with { Quote = "" }));
        }
        public IReadOnlyList<Observation> Equivalents() => [];
    }

    [Test]
    public void A_basis_marker_in_a_values_clause_is_read_in_the_first_pass_and_explains_the_conflict()
    {
        // Two outlets give the close; a third's figure, bound as the close too, was the intraday high (盘中).
        List<Observation> batch =
        [
            Amount("etnet", "Qilan Biotech", "price.close", "2026-03-12", "41.35", 1, "HKD",
                quote: "祺蓝生物（02718）今日收盘报41.35港元，较招股价上涨18.1%。"),
            Amount("sing tao", "Qilan Biotech", "price.close", "2026-03-12", "41.35", 1, "HKD",
                quote: "祺藍生物首日收盤報41.35港元，全日成交額逾9億港元。"),
            Amount("cls", "Qilan Biotech", "price.close", "2026-03-12", "44.8", 1, "HKD",
                quote: "祺蓝生物上市首日高开，盘中一度涨至44.8港元。"),
        ];
        var whole = new TruthDiscoveryReconciler().Reconcile(batch);
        var facts = new List<ReconciledFact>();
        new TruthDiscoveryReconciler().Reconcile(new QuotedOnce(batch), facts.AddRange);

        var rival = facts.Single().Candidates.Single(c => !c.Chosen);
        Assert.Multiple(() =>
        {
            Assert.That(rival.Diagnosis, Is.EqualTo(Diagnosis.Timestamp), rival.Explanation);
            Assert.That(rival.Explanation, Does.Contain("intraday"));
            Assert.That(rival.Explanation, Is.EqualTo(whole.Facts.Single().Candidates.Single(c => !c.Chosen).Explanation));
        });
    }
}
