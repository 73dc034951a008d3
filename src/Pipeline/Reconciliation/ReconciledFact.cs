using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

public enum FactStatus { Agreed, Single, Conflict }

/// <summary>Why two values for one key differ.</summary>
public enum Diagnosis
{
    /// <summary>The values agree (within written precision, bounds or stated ranges).</summary>
    None,
    /// <summary>They differ by about one unit of the coarser written precision.</summary>
    Rounding,
    /// <summary>One is the other times 10^k (a 万 written where 亿 was meant).</summary>
    MagnitudeSlip,
    /// <summary>The value matches the same metric for another period (a cumulative figure on the wrong span).</summary>
    PeriodMismatch,
    /// <summary>Gross vs net, intraday vs close, with vs without over-allotment…</summary>
    BasisDifference,
    /// <summary>Same digits, different currency.</summary>
    CurrencyMismatch,
    /// <summary>A source gives the figure to another entity and a different figure to this one.</summary>
    EntityMismatch,
    /// <summary>No explanation found.</summary>
    Unexplained,
}

public static class DiagnosisExtensions
{
    public static string ToCode(this Diagnosis d) => d switch
    {
        Diagnosis.None => "agrees",
        Diagnosis.Rounding => "rounding",
        Diagnosis.MagnitudeSlip => "magnitude-slip",
        Diagnosis.PeriodMismatch => "period-mismatch",
        Diagnosis.BasisDifference => "basis-difference",
        Diagnosis.CurrencyMismatch => "currency-mismatch",
        Diagnosis.EntityMismatch => "entity-mismatch",
        Diagnosis.Unexplained => "unexplained",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    public static string ToFactStatus(this FactStatus s) => s switch
    {
        FactStatus.Agreed => "agreed",
        FactStatus.Single => "single",
        FactStatus.Conflict => "conflict",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}

/// <summary>One distinct value proposed for a key, with every observation that supports it.</summary>
public sealed record Candidate(decimal? Value, string? Text, string Unit, Qualifier Qualifier, IReadOnlyList<Observation> Support)
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
    public IEnumerable<string> Sources => Candidates.SelectMany(c => c.Support).Select(o => o.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    public IEnumerable<string> Documents => Candidates.SelectMany(c => c.Support).Select(o => o.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

/// <summary>An arithmetic relation checked across facts (parts vs total, price vs change…).</summary>
public sealed record ArithmeticCheck(string Kind, string Description, bool Passed, IReadOnlyList<FactKey> Facts, string Detail);

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
}
