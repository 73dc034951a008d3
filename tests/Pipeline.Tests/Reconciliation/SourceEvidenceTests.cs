using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Reconciliation;
using static Pipeline.Tests.Reconciliation.ObservationFactory;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// Evidence about sources beyond their agreement on one key: a source that gives a competing figure to another entity
/// (entity mismatch), and two sources whose shared values third parties keep contradicting (copying). Invented towns;
/// each case is run with the mechanism off as well, to show that it is what decides.
/// </summary>
public class SourceEvidenceTests
{
    private const string Metric = "population";

    /// <summary>A prolific, usually right source ("bot") and eight editors agreeing on four hundred towns (a match is judged
    /// against all the figures of the batch, so a batch of a few dozen would make any repeated figure look like chance).</summary>
    private static List<Observation> Background()
    {
        var list = new List<Observation>();
        for (var i = 0; i < 400; i++)
        {
            var value = 3_000 + 37 * i;
            list.Add(Obs("bot", $"Town {i}", Metric, "2000", value, "count"));
            list.Add(Obs($"editor {i % 8}", $"Town {i}", Metric, "2000", value, "count"));
        }
        return list;
    }

    private static ReconciledFact Fact(ReconciliationResult r, string entity) => r.Facts.Single(f => f.Key.Entity == entity);

    [Test]
    public void A_figure_a_source_gives_to_another_entity_is_diagnosed_and_discounted()
    {
        var list = Background();
        // The bot wrote the town's figure on the village; one editor, right on the towns it covers, tells the two apart.
        for (var i = 0; i < 6; i++) list.Add(Obs("careful", $"Town {i}", Metric, "2000", 3_000 + 37 * i, "count"));
        list.Add(Obs("bot", "Elm Harbor", Metric, "2000", 1194, "count"));
        list.Add(Obs("careful", "Elm Harbor", Metric, "2000", 250, "count"));
        list.Add(Obs("careful", "Elm Harbor (town)", Metric, "2000", 1194, "count"));

        var on = new TruthDiscoveryReconciler().Reconcile(list);
        var fact = Fact(on, "Elm Harbor");
        Assert.That(fact.Chosen.Value, Is.EqualTo(250m), string.Join(" | ", fact.Candidates.Select(c => $"{c.Value} {c.Confidence} {c.Diagnosis} {c.Explanation}")) +
            " :: " + string.Join(", ", on.SourceReliability.Select(kv => $"{kv.Key}={kv.Value:0.00}")));
        var rival = fact.Candidates.Single(c => c.Value == 1194m);
        Assert.That(rival.Diagnosis, Is.EqualTo(Diagnosis.EntityMismatch));
        Assert.That(rival.Explanation, Does.Contain("Elm Harbor (town)").And.Contain("careful"));

        var off = new TruthDiscoveryReconciler(new ReconcilerOptions { EntityMismatchMaxCoincidence = 0 }).Reconcile(list);
        Assert.That(Fact(off, "Elm Harbor").Chosen.Value, Is.EqualTo(1194m), "without the testimony the reliable bot wins");
    }

    [Test]
    public void A_match_a_prolific_source_would_make_by_chance_is_no_testimony()
    {
        var list = Background();
        // The witness states a figure for every town, and 1194 is a figure many towns share: a match proves nothing.
        for (var i = 0; i < 400; i++) list.Add(Obs("almanac", $"Town {i}", Metric, "2000", i % 4 == 0 ? 1194 : 3_000 + 37 * i, "count"));
        list.Add(Obs("bot", "Elm Harbor", Metric, "2000", 1194, "count"));
        list.Add(Obs("almanac", "Elm Harbor", Metric, "2000", 250, "count"));

        var fact = Fact(new TruthDiscoveryReconciler().Reconcile(list), "Elm Harbor");
        Assert.That(fact.Candidates.All(c => c.Diagnosis != Diagnosis.EntityMismatch), Is.True, string.Join(" | ", fact.Candidates.Select(c => c.Explanation)));
    }

    /// <summary>Eight towns where <paramref name="first"/> and <paramref name="second"/> state one value and a third
    /// source states <paramref name="thirdValue"/>(i) (the same value when third parties back the pair), then the town
    /// under test, Maple, where the pair states 5,555 and editor 3 states 4,444.</summary>
    private static List<Observation> PairRecord(string first, string second, Func<int, string> third, Func<int, int> thirdValue)
    {
        var list = Background();
        for (var i = 0; i < 8; i++)
        {
            list.Add(Obs(first, $"Pair {i}", Metric, "2000", 9_000 + i, "count"));
            list.Add(Obs(second, $"Pair {i}", Metric, "2000", 9_000 + i, "count"));
            list.Add(Obs(third(i), $"Pair {i}", Metric, "2000", thirdValue(i), "count"));
        }
        list.Add(Obs(first, "Maple", Metric, "2000", 5_555, "count"));
        list.Add(Obs(second, "Maple", Metric, "2000", 5_555, "count"));
        list.Add(Obs("editor 3", "Maple", Metric, "2000", 4_444, "count"));
        return list;
    }

    private static ReconciledFact Maple(List<Observation> list, double dependencePrior = 0.1) =>
        Fact(new TruthDiscoveryReconciler(new ReconcilerOptions { DependencePrior = dependencePrior }).Reconcile(list), "Maple");

    [Test]
    public void Two_sources_whose_shared_values_third_parties_keep_contradicting_count_as_their_joint_record()
    {
        // The bot repeats what an anonymous edit left, and a different editor each time states another figure.
        var list = PairRecord("bot", "anonymous", i => $"editor {i}", i => 7_000 + i);
        var maple = Maple(list);
        Assert.That(maple.Chosen.Value, Is.EqualTo(4_444m), maple.Note);
        Assert.That(maple.Chosen.Explanation, Does.Contain("Copy detection").And.Contain("anonymous and bot count as one"));
        Assert.That(Maple(list, dependencePrior: 0).Chosen.Value, Is.EqualTo(5_555m), "without copy detection two sources outvote one");
    }

    [Test]
    public void Independent_sources_that_agree_keep_their_full_weight()
    {
        // Bot and editor agree on values that third parties back: nothing to discount.
        var list = PairRecord("bot", "editor 1", i => $"editor {2 + i % 6}", i => 9_000 + i);
        Assert.That(Maple(list).Chosen.Value, Is.EqualTo(5_555m));
        Assert.That(Maple(list).Candidates.Select(c => c.Confidence), Is.EqualTo(Maple(list, dependencePrior: 0).Candidates.Select(c => c.Confidence)));
    }
}
