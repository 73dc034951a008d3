using System;

namespace Pipeline.Recognition.Numbers;

/// <summary>
/// Hand-written scanner for numbers as written in Chinese text: Arabic digits (ASCII or full-width) with
/// separators and decimals, Chinese numerals (一百二十三, 两, 零, 壹贰叁), scale words mixed with either (3.75 亿,
/// 1.5 万亿, 8440 万, 73.7 百万, 十亿, 7 万5 千4 百), 余/多/几 inside, 负/- signs and spaces between the parts.
/// One call reads one number; no allocation.
/// </summary>
public sealed class ChineseNumberScanner
{
    private readonly ChineseLexicon _lex;

    public ChineseNumberScanner(ChineseLexicon lexicon) => _lex = lexicon;

    public ChineseLexicon Lexicon => _lex;

    /// <summary>Whether a number may start at <paramref name="index"/> (cheap first-character test).</summary>
    public bool CanStart(string text, int index)
    {
        var c = text[index];
        if (Scan.IsDigit(c) || (_lex.Digit(c) >= 0) || (_lex.Unit(c) > 0)) return true;
        if (c == '半') return index + 1 < text.Length && _lex.Unit(text[index + 1]) > 0;
        if (c is '-' or '－' or '−' || _lex.NegativeSigns.Contains(c))
            return index + 1 < text.Length && (Scan.IsDigit(text[index + 1]) || (_lex.Digit(text[index + 1]) >= 0) || text[index + 1] is '.' or '．')
                   && !(index > 0 && text[index - 1] is '-' or '－' or '−'); // --9 is not minus nine
        if (c is '.' or '．') return index + 1 < text.Length && Scan.IsDigit(text[index + 1]) && (index == 0 || !Scan.IsDigit(text[index - 1]) && text[index - 1] is not ('.' or '．'));
        return false;
    }

    /// <summary>Reads the longest number starting at <paramref name="index"/>. Figures too large for
    /// <see cref="decimal"/> are not numbers (false), never an exception.</summary>
    public bool TryScan(string text, int index, out NumberToken token)
    {
        try
        {
            return Read(text, index, out token);
        }
        catch (OverflowException)
        {
            token = default;
            return false;
        }
    }

    private bool Read(string text, int index, out NumberToken token)
    {
        token = default;
        var p = index;
        var shape = NumberShape.None;
        var negative = false;
        var c0 = text[p];
        if (c0 is '-' or '－' or '−' || _lex.NegativeSigns.Contains(c0))
        {
            negative = true;
            p++;
            if (p >= text.Length) return false;
        }

        // Parts already closed by a big scale word: at most one per scale (兆, 亿, 万).
        Span<decimal> partValues = stackalloc decimal[6];
        Span<long> partScales = stackalloc long[6];
        var parts = 0;
        decimal section = 0;          // below the current big scale
        decimal digit = 0;            // pending digit (or Arabic number) not yet placed
        var hasDigit = false;
        var digitIsSingleChinese = false;
        decimal digitPrecision = 1;
        decimal precision = 1;
        long lastUnit = 0;            // unit or scale directly before the pending digit
        var lastSmallUnit = long.MaxValue; // smallest unit used in the current section (units must descend)
        var afterZero = false;
        var atoms = 0;
        var lastWasUnit = false;
        var sequence = true;          // only single Chinese digits so far (二零二五)
        decimal sequenceValue = 0;
        var sequenceDigits = 0;
        var end = -1;                 // end of the last accepted atom
        var stopAfterDecimal = false;

        while (p < text.Length)
        {
            var q = p;
            if (atoms > 0 && Scan.IsSpace(text[q]))
            {
                q = Scan.SkipSpaces(text, q);
                if (q >= text.Length) break;
                // After an Arabic number, only a scale or unit word may follow a space (8440 万).
                if (hasDigit && !digitIsSingleChinese && !(IsUnit(text[q]) || IsScale(text[q]) || IsLatinScaleAt(text, q))) break;
                if (sequence && atoms > 0 && (shape & NumberShape.Arabic) != 0 && Scan.IsDigit(text[q])) break;
            }
            var c = text[q];
            var dv = Scan.DigitValue(c);
            if (dv >= 0 || (c is '.' or '．' && atoms == 0 && q + 1 < text.Length && Scan.IsDigit(text[q + 1])))
            {
                if (hasDigit || stopAfterDecimal) break;
                if (!TryArabic(text, q, out var value, out var prec, out var arabicEnd, out var grouped, out var isDecimal)) break;
                digit = value; hasDigit = true; digitIsSingleChinese = false; digitPrecision = prec;
                shape |= NumberShape.Arabic | (grouped ? NumberShape.Grouped : 0) | (isDecimal ? NumberShape.Decimal : 0);
                sequence = false;
                p = end = arabicEnd;
                atoms++; lastWasUnit = false;
                if (TryExponent(text, p, ref digit, out var expEnd))
                {
                    p = end = expEnd;
                    digitPrecision = 0;
                    shape |= NumberShape.Decimal;
                    stopAfterDecimal = true;
                    continue;
                }
                // Latin scale letters straight after the digits (40k, 2.5 M).
                var lq = Scan.SkipSpaces(text, p);
                if (IsLatinScaleAt(text, lq))
                {
                    digit *= _lex.LatinScales[text[lq]];
                    digitPrecision *= _lex.LatinScales[text[lq]];
                    shape |= NumberShape.Scaled;
                    p = end = lq + 1;
                    stopAfterDecimal = true;
                }
                continue;
            }
            if (c == '半' && atoms == 0 && q + 1 < text.Length && _lex.Unit(text[q + 1]) > 0)
            {
                digit = 0.5m; hasDigit = true; digitIsSingleChinese = false; digitPrecision = 0.5m;
                shape |= NumberShape.Chinese; sequence = false;
                p = end = q + 1; atoms++; lastWasUnit = false;
                continue;
            }
            if (_lex.Digit(c) is var d and >= 0)
            {
                // Formal digits alone are words (伍, 陆地) unless a numeral, 之, a sign, 打 or the end of a clause is around.
                if (_lex.FormalDigits.Contains(c) && atoms == 0 && !negative && !NextIsNumeral(text, q + 1)
                    && !(Scan.SkipSpacesBack(text, q) is var qb && qb > 0 && text[qb - 1] == '之')
                    && !(q + 1 >= text.Length || char.IsPunctuation(text[q + 1]) || text[q + 1] == _lex.Dozen || text[q + 1] == '又')) break;
                if (d == 0 && !(sequence && hasDigit))
                {
                    // 零 as a filler (一千零一), or a leading zero before 点 (零点五) or a unit (零十).
                    if (atoms == 0 && !(q + 1 < text.Length && (_lex.DecimalPoints.Contains(text[q + 1]) || (_lex.Unit(text[q + 1]) > 0) || (_lex.Digit(text[q + 1]) >= 0)))) break;
                    if (hasDigit && !digitIsSingleChinese) break;
                    if (hasDigit) { section += digit; hasDigit = false; }
                    afterZero = true;
                    shape |= NumberShape.Chinese;
                    if (atoms == 0) { sequence = true; sequenceDigits = 1; }
                    else sequence = false;
                    p = end = q + 1; atoms++; lastWasUnit = false;
                    continue;
                }
                if (hasDigit)
                {
                    if (sequence && digitIsSingleChinese) // 二零二五, 三八
                    {
                        if (sequenceDigits == 1) sequenceValue = digit;
                        sequenceValue = sequenceValue * 10 + d;
                        sequenceDigits++;
                        digit = d;
                        shape |= NumberShape.DigitSequence;
                        p = end = q + 1; atoms++;
                        continue;
                    }
                    break;
                }
                if ((shape & NumberShape.DigitSequence) != 0) break;
                if (sequence && atoms == 1 && sequenceDigits == 1 && afterZero)
                {
                    // 零八 read as a sequence.
                    sequenceValue = d; sequenceDigits = 2; shape |= NumberShape.DigitSequence;
                    digit = d; hasDigit = true; digitIsSingleChinese = true;
                    p = end = q + 1; atoms++;
                    continue;
                }
                digit = d; hasDigit = true; digitIsSingleChinese = true; digitPrecision = 1;
                if (atoms > 0 && !afterZero && lastWasUnit) sequence = false;
                if (atoms == 0) sequenceDigits = 1;
                shape |= NumberShape.Chinese;
                p = end = q + 1; atoms++; lastWasUnit = false;
                continue;
            }
            if (_lex.Unit(c) is var unit and > 0)
            {
                if ((shape & NumberShape.DigitSequence) != 0 || stopAfterDecimal) break;
                if (unit >= lastSmallUnit) break;                // 五十千: units must descend
                if (!hasDigit)
                {
                    if (lastWasUnit) break;
                    // 十 alone is ten; 百/千 alone only before a digit (百三, 千三) or after 零/半.
                    if (unit > 10 && atoms == 0 && !(q + 1 < text.Length && (_lex.Digit(text[q + 1]) >= 0) && !_lex.FormalDigits.Contains(text[q]))) break;
                    digit = 1; digitPrecision = 1;
                }
                section += digit * unit;
                precision = digitPrecision * unit;
                hasDigit = false; lastUnit = unit; lastSmallUnit = unit; afterZero = false; sequence = false;
                shape |= (shape & NumberShape.Arabic) != 0 ? NumberShape.Scaled : NumberShape.Chinese;
                p = end = q + 1; atoms++; lastWasUnit = true;
                continue;
            }
            if (_lex.Scale(c) is var scale and > 0)
            {
                if ((shape & NumberShape.DigitSequence) != 0) break;
                if (atoms == 0) break;                           // 万 alone
                if (hasDigit) { section += digit; precision = digitPrecision; hasDigit = false; }
                if (section == 0 && parts == 0) break;
                decimal sum = section;
                var keep = 0;
                var stacked = section == 0 && lastWasUnit; // 四万万, 10万万: the second scale multiplies the first
                for (var k = 0; k < parts; k++)
                {
                    if (partScales[k] < scale || stacked && partScales[k] <= scale) sum += partValues[k];
                    else { partValues[keep] = partValues[k]; partScales[keep] = partScales[k]; keep++; }
                }
                parts = keep;
                if (parts >= partValues.Length) break;
                partValues[parts] = sum * scale;
                partScales[parts] = scale;
                parts++;
                precision *= scale;
                section = 0; lastUnit = scale; lastSmallUnit = long.MaxValue; afterZero = false; sequence = false;
                shape |= NumberShape.Scaled;
                p = end = q + 1; atoms++; lastWasUnit = true;
                continue;
            }
            if (_lex.DecimalPoints.Contains(c) && !stopAfterDecimal && atoms > 0)
            {
                // 点 + Chinese decimals (十点二三三), then an optional scale (三点五亿).
                var fq = Scan.SkipSpaces(text, q + 1);
                decimal frac = 0, place = 1;
                var n = 0;
                while (fq < text.Length && _lex.Digit(text[fq]) is var fd and >= 0 && !_lex.NotDecimalDigits.Contains(text[fq]))
                {
                    place /= 10;
                    frac += fd * place;
                    n++;
                    fq++;
                    var sq = Scan.SkipSpaces(text, fq);
                    if (sq < text.Length && (_lex.Digit(text[sq]) >= 0)) fq = sq;
                }
                if (n == 0) break;
                if (hasDigit && digitIsSingleChinese && lastUnit >= 100 && !afterZero) { section += digit * (lastUnit / 10); hasDigit = false; }
                if (hasDigit) { section += digit; hasDigit = false; }
                section += frac;
                precision = place;
                shape |= NumberShape.Decimal | NumberShape.Chinese;
                sequence = false;
                p = end = fq; atoms++; lastWasUnit = false;
                stopAfterDecimal = true;
                // A scale word may still follow (三点五亿): handled by the scale branch; units may not.
                lastSmallUnit = 0;
                continue;
            }
            if (_lex.ApproximateInfixes.Contains(c) && atoms > 0 && (section > 0 || hasDigit || lastWasUnit))
            {
                // 十余万, 一千多万, 二十几万: only when a scale word follows.
                var sq = Scan.SkipSpaces(text, q + 1);
                if (sq < text.Length && (_lex.Scale(text[sq]) > 0))
                {
                    shape |= NumberShape.Approximate;
                    p = sq;
                    continue;
                }
                break;
            }
            break;
        }

        if (end < 0 || atoms == 0) return false;
        decimal total;
        if ((shape & NumberShape.DigitSequence) != 0)
        {
            total = sequenceValue;
            precision = 1;
        }
        else
        {
            if (hasDigit)
            {
                if (digitIsSingleChinese && lastUnit >= 100 && !afterZero)
                {
                    // 一万三 = 13000, 两千四百五 = 2450: a lone digit after a unit counts in the next lower place.
                    section += digit * (lastUnit / 10);
                    precision = lastUnit / 10;
                }
                else
                {
                    section += digit;
                    precision = digitPrecision;
                }
            }
            total = section;
            for (var k = 0; k < parts; k++) total += partValues[k];
        }
        if (atoms == 1 && (shape & NumberShape.Chinese) != 0 && (shape & NumberShape.Arabic) == 0) shape |= NumberShape.SingleChar;
        if (negative) { total = -total; shape |= NumberShape.Negative; }
        token = new NumberToken(index, end, total, precision, shape);
        return true;
    }

    private bool IsUnit(char c) => (_lex.Unit(c) > 0);
    private bool IsScale(char c) => (_lex.Scale(c) > 0);

    private bool NextIsNumeral(string text, int index) =>
        (index = Scan.SkipSpaces(text, index)) < text.Length && (_lex.IsNumeralChar(text[index]) || Scan.IsDigit(text[index]) || _lex.DecimalPoints.Contains(text[index]));

    private bool IsLatinScaleAt(string text, int index) =>
        index < text.Length && _lex.LatinScales.ContainsKey(text[index]) && (index + 1 >= text.Length || !Scan.IsAsciiLetter(text[index + 1]));

    /// <summary>五分之一 (denominator first), 3/5 (numerator first).</summary>
    public bool TryFraction(string text, NumberToken first, out NumberToken fraction)
    {
        fraction = first;
        var p = Scan.SkipSpaces(text, first.End);
        if (p + 1 < text.Length && text[p] == '分')
        {
            var q = Scan.SkipSpaces(text, p + 1);
            if (q < text.Length && text[q] == '之')
            {
                var r = Scan.SkipSpaces(text, q + 1);
                if (r < text.Length && CanStart(text, r) && TryScan(text, r, out var num) && first.Value != 0)
                {
                    fraction = new NumberToken(first.Start, num.End, num.Value / first.Value, 0, first.Shape | NumberShape.Decimal);
                    return true;
                }
            }
        }
        if (p == first.End && p + 1 < text.Length && text[p] is '/' or '／' && first.HasArabic && Scan.IsDigit(text[p + 1])
            && TryScan(text, p + 1, out var den) && den.Value != 0 && den.IsPlainInteger)
        {
            fraction = new NumberToken(first.Start, den.End, first.Value / den.Value, 0, first.Shape | NumberShape.Decimal);
            return true;
        }
        return false;
    }

    /// <summary>2e5, 12.32e+14, -12e-1 (scientific notation) and 2^5, 1.1^+23, 2.5^-1 (a power).</summary>
    private static bool TryExponent(string text, int p, ref decimal value, out int end)
    {
        end = p;
        if (p + 1 >= text.Length || text[p] is not ('e' or 'E' or '^')) return false;
        var power = text[p] == '^';
        var q = p + 1;
        var negative = false;
        while (q < text.Length && text[q] is '+' or '-' or '－' or '＋') { if (text[q] is '-' or '－') negative = !negative; q++; }
        var e = 0;
        var start = q;
        while (q < text.Length && Scan.DigitValue(text[q]) is var dv and >= 0 && q - start < 3) { e = e * 10 + dv; q++; }
        if (q == start || q < text.Length && (Scan.IsAsciiLetter(text[q]) || Scan.IsDigit(text[q]))) return false;
        if (negative) e = -e;
        double result = power ? Math.Pow((double)value, e) : (double)value * Math.Pow(10, e);
        if (double.IsNaN(result) || double.IsInfinity(result) || Math.Abs(result) > 7.9e27) return false;
        value = (decimal)result;
        end = q;
        return true;
    }

    /// <summary>三百五十又三分之一, 一百万又五十万分之二十五: a whole number, 又, then a fraction.</summary>
    public bool TryMixedFraction(string text, NumberToken whole, out NumberToken mixed)
    {
        mixed = whole;
        var p = Scan.SkipSpaces(text, whole.End);
        if (p >= text.Length || text[p] != '又') return false;
        var q = Scan.SkipSpaces(text, p + 1);
        if (q >= text.Length || !CanStart(text, q) || !TryScan(text, q, out var den) || !TryFraction(text, den, out var fraction) || fraction.End == den.End) return false;
        var value = whole.Value < 0 ? whole.Value - fraction.Value : whole.Value + fraction.Value;
        mixed = new NumberToken(whole.Start, fraction.End, value, 0, whole.Shape | NumberShape.Decimal);
        return true;
    }

    /// <summary>The fraction forms that extend a scanned number: 三百五十又三分之一, 1 3/5 (a mixed fraction), 三分之一,
    /// 3/5, then 一打 (a dozen). Shared by the number model and the quantity recognizer.</summary>
    public NumberToken Extend(string text, NumberToken token)
    {
        if (TryMixedFraction(text, token, out var mixed) || TryArabicMixedFraction(text, token, out mixed)) token = mixed;
        else if (TryFraction(text, token, out var fraction)) token = fraction;
        return TryDozen(text, token, out var dozen) ? dozen : token;
    }

    /// <summary>一打, 五十打 (12 each), unless 打 starts a verb (一打开, 打算: the blockers in numbers.yaml).</summary>
    public bool TryDozen(string text, NumberToken count, out NumberToken dozen)
    {
        dozen = count;
        var p = count.End;
        if (p >= text.Length || text[p] != _lex.Dozen || (count.Shape & NumberShape.Decimal) != 0) return false;
        if (p + 1 < text.Length && _lex.DozenBlockers.Contains(text[p + 1])) return false;
        dozen = count with { End = p + 1, Value = count.Value * 12, Precision = count.Precision * 12 };
        return true;
    }

    /// <summary>1 3/5: a whole Arabic number, one space, then an Arabic fraction.</summary>
    public bool TryArabicMixedFraction(string text, NumberToken whole, out NumberToken mixed)
    {
        mixed = whole;
        var p = whole.End;
        if (!whole.IsPlainInteger || !whole.HasArabic || p + 3 >= text.Length || text[p] != ' ' || !Scan.IsDigit(text[p + 1])) return false;
        if (!TryScan(text, p + 1, out var numerator) || !numerator.IsPlainInteger || !TryFraction(text, numerator, out var fraction) || fraction.End == numerator.End) return false;
        if (text[numerator.End] is not ('/' or '／')) return false;
        mixed = new NumberToken(whole.Start, fraction.End, whole.Value + fraction.Value, 0, whole.Shape | NumberShape.Decimal);
        return true;
    }

    /// <summary>Arabic digits with optional thousands separators (<c>,</c> or <c>，</c> before exactly three digits)
    /// and a decimal part.</summary>
    public static bool TryArabic(string text, int index, out decimal value, out decimal precision, out int end, out bool grouped, out bool isDecimal)
    {
        value = 0; precision = 1; grouped = false; isDecimal = false;
        var p = index;
        var intDigits = 0;
        while (p < text.Length)
        {
            var dv = Scan.DigitValue(text[p]);
            if (dv >= 0)
            {
                if (intDigits >= 27) break;
                value = value * 10 + dv;
                intDigits++;
                p++;
                continue;
            }
            if ((text[p] == ',' || text[p] == '，' && text[p - 1] is >= '０' and <= '９') && intDigits is > 0 and <= 3 + 3 * 9 && Group3(text, p + 1))
            {
                grouped = true;
                p++;
                continue;
            }
            break;
        }
        // 2222.2222.22222: dot-separated digit groups are separate numbers, not decimals.
        var dottedBefore = index >= 2 && text[index - 1] is '.' or '．' && Scan.IsDigit(text[index - 2]);
        if (!dottedBefore && p < text.Length - 1 && text[p] is '.' or '．' && Scan.IsDigit(text[p + 1]) && !DottedAfter(text, p + 1))
        {
            var fp = p + 1;
            decimal place = 1;
            while (fp < text.Length && Scan.DigitValue(text[fp]) is var fd and >= 0)
            {
                if (place > 0.0000000000000001m) { place /= 10; value += fd * place; }
                fp++;
            }
            precision = place;
            isDecimal = true;
            p = fp;
        }
        end = p;
        return intDigits > 0 || isDecimal;
    }

    /// <summary>A digit group at <paramref name="index"/> inside a run of dot-separated groups (2222.2222.22222.222:
    /// at least two dots, each group its own number), not the decimals of one number or a code (GLM-4.7).</summary>
    public static bool InDottedGroups(string text, int index)
    {
        if (index < 2 || text[index - 1] is not ('.' or '．') || !Scan.IsDigit(text[index - 2])) return false;
        var s = index - 2;
        while (s > 0 && Scan.IsDigit(text[s - 1])) s--;
        if (s > 0 && (Scan.IsAsciiLetter(text[s - 1]) || text[s - 1] is '-' or '_')) return false;
        var dottedBefore = s >= 2 && text[s - 1] is '.' or '．' && Scan.IsDigit(text[s - 2]);
        return dottedBefore || DottedAfter(text, index);
    }

    private static bool DottedAfter(string text, int index)
    {
        while (index < text.Length && Scan.IsDigit(text[index])) index++;
        return index + 1 < text.Length && text[index] is '.' or '．' && Scan.IsDigit(text[index + 1]);
    }

    private static bool Group3(string text, int index) =>
        index + 3 <= text.Length && Scan.IsDigit(text[index]) && Scan.IsDigit(text[index + 1]) && Scan.IsDigit(text[index + 2])
        && (index + 3 == text.Length || !Scan.IsDigit(text[index + 3]));
}
