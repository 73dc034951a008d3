using System;
using System.Linq;

namespace Pipeline.Recognition;

/// <summary>An ISO 4217 currency.</summary>
public readonly record struct Currency
{
    private Currency(string code) => Code = code;

    public string Code { get; }

    public static Currency CNY { get; } = new("CNY");
    public static Currency HKD { get; } = new("HKD");
    public static Currency USD { get; } = new("USD");
    public static Currency TWD { get; } = new("TWD");
    public static Currency EUR { get; } = new("EUR");
    public static Currency JPY { get; } = new("JPY");
    public static Currency GBP { get; } = new("GBP");

    /// <summary>Any three-letter upper-case code.</summary>
    public static Currency Of(string code)
    {
        if (code is not { Length: 3 } || !code.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{code}' is not an ISO 4217 code.", nameof(code));
        return new Currency(code);
    }

    public static bool TryParse(string? code, out Currency currency)
    {
        currency = default;
        if (code is not { Length: 3 } || !code.All(char.IsAsciiLetterUpper)) return false;
        currency = new Currency(code);
        return true;
    }

    public override string ToString() => Code ?? "";
}
