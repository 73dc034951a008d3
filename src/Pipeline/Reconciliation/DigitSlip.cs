using System;
using System.Globalization;

namespace Pipeline.Reconciliation;

/// <summary>Typing slips between two figures of the same size: two adjacent digits swapped (1890 / 1980, 18.28 / 18.82;
/// 2358 / 8352 no), or one digit dropped or doubled (1837 / 187, 18.28 / 18.228). Compared on the digits as written, at the same
/// magnitude, so that a 10^k slip is not taken for one.</summary>
internal static class DigitSlip
{
    public static string? Explain(Observation a, Observation b)
    {
        if (a.Value is not { } va || b.Value is not { } vb || va == vb || Math.Sign(va) != Math.Sign(vb)) return null;
        // On the stack: the diagnosis asks this of every value no other explanation fits, thousands in a large batch.
        Span<char> bufferA = stackalloc char[64], bufferB = stackalloc char[64];
        ReadOnlySpan<char> da = Digits(va, bufferA), db = Digits(vb, bufferB);
        if (da.Length < 3 || db.Length < 3) return null;
        if (da.Length == db.Length)
        {
            // Same magnitude required for a swap.
            if (Magnitude(va) != Magnitude(vb)) return null;
            int first = -1, second = -1, differ = 0;
            for (var i = 0; i < da.Length && differ <= 2; i++)
            {
                if (da[i] == db[i]) continue;
                if (++differ == 1) first = i;
                else second = i;
            }
            if (differ == 2 && second == first + 1 && da[first] == db[second] && da[second] == db[first])
                return $"the same digits with two swapped ({Show(va)} / {Show(vb)}): a transposition.";
            return null;
        }
        var longer = da.Length > db.Length ? da : db;
        var shorter = da.Length > db.Length ? db : da;
        if (longer.Length != shorter.Length + 1) return null;
        if (Math.Abs(Magnitude(va) - Magnitude(vb)) > 1) return null;
        for (var i = 0; i < longer.Length; i++)
            if (longer[..i].SequenceEqual(shorter[..i]) && longer[(i + 1)..].SequenceEqual(shorter[i..]))
            {
                // A trailing digit dropped is rounding, not a slip.
                if (i == longer.Length - 1) return null;
                // The first of two equal digits is the one found: doubled when it equals either neighbour.
                var doubled = i > 0 && longer[i] == longer[i - 1] || i + 1 < longer.Length && longer[i] == longer[i + 1];
                return $"the same digits with one {(doubled ? "doubled" : "dropped")} ({Show(va)} / {Show(vb)}): a typing slip.";
            }
        return null;
    }

    /// <summary>Significant digits as written, without sign, point, leading or trailing zeros, in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Digits(decimal v, Span<char> buffer)
    {
        Math.Abs(v).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        var kept = 0;
        for (var i = 0; i < written; i++)
            if (buffer[i] != '.') buffer[kept++] = buffer[i];
        return buffer[..kept].Trim('0');
    }

    private static int Magnitude(decimal v) => (int)Math.Floor(Math.Log10((double)Math.Abs(v)));

    private static string Show(decimal v) => ValueFormat.Number(v);
}
