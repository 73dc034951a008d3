using System;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>
/// The set of true values a written figure allows: an exact figure covers half a unit of its last written digit
/// either side (<c>21.95</c> = [21.945, 21.955]), an approximate one a whole unit, a bound is open on one side and a
/// range covers both ends. Open/closed ends are not distinguished: figures are compared by overlap.
/// </summary>
public readonly record struct ValueInterval(decimal Low, decimal High)
{
    public static ValueInterval Unbounded { get; } = new(decimal.MinValue, decimal.MaxValue);

    public bool IsPoint => Low == High;

    public decimal Width => High == decimal.MaxValue || Low == decimal.MinValue ? decimal.MaxValue : SafeAdd(High, -Low);

    /// <summary>True when the two intervals share a point (a touching end counts only for points).</summary>
    public bool Overlaps(ValueInterval other) =>
        IsPoint || other.IsPoint ? Low <= other.High && other.Low <= High : Low < other.High && other.Low < High;

    public bool Contains(decimal value) => Low <= value && value <= High;

    /// <summary>Distance between the intervals (0 when they overlap).</summary>
    public decimal Gap(ValueInterval other) =>
        other.Low > High ? SafeAdd(other.Low, -High) : Low > other.High ? SafeAdd(Low, -other.High) : 0m;

    public ValueInterval Scale(decimal factor) => factor >= 0
        ? new(SafeMul(Low, factor), SafeMul(High, factor))
        : new(SafeMul(High, factor), SafeMul(Low, factor));

    /// <summary>Scales by a factor known only to lie in [<paramref name="min"/>, <paramref name="max"/>] (both positive).</summary>
    public ValueInterval Scale(decimal min, decimal max)
    {
        var a = Scale(min);
        var b = Scale(max);
        return new(Math.Min(a.Low, b.Low), Math.Max(a.High, b.High));
    }

    public static ValueInterval operator +(ValueInterval a, ValueInterval b) => new(SafeAdd(a.Low, b.Low), SafeAdd(a.High, b.High));

    public static ValueInterval operator -(ValueInterval a, ValueInterval b) => new(SafeAdd(a.Low, -b.High), SafeAdd(a.High, -b.Low));

    public static ValueInterval operator *(ValueInterval a, ValueInterval b)
    {
        Span<decimal> p = [SafeMul(a.Low, b.Low), SafeMul(a.Low, b.High), SafeMul(a.High, b.Low), SafeMul(a.High, b.High)];
        decimal lo = p[0], hi = p[0];
        foreach (var v in p) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return new(lo, hi);
    }

    /// <summary>Division; null when the divisor's interval contains zero.</summary>
    public static ValueInterval? Divide(ValueInterval a, ValueInterval b)
    {
        if (b.Low <= 0 && b.High >= 0) return null;
        var inv = new ValueInterval(SafeDiv(1m, b.High), SafeDiv(1m, b.Low));
        return a * inv;
    }

    /// <summary>The interval a written figure stands for.</summary>
    public static ValueInterval Of(decimal value, decimal precision, Qualifier qualifier, decimal? rangeEnd = null)
    {
        var half = precision / 2;
        if (rangeEnd is { } end && end >= value) return new(SafeAdd(value, -half), SafeAdd(end, half));
        return qualifier switch
        {
            Qualifier.Exact => new(SafeAdd(value, -half), SafeAdd(value, half)),
            Qualifier.Approximate => new(SafeAdd(value, -precision), SafeAdd(value, precision)),
            Qualifier.GreaterThan or Qualifier.GreaterOrEqual => new(value, decimal.MaxValue),
            Qualifier.LessThan or Qualifier.LessOrEqual => new(decimal.MinValue, value),
            _ => new(value, value),
        };
    }

    /// <summary>One unit of the last significant written digit: 116.20 → 0.01, 21.954 → 0.001, 480000 → 10000, 7 → 1.
    /// Trailing zeros of an integer are read as rounding (a census figure ending in 000 is then read coarsely).</summary>
    public static decimal DerivePrecision(decimal value)
    {
        var scale = value.Scale;
        var v = Math.Abs(decimal.Truncate(value));
        // A fraction of zeros on a round integer is an artefact of scaling (2.2 × 10^8 = 220000000.0), not writing.
        var artefact = scale > 0 && v == Math.Abs(value) && v >= 1000 && v % 1000 == 0;
        if (scale > 0 && !artefact) return Pow10(-scale);
        if (v == 0) return 1m;
        var p = 1m;
        while (v % 10 == 0 && v >= 10) { v /= 10; p *= 10; }
        return p;
    }

    public static decimal Pow10(int k)
    {
        var r = 1m;
        if (k >= 0) { for (var i = 0; i < k && i < 28; i++) r *= 10; }
        else { for (var i = 0; i < -k && i < 28; i++) r /= 10; }
        return r;
    }

    public override string ToString() =>
        $"[{(Low == decimal.MinValue ? "-inf" : Low.ToString(System.Globalization.CultureInfo.InvariantCulture))}, " +
        $"{(High == decimal.MaxValue ? "+inf" : High.ToString(System.Globalization.CultureInfo.InvariantCulture))}]";

    internal static decimal SafeAdd(decimal a, decimal b)
    {
        if (a == decimal.MaxValue || b == decimal.MaxValue) return a == decimal.MinValue || b == decimal.MinValue ? 0 : decimal.MaxValue;
        if (a == decimal.MinValue || b == decimal.MinValue) return decimal.MinValue;
        try { return a + b; } catch (OverflowException) { return a > 0 ? decimal.MaxValue : decimal.MinValue; }
    }

    internal static decimal SafeMul(decimal a, decimal b)
    {
        if (a == 0 || b == 0) return 0;
        var sign = Math.Sign(a) * Math.Sign(b);
        if (a is decimal.MaxValue or decimal.MinValue || b is decimal.MaxValue or decimal.MinValue) return sign > 0 ? decimal.MaxValue : decimal.MinValue;
        try { return a * b; } catch (OverflowException) { return sign > 0 ? decimal.MaxValue : decimal.MinValue; }
    }

    internal static decimal SafeDiv(decimal a, decimal b)
    {
        if (a is decimal.MaxValue or decimal.MinValue) return Math.Sign(a) * Math.Sign(b) > 0 ? decimal.MaxValue : decimal.MinValue;
        if (b is decimal.MaxValue or decimal.MinValue) return 0;
        try { return a / b; } catch (OverflowException) { return Math.Sign(a) * Math.Sign(b) > 0 ? decimal.MaxValue : decimal.MinValue; }
    }
}
