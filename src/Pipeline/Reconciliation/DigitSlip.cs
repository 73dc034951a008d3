using System;
using System.Globalization;
using System.Linq;

namespace Pipeline.Reconciliation;

/// <summary>Typing slips between two figures of the same size: two adjacent digits swapped (23.58 / 25.38 no; 1890 / 1980
/// yes), or one digit dropped or doubled (1837 / 187, 18.28 / 18.228). Compared on the digits as written, at the same
/// magnitude, so that a 10^k slip is not taken for one.</summary>
internal static class DigitSlip
{
    public static string? Explain(Observation a, Observation b)
    {
        if (a.Value is not { } va || b.Value is not { } vb || va == vb || Math.Sign(va) != Math.Sign(vb)) return null;
        var da = Digits(va);
        var db = Digits(vb);
        if (da.Length < 3 || db.Length < 3) return null;
        if (da.Length == db.Length)
        {
            // Same magnitude required for a swap.
            if (Magnitude(va) != Magnitude(vb)) return null;
            var diff = Enumerable.Range(0, da.Length).Where(i => da[i] != db[i]).ToList();
            if (diff.Count == 2 && diff[1] == diff[0] + 1 && da[diff[0]] == db[diff[1]] && da[diff[1]] == db[diff[0]])
                return $"the same digits with two swapped ({Show(va)} / {Show(vb)}): a transposition.";
            return null;
        }
        var (longer, shorter) = da.Length > db.Length ? (da, db) : (db, da);
        if (longer.Length != shorter.Length + 1) return null;
        if (Math.Abs(Magnitude(va) - Magnitude(vb)) > 1) return null;
        for (var i = 0; i < longer.Length; i++)
            if (string.Concat(longer.AsSpan(0, i), longer.AsSpan(i + 1)) == shorter)
            {
                // A trailing digit dropped is rounding, not a slip.
                if (i == longer.Length - 1) return null;
                var doubled = i > 0 && longer[i] == longer[i - 1];
                return $"the same digits with one {(doubled ? "doubled" : "dropped")} ({Show(va)} / {Show(vb)}): a typing slip.";
            }
        return null;
    }

    /// <summary>Significant digits as written, without sign, point, leading or trailing zeros.</summary>
    private static string Digits(decimal v)
    {
        var s = Math.Abs(v).ToString(CultureInfo.InvariantCulture).Replace(".", "");
        return s.TrimStart('0').TrimEnd('0');
    }

    private static int Magnitude(decimal v) => (int)Math.Floor(Math.Log10((double)Math.Abs(v)));

    private static string Show(decimal v) => ValueFormat.Number(v);
}
