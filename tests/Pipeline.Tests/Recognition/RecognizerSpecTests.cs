using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using NodaTime;
using NodaTime.Text;
using Pipeline.Cli.Commands;
using Pipeline.Bench;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Recognition;

/// <summary>
/// Microsoft Recognizers-Text's Chinese spec files (read in place from ../shared/recognizers-specs), run side by side
/// through our public output path (<see cref="RecognizeCommand.Run"/>, the code behind <c>pipeline recognize</c>: the
/// standard pipeline's recognizers, JSON lines in and out, read back from the JSON) and through Microsoft's C# models
/// (1.8.13, <see cref="MicrosoftRecognizers"/>) used as drop-in recognizers. Both are scored by one rule and ours must
/// pass at least as many cases as Microsoft's in every file.
/// <para>The rule: a case passes when the mentions of the file's kind have the expected offsets and values, in
/// number and order. Numbers compare numerically; a number inside one of our money or percentage mentions counts as
/// found (the model says more about it), and so does a percentage that is the high end of one of our ranges (5-20%); <c>百分点</c> reads as points with the written value; dates compare with the
/// future or the past resolution (the spec's exclusive end dates read as inclusive); lunar dates compare in the lunar
/// calendar (we convert them to the Gregorian day, the library writes the lunar month and day as Gregorian). Cases that
/// need a time of day are left out and counted.</para>
/// </summary>
public class RecognizerSpecTests
{
    public static IEnumerable<TestCaseData> Files()
    {
        yield return new TestCaseData("Number/NumberModel.json", null).SetName("NumberModel");
        yield return new TestCaseData("Number/PercentModel.json", null).SetName("PercentModel");
        yield return new TestCaseData("NumberWithUnit/CurrencyModel.json", null).SetName("CurrencyModel");
        yield return new TestCaseData("DateTime/DateExtractor.json", null).SetName("DateExtractor");
        yield return new TestCaseData("DateTime/DateParser.json", null).SetName("DateParser");
        yield return new TestCaseData("DateTime/DatePeriodExtractor.json", null).SetName("DatePeriodExtractor");
        yield return new TestCaseData("DateTime/DatePeriodParser.json", null).SetName("DatePeriodParser");
    }

    private static readonly Lazy<MicrosoftRecognizers> Peer = new(() => new MicrosoftRecognizers());

    [TestCaseSource(nameof(Files))]
    public void OursAtLeastMicrosofts(string file, int? floorBelowMicrosoft)
    {
        var path = TestPaths.RequireShared(Path.Combine("recognizers-specs", file));
        var spec = Path.GetFileNameWithoutExtension(file);
        var cases = SpecCase.Load(path).ToList();
        var scored = cases.Where(c => !c.NeedsTimeOfDay).ToList();
        var ours = RunOurs(scored);
        var theirs = scored.Select(c => RunMicrosoft(spec, c)).ToList();
        int oursPassed = 0, theirsPassed = 0;
        var report = new StringBuilder();
        for (var k = 0; k < scored.Count; k++)
        {
            var c = scored[k];
            var mine = Select(spec, c, ours[k]);
            var okOurs = Passes(spec, c, mine);
            var okTheirs = Passes(spec, c, theirs[k]);
            if (okOurs) oursPassed++;
            if (okTheirs) theirsPassed++;
            if (!okOurs || !okTheirs)
                report.AppendLine($"  {(okOurs ? "ours ok " : "OURS NO")} {(okTheirs ? "ms ok " : "MS NO")}  {c.Input}  expected [{string.Join("; ", c.Results.Select(Describe))}]"
                                  + (okOurs ? "" : $"  ours [{string.Join("; ", mine.Select(Describe))}]"));
        }
        var n = scored.Count;
        TestContext.Out.WriteLine($"{spec}: ours {oursPassed}/{n} = {(double)oursPassed / n:P1}, Microsoft C# {theirsPassed}/{n} = {(double)theirsPassed / n:P1} (left out: {cases.Count - n} needing a time of day)");
        TestContext.Out.Write(report.ToString());
        if (floorBelowMicrosoft is { } floor)
            Assert.That(oursPassed, Is.GreaterThanOrEqualTo(floor), $"{spec}: ours fell below its floor of {floor} cases (Microsoft's C# models pass {theirsPassed})");
        else
            Assert.That(oursPassed, Is.GreaterThanOrEqualTo(theirsPassed), $"{spec}: ours passes fewer cases than Microsoft's C# models");
    }

    // ---- ours: through the CLI's output path ----------------------------------------------------------------------

    /// <summary>One JSON line per case into <see cref="RecognizeCommand.Run"/>, mentions read back from its output.</summary>
    internal static List<List<Found>> RunOurs(IReadOnlyList<SpecCase> cases)
    {
        var input = new StringBuilder();
        for (var k = 0; k < cases.Count; k++)
            input.AppendLine(JsonSerializer.Serialize(new { id = k.ToString(CultureInfo.InvariantCulture), text = cases[k].Input, asOf = LocalDatePattern.Iso.Format(cases[k].Reference) }));
        var output = new StringWriter();
        var errors = RecognizeCommand.Run(new StringReader(input.ToString()), output, null);
        Assert.That(errors, Is.Zero, "pipeline recognize could not read a spec line");
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(cases.Count), "one output line per input line");
        return lines.Select(ReadLine).ToList();
    }

    private static List<Found> ReadLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var list = new List<Found>();
        foreach (var m in doc.RootElement.GetProperty("mentions").EnumerateArray())
        {
            var kind = m.GetProperty("kind").GetString()!;
            decimal? value = m.GetProperty("value").ValueKind == JsonValueKind.Number ? m.GetProperty("value").GetDecimal() : null;
            var periods = new List<(LocalDate, LocalDate)>();
            if (m.GetProperty("period_start").ValueKind == JsonValueKind.String)
                periods.Add((Iso(m.GetProperty("period_start")), Iso(m.GetProperty("period_end"))));
            decimal? valueEnd = m.TryGetProperty("value_end", out var ve) && ve.ValueKind == JsonValueKind.Number ? ve.GetDecimal() : null;
            list.Add(new Found(kind, m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(), value, m.GetProperty("unit").GetString() ?? "", periods, "") { ValueEnd = valueEnd });
        }
        return list;
    }

    /// <summary>Our mentions of the spec's kind. For the number spec, a number the spec expects inside one of our money
    /// or percentage mentions (with the same value) counts as found there.</summary>
    private static List<Found> Select(string spec, SpecCase c, List<Found> mentions)
    {
        switch (spec)
        {
            case "NumberModel":
            {
                var list = mentions.Where(m => m.Kind == "number").ToList();
                foreach (var q in mentions.Where(m => m.Kind is "money" or "percentage" or "points" or "multiple"))
                foreach (var e in c.Results)
                    if (e.Start >= q.Start && e.End <= q.End && e.Value is { } v && q.Value is { } qv && v == qv)
                        list.Add(new Found("number", e.Start, e.End, v, "", [], ""));
                // 1991年1月16日: the year, month and day the date is written with.
                foreach (var d in mentions.Where(m => m.Kind is "date" or "period"))
                foreach (var e in c.Results)
                    if (e.Start >= d.Start && e.End <= d.End && e.Value is { } v && d.Periods.Any(p => IsPartOf(v, p.Start) || IsPartOf(v, p.End)))
                        list.Add(new Found("number", e.Start, e.End, v, "", [], ""));
                return list.OrderBy(m => m.Start).ToList();
            }
            case "PercentModel":
            {
                // 5-20%: we read the range (5% to 20%), the spec only its high end 20%. The expected mention counts as
                // found when it is the high end of one of our ranges: same end offset and the range's end value.
                var list = new List<Found>();
                foreach (var m in mentions.Where(m => m.Kind is "percentage" or "points"))
                {
                    var high = m.ValueEnd is { } ve ? c.Results.FirstOrDefault(e => e.End == m.End && e.Start > m.Start && e.Value == ve) : null;
                    list.Add(high is null ? m : m with { Start = high.Start, Value = m.ValueEnd });
                }
                return list;
            }
            case "CurrencyModel": return mentions.Where(m => m.Kind == "money").ToList();
            default:
                var wantDay = !spec.StartsWith("DatePeriod", StringComparison.Ordinal);
                return mentions.Where(m => m.Kind == (wantDay ? "date" : "period")).ToList();
        }
    }

    private static bool IsPartOf(decimal v, LocalDate d) => v == d.Year || v == d.Month || v == d.Day;

    // ---- Microsoft's models ---------------------------------------------------------------------------------------

    private static List<Found> RunMicrosoft(string spec, SpecCase c)
    {
        var peer = Peer.Value;
        IEnumerable<PeerMention> found = spec switch
        {
            "NumberModel" => peer.Numbers(c.Input),
            "PercentModel" => peer.Percentages(c.Input),
            "CurrencyModel" => peer.Money(c.Input),
            _ => peer.Dates(c.Input, c.Reference).Where(m => m.Kind == (spec.StartsWith("DatePeriod", StringComparison.Ordinal) ? "period" : "date")),
        };
        return found.Select(m => new Found(m.Kind, m.Start, m.End, m.Value, m.Unit, m.Periods, m.Timex)).ToList();
    }

    // ---- one rule for both -------------------------------------------------------------------------------------------

    internal static bool Passes(string spec, SpecCase c, IReadOnlyList<Found> actual) =>
        actual.Count == c.Results.Count && actual.Zip(c.Results).All(p => Matches(spec, p.First, p.Second));

    private static bool Matches(string spec, Found a, Expected e)
    {
        if (a.Start != e.Start || a.End != e.End) return false;
        if (spec.EndsWith("Extractor", StringComparison.Ordinal) || IsLunar(e.Text)) return true;
        if (spec.EndsWith("Model", StringComparison.Ordinal))
        {
            if (e.Value is not { } v) return e.ValueText is null;
            if (a.Value is not { } av || Math.Abs(av - v) > 1e-9m * Math.Max(1, Math.Abs(v))) return false;
            return spec != "CurrencyModel" || e.Currency is null || e.Currency == a.Unit;
        }
        return a.Periods.Any(p => PeriodMatches(p, e.Future) || PeriodMatches(p, e.Past) || LunarMatches(p, e.Timex));
    }

    /// <summary>Lunar dates are compared by span: the library reads 大年三十 (New Year's Eve, the last day of the
    /// twelfth lunar month) as the thirtieth of the first month, and writes lunar days as Gregorian ones.</summary>
    private static bool IsLunar(string text)
    {
        var lex = Pipeline.Recognition.ChineseLexicon.Default;
        for (var i = 0; i < text.Length; i++)
            if (lex.LunarPrefixes.StartsAt(text, i) || lex.LunarMonths.StartsAt(text, i) || text.AsSpan(i).StartsWith(lex.LunarNewYear)
                || text[i] == lex.LunarDayPrefix && i + 1 < text.Length && lex.Digit(text[i + 1]) >= 0) return true;
        return false;
    }

    private static bool PeriodMatches((LocalDate Start, LocalDate End) p, (LocalDate Start, LocalDate End, bool Day)? expected)
    {
        if (expected is not { } x) return false;
        if (x.Day) return p.Start == p.End && p.Start == x.Start;
        return p.Start == x.Start && (x.End.PlusDays(-1) == p.End || x.End == p.End
            // The library ends a range of named years at the start of the last one (2016至2018 → 2016-01-01..2018-01-01);
            // we include the last named year. Accepted when both name the same years.
            || p.Start.Month == 1 && p.Start.Day == 1 && p.End.Month == 12 && p.End.Day == 31 && x.End == new LocalDate(p.End.Year, 1, 1));
    }

    /// <summary>Lunar dates: the library writes the lunar month and day as if they were Gregorian (农历2015年十月初一 →
    /// 2015-10-01); we convert to the Gregorian calendar (2015-11-12). A day passes when, read back in the lunar
    /// calendar, it has the written month and day (and year, when the Timex has one).</summary>
    private static bool LunarMatches((LocalDate Start, LocalDate End) p, string? timex)
    {
        if (p.Start != p.End || p.Start.Year is < 1902 or > 2099 || timex is not { Length: 10 } || timex[4] != '-' || timex[7] != '-') return false;
        var calendar = new ChineseLunisolarCalendar();
        var dt = p.Start.ToDateTimeUnspecified();
        var year = calendar.GetYear(dt);
        var month = calendar.GetMonth(dt);
        var leap = calendar.GetLeapMonth(year);
        if (leap > 0 && month >= leap) month--;
        var day = calendar.GetDayOfMonth(dt);
        var sameYear = timex.StartsWith("XXXX", StringComparison.Ordinal) || int.TryParse(timex[..4], out var y) && y == year;
        return sameYear && int.TryParse(timex[5..7], out var m) && m == month && int.TryParse(timex[8..], out var d) && d == day;
    }

    private static LocalDate Iso(JsonElement e)
    {
        var r = LocalDatePattern.Iso.Parse(e.GetString() ?? "");
        return r.Success ? r.Value : default;
    }

    private static string Describe(Expected e) => $"{e.Start}-{e.End} {e.Text}";

    private static string Describe(Found f) =>
        $"{f.Start}-{f.End} {f.Kind} {(f.Value?.ToString(CultureInfo.InvariantCulture) ?? "")}{f.Unit}{string.Concat(f.Periods.Select(p => $" {p.Start:uuuu-MM-dd}..{p.End:uuuu-MM-dd}"))}";
}

/// <summary>A mention in a comparable shape: kind, UTF-16 offsets (end exclusive), value and unit, candidate periods
/// (inclusive), the Timex when the recognizer gives one.</summary>
internal sealed record Found(string Kind, int Start, int End, decimal? Value, string Unit, IReadOnlyList<(LocalDate Start, LocalDate End)> Periods, string Timex)
{
    /// <summary>The high end of a range (<c>value_end</c>), when the mention is one.</summary>
    public decimal? ValueEnd { get; init; }
}

/// <summary>One expected result of a spec case, offsets end exclusive.</summary>
internal sealed record Expected(int Start, int End, string Text, decimal? Value, string? ValueText, string? Currency,
    (LocalDate Start, LocalDate End, bool Day)? Future, (LocalDate Start, LocalDate End, bool Day)? Past, string? Timex, bool TimeOfDay);

/// <summary>One case of a Recognizers-Text spec file.</summary>
internal sealed record SpecCase(string Input, LocalDate Reference, IReadOnlyList<Expected> Results)
{
    public bool NeedsTimeOfDay => Results.Any(r => r.TimeOfDay);

    public static IEnumerable<SpecCase> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path).TrimStart('\uFEFF'));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var input = c.GetProperty("Input").GetString()!;
            var reference = c.TryGetProperty("Context", out var ctx) && ctx.TryGetProperty("ReferenceDateTime", out var rd)
                ? LocalDate.FromDateTime(DateTime.Parse(rd.GetString()!, CultureInfo.InvariantCulture)) : new LocalDate(2017, 3, 22);
            var results = c.TryGetProperty("Results", out var r) ? r.EnumerateArray().Select(ReadResult).ToList() : [];
            yield return new SpecCase(input, reference, results);
        }
    }

    private static Expected ReadResult(JsonElement e)
    {
        var start = e.GetProperty("Start").GetInt32();
        var end = e.TryGetProperty("Length", out var l) ? start + l.GetInt32() : e.GetProperty("End").GetInt32() + 1;
        var type = e.TryGetProperty("Type", out var t) ? t.GetString() ?? "" : e.TryGetProperty("TypeName", out var tn) ? tn.GetString() ?? "" : "";
        string? valueText = null, currency = null, timex = null;
        decimal? value = null;
        if (e.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object)
        {
            valueText = res.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (valueText is not null && decimal.TryParse(valueText.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d;
            currency = res.TryGetProperty("isoCurrency", out var iso) ? iso.GetString() : null;
        }
        (LocalDate, LocalDate, bool)? future = null, past = null;
        if (e.TryGetProperty("Value", out var val) && val.ValueKind == JsonValueKind.Object)
        {
            timex = val.TryGetProperty("Timex", out var tx) ? tx.GetString() : null;
            future = Resolution(val, "FutureResolution");
            past = Resolution(val, "PastResolution");
        }
        var timeOfDay = type.Contains("time", StringComparison.OrdinalIgnoreCase) || (timex ?? "").Contains('T');
        return new Expected(start, end, e.GetProperty("Text").GetString() ?? "", value, valueText, currency, future, past, timex, timeOfDay);
    }

    private static (LocalDate, LocalDate, bool)? Resolution(JsonElement value, string which)
    {
        if (!value.TryGetProperty(which, out var r) || r.ValueKind != JsonValueKind.Object) return null;
        if (r.TryGetProperty("date", out var d)) return Parse(d) is { } day ? (day, day, true) : null;
        if (r.TryGetProperty("startDate", out var s) && r.TryGetProperty("endDate", out var e) && Parse(s) is { } sd && Parse(e) is { } ed) return (sd, ed, false);
        return null;
    }

    private static LocalDate? Parse(JsonElement e)
    {
        var r = LocalDatePattern.Iso.Parse(e.GetString() ?? "");
        return r.Success ? r.Value : null;
    }
}
