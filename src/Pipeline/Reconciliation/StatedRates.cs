using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Reconciliation;

/// <summary>One conversion an article states: <c>13.2 亿美元（92.93 亿元人民币）</c> gives USD→CNY ≈ 7.04. It keeps of its
/// claim only what the exchange-rate check reports (key, the two amounts, source, claim id), not the claim: a batch's
/// stated pairs are held for the whole reconciliation, and a corpus that repeats a story states thousands.</summary>
public sealed record StatedRate(Unit From, Unit To, decimal Rate, ValueInterval Bounds, FactKey Key, decimal Amount, decimal Equivalent,
    string Source, string ClaimId);

/// <summary>
/// Converts between units using only what the observations themselves state: currency pairs written side by side,
/// and the fixed relation between multiples and percentages (1 x = 100 %). No rate is ever typed into the code.
/// </summary>
public sealed class StatedRates
{
    private readonly Dictionary<(Unit, Unit), List<StatedRate>> _pairs = new();

    /// <summary>Sorted rates per direction, built once on first use: diagnosis converts per observation, and
    /// rebuilding the list each time made reconciliation quadratic in the number of stated pairs.</summary>
    private readonly Dictionary<(Unit, Unit), IReadOnlyList<decimal>> _ratesFor = new();
    private readonly Dictionary<(Unit, Unit), string> _notes = new();

    public StatedRates(IEnumerable<Observation> observations)
    {
        foreach (var o in observations)
        {
            if (o.Value is not { } v || v <= 0 || o.EquivalentValue is not { } eq || eq <= 0) continue;
            if (o.EquivalentUnit is not { IsEmpty: false } equivalentUnit || o.Unit.IsEmpty || equivalentUnit == o.Unit) continue;
            var precision = o.Precision > 0 ? o.Precision : ValueInterval.DerivePrecision(v);
            var from = ValueInterval.Of(v, precision, o.Qualifier == Recognition.Qualifier.Approximate ? o.Qualifier : Recognition.Qualifier.Exact);
            var to = ValueInterval.Of(eq, ValueInterval.DerivePrecision(eq), o.Qualifier == Recognition.Qualifier.Approximate ? o.Qualifier : Recognition.Qualifier.Exact);
            var rate = ValueInterval.SafeDiv(eq, v);
            if (rate <= 0 || rate == decimal.MaxValue || rate < 1e-12m || rate > 1e12m) continue; // not a usable statement
            var bounds = ValueInterval.Divide(to, from) ?? new ValueInterval(rate, rate);
            Add(new StatedRate(o.Unit, equivalentUnit, rate, bounds, o.Key, v, eq, o.Source, o.ClaimId));
        }
        foreach (var list in _pairs.Values)
            list.Sort((a, b) => a.Rate != b.Rate ? a.Rate.CompareTo(b.Rate) : string.CompareOrdinal(a.ClaimId, b.ClaimId));
    }

    private void Add(StatedRate r)
    {
        if (!_pairs.TryGetValue((r.From, r.To), out var list)) _pairs[(r.From, r.To)] = list = [];
        list.Add(r);
    }

    /// <summary>Every stated pair, in a stable order.</summary>
    public IEnumerable<StatedRate> All => _pairs.OrderBy(p => p.Key.Item1.Code, StringComparer.Ordinal).ThenBy(p => p.Key.Item2.Code, StringComparer.Ordinal).SelectMany(p => p.Value);

    /// <summary>The rates stated for <paramref name="from"/>→<paramref name="to"/>, including inverted statements of the reverse pair.</summary>
    public IReadOnlyList<decimal> RatesFor(Unit from, Unit to)
    {
        if (_ratesFor.TryGetValue((from, to), out var cached)) return cached;
        var rates = new List<decimal>();
        if (_pairs.TryGetValue((from, to), out var direct)) rates.AddRange(direct.Select(r => r.Rate));
        if (_pairs.TryGetValue((to, from), out var inverse)) rates.AddRange(inverse.Select(r => 1m / r.Rate));
        rates.Sort();
        _ratesFor[(from, to)] = rates;
        return rates;
    }

    /// <summary>Median stated rate, or null when the articles state none.</summary>
    public decimal? Median(Unit from, Unit to)
    {
        var r = RatesFor(from, to);
        return r.Count == 0 ? null : r.Count % 2 == 1 ? r[r.Count / 2] : (r[r.Count / 2 - 1] + r[r.Count / 2]) / 2;
    }

    /// <summary>Converts an interval between units; the result spans every stated rate. Returns a short note on how.</summary>
    public bool TryConvert(ValueInterval value, Unit from, Unit to, out ValueInterval result, out string how)
    {
        result = value;
        how = "";
        if (from == to) return true;
        if (Fixed(from, to) is { } factor)
        {
            result = value.Scale(factor);
            how = Note(from, to);
            return true;
        }
        var rates = RatesFor(from, to);
        if (rates.Count == 0) return false;
        result = value.Scale(rates[0], rates[^1]);
        how = Note(from, to);
        return true;
    }

    /// <summary>The note on a conversion, made once per pair of units: the rates do not change once stated, and the
    /// reconciler converts per observation (the diagnosis of a corpus that repeats a story, hundreds of thousands of
    /// times, each note a new string before).</summary>
    private string Note(Unit from, Unit to)
    {
        if (_notes.TryGetValue((from, to), out var note)) return note;
        if (Fixed(from, to) is { } factor) note = $"1 {from} = {F(factor)} {to}";
        else
        {
            var rates = RatesFor(from, to);
            note = rates[0] == rates[^1] ? $"stated rate 1 {from} = {F(rates[0], 4)} {to}"
                : $"stated rates 1 {from} = {F(rates[0], 4)}..{F(rates[^1], 4)} {to} ({rates.Count} statements)";
        }
        return _notes[(from, to)] = note;
    }

    public bool CanConvert(Unit from, Unit to) => from == to || Fixed(from, to) is not null || RatesFor(from, to).Count > 0;

    private static decimal? Fixed(Unit from, Unit to) => (from.Kind, to.Kind) switch
    {
        (UnitKind.Multiple, UnitKind.Percent) => 100m,
        (UnitKind.Percent, UnitKind.Multiple) => 0.01m,
        _ => null,
    };

    internal static string F(decimal d, int decimals = 6) => Math.Round(d, decimals).ToString("0.######", CultureInfo.InvariantCulture);
}
