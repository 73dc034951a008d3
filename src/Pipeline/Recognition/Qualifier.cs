using System;

namespace Pipeline.Recognition;

/// <summary>How a written figure relates to the true value: 约 → approximately, 超过 → more than, 近 → less than…</summary>
public enum Qualifier
{
    Exact,
    Approximate,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

public static class QualifierExtensions
{
    /// <summary>The symbol used in every output: <c>= ~ &gt; &gt;= &lt; &lt;=</c>.</summary>
    public static string ToSymbol(this Qualifier q) => q switch
    {
        Qualifier.Exact => "=",
        Qualifier.Approximate => "~",
        Qualifier.GreaterThan => ">",
        Qualifier.GreaterOrEqual => ">=",
        Qualifier.LessThan => "<",
        Qualifier.LessOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(q)),
    };

    public static Qualifier FromSymbol(string? symbol) => symbol?.Trim() switch
    {
        null or "" or "=" => Qualifier.Exact,
        "~" => Qualifier.Approximate,
        ">" => Qualifier.GreaterThan,
        ">=" => Qualifier.GreaterOrEqual,
        "<" => Qualifier.LessThan,
        "<=" => Qualifier.LessOrEqual,
        _ => throw new FormatException($"Unknown qualifier '{symbol}'."),
    };
}
