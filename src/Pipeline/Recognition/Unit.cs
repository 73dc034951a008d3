using System.Linq;

namespace Pipeline.Recognition;

/// <summary>What kind of quantity a unit measures.</summary>
public enum UnitKind { None, Currency, Percent, PercentagePoints, Multiple, Shares, Count, Other }

/// <summary>
/// The unit of a figure from claim to fact: an ISO 4217 currency code (<c>CNY</c>, <c>HKD</c>…), <c>%</c>, <c>pp</c>,
/// <c>x</c>, <c>shares</c>, <c>count</c>, or any other code a claims file brings (kept as written, kind
/// <see cref="UnitKind.Other"/>). Compared by code; <see cref="ToString"/> is the code, which is what the datasets hold.
/// </summary>
public readonly record struct Unit
{
    private readonly string? _code;

    private Unit(string code) => _code = code;

    public string Code => _code ?? "";

    public UnitKind Kind => Code switch
    {
        "" => UnitKind.None,
        "%" => UnitKind.Percent,
        "pp" => UnitKind.PercentagePoints,
        "x" => UnitKind.Multiple,
        "shares" => UnitKind.Shares,
        "count" => UnitKind.Count,
        _ when Code.Length == 3 && Code.All(char.IsAsciiLetterUpper) => UnitKind.Currency,
        _ => UnitKind.Other,
    };

    public bool IsCurrency => Kind == UnitKind.Currency;

    /// <summary>Counted things (shares, counts, multiples): comparable with a bare number.</summary>
    public bool IsCount => Kind is UnitKind.Shares or UnitKind.Count or UnitKind.Multiple;

    public bool IsEmpty => Code.Length == 0;

    public static Unit None { get; } = new("");
    public static Unit Percent { get; } = new("%");
    public static Unit PercentagePoints { get; } = new("pp");
    public static Unit Multiple { get; } = new("x");
    public static Unit Shares { get; } = new("shares");
    public static Unit Count { get; } = new("count");

    /// <summary>The unit a code names (trimmed; never fails: an unknown code is kept as <see cref="UnitKind.Other"/>).</summary>
    public static Unit Parse(string? code) => string.IsNullOrWhiteSpace(code) ? None : new Unit(code.Trim());

    /// <summary>The unit of a recognized value.</summary>
    public static Unit Of(NumericResolution value) => Parse(value.UnitCode);

    public override string ToString() => Code;
}
