using System;
using System.Globalization;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>How values appear in explanations and reports: invariant digits with group separators, the unit after.</summary>
public static class ValueFormat
{
    public static string Number(decimal v)
    {
        if (v == decimal.MaxValue) return "+inf";
        if (v == decimal.MinValue) return "-inf";
        var s = v.ToString("#,0.############################", CultureInfo.InvariantCulture);
        return s;
    }

    public static string Number(decimal v, int significant)
    {
        if (v == 0 || v is decimal.MaxValue or decimal.MinValue) return Number(v);
        var digits = (int)Math.Floor(Math.Log10((double)Math.Abs(v))) + 1;
        var decimals = Math.Clamp(significant - digits, 0, 12);
        return Number(Math.Round(v, decimals));
    }

    public static string WithUnit(decimal v, Unit unit) => unit.IsEmpty ? Number(v) : unit.Kind == UnitKind.Percent ? Number(v) + "%" : $"{Number(v)} {unit}";

    public static string Interval(ValueInterval iv, Unit unit)
    {
        if (iv.IsPoint) return WithUnit(iv.Low, unit);
        if (iv.High == decimal.MaxValue) return "> " + WithUnit(iv.Low, unit);
        if (iv.Low == decimal.MinValue) return "< " + WithUnit(iv.High, unit);
        return $"{Number(iv.Low, 8)}..{Number(iv.High, 8)}{(unit.IsEmpty ? "" : unit.Kind == UnitKind.Percent ? "%" : " " + unit)}";
    }

    /// <summary>A candidate as a reader would write it: qualifier, value (range), unit; or the text.</summary>
    public static string Candidate(Candidate c)
    {
        if (c.Value is not { } v) return c.Text ?? "";
        var q = c.Qualifier == Recognition.Qualifier.Exact ? "" : c.Qualifier.ToSymbol() + " ";
        var end = c.Support.Select(o => o.RangeEnd).FirstOrDefault(e => e is not null);
        var core = end is { } e2 ? $"{Number(v)}..{Number(e2)}" : Number(v);
        return $"{q}{core}{(c.Unit.IsEmpty ? "" : c.Unit.Kind == UnitKind.Percent ? "%" : " " + c.Unit)}";
    }

    /// <summary>Where a figure as written occurs in a quote, skipping occurrences inside a longer number
    /// ("37 倍" in "1837 倍", "1.8" in "1.89"); -1 when absent.</summary>
    public static int IndexOfFigure(string quote, string text)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(quote)) return -1;
        var at = 0;
        while ((at = quote.IndexOf(text, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at > 0 ? quote[at - 1] : ' ';
            var end = at + text.Length;
            var after = end < quote.Length ? quote[end] : ' ';
            var digitStart = char.IsAsciiDigit(text[0]);
            var digitEnd = char.IsAsciiDigit(text[^1]);
            var okBefore = !digitStart || !(char.IsAsciiDigit(before) || before == '.' || before == ',');
            var okAfter = !digitEnd || !(char.IsAsciiDigit(after) || (after == '.' && end + 1 < quote.Length && char.IsAsciiDigit(quote[end + 1])));
            if (okBefore && okAfter) return at;
            at++;
        }
        return -1;
    }
}
