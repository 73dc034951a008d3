using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Pipeline.Text;

namespace Pipeline.Recognition.English;

/// <summary>
/// English dates and reporting periods, resolved against the reference date: <c>January 8, 2026</c>, <c>Jan 8</c>
/// (year from context), <c>8 January 2026</c>, <c>January 2026</c>, <c>the first half of 2025</c>, <c>H1 2025</c>,
/// <c>Q3 2025</c>, <c>the third quarter of 2025</c>, <c>FY2024</c>, <c>fiscal 2024</c>, <c>the nine months ended
/// September 30, 2025</c>, <c>the year ended December 31, 2024</c>, <c>2022 to 2024</c>, <c>in 2024</c>,
/// <c>this year</c>, <c>last year</c>, <c>yesterday</c>. Patterns are built from the lexicon's words; every regex
/// has a match timeout.
/// </summary>
public sealed class EnglishDateRecognizer : IRecognizer
{
    private static readonly TimeSpan Timeout = Pipeline.Text.RegexLimits.Timeout;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly EnglishLexicon _lex;
    /// <summary>Each rule with what every one of its matches holds: an ASCII digit (<see cref="Digits"/>: a year or a
    /// day) or one of <see cref="_anchors"/> as a whole word (<see cref="Words"/>).</summary>
    private readonly (Regex Pattern, Func<Match, LocalDate?, ReportingPeriod?> Resolve, MentionKind Kind, bool NeedsDigit)[] _rules;
    private const bool Digits = true, Words = false;

    /// <summary>The leading letters of every word the digit-free rules are built on (this year, yesterday, last week,
    /// Tuesday, in September…): a span with no digit and none of these words cannot match any rule, so its regexes are
    /// not run. On Chinese news the English spans are mostly names (AI, MiniMax) and pinyin: this skips almost all of them.</summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _anchors;
    private readonly bool _anchorsComplete;

    public EnglishDateRecognizer() : this(EnglishLexicon.Default) { }

    public EnglishDateRecognizer(EnglishLexicon lexicon)
    {
        _lex = lexicon;
        var month = Alternation(lexicon.Months.Keys, allowDot: true);
        var count = Alternation(lexicon.MonthCounts.Keys) + @"|\d{1,2}";
        var half = Alternation(lexicon.Halves.Keys);
        var quarter = Alternation(lexicon.Quarters.Keys);
        var rel = Alternation(lexicon.RelativeYears.Keys);
        var relDay = Alternation(lexicon.RelativeDays.Keys);
        // Weekdays and full month names are matched capitalised only (case-sensitive groups): "may" is a verb.
        var weekday = string.Join("|", lexicon.Weekdays.Keys.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var fullMonth = string.Join("|", lexicon.Months.Keys.Where(m => m.Length > 3 || !lexicon.Months.Keys.Any(k => k.Length > m.Length && k.StartsWith(m, StringComparison.Ordinal)))
            .Select(m => char.ToUpperInvariant(m[0]) + m[1..]));
        var relWeek = Alternation(lexicon.RelativeWeeks.Keys);
        var relMonth = Alternation(lexicon.RelativeMonths.Keys);
        var lead = Alternation(lexicon.MonthLeads);
        var past = Alternation(lexicon.PastWords);
        var pastUnit = Alternation(lexicon.PastUnits.Keys);
        const string year = @"(?<year>(19|20)\d{2})";
        var day = @"(?<day>[12]\d|3[01]|0?[1-9])(st|nd|rd|th)?";
        var monthDay = $@"(?<month>{month})\.?\s+{day}";
        var anchors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _anchorsComplete = true;
        foreach (var word in lexicon.RelativeYears.Keys.Concat(lexicon.RelativeDays.Keys).Concat(lexicon.PastWords).Concat(lexicon.RelativeWeeks.Keys)
                     .Concat(lexicon.RelativeMonths.Keys).Concat(lexicon.Weekdays.Keys).Concat(lexicon.MonthLeads))
        {
            var letters = 0;
            while (letters < word.Length && char.IsAsciiLetter(word[letters])) letters++;
            if (letters == 0) _anchorsComplete = false; // a word not starting with a letter: the word rules always run
            else anchors.Add(word[..letters]);
        }
        // Weekdays go into their pattern unescaped: one with anything but letters would not stand as a letter run.
        if (lexicon.Weekdays.Keys.Any(w => !w.All(char.IsAsciiLetter))) _anchorsComplete = false;
        _anchors = anchors.GetAlternateLookup<ReadOnlySpan<char>>();
        _rules =
        [
            // the nine months ended September 30, 2025 / the year ended December 31, 2024
            (Build($@"\b(the\s+)?((?<count>{count})\s+months?|(?<fullyear>(fiscal\s+)?year)|(?<quarterword>(fiscal\s+)?quarter))\s+(ended|ending|to)\s+{monthDay},?\s+{year}\b"),
                (m, _) => MonthsEnded(m), MentionKind.Period, Digits),
            // the first nine months of 2025 / the first 9 months of 2025
            (Build($@"\b(the\s+)?first\s+(?<count>{count})\s+months\s+(of|in)\s+{year}\b"), (m, _) => FirstMonths(m), MentionKind.Period, Digits),
            // the first two months of the year / of this year (the reference date's year; "of" is a month lead, an anchor word)
            (Build($@"\b(the\s+)?first\s+(?<count>{count})\s+months\s+of\s+(the|this)\s+year\b"), (m, r) => r is { } d ? FirstMonths(m, d.Year) : null, MentionKind.Period, Words),
            // the first half of 2025 / first half 2025 / H1 2025 / 2025 H1
            (Build($@"\b(the\s+)?(?<half>{half})(\s+of)?,?\s+{year}\b|\b{year}\s+(?<half>{half})\b"),
                (m, _) => ReportingPeriod.Half(Year(m), _lex.Halves[Key(m, "half")]), MentionKind.Period, Digits),
            // Q3 2025 / the third quarter of 2025 / 2025 Q3 / 3Q25 excluded (ambiguous)
            (Build($@"\b(the\s+)?(?<quarter>{quarter})(\s+of)?,?\s+{year}\b|\b{year}\s+(?<quarter>{quarter})\b"),
                (m, _) => ReportingPeriod.Quarter(Year(m), _lex.Quarters[Key(m, "quarter")]), MentionKind.Period, Digits),
            // FY2024 / FY 2024 / fiscal 2024 / fiscal year 2024
            (Build($@"\b(FY\s?|fiscal\s+(year\s+)?){year}\b(?!\s*/\s*\d)"), (m, _) => ReportingPeriod.Year(Year(m)), MentionKind.Period, Digits),
            // from 2022 to 2024 / 2022-2024 / between 2022 and 2024 ("2023 and 2024" alone is a list of two years)
            (Build($@"\b(between\s+(?<y1>(19|20)\d{{2}})\s+and\s+|(from\s+)?(?<y1>(19|20)\d{{2}})\s*(-|–|to|through)\s*)(?<y2>(19|20)\d{{2}})\b"),
                (m, _) => YearSpan(m), MentionKind.Period, Digits),
            // January 8, 2026 / Jan. 8 2026
            (Build($@"\b{monthDay}(,\s*|\s+){year}\b"), (m, _) => Day(Year(m), Month(m), int.Parse(m.Groups["day"].Value)), MentionKind.Date, Digits),
            // 8 January 2026
            (Build($@"\b{day}\s+(?<month>{month})\.?,?\s+{year}\b"), (m, _) => Day(Year(m), Month(m), int.Parse(m.Groups["day"].Value)), MentionKind.Date, Digits),
            // January 8 (year from the reference date)
            (Build($@"\b{monthDay}\b(?!\s*,?\s*(19|20)\d{{2}})"), (m, r) => DayInContext(m, r), MentionKind.Date, Digits),
            // January 2026
            (Build($@"\b(?<month>{month})\.?,?\s+{year}\b"), (m, _) => ReportingPeriod.Month(Year(m), Month(m)), MentionKind.Period, Digits),
            // this year / last year / next year
            (Build($@"\b(?<rel>{rel})\b"), (m, r) => r is { } d ? ReportingPeriod.Year(d.Year + _lex.RelativeYears[Key(m, "rel")]) : null, MentionKind.Period, Words),
            // today / yesterday
            (Build($@"\b(?<relday>{relDay})\b"), (m, r) => r is { } d ? ReportingPeriod.Day(d.PlusDays(_lex.RelativeDays[Key(m, "relday")])) : null, MentionKind.Date, Words),
            // the past five years, the last two quarters (a rolling span up to the reference date)
            (Build($@"\b(the\s+)?(?<past>{past})\s+(?<count>{count})\s+(?<unit>{pastUnit})\b"), (m, r) => PastSpan(m, r), MentionKind.Period, Words),
            // last week / this week / earlier this week
            (Build($@"\b(?<relweek>{relWeek})\b"), (m, r) => Week(m, r), MentionKind.Period, Words),
            // last month / this month
            (Build($@"\b(?<relmonth>{relMonth})\b"), (m, r) => r is { } d ? Month(d, _lex.RelativeMonths[Key(m, "relmonth")]) : null, MentionKind.Period, Words),
            // (on) Tuesday, last Friday, next Monday
            (Build($@"\b((?i:(?<which>last|next|this))\s+)?(?-i:(?<weekday>{weekday}))\b(?!\s*,?\s*(?i:{month})\.?\s+\d)"), (m, r) => Weekday(m, r), MentionKind.Date, Words),
            // in September, early May, since March (the nearest such month to the reference date)
            (Build($@"\b(?<lead>{lead})\s+(?-i:(?<month>{fullMonth}))\b(?!\.?\s*,?\s*\d)"), (m, r) => MonthInContext(m, r), MentionKind.Period, Words),
            // A year in a list of years: 2022, 2023 and 2024 (each its own period).
            (Build(@"(?<=\b(19|20)\d{2}(\s*,\s*|\s+and\s+|,\s+and\s+))(?<year>(19|20)\d{2})\b|\b(?<year>(19|20)\d{2})(?=(\s*,\s*|\s+and\s+|,\s+and\s+)(19|20)\d{2}\b)"),
                (m, _) => ReportingPeriod.Year(Year(m)), MentionKind.Period, Digits),
            // in 2024 / for 2024 / of 2024 / 2024's
            (Build($@"\b(in|for|during|of|since|by)\s+{year}\b(?!\s*(-|–|to)\s*\d)"), (m, _) => ReportingPeriod.Year(Year(m)), MentionKind.Period, Digits),
        ];
    }

    public string Name => "date-en";

    public void Recognize(string text, RecognitionContext context, List<Mention> output)
    {
        if (!HasLatin(text)) return;
        // Only where Latin letters are (a span is a run without Han characters: 2025 年 is the Chinese recognizers').
        foreach (var (start, end) in Han.LatinSpans(text)) RecognizeSpan(text, start, end, context, output);
    }

    private void RecognizeSpan(string text, int spanStart, int spanEnd, RecognitionContext context, List<Mention> output)
    {
        var span = text.AsSpan(spanStart, spanEnd - spanStart);
        var digit = span.IndexOfAnyInRange('0', '9') >= 0;
        var words = HasAnchorWord(span);
        if (!digit && !words) return;
        foreach (var (pattern, resolve, kind, needsDigit) in _rules)
        {
            if (needsDigit ? !digit : !words) continue;
            try
            {
                for (var m = pattern.Match(text, spanStart, spanEnd - spanStart); m.Success; m = m.NextMatch())
                {
                    var period = resolve(m, context.ReferenceDate);
                    if (period is null) continue;
                    var (start, end) = Trim(text, m.Index, m.Index + m.Length);
                    output.Add(new Mention(kind, new TextSpan(start, end), text[start..end], new PeriodResolution(period.Value)) { Recognizer = Name });
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: this rule yields nothing more for this text; the others still run.
            }
        }
    }

    /// <summary>Whether one of the anchor words stands in <paramref name="span"/> as a whole run of ASCII letters (a
    /// regex word boundary precedes each of them, and each is followed by a space or the end of its word).</summary>
    private bool HasAnchorWord(ReadOnlySpan<char> span)
    {
        // Case-insensitive regexes also match the Kelvin sign and the long s for k and s: no shortcut then.
        if (!_anchorsComplete || span.IndexOfAny('\u212A', '\u017F') >= 0) return true;
        for (var i = 0; i < span.Length;)
        {
            if (!char.IsAsciiLetter(span[i])) { i++; continue; }
            var start = i;
            while (i < span.Length && char.IsAsciiLetter(span[i])) i++;
            if (_anchors.Contains(span[start..i])) return true;
        }
        return false;
    }

    /// <summary>The span without a leading "in", "for", "the"… that only served to anchor the match.</summary>
    private static (int, int) Trim(string text, int start, int end)
    {
        foreach (var lead in new[] { "during ", "since ", "in ", "for ", "of ", "by ", "until ", "from ", "through ", "before ", "after " })
            if (string.Compare(text, start, lead, 0, lead.Length, StringComparison.OrdinalIgnoreCase) == 0)
                return (start + lead.Length, end);
        return (start, end);
    }

    private static bool HasLatin(string text)
    {
        foreach (var c in text) if (char.IsAsciiLetter(c)) return true;
        return false;
    }

    private ReportingPeriod? MonthsEnded(Match m)
    {
        var end = Day(Year(m), Month(m), int.Parse(m.Groups["day"].Value));
        if (end is null) return null;
        var months = m.Groups["fullyear"].Success ? 12 : m.Groups["quarterword"].Success ? 3
            : _lex.MonthCounts.TryGetValue(Key(m, "count"), out var n) ? n : int.Parse(m.Groups["count"].Value);
        if (months is < 1 or > 24) return null;
        var start = end.Value.End.PlusDays(1).PlusMonths(-months);
        return ReportingPeriod.Between(start, end.Value.End);
    }

    private ReportingPeriod? FirstMonths(Match m, int? year = null)
    {
        var months = _lex.MonthCounts.TryGetValue(Key(m, "count"), out var n) ? n : int.Parse(m.Groups["count"].Value);
        return months is >= 1 and <= 12 ? ReportingPeriod.Months(year ?? Year(m), 1, months) : null;
    }

    private static ReportingPeriod? YearSpan(Match m)
    {
        var from = int.Parse(m.Groups["y1"].Value);
        var to = int.Parse(m.Groups["y2"].Value);
        return to > from && to - from <= 30 ? ReportingPeriod.Years(from, to) : null;
    }

    private ReportingPeriod? DayInContext(Match m, LocalDate? reference)
    {
        if (reference is not { } r) return null;
        var month = Month(m);
        var day = int.Parse(m.Groups["day"].Value);
        // The nearest such date to the reference date: "Dec 31" read in January is last year's.
        var candidates = new[] { r.Year - 1, r.Year, r.Year + 1 }
            .Select(y => Day(y, month, day)).Where(p => p is not null).Select(p => p!.Value)
            .OrderBy(p => Math.Abs(Period.Between(r, p.Start, PeriodUnits.Days).Days)).ToList();
        return candidates.Count == 0 ? null : candidates[0];
    }

    private ReportingPeriod? PastSpan(Match m, LocalDate? reference)
    {
        if (reference is not { } r) return null;
        var n = _lex.MonthCounts.TryGetValue(Key(m, "count"), out var w) ? w : int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (n is < 1 or > 50) return null;
        var start = _lex.PastUnits[Key(m, "unit")] switch
        {
            "year" => r.PlusYears(-n),
            "quarter" => r.PlusMonths(-3 * n),
            "month" => r.PlusMonths(-n),
            "week" => r.PlusWeeks(-n),
            _ => r.PlusDays(-n),
        };
        return ReportingPeriod.Between(start, r.PlusDays(-1));
    }

    private ReportingPeriod? Week(Match m, LocalDate? reference)
    {
        if (reference is not { } r) return null;
        var monday = r.PlusDays(1 - (int)r.DayOfWeek).PlusWeeks(_lex.RelativeWeeks[Key(m, "relweek")]);
        return ReportingPeriod.Between(monday, monday.PlusDays(6));
    }

    private static ReportingPeriod? Month(LocalDate reference, int offset)
    {
        var first = new LocalDate(reference.Year, reference.Month, 1).PlusMonths(offset);
        return ReportingPeriod.Month(first.Year, first.Month);
    }

    /// <summary>The latest such weekday on or before the reference date ("last": before it; "next": after it).</summary>
    private ReportingPeriod? Weekday(Match m, LocalDate? reference)
    {
        if (reference is not { } r) return null;
        var weekday = _lex.Weekdays[Key(m, "weekday")];
        var back = ((int)r.DayOfWeek - weekday + 7) % 7;
        var day = Key(m, "which") switch
        {
            "next" => r.PlusDays((weekday - (int)r.DayOfWeek + 7) % 7 is var ahead && ahead == 0 ? 7 : ahead),
            "last" => r.PlusDays(back == 0 ? -7 : -back),
            _ => r.PlusDays(-back),
        };
        return ReportingPeriod.Day(day);
    }

    /// <summary>A month written alone: the nearest one to the reference date.</summary>
    private ReportingPeriod? MonthInContext(Match m, LocalDate? reference)
    {
        if (reference is not { } r) return null;
        var month = Month(m);
        var diff = month - r.Month;
        var year = diff > 6 ? r.Year - 1 : diff < -6 ? r.Year + 1 : r.Year;
        return ReportingPeriod.Month(year, month);
    }

    private static ReportingPeriod? Day(int year, int month, int day) =>
        day >= 1 && month is >= 1 and <= 12 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? ReportingPeriod.Day(year, month, day) : null;

    private int Month(Match m) => _lex.Months[Key(m, "month").TrimEnd('.')];

    private static int Year(Match m) => int.Parse(m.Groups["year"].Value);

    private static string Key(Match m, string group) => System.Text.RegularExpressions.Regex.Replace(
        m.Groups[group].Value.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, Timeout);

    private static string Alternation(IEnumerable<string> words, bool allowDot = false) =>
        string.Join("|", words.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+")));

    private static Regex Build(string pattern) => new(pattern, Options, Timeout);
}
