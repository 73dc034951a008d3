using System.Threading;
using Pipeline.Recognition;
using Pipeline.Reconciliation;

namespace Pipeline.Tests.Reconciliation;

/// <summary>Builds hand-made observations the way the binder would: values in base units, 亿/万 expanded.</summary>
internal static class ObservationFactory
{
    public const decimal Yi = 100_000_000m;
    public const decimal Wan = 10_000m;
    public const decimal Million = 1_000_000m;

    private static int _next;

    public static Observation Obs(string source, string entity, string metric, string period, decimal value, string unit,
        Qualifier qualifier = Qualifier.Exact, decimal precision = 0, string? text = null, string quote = "",
        decimal? equivalent = null, string? equivalentUnit = null, string? document = null) => new()
    {
        Key = new FactKey(entity, metric, period),
        Source = source,
        Document = document ?? source,
        Value = value,
        Text = text,
        Unit = Unit.Parse(unit),
        Qualifier = qualifier,
        Precision = precision,
        EquivalentValue = equivalent,
        EquivalentUnit = equivalentUnit is null ? null : Unit.Parse(equivalentUnit),
        Quote = quote,
        ClaimId = $"{document ?? source}:{Interlocked.Increment(ref _next)}",
    };

    /// <summary>An amount written as <paramref name="digits"/> × <paramref name="scale"/> (亿, 万, 百万): the precision is one unit of
    /// the last written digit times the scale, as the recogniser reports it.</summary>
    public static Observation Amount(string source, string entity, string metric, string period, string digits, decimal scale, string unit,
        Qualifier qualifier = Qualifier.Exact, string quote = "", decimal? equivalent = null, string? equivalentUnit = null, string? document = null)
    {
        var d = decimal.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        var precision = ValueInterval.DerivePrecision(d) * scale;
        if (!digits.Contains('.')) precision = scale; // "1890 万": the last written digit is a unit of 万
        return Obs(source, entity, metric, period, d * scale, unit, qualifier, precision, digits, quote, equivalent, equivalentUnit, document);
    }
}
