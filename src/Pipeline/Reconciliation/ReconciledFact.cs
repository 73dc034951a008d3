using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

public enum FactStatus { Agreed, Single, Conflict }

/// <summary>Why two values for one key differ. <see cref="DiagnosisCatalogue"/> gives each code and its meaning.</summary>
public enum Diagnosis
{
    /// <summary>The values agree: their written-precision intervals overlap, or a stated bound or range holds.</summary>
    None,
    /// <summary>They do not overlap but lie within one unit of the coarser written precision (a truncated or
    /// mis-rounded figure: 150 for 150.91). Still a conflict.</summary>
    Rounding,
    /// <summary>One is the other times 10^k (a 万 written where 亿 was meant, 亿 read as billion).</summary>
    MagnitudeSlip,
    /// <summary>The same digits with two swapped or one dropped or doubled (a typing slip).</summary>
    DigitSlip,
    /// <summary>The value matches the same metric for another period (a cumulative figure on the wrong span).</summary>
    PeriodMismatch,
    /// <summary>The value matches the same metric for an earlier period: a stale figure (last year's base).</summary>
    StalePeriod,
    /// <summary>The value was taken at another time of day: intraday or midday against the close, the open.</summary>
    Timestamp,
    /// <summary>Gross vs net, adjusted vs reported, with vs without over-allotment, broker estimate vs final…</summary>
    BasisDifference,
    /// <summary>The value is a segment's figure given for the group, or the group's for a segment.</summary>
    SegmentMismatch,
    /// <summary>Same digits, different currency.</summary>
    CurrencyMismatch,
    /// <summary>A source gives the figure to another entity and a different figure to this one.</summary>
    EntityMismatch,
    /// <summary>The value's only sources disagree with the consensus on every other key they speak to: likely invented.</summary>
    Invented,
    /// <summary>No explanation found.</summary>
    Unexplained,
}

/// <summary>The codes the reconciler writes (<c>conflicts.csv</c> <c>diagnosis</c>, <c>facts.csv</c> notes), with their meaning.</summary>
public static class DiagnosisCatalogue
{
    public static IReadOnlyList<(Diagnosis Diagnosis, string Code, string Meaning)> All { get; } =
    [
        (Diagnosis.None, "agrees", "the written-precision intervals overlap, or a stated bound or range holds"),
        (Diagnosis.Rounding, "rounding", "no overlap, but within one unit of the coarser written precision: a truncated or mis-rounded figure (still a conflict)"),
        (Diagnosis.MagnitudeSlip, "magnitude-slip", "one value is the other times 10^k (万 vs 亿, 亿 read as billion)"),
        (Diagnosis.DigitSlip, "digit-slip", "the same digits with two swapped, or one dropped or doubled"),
        (Diagnosis.PeriodMismatch, "period-mismatch", "the value matches the same metric for another period"),
        (Diagnosis.StalePeriod, "stale-period", "the value matches the same metric for an earlier period (a prior-year base given as current)"),
        (Diagnosis.Timestamp, "timestamp", "the value was taken at another time: intraday or midday against the close, or the open"),
        (Diagnosis.BasisDifference, "basis-difference", "another basis: gross vs net, adjusted vs reported, with vs without over-allotment, broker estimate vs final"),
        (Diagnosis.SegmentMismatch, "segment-mismatch", "a segment's figure given for the group, or the group's for a segment"),
        (Diagnosis.CurrencyMismatch, "currency-mismatch", "the same digits in another currency, with no stated conversion"),
        (Diagnosis.EntityMismatch, "entity-mismatch", "a source gives the figure to another entity and a different one to this entity"),
        (Diagnosis.Invented, "invented", "the value's sources disagree with the consensus on every other key they state: likely invented"),
        (Diagnosis.Unexplained, "unexplained", "no explanation found"),
    ];

    public static string Meaning(Diagnosis d) => All.First(x => x.Diagnosis == d).Meaning;
}

public static class DiagnosisExtensions
{
    public static string ToCode(this Diagnosis d) => DiagnosisCatalogue.All.FirstOrDefault(x => x.Diagnosis == d).Code
        ?? throw new ArgumentOutOfRangeException(nameof(d));

    public static string ToFactStatus(this FactStatus s) => s switch
    {
        FactStatus.Agreed => "agreed",
        FactStatus.Single => "single",
        FactStatus.Conflict => "conflict",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}

/// <summary>One distinct value proposed for a key, with every observation that supports it.</summary>
public sealed record Candidate(decimal? Value, string? Text, Unit Unit, Qualifier Qualifier, IReadOnlyList<Observation> Support)
{
    /// <summary>Belief in this candidate after weighing sources, 0..1.</summary>
    public double Confidence { get; init; }
    public bool Chosen { get; init; }
    /// <summary>How this candidate relates to the chosen one.</summary>
    public Diagnosis Diagnosis { get; init; }
    public string Explanation { get; init; } = "";

    public IEnumerable<string> Documents => Support.Select(o => o.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

/// <summary>One row of the fact table: the chosen value for a key, and every competing value kept beside it.</summary>
public sealed record ReconciledFact(FactKey Key, string PeriodLabel, FactStatus Status, Candidate Chosen, IReadOnlyList<Candidate> Candidates, string Note)
{
    public double Confidence => Chosen.Confidence;
    /// <summary>The arithmetic checks this fact takes part in (<see cref="ArithmeticCheck.Id"/>), passed or failed.</summary>
    public IReadOnlyList<ArithmeticCheck> Checks { get; init; } = [];
    public IEnumerable<string> Sources => Candidates.SelectMany(c => c.Support).Select(o => o.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    public IEnumerable<string> Documents => Candidates.SelectMany(c => c.Support).Select(o => o.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

/// <summary>An arithmetic relation checked across facts (parts vs total, price vs change…).</summary>
public sealed record ArithmeticCheck(string Kind, string Description, bool Passed, IReadOnlyList<FactKey> Facts, string Detail)
{
    /// <summary>Stable id within one result (<c>K12</c>), in the order of the audit.</summary>
    public string Id { get; init; } = "";
}

public sealed record ReconciliationResult(
    IReadOnlyList<ReconciledFact> Facts,
    IReadOnlyList<ArithmeticCheck> Checks,
    IReadOnlyDictionary<string, double> SourceReliability)
{
    public static ReconciliationResult Empty { get; } = new([], [], new Dictionary<string, double>());
}

/// <summary>Reconciles observations into one fact per key. Pure and deterministic: the result does not depend on
/// the order of the input.</summary>
public interface IReconciler
{
    ReconciliationResult Reconcile(IReadOnlyList<Observation> observations);

    /// <summary>Reconciles observations read by key, handing the facts to <paramref name="emit"/> in key order, and
    /// returns the checks and source reliabilities. The facts are those of <see cref="Reconcile(IReadOnlyList{Observation})"/>
    /// over every observation. By default every key is read and reconciled at once; <see cref="TruthDiscoveryReconciler"/>
    /// holds one key's claims at a time.</summary>
    (IReadOnlyList<ArithmeticCheck> Checks, IReadOnlyDictionary<string, double> SourceReliability) Reconcile(
        IObservationPartitions input, Action<IReadOnlyList<ReconciledFact>> emit)
    {
        var result = Reconcile(input.Keys.SelectMany(input.Read).ToList());
        emit(result.Facts);
        return (result.Checks, result.SourceReliability);
    }
}
