using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Pipeline.Text;
using static Pipeline.Recognition.English.EnglishText;

namespace Pipeline.Recognition.English;

/// <summary>
/// English money, percentages, percentage points, multiples and counts in one left-to-right pass: each Arabic
/// number (<c>1,837</c>, <c>116.20</c>) is read with its scale word (<c>1.32 billion</c>, <c>6.2 bn</c>), classified by
/// the words around it (<c>HK$</c>, <c>RMB</c>, <c>yuan</c>, <c>%</c>, <c>percentage points</c>, <c>times</c>,
/// <c>shares</c>) and given its qualifier (<c>about</c>, <c>over</c>, <c>nearly</c>, <c>at least</c>). Works inside
/// Chinese text too (<c>HK$116.20</c> in a Chinese sentence). Bare years are left to the date recognizer.
/// </summary>
public sealed class EnglishQuantityRecognizer(EnglishLexicon lexicon) : IRecognizer
{
    public EnglishQuantityRecognizer() : this(EnglishLexicon.Default) { }

    public string Name => "quantity-en";

    /// <summary>Longest number read (digits and separators); longer runs are codes or garbage, not quantities.</summary>
    private const int MaxNumberLength = 40;

    public void Recognize(string text, RecognitionContext context, List<Mention> output)
    {
        // Only where Latin letters or a currency symbol are (figures between Han characters are the Chinese recognizers').
        foreach (var (start, end) in Han.LatinSpans(text)) RecognizeSpan(text, start, end, output);
    }

    private void RecognizeSpan(string text, int start, int end, List<Mention> output)
    {
        var i = start;
        while (i < end)
        {
            if (text[i] == ':' && Scan.SkipUrl(text, i) is var urlEnd && urlEnd > i) { i = urlEnd; continue; }
            // Words that are figures: triple-digit growth, more than doubled, five million units.
            if (char.IsAsciiLetter(text[i]) && (i == 0 || !IsWordChar(text[i - 1])) && TryWord(text, i, output) is var wordEnd and > 0)
            {
                i = wordEnd;
                continue;
            }
            // A number starts at a digit that does not continue a word, a code or a longer number (K2, GLM-4.7 stay out).
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (IsWordChar(text[i - 1]) && !AfterTightPrefix(text, i) || text[i - 1] is '.' or ',')))
            {
                i++;
                continue;
            }
            i = TryAt(text, i, output);
        }
    }

    private int TryAt(string text, int start, List<Mention> output) =>
        TryNumber(text, start, out var value, out var decimals, out var numberEnd)
            ? Classify(text, start, value, decimals, numberEnd, output)
            : SkipDigits(text, start);

    /// <summary>A word that is a figure at <paramref name="i"/> (<see cref="EnglishLexicon.AtLeastWords"/>: triple-digit
    /// growth is at least 100%, more than doubled more than 100%), or a number word with a scale of its own or of the
    /// range it opens (five million units; five to six million units). Returns where scanning continues, or 0.</summary>
    private int TryWord(string text, int i, List<Mention> output)
    {
        if (FirstWordAt(text, i, lexicon.AtLeastWordList) is { } bound)
        {
            var end = i + bound.Length;
            // The qualifier is part of the figure, as with digits (more than doubled).
            var before = QualifierBefore(text, i, out var from);
            output.Add(new Mention(MentionKind.Percentage, new TextSpan(from, end), text[from..end], new Percentage(lexicon.AtLeastWords[bound], 0),
                before == Qualifier.Exact ? Qualifier.GreaterOrEqual : before) { Recognizer = Name });
            return end;
        }
        if (FirstWordAt(text, i, lexicon.NumberWordList) is not { } number) return 0;
        var numberEnd = i + number.Length;
        var after = Scan.SkipSpaces(text, numberEnd);
        var scaled = lexicon.Scales.Any(s => s.Word.Length > 1 && (WordAt(text, after, s.Word) || Hyphenated(text, numberEnd, s.Word)));
        if (!scaled && RangeScale(text, numberEnd) is null) return 0;
        return Classify(text, i, lexicon.NumberWords[number], 0, numberEnd, output);
    }

    private int Classify(string text, int start, decimal value, int decimals, int numberEnd, List<Mention> output)
    {
        // Currency before the number: HK$116.20, US$ 1.32 billion, RMB 6.2 bn.
        var spanStart = start;
        Currency? currency = null;
        var before = start;
        foreach (var (prefix, c) in lexicon.CurrencyPrefixes)
        {
            var at = Scan.SkipSpacesBack(text, start) - prefix.Length;
            var tight = start - prefix.Length;
            foreach (var p in new[] { tight, at })
            {
                if (p < 0 || string.CompareOrdinal(text, p, prefix, 0, prefix.Length) != 0) continue;
                if (char.IsAsciiLetter(prefix[0]) && p > 0 && char.IsAsciiLetter(text[p - 1])) continue;
                // "USD5" is not how amounts are written; "RMB247,795 million" is (Alibaba's, JD's releases).
                if (char.IsAsciiLetter(prefix[^1]) && p + prefix.Length == start && !lexicon.TightPrefixes.Contains(prefix)) continue;
                currency = c;
                before = p;
                break;
            }
            if (currency is not null) break;
        }
        if (currency is not null) spanStart = before;

        // Scale: 1.32 billion, 6.2bn, 55.4 billion.
        var end = numberEnd;
        var scale = 1m;
        var afterNumber = Scan.SkipSpaces(text, numberEnd);
        foreach (var (word, factor) in lexicon.Scales)
        {
            // Single-letter scales (m, b, k) only tight against the number and only for money: $40m, HK$1.3b.
            var found = word.Length == 1
                ? currency is not null && numberEnd < text.Length && char.ToLowerInvariant(text[numberEnd]) == word[0]
                  && (numberEnd + 1 == text.Length || !IsWordChar(text[numberEnd + 1]))
                : WordAt(text, afterNumber, word) || WordAt(text, numberEnd, word) || Hyphenated(text, numberEnd, word) || TightScale(text, numberEnd, word);
            if (!found) continue;
            scale = factor;
            end = (word.Length == 1 || WordAt(text, numberEnd, word) || TightScale(text, numberEnd, word) ? numberEnd
                : Hyphenated(text, numberEnd, word) ? numberEnd + 1 : afterNumber) + word.Length;
            break;
        }
        // 5 to 6 million units, five to six million: the first number of a range takes the scale written after the second,
        // and what the second counts or is paid in.
        // A year never opens such a range (from 1.8 million in 2023 to 3 million in 2024).
        var unitFrom = -1;
        var yearLike = currency is null && decimals == 0 && numberEnd - start == 4 && value is >= 1900 and <= 2100;
        if (scale == 1m && !yearLike && RangeScale(text, numberEnd) is { } shared) (scale, unitFrom) = shared;

        var next = Scan.SkipSpaces(text, end);
        MentionKind kind;
        Resolution resolution;
        var precision = Pow10(-decimals) * scale;
        if (SafeMultiply(value, scale) is not { } amount) return Math.Max(end, start + 1);

        if (currency is null && next < text.Length && (text[next] == '%' || text[next] == '％'))
        {
            kind = MentionKind.Percentage;
            resolution = new Percentage(amount, precision);
            end = next + 1;
        }
        else if (currency is null && FirstWordAt(text, next, lexicon.PointWords) is { } points)
        {
            kind = MentionKind.Points;
            var basis = points.StartsWith("basis", StringComparison.Ordinal);
            resolution = new PercentagePoints(basis ? amount / 100m : amount, basis ? precision / 100m : precision);
            end = next + points.Length;
        }
        else if (currency is null && FirstWordAt(text, next, lexicon.PercentWords) is { } percent)
        {
            kind = MentionKind.Percentage;
            resolution = new Percentage(amount, precision);
            end = next + percent.Length;
        }
        else if (currency is null && (FirstWordAt(text, next, lexicon.MultipleWords) is { } times || IsTightX(text, end, out times)))
        {
            kind = MentionKind.Multiple;
            resolution = new Multiple(amount, precision);
            end = (times == "x" ? end : next) + times.Length;
        }
        else if (currency is null && next < text.Length && text[next] == '-' && FirstWordAt(text, next + 1, lexicon.MultipleWords) is { } hyphenTimes)
        {
            // 241-times oversubscribed
            kind = MentionKind.Multiple;
            resolution = new Multiple(amount, precision);
            end = next + 1 + hyphenTimes.Length;
        }
        else
        {
            var suffixAt = unitFrom >= 0 ? unitFrom : next;
            if (currency is null)
                foreach (var (suffix, c) in lexicon.CurrencySuffixes)
                    if (WordAt(text, suffixAt, suffix.ToLowerInvariant()) || string.CompareOrdinal(text, suffixAt, suffix, 0, suffix.Length) == 0
                        && (suffixAt + suffix.Length == text.Length || !char.IsAsciiLetter(text[suffixAt + suffix.Length])))
                    {
                        currency = c;
                        if (unitFrom < 0) end = next + suffix.Length;
                        break;
                    }
            // 44 cents per ADS: hundredths of the currency.
            if (currency is null && scale == 1m)
                foreach (var (word, c) in lexicon.CurrencySubunits)
                    if (WordAt(text, next, word))
                    {
                        currency = c;
                        amount /= 100m;
                        precision /= 100m;
                        end = next + word.Length;
                        break;
                    }
            // between 26.5 billion and 29.2 billion RMB: the currency written after the range's second amount is the first's.
            if (currency is null && scale != 1m) currency = RangeCurrency(text, end);
            if (currency is { } cur)
            {
                kind = MentionKind.Money;
                resolution = new Money(amount, cur, precision);
            }
            else
            {
                // A bare four-digit year, or a number glued to letters (GLM-4, K2), is not a quantity.
                if (scale == 1m && decimals == 0 && numberEnd - start == 4 && amount is >= 1900 and <= 2100) return numberEnd;
                if (numberEnd < text.Length && char.IsAsciiLetter(text[numberEnd]) && scale == 1m) return SkipWord(text, numberEnd);
                if (start > 0 && text[start - 1] == '-' && start > 1 && char.IsAsciiLetter(text[start - 2])) return numberEnd;
                var unit = CountAfter(text, unitFrom >= 0 ? unitFrom : next);
                // 0.6, 16.4 and 25.2 per cent; 747 and 23 times; 100,000 and 110,000 units: the unit after the last
                // number of a list is every number's.
                var listed = unit == CountUnit.None && scale == 1m ? ListUnit(text, numberEnd) : null;
                if (listed is { } l && l.Kind != MentionKind.Number)
                {
                    kind = l.Kind;
                    resolution = kind == MentionKind.Percentage ? new Percentage(amount, precision) : new Multiple(amount, precision);
                }
                else
                {
                    if (listed is { } c) unit = c.Unit;
                    // 87,071 deliveries were written out digit-grouped: an integer with thousands separators is a count.
                    if (unit == CountUnit.None && decimals == 0 && scale == 1m && text.AsSpan(start, numberEnd - start).Contains(',')) unit = CountUnit.Count;
                    // A bare number says nothing without its unit or scale (and after a month name it is a day).
                    if (unit == CountUnit.None) return numberEnd;
                    kind = MentionKind.Number;
                    resolution = new Number(amount, precision, unit);
                }
            }
        }

        var qualifier = QualifierBefore(text, spanStart, out var qualifierStart);
        if (qualifier != Qualifier.Exact) spanStart = qualifierStart;
        output.Add(new Mention(kind, new TextSpan(spanStart, end), text[spanStart..end], resolution, qualifier) { Recognizer = Name });
        return end;
    }

    /// <summary>What a number counts: a share or count word right after it, or after up to two lower-case modifiers
    /// (<c>2.1 million paying users</c>, <c>300 million monthly active users</c>).</summary>
    private CountUnit CountAfter(string text, int at)
    {
        for (var words = 0; words <= 2 && at < text.Length; words++)
        {
            if (FirstWordAt(text, at, lexicon.ShareWords) is not null) return CountUnit.Shares;
            if (FirstWordAt(text, at, lexicon.CountWords) is not null) return CountUnit.Count;
            // Skip one lower-case modifier word.
            var end = at;
            while (end < text.Length && char.IsAsciiLetterLower(text[end])) end++;
            if (end == at || end >= text.Length || text[end] != ' ') break;
            at = Scan.SkipSpaces(text, end);
        }
        return CountUnit.None;
    }

    private Qualifier QualifierBefore(string text, int start, out int qualifierStart)
    {
        qualifierStart = start;
        var end = Scan.SkipSpacesBack(text, start);
        foreach (var (word, q) in lexicon.Qualifiers)
        {
            var at = end - word.Length;
            if (at >= 0 && WordAt(text, at, word))
            {
                qualifierStart = at;
                return q;
            }
        }
        return Qualifier.Exact;
    }

    /// <summary>Reads 1,837 / 116.20 / 1837; false for runs too long to be a quantity.</summary>
    internal static bool TryNumber(string text, int start, out decimal value, out int decimals, out int end)
    {
        value = 0; decimals = 0; end = start;
        var i = start;
        var digits = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i])) { digits.Append(text[i]); i++; }
            else if (text[i] == ',' && digits.Length > 0 && Digits3(text, i + 1)) i++;
            else break;
            if (i - start > MaxNumberLength) return false;
        }
        if (i < text.Length - 1 && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            digits.Append('.');
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { digits.Append(text[i]); decimals++; i++; if (i - start > MaxNumberLength) return false; }
        }
        end = i;
        return digits.Length <= 28 && decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool Digits3(string text, int i) =>
        i + 3 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]));

    /// <summary>The unit of a list of bare numbers, written once after the last (0.6, 16.4 and 25.2 per cent):
    /// a percentage, a multiple or a count; null when what follows the numbers is not such a list.</summary>
    private (MentionKind Kind, CountUnit Unit)? ListUnit(string text, int numberEnd)
    {
        var i = numberEnd;
        for (var items = 0; items < 6; items++)
        {
            var j = Scan.SkipSpaces(text, i);
            if (j < text.Length && text[j] == ',') j = Scan.SkipSpaces(text, j + 1);
            if (WordAt(text, j, "and")) j = Scan.SkipSpaces(text, j + 3);
            else if (WordAt(text, j, "or")) j = Scan.SkipSpaces(text, j + 2);
            else if (j == Scan.SkipSpaces(text, i)) return null; // no separator
            if (!TryNumber(text, j, out _, out _, out var end) || end == j) return null;
            var next = Scan.SkipSpaces(text, end);
            if (next < text.Length && text[next] is '%' or '％' || FirstWordAt(text, next, lexicon.PercentWords) is not null)
                return (MentionKind.Percentage, CountUnit.None);
            if (FirstWordAt(text, next, lexicon.MultipleWords) is not null) return (MentionKind.Multiple, CountUnit.None);
            if (CountAfter(text, next) is var unit and not CountUnit.None) return (MentionKind.Number, unit);
            i = end;
        }
        return null;
    }

    /// <summary>The scale of the range a bare number opens (5 to 6 million, five to six billion yuan, between 2 and 3
    /// million): the scale word after the second number, and where the words after that scale start. Null when no
    /// scaled second number follows a range join.</summary>
    private (decimal Scale, int After)? RangeScale(string text, int end)
    {
        var j = Scan.SkipSpaces(text, end);
        if (WordAt(text, j, "to")) j = Scan.SkipSpaces(text, j + 2);
        else if (WordAt(text, j, "and")) j = Scan.SkipSpaces(text, j + 3);
        else if (j < text.Length && text[j] is '-' or '–') j = Scan.SkipSpaces(text, j + 1);
        else return null;
        int numberEnd;
        if (TryNumber(text, j, out _, out _, out var digitsEnd) && digitsEnd > j) numberEnd = digitsEnd;
        else if (FirstWordAt(text, j, lexicon.NumberWordList) is { } word) numberEnd = j + word.Length;
        else return null;
        var after = Scan.SkipSpaces(text, numberEnd);
        foreach (var (word, factor) in lexicon.Scales)
            if (word.Length > 1 && WordAt(text, after, word)) return (factor, Scan.SkipSpaces(text, after + word.Length));
        return null;
    }

    /// <summary>The currency of the amount that ends a range after a scaled amount written without one (26.5 billion and
    /// 29.2 billion RMB; 1.2 billion to 1.5 billion yuan): null when no such amount follows.</summary>
    private Currency? RangeCurrency(string text, int end)
    {
        var j = Scan.SkipSpaces(text, end);
        if (WordAt(text, j, "and")) j = Scan.SkipSpaces(text, j + 3);
        else if (WordAt(text, j, "to")) j = Scan.SkipSpaces(text, j + 2);
        else if (j < text.Length && text[j] is '-' or '–') j = Scan.SkipSpaces(text, j + 1);
        else return null;
        if (j >= text.Length || !char.IsAsciiDigit(text[j])) return null;
        var next = new List<Mention>(1);
        TryAt(text, j, next);
        return next.Count == 1 && next[0].Span.Start == j && next[0].Value is Money m && m.Precision > 0 && next[0].Text.Any(char.IsAsciiLetter) ? m.Currency : null;
    }

    /// <summary>A short scale word written tight against the number ($3.2bn, HK$316.45bn, 1.3mn).</summary>
    private static bool TightScale(string text, int numberEnd, string word) =>
        word.Length is 2 or 3 && numberEnd + word.Length <= text.Length
        && string.Compare(text, numberEnd, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (numberEnd + word.Length == text.Length || !IsWordChar(text[numberEnd + word.Length]));

    /// <summary>A scale word joined by a hyphen (349-million shares).</summary>
    private static bool Hyphenated(string text, int numberEnd, string word) =>
        word.Length > 1 && numberEnd < text.Length && text[numberEnd] == '-' && WordAt(text, numberEnd + 1, word);

    /// <summary>A digit right after a currency prefix written tight against its amount (RMB120 billion).</summary>
    private bool AfterTightPrefix(string text, int i)
    {
        foreach (var prefix in lexicon.TightPrefixes)
            if (i >= prefix.Length && string.CompareOrdinal(text, i - prefix.Length, prefix, 0, prefix.Length) == 0
                && (i == prefix.Length || !char.IsAsciiLetter(text[i - prefix.Length - 1])))
                return true;
        return false;
    }

    private static bool IsTightX(string text, int end, out string times)
    {
        times = "x";
        return end < text.Length && (text[end] == 'x' || text[end] == '×') && (end + 1 == text.Length || !IsWordChar(text[end + 1]));
    }

    private static decimal? SafeMultiply(decimal a, decimal b)
    {
        try { return a * b; }
        catch (OverflowException) { return null; }
    }

    private static decimal Pow10(int exponent)
    {
        var r = 1m;
        for (var k = 0; k < -exponent; k++) r /= 10m;
        return r;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is ',' or '.')) i++;
        return i;
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && (IsWordChar(text[i]) || text[i] is '.' or '-')) i++;
        return i;
    }
}
