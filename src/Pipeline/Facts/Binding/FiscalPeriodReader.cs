using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>
/// Fiscal quarters (2026财年第二季度, 2025/26财年第一季度, the second quarter of fiscal 2026, FY26 Q1) resolved to calendar
/// dates with the fiscal year end of the company the article is about. Fiscal year N ends in calendar year N; quarter
/// k starts 3(k−1) months after the fiscal year starts. Without a known year end, nothing is resolved.
/// </summary>
public sealed class FiscalPeriodReader
{
    private readonly Regex _chinese;
    private readonly Regex _englishQuarterFirst;
    private readonly Regex _englishYearFirst;

    public FiscalPeriodReader(BindingLexicon lexicon)
    {
        static string Alternatives(IEnumerable<string> words) => string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
        var zh = Alternatives(lexicon.FiscalWordsChinese);
        var en = Alternatives(lexicon.FiscalWordsEnglish);
        var timeout = Pipeline.Text.RegexLimits.Timeout;
        var cn = lexicon.FiscalQuarterChinese;
        static string Optional(IReadOnlyList<string> words) => words.Count == 0 ? "" : $"(?:{Alternatives(words)})?";
        var first = cn.First.Count == 0 ? "" : $"|(?<first>{Alternatives(cn.First)})";
        _chinese = new Regex($@"(?<y1>\d{{4}}|\d{{2}}(?=\s*[/／]\s*\d{{2}}))\s*(?:[/／]\s*(?<y2>\d{{2,4}}))?\s*{Optional(cn.Year)}\s*(?:{zh})\s*{Optional(cn.Links)}\s*"
                             + $@"(?:{Optional(cn.Ordinals)}(?<q>[一二三四1-4]){first})\s*(?:{Alternatives(cn.Quarter)})", RegexOptions.None, timeout);
        _englishQuarterFirst = new Regex($@"\b(?:(?<qw>first|second|third|fourth)[- ]quarter|Q(?<q>[1-4]))\s+(?:of\s+)?(?:(?:its|the)\s+)?(?:{en})\s*(?<y1>\d{{2,4}})(?:\s*/\s*(?<y2>\d{{2,4}}))?\b",
            RegexOptions.IgnoreCase, timeout);
        _englishYearFirst = new Regex($@"\b(?:{en})\s*(?<y1>\d{{2,4}})(?:\s*/\s*(?<y2>\d{{2,4}}))?\s*(?:(?<qw>first|second|third|fourth)[- ]quarter|Q(?<q>[1-4]))\b",
            RegexOptions.IgnoreCase, timeout);
    }

    /// <summary>The fiscal quarters written in <paramref name="text"/>, resolved with <paramref name="yearEnd"/>.</summary>
    public IReadOnlyList<RelativePeriodMention> Read(string text, AnnualDate yearEnd)
    {
        var found = new List<RelativePeriodMention>();
        try
        {
            foreach (var regex in new[] { _chinese, _englishQuarterFirst, _englishYearFirst })
                foreach (Match m in regex.Matches(text))
                    if (Resolve(m, yearEnd) is { } p) found.Add(new RelativePeriodMention(m.Index, m.Index + m.Length, RelativePeriod.FiscalQuarter, p));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological text: no fiscal quarter is read rather than stalling the document.
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    private static ReportingPeriod? Resolve(Match m, AnnualDate yearEnd)
    {
        var endYear = Year(m.Groups["y2"].Success ? m.Groups["y2"].Value : m.Groups["y1"].Value, m.Groups["y1"].Value);
        var quarter = m.Groups["first"].Success ? 1 : m.Groups["q"].Success ? Quarter(m.Groups["q"].Value) : Quarter(m.Groups["qw"].Value);
        if (endYear is null || quarter is null || endYear < 1900 || endYear > 2200) return null;
        return Quarter(endYear.Value, quarter.Value, yearEnd);
    }

    /// <summary>Quarter <paramref name="quarter"/> of the fiscal year that ends in <paramref name="endYear"/>.</summary>
    public static ReportingPeriod Quarter(int endYear, int quarter, AnnualDate yearEnd)
    {
        var fyEnd = yearEnd.InYear(endYear);
        var start = fyEnd.PlusYears(-1).PlusDays(1).PlusMonths(3 * (quarter - 1));
        var end = start.PlusMonths(3).PlusDays(-1);
        return start.Day == 1 && start.Month % 3 == 1 && end == start.PlusMonths(3).PlusDays(-1)
            ? ReportingPeriod.Quarter(start.Year, (start.Month - 1) / 3 + 1)
            : ReportingPeriod.Between(start, end);
    }

    /// <summary>Quarter <paramref name="quarter"/> of the fiscal year that holds <paramref name="period"/>.</summary>
    public static ReportingPeriod QuarterOfYearHolding(ReportingPeriod period, int quarter, AnnualDate yearEnd)
    {
        var endYear = yearEnd.InYear(period.End.Year) >= period.End ? period.End.Year : period.End.Year + 1;
        return Quarter(endYear, quarter, yearEnd);
    }

    /// <summary>A four-digit year, or two digits completed from the century of <paramref name="context"/> (2025/26).</summary>
    private static int? Year(string text, string context)
    {
        if (!int.TryParse(text, out var y)) return null;
        if (text.Length == 4) return y;
        if (text.Length != 2) return null;
        var century = context.Length == 4 && int.TryParse(context[..2], out var c) ? c * 100 : 2000;
        return century + y;
    }

    private static int? Quarter(string text) => text.ToLowerInvariant() switch
    {
        "1" or "一" or "first" => 1,
        "2" or "二" or "second" => 2,
        "3" or "三" or "third" => 3,
        "4" or "四" or "fourth" => 4,
        _ => null,
    };
}
