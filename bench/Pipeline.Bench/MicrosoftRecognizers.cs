using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;
using NodaTime;

namespace Pipeline.Bench;

/// <summary>What one of Microsoft's models found, in the shape our mentions have: UTF-16 offsets (end exclusive), a
/// kind (<c>number</c>, <c>percentage</c>, <c>money</c>, <c>date</c>, <c>period</c>), a decimal value and unit, or the
/// candidate periods of a date (the library resolves an ambiguous date both ways: past and future).</summary>
public sealed record PeerMention(string Kind, int Start, int End, string Text, decimal? Value, string Unit, IReadOnlyList<(LocalDate Start, LocalDate End)> Periods, string Timex);

/// <summary>
/// Microsoft Recognizers-Text for C# (1.8.13, culture zh-cn) as a drop-in peer: its number, percentage, currency and
/// date-time models built once and run in this process. It lives in the benchmark project (<c>pipeline bench</c> runs
/// it beside our recognizers) and the tests use it as the reference: <see cref="Run"/> is all four models on one
/// text, <see cref="Bench"/> times them over lines of text.
/// </summary>
public sealed class MicrosoftRecognizers
{
    private readonly IModel _number;
    private readonly IModel _percent;
    private readonly IModel _currency;
    private readonly IModel _dateTime;

    /// <summary>The culture names the library knows: <c>zh-cn</c>, <c>en-us</c>.</summary>
    public const string Chinese = Culture.Chinese, English = Culture.English;

    public MicrosoftRecognizers(string culture = Culture.Chinese)
    {
        _number = new NumberRecognizer(culture).GetNumberModel();
        _percent = new NumberRecognizer(culture).GetPercentageModel();
        _currency = new NumberWithUnitRecognizer(culture).GetCurrencyModel();
        _dateTime = new DateTimeRecognizer(culture).GetDateTimeModel();
    }

    public IReadOnlyList<PeerMention> Numbers(string text) => Convert(_number.Parse(text), "number");

    public IReadOnlyList<PeerMention> Percentages(string text) => Convert(_percent.Parse(text), "percentage");

    public IReadOnlyList<PeerMention> Money(string text) => Convert(_currency.Parse(text), "money");

    /// <summary>Dates (<c>date</c>) and date ranges (<c>period</c>); times of day, durations and sets are left out
    /// (we do not recognize them).</summary>
    public IReadOnlyList<PeerMention> Dates(string text, LocalDate reference)
    {
        var results = ((DateTimeModel)_dateTime).Parse(text, reference.ToDateTimeUnspecified());
        var list = new List<PeerMention>();
        foreach (var r in results)
        {
            if (r.Resolution is null || !r.Resolution.TryGetValue("values", out var v) || v is not IEnumerable<Dictionary<string, string>> values) continue;
            var periods = new List<(LocalDate, LocalDate)>();
            string kind = "", timex = "";
            foreach (var value in values)
            {
                var type = value.GetValueOrDefault("type") ?? "";
                timex = value.GetValueOrDefault("timex") ?? timex;
                if (type == "date" && TryDate(value.GetValueOrDefault("value"), out var d)) { kind = "date"; periods.Add((d, d)); }
                else if (type == "daterange" && TryDate(value.GetValueOrDefault("start"), out var s) && TryDate(value.GetValueOrDefault("end"), out var e) && e > s)
                {
                    kind = "period";
                    periods.Add((s, e.PlusDays(-1))); // the library's end is exclusive
                }
            }
            if (kind.Length == 0) continue;
            list.Add(new PeerMention(kind, r.Start, r.End + 1, r.Text, null, "", periods, timex));
        }
        return list;
    }

    /// <summary>All four models on one text, in text order (overlaps kept: each model reports on its own).</summary>
    public IReadOnlyList<PeerMention> Run(string text, LocalDate reference)
    {
        var all = new List<PeerMention>();
        all.AddRange(Numbers(text));
        all.AddRange(Percentages(text));
        all.AddRange(Money(text));
        all.AddRange(Dates(text, reference));
        all.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return all;
    }

    /// <summary>Runs all four models over <paramref name="lines"/> (after one warm-up pass) and returns the wall time,
    /// the process CPU time and the number of results.</summary>
    public (TimeSpan Wall, TimeSpan Cpu, long Results) Bench(IReadOnlyList<string> lines, LocalDate reference)
    {
        foreach (var line in lines.Take(50)) Run(line, reference);
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long results = 0;
        foreach (var line in lines) results += Run(line, reference).Count;
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu0, results);
    }

    private static IReadOnlyList<PeerMention> Convert(List<ModelResult> results, string kind)
    {
        var list = new List<PeerMention>(results.Count);
        foreach (var r in results)
        {
            decimal? value = null;
            var unit = "";
            if (r.Resolution is { } res)
            {
                if (res.TryGetValue("value", out var v) && v is string s
                    && decimal.TryParse(s.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d;
                if (res.TryGetValue("isoCurrency", out var iso) && iso is string isoCode) unit = isoCode;
                else if (kind == "percentage") unit = "%";
            }
            list.Add(new PeerMention(kind, r.Start, r.End + 1, r.Text, value, unit, [], ""));
        }
        return list;
    }

    private static bool TryDate(string? text, out LocalDate date)
    {
        date = default;
        if (text is null || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return false;
        date = LocalDate.FromDateTime(dt);
        return true;
    }
}
