using System;
using System.Globalization;

namespace Pipeline.Output;

/// <summary>Culture-independent formatting shared by every writer, so outputs are byte-identical everywhere.</summary>
public static class Invariant
{
    /// <summary>A plain decimal: no exponent, no trailing zeros (<c>2195400000.000</c> → <c>2195400000</c>).</summary>
    public static string Decimal(decimal value)
    {
        var s = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    public static string Decimal(decimal? value) => value is { } v ? Decimal(v) : "";

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A confidence or ratio with a fixed number of decimals.</summary>
    public static string Fixed(double value, int decimals = 3) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) : "";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
