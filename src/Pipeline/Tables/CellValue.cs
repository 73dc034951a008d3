using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Recognition;

namespace Pipeline.Tables;

/// <summary>What a cell holds: a number (negative when written in parentheses or with a minus), whether it is a
/// percentage or percentage points, the currency and scale written in the cell itself, and its precision (one unit of
/// the last written digit).</summary>
public readonly record struct CellValue(decimal Number, bool Percent, bool Points, Currency? Currency, decimal? Scale, decimal Precision);

/// <summary>Reads one cell's text: <c>18,830</c>, <c>(15,091)</c>, <c>-2.5</c>, <c>22%</c>, <c>(7 %)</c>,
/// <c>(1.9) percentage points</c>, <c>4.12 US Cents</c>, <c>$18.83 billion</c>. A dash or <c>n/a</c> is no value; a cell
/// with words beyond a unit (<c>up 22%</c>) is not a figure.</summary>
public sealed class CellValueReader(TableLexicon lexicon)
{
    private static readonly Regex Number = new(@"^(?<neg>[-−–])?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<pct>[%％])?",
        RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    private static readonly Regex Footnote = new(@"(?<=\S)\s*(?:\(\[\d{1,2}\]\)|\[\d{1,2}\]|（\d{1,2}）|\(\d{1,2}\))\s*$", RegexOptions.CultureInvariant, Pipeline.Text.RegexLimits.Timeout);

    public CellValue? Read(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 40 || lexicon.NoValue.Contains(s)) return null;
        s = Footnote.Replace(s, "");
        var negative = false;
        if (s.Length >= 2 && s[0] is '(' or '（' && s[^1] is ')' or '）')
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        else if (s.Length >= 2 && s[0] is '(' or '（' && s.IndexOfAny([')', '）']) is var close and > 0)
        {
            // (1.9) percentage points: the parentheses close before the unit.
            negative = true;
            s = (s[1..close] + s[(close + 1)..]).Trim();
        }
        Currency? currency = null;
        decimal? scale = null;
        // A currency written before the number ($18.83 billion, RMB 6.2, HK$57).
        var prefix = lexicon.Currencies.FindAll(s, 0, Math.Min(s.Length, 8)).FirstOrDefault();
        if (prefix.End > 0 && prefix.Start == 0)
        {
            currency = prefix.Value;
            s = s[prefix.End..].TrimStart();
        }
        var m = Number.Match(s);
        if (!m.Success) return null;
        if (m.Groups["neg"].Success) negative = !negative;
        var digits = m.Groups["num"].Value.Replace(",", "");
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
        var dot = digits.IndexOf('.');
        var precision = dot < 0 ? 1m : Pow10(-(digits.Length - dot - 1));
        var percent = m.Groups["pct"].Success;
        var rest = s[m.Length..].Trim();
        if (rest.Length > 0 && rest[0] is ')' or '）' && negative) rest = rest[1..].Trim();
        var points = false;
        while (rest.Length > 0)
        {
            // Only unit words may follow: percentage points, a currency, a scale (US Cents, 百万元, billion).
            if (lexicon.Points.FindAll(rest) is [{ Start: 0 } p, ..]) { points = true; rest = rest[p.End..].Trim(); continue; }
            if (lexicon.Currencies.FindAll(rest) is [{ Start: 0 } c, ..]) { currency ??= c.Value; rest = rest[c.End..].Trim(); continue; }
            if (lexicon.Scales.FindAll(rest) is [{ Start: 0 } k, ..]) { scale = (scale ?? 1) * k.Value; rest = rest[k.End..].Trim(); continue; }
            if (rest[0] is '%' or '％') { percent = true; rest = rest[1..].Trim(); continue; }
            return null;
        }
        if (points) percent = false;
        return new CellValue(negative ? -number : number, percent, points, currency, scale, precision);
    }

    private static decimal Pow10(int exponent)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) r = exponent < 0 ? r / 10 : r * 10;
        return r;
    }
}
