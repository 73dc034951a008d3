using System;
using System.Collections.Generic;
using Pipeline.Recognition.Numbers;
using Pipeline.Text;

namespace Pipeline.Recognition.Quantities;

/// <summary>
/// Money, percentages, percentage points, multiples and plain numbers in one left-to-right pass
/// (Recognizers-Text's extractor and parser fused per kind): each number the <see cref="ChineseNumberScanner"/>
/// reads is classified by the words around it (百分之 / % / 个百分点 / 倍 / 成 / currency words and symbols /
/// measure words), given its qualifier (约, 超过, 以上…), joined into a range (151至165港元) and, for money, linked
/// to the amount it converts (13.2 亿美元（92.93 亿元人民币）).
/// </summary>
public sealed class QuantityRecognizer : IRecognizer
{
    private readonly ChineseLexicon _lex;
    private readonly ChineseNumberScanner _numbers;

    public QuantityRecognizer() : this(ChineseLexicon.Default) { }

    public QuantityRecognizer(ChineseLexicon lexicon)
    {
        _lex = lexicon;
        _numbers = new ChineseNumberScanner(lexicon);
    }

    public string Name => "quantity";

    public void Recognize(string text, RecognitionContext context, List<Mention> output)
    {
        var first = output.Count;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ':' && Scan.SkipUrl(text, i) is var urlEnd && urlEnd > i) { i = urlEnd; continue; }
            if (!_lex.MayStartQuantity(text[i])) { i++; continue; }
            var next = TryAt(text, i, output);
            i = next > i ? next : i + 1;
        }
        LinkEquivalents(text, output, first);
    }

    /// <summary>Tries a quantity at <paramref name="i"/>; returns where scanning continues.</summary>
    private int TryAt(string text, int i, List<Mention> output)
    {
        var c = text[i];
        var prevNumeral = i > 0 && (Scan.IsDigit(text[i - 1]) || _lex.IsNumeralChar(text[i - 1]));

        // 对折, 半成, 百分之百: whole words.
        if (!prevNumeral && _lex.PercentWords.TryMatch(text, i, out var wordPercent, out var wordEnd, innerSpaces: false))
        {
            output.Add(Make(MentionKind.Percentage, text, i, wordEnd, new Percentage(wordPercent, 0), PrefixQualifier(text, i).Item1));
            return wordEnd;
        }

        // 三位数增长, 实现翻番: at least the percentage (more than it after 超过).
        if (!prevNumeral && _lex.PercentAtLeastWords.TryMatch(text, i, out var bound, out var boundEnd, innerSpaces: false))
        {
            var before = PrefixQualifier(text, i).Item1;
            output.Add(Make(MentionKind.Percentage, text, i, boundEnd, new Percentage(bound, 0), before == Qualifier.Exact ? Qualifier.GreaterOrEqual : before));
            return boundEnd;
        }

        if (i > 0 && _lex.PercentWordsAfter.TryMatch(text, i, out var contextual, out var afterEnd, innerSpaces: false) && text[i - 1] == contextual.Before)
        {
            output.Add(Make(MentionKind.Percentage, text, i, afterEnd, new Percentage(contextual.Percent, 0), Qualifier.Exact));
            return afterEnd;
        }

        // 百分之十二, 千分之五: the prefix opens a percentage.
        if (!prevNumeral && _lex.PercentPrefixes.TryMatch(text, i, out var perMultiplier, out var prefixEnd))
        {
            var q = Scan.SkipSpaces(text, prefixEnd);
            if (q < text.Length && _numbers.CanStart(text, q) && _numbers.TryScan(text, q, out var t) && !t.IsDigitSequence)
            {
                var value = new Percentage(t.Value * perMultiplier, t.Precision * perMultiplier);
                var (qual, _) = PrefixQualifier(text, i);
                var end = t.End;
                var sq = SuffixQualifier(text, end, ref qual);
                output.Add(Make(MentionKind.Percentage, text, i, end, value, Combine(qual, t)));
                return Math.Max(end, sq);
            }
        }

        // HK$ 120, ￥300, 人民币 50 元: a currency before the amount.
        if (_lex.CurrencyPrefixes.TryMatch(text, i, out var prefixCurrency, out var currencyEnd, innerSpaces: false)
            && !(Scan.IsAsciiLetter(c) && i > 0 && Scan.IsAsciiLetter(text[i - 1])))
        {
            var q = Scan.SkipSpaces(text, currencyEnd);
            if (q < text.Length && (Scan.IsDigit(text[q]) || (!Scan.IsAsciiLetter(c) && _numbers.CanStart(text, q))) && _numbers.TryScan(text, q, out var t)
                && !t.IsDigitSequence && !IsCodeAfter(text, t.End))
            {
                var end = t.End;
                var after = Scan.SkipSpaces(text, end);
                if (_lex.CurrencySuffixes.TryMatch(text, after, out var suffixCurrency, out var suffixEnd) && suffixCurrency == prefixCurrency) end = suffixEnd;
                var (qual, _) = PrefixQualifier(text, i);
                var perShare = IsPerShare(text, i, end, out var shareEnd);
                var sq = SuffixQualifier(text, end, ref qual);
                output.Add(Make(MentionKind.Money, text, i, end, new Money(t.Value, prefixCurrency, t.Precision), Combine(qual, t)) with { IsPerShare = perShare });
                return Math.Max(Math.Max(end, sq), shareEnd);
            }
        }

        // 过亿元, 近千家, 超过千倍: a bare scale word after a qualifier is one of it.
        if ((_lex.Scale(c) > 0 || _lex.Unit(c) >= 100) && !prevNumeral && !(i + 1 < text.Length && (_lex.IsNumeralChar(text[i + 1]) || Scan.IsDigit(text[i + 1])))
            && _lex.PrefixQualifiers.TryMatchBefore(text, i, out _, out _))
        {
            decimal scaleValue = _lex.Scale(c) > 0 ? _lex.Scale(c) : _lex.Unit(c);
            var bareToken = new NumberToken(i, i + 1, scaleValue, scaleValue, NumberShape.Chinese | NumberShape.Scaled);
            if (Classify(text, bareToken) is { } bq && (bq.Kind != MentionKind.Number || bq.Value is Number { Unit: not CountUnit.None }))
            {
                var (bareQual, _) = PrefixQualifier(text, i);
                output.Add(Make(bq.Kind, text, i, bq.End, bq.Value, bareQual) with { IsPerShare = bq.PerShare });
                return bq.End;
            }
        }

        if (!_numbers.CanStart(text, i)) return i + 1;
        if (!IsNumberBoundary(text, i)) return SkipToken(text, i);
        if (!Scan.IsDigit(c) && _lex.InNotNumberWord(text, i)) return i + 1;
        if (!_numbers.TryScan(text, i, out var token)) return i + 1;
        if (IsCodeAfter(text, token.End) || Scan.IsDigit(c) && _lex.IsCodeBefore(text, i)) return SkipToken(text, token.End);
        token = _numbers.Extend(text, token);
        if (TrySpacedDiscount(text, token, output) is var discountEnd and > 0) return discountEnd;
        if (token.IsDigitSequence && token.End < text.Length && _lex.Unit(text[token.End]) > 0)
        {
            // 二三十个百分点 (twenty or thirty): an approximate pair of digits, not a figure.
            var k = token.End;
            while (k < text.Length && (_lex.IsNumeralChar(text[k]) || Scan.IsDigit(text[k]))) k++;
            return k;
        }

        var quantity = Classify(text, token);
        if (quantity is null) return token.End;
        var qv = quantity.Value;

        // A range: 151至165港元, 38.34亿至41.89亿港元, 3%至5%.
        var conn = Scan.SkipSpaces(text, qv.End);
        var bare = qv.Kind == MentionKind.Number && qv.Value is Number { Unit: CountUnit.None } && qv.End == token.End;
        if (_lex.RangeConnectors.TryMatch(text, conn, out _, out var connEnd))
        {
            var q2 = Scan.SkipSpaces(text, connEnd);
            if (q2 < text.Length && _numbers.CanStart(text, q2) && !(text[q2] is '-' or '－') && _numbers.TryScan(text, q2, out var t2)
                && !IsCodeAfter(text, t2.End) && Classify(text, t2) is { } second
                && (bare || second.Kind == qv.Kind && SameUnit(qv.Value, second.Value)))
            {
                var low = bare ? Rebase(second.Value, token) : qv.Value;
                var (rq, _) = PrefixQualifier(text, token.Start);
                var rangeQual = rq;
                var sq = SuffixQualifier(text, second.End, ref rangeQual);
                output.Add(Make(second.Kind, text, token.Start, second.End, low, rangeQual) with
                {
                    RangeEnd = Normalize(second.Value), RangeEndSpan = new TextSpan(q2, second.End), IsPerShare = qv.PerShare || second.PerShare,
                });
                return Math.Max(second.End, sq);
            }
        }

        // 2 到 3 个月: the low end of a duration or date range is not a quantity either.
        if (bare && _lex.RangeConnectors.TryMatch(text, conn, out _, out var dConnEnd))
        {
            var q3 = Scan.SkipSpaces(text, dConnEnd);
            if (q3 < text.Length && _numbers.CanStart(text, q3) && _numbers.TryScan(text, q3, out var t3)
                && _lex.DateUnits.StartsAt(text, Scan.SkipSpaces(text, t3.End)))
                return t3.End;
        }

        var (prefixQual, _) = PrefixQualifier(text, token.Start);
        var qualifier = qv.Qualifier != Qualifier.Exact ? qv.Qualifier : prefixQual;
        var suffixEnd2 = SuffixQualifier(text, qv.End, ref qualifier);
        if (prefixQual != Qualifier.Exact && qv.Qualifier == Qualifier.GreaterThan && prefixQual != qualifier) qualifier = prefixQual;
        output.Add(Make(qv.Kind, text, token.Start, qv.End, qv.Value, Combine(qualifier, token)) with { IsPerShare = qv.PerShare });
        return Math.Max(qv.End, suffixEnd2);
    }

    /// <summary>7 2 折 (a discount written digit by digit with spaces, 七二折 = 72%): two single digits, a space
    /// between, then a discount word. Returns the end of the mention written, or 0.</summary>
    private int TrySpacedDiscount(string text, NumberToken first, List<Mention> output)
    {
        if (!first.IsPlainInteger || first.Length != 1 || first.Value is < 1 or > 9) return 0;
        var q = first.End;
        if (q + 1 >= text.Length || !Scan.IsSpace(text[q])) return 0;
        q = Scan.SkipSpaces(text, q);
        if (q >= text.Length || Scan.DigitValue(text[q]) is not (var d and >= 0) || q + 1 < text.Length && Scan.IsDigit(text[q + 1])) return 0;
        var w = Scan.SkipSpaces(text, q + 1);
        if (!_lex.Discounts.TryMatch(text, w, out _, out var de) || Blocked(text, de, _lex.DiscountBlockers)) return 0;
        output.Add(Make(MentionKind.Percentage, text, first.Start, de, new Percentage(first.Value * 10 + d, 1), Qualifier.Exact));
        return de;
    }

    /// <summary>What a scanned number is, from the words after it. Null when it is not a quantity we report.</summary>
    private Quantity? Classify(string text, NumberToken t)
    {
        var p = Scan.SkipSpaces(text, t.End);
        var qualifier = t.IsApproximate ? Qualifier.GreaterThan : Qualifier.Exact;
        // 2 亿多用户, 300 多家: 多/余 after the number.
        if (p < text.Length && text[p] is '多' or '余' or '餘' && !t.HasChinese | t.Value >= 10 && (t.Shape & NumberShape.Decimal) == 0)
        {
            var after = p + 1;
            if (!(after < text.Length && _lex.Scale(text[after]) > 0))
            {
                qualifier = Qualifier.GreaterThan;
                p = Scan.SkipSpaces(text, after);
            }
        }
        var perShareBefore = _lex.PerSharePrefixes.TryMatchBefore(text, Scan.SkipSpacesBack(text, t.Start), out _, out _);

        if (t.IsDigitSequence)
        {
            if (_lex.Discounts.TryMatch(text, p, out _, out var de) && !Blocked(text, de, _lex.DiscountBlockers) && t.Value is > 0 and < 100)
                return new Quantity(MentionKind.Percentage, new Percentage(t.Value, 1), de, p, qualifier, false);
            return null;
        }
        if (_lex.PercentSuffixes.TryMatch(text, p, out var mult, out var pe))
            return new Quantity(MentionKind.Percentage, new Percentage(t.Value * mult, t.Precision * mult), pe, p, qualifier, false);
        if (_lex.Points.TryMatch(text, p, out _, out var ppe))
            return new Quantity(MentionKind.Points, new PercentagePoints(t.Value, t.Precision), ppe, p, qualifier, false);
        if (_lex.Multiples.TryMatch(text, p, out _, out var me))
            return new Quantity(MentionKind.Multiple, new Multiple(t.Value, t.Precision), me, p, qualifier, false);
        if (_lex.Tenths.TryMatch(text, p, out _, out var te) && t.Value is > 0 and <= 10 && !Blocked(text, te, _lex.TenthsBlockers))
        {
            // 三成半 = 35%.
            decimal half = te < text.Length && text[te] == '半' ? 5 : 0;
            if (half > 0) return new Quantity(MentionKind.Percentage, new Percentage(t.Value * 10 + 5, 5), te + 1, p, qualifier, false);
            // 七成六 = 76%: one more digit after 成.
            var extra = Scan.SkipSpaces(text, te);
            if (t.Value < 10 && t.Value == decimal.Truncate(t.Value) && extra < text.Length && _lex.Digit(text[extra]) is var ed and > 0
                && !(extra + 1 < text.Length && (_lex.IsNumeralChar(text[extra + 1]) || _lex.CountUnits.StartsAt(text, extra + 1))))
                return new Quantity(MentionKind.Percentage, new Percentage(t.Value * 10 + ed, 1), extra + 1, p, qualifier, false);
            return new Quantity(MentionKind.Percentage, new Percentage(t.Value * 10, t.Precision * 10), te, p, qualifier, false);
        }
        if (_lex.Discounts.TryMatch(text, p, out _, out var de2) && !Blocked(text, de2, _lex.DiscountBlockers) && t.Value is > 0 and < 100 and not 10 && t.Value < 10 | (t.Shape & NumberShape.Decimal) == 0)
        {
            var pct = t.Value < 10 ? t.Value * 10 : t.Value;
            return new Quantity(MentionKind.Percentage, new Percentage(pct, t.Value < 10 ? t.Precision * 10 : t.Precision), de2, p, qualifier, false);
        }
        if (_lex.CurrencySuffixes.TryMatch(text, p, out var currency, out var ce))
        {
            var perShare = perShareBefore || IsPerShare(text, t.Start, ce, out var shareEnd);
            var amount = t.Value;
            var precision = t.Precision;
            if ((t.Shape & NumberShape.Scaled) == 0) ce = Subunits(text, ce, currency, ref amount, ref precision);
            return new Quantity(MentionKind.Money, new Money(amount, currency, precision), ce, p, qualifier, perShare);
        }
        // Dates belong to the date recognizer; durations (两小时, 九年) and ordinals (第三) are numbers of their own unit.
        if (t.IsPlainInteger || !t.HasArabic)
        {
            if (IsDuration(text, t, p)) return new Quantity(MentionKind.Number, new Number(t.Value, t.Precision, CountUnit.Duration), t.End, p, qualifier, false);
            if (_lex.DateUnits.StartsAt(text, p)) return null;
            if (t.Start > 0 && text[t.Start - 1] is '第') return Ordinal(t, qualifier);
        }
        if (_lex.NotQuantitySuffixes.TryMatch(text, p, out _, out _) && (t.Shape & NumberShape.Scaled) == 0) return null;
        if (IsListMarker(text, t)) return null;
        if (_lex.CountUnits.TryMatch(text, p, out var unit, out var ue, innerSpaces: false))
            return new Quantity(MentionKind.Number, new Number(t.Value, t.Precision, unit), t.End, p, qualifier, false);
        if (t.Start > 0 && text[t.Start - 1] is '第') return Ordinal(t, qualifier);
        // A bare figure right after a Latin word is a name or a version (WAIC 2025, AI 2.0, GPT 4).
        var before = Scan.SkipSpacesBack(text, t.Start);
        if (before > 0 && Scan.IsAsciiLetter(text[before - 1])) return null;
        return new Quantity(MentionKind.Number, new Number(t.Value, t.Precision), t.End, t.End, qualifier, false);
    }

    private static Quantity Ordinal(NumberToken t, Qualifier qualifier) =>
        new(MentionKind.Number, new Number(t.Value, t.Precision, CountUnit.Ordinal), t.End, t.End, qualifier, false);

    /// <summary>A count of time: a unit of time follows (两小时, 3 天), or 年 after a number no year is written as (九年,
    /// 十年: one Arabic digit, or a Chinese numeral that is not a digit sequence). 5 周年 is an anniversary.</summary>
    private bool IsDuration(string text, NumberToken t, int p)
    {
        if (t.Value <= 0 || _lex.NotQuantitySuffixes.StartsAt(text, p)) return false;
        if (_lex.DurationCounts.StartsAt(text, p)) return true;
        return _lex.YearWords.StartsAt(text, p) && !t.IsDigitSequence && (t.HasArabic ? t.Length == 1 : true);
    }

    /// <summary>五元三毛, 50元6角三分, 两美元又三美分: smaller units after the amount, added to it.</summary>
    private int Subunits(string text, int end, Currency currency, ref decimal amount, ref decimal precision)
    {
        var p = Scan.SkipSpaces(text, end);
        if (p < text.Length && text[p] == '又') p = Scan.SkipSpaces(text, p + 1);
        while (p < text.Length && _numbers.CanStart(text, p) && _numbers.TryScan(text, p, out var n) && n.Value is > 0 and < 100 && (n.Shape & NumberShape.Scaled) == 0)
        {
            var u = Scan.SkipSpaces(text, n.End);
            if (!_lex.Subunits.TryMatch(text, u, out var sub, out var se, innerSpaces: false) || sub.Currency != currency
                || se < text.Length && _lex.SubunitBlockers.Contains(text[se])) break;
            amount += n.Value * sub.Value;
            precision = sub.Value;
            end = se;
            p = Scan.SkipSpaces(text, se);
        }
        return end;
    }

    private readonly record struct Quantity(MentionKind Kind, NumericResolution Value, int End, int UnitEnd, Qualifier Qualifier, bool PerShare);

    private static bool SameUnit(NumericResolution a, NumericResolution b) => a.UnitCode == b.UnitCode;

    /// <summary>The low end of a range written without its unit takes the unit of the high end (151至165港元).</summary>
    private static NumericResolution Rebase(NumericResolution high, NumberToken low) => high switch
    {
        Money m => new Money(low.Value, m.Currency, low.Precision),
        Percentage => new Percentage(low.Value, low.Precision),
        PercentagePoints => new PercentagePoints(low.Value, low.Precision),
        Multiple => new Multiple(low.Value, low.Precision),
        Number n => new Number(low.Value, low.Precision, n.Unit),
        _ => high,
    };

    private static Qualifier Combine(Qualifier q, NumberToken t) => q == Qualifier.Exact && t.IsApproximate ? Qualifier.GreaterThan : q;

    private (Qualifier, int) PrefixQualifier(string text, int start)
    {
        var end = Scan.SkipSpacesBack(text, start);
        return _lex.PrefixQualifiers.TryMatchBefore(text, end, out var q, out var s) ? (q, s) : (Qualifier.Exact, start);
    }

    /// <summary>左右, 以上… after the quantity; returns the end of the qualifier word (or <paramref name="end"/>).</summary>
    private int SuffixQualifier(string text, int end, ref Qualifier qualifier)
    {
        var p = Scan.SkipSpaces(text, end);
        if (p < text.Length && text[p] is '多' or '余' or '餘') return end; // handled by Classify when meaningful
        if (_lex.SuffixQualifiers.TryMatch(text, p, out var q, out var qe, innerSpaces: false))
        {
            qualifier = q;
            return qe;
        }
        return end;
    }

    private bool IsPerShare(string text, int start, int end, out int shareEnd)
    {
        shareEnd = end;
        if (_lex.PerSharePrefixes.TryMatchBefore(text, Scan.SkipSpacesBack(text, start), out _, out _)) return true;
        var p = Scan.SkipSpaces(text, end);
        if (_lex.PerShareSuffixes.TryMatch(text, p, out _, out var se)) { shareEnd = se; return true; }
        return false;
    }

    private static bool Blocked(string text, int end, System.Collections.Frozen.FrozenSet<char> blockers) =>
        end < text.Length && blockers.Contains(text[end]);

    /// <summary>A number may start here: not inside a code or model name (GLM-4.7, K2, HK00100, 02513.HK).</summary>
    private bool IsNumberBoundary(string text, int i)
    {
        if (i == 0) return true;
        var prev = text[i - 1];
        if (Scan.IsAsciiLetter(prev) || Scan.IsDigit(prev) || prev is '_' or '＿') return false;
        // 1.5%/9.5%/5.3%: figures listed with slashes; 2025/26 and 元/股 are not.
        if (prev is '/' or '／' && !(i >= 2 && text[i - 2] is '%' or '％' or '‰')) return false;
        if (prev is '.' or '．' && i >= 2 && (Scan.IsDigit(text[i - 2]) || Scan.IsAsciiLetter(text[i - 2]))) return ChineseNumberScanner.InDottedGroups(text, i);
        if (prev is '-' or '－' && i >= 2 && Scan.IsAsciiLetter(text[i - 2])) return false;
        if (prev is ':' or '：' && i >= 2 && Scan.IsDigit(text[i - 2])) return false; // 10:59 is a time
        if (text[i] is '-' or '－' && (Scan.IsDigit(prev) || Scan.IsAsciiLetter(prev))) return false;
        return true;
    }

    /// <summary>Letters right after the digits make it a code (02513.HK, 4o, 7B).</summary>
    private bool IsCodeAfter(string text, int end)
    {
        if (end >= text.Length) return false;
        var c = text[end];
        // 2.1pct: a Latin unit word of the lexicon (percentage points as sell-side notes write them) is no code.
        if (Scan.IsAsciiLetter(c) && _lex.Points.TryMatch(text, end, out _, out var unitEnd) && (unitEnd >= text.Length || !Scan.IsAsciiLetter(text[unitEnd])))
            return false;
        if (Scan.IsAsciiLetter(c)) return true;
        if (c is '.' or '．' or '-' && end + 1 < text.Length && Scan.IsAsciiLetter(text[end + 1])) return true;
        if (c is ':' or '：' && end + 1 < text.Length && Scan.IsDigit(text[end + 1])) return true; // 10:59
        return false;
    }

    private static int SkipToken(string text, int i)
    {
        while (i < text.Length && (Scan.IsDigit(text[i]) || Scan.IsAsciiLetter(text[i]) || text[i] is '.' or '-' or '_')) i++;
        return i;
    }

    /// <summary>1. / 2、 / (3) at the start of a line or item: a list marker, not a quantity.</summary>
    private static bool IsListMarker(string text, NumberToken t)
    {
        var before = Scan.SkipSpacesBack(text, t.Start);
        var after = t.End < text.Length ? text[t.End] : '\0';
        var lineStart = before == 0 || text[before - 1] is '\n' or '\r';
        if (lineStart && after is '.' or '、' or '．' or ')' or '）' && !(t.End + 1 < text.Length && Scan.IsDigit(text[t.End + 1]))) return true;
        if (before > 0 && text[before - 1] is '(' or '（' && after is ')' or '）' && t.Length <= 2 && t.HasArabic
            && !(before >= 2 && text[before - 2] is '今' or '本')) return true;
        return false;
    }

    private Mention Make(MentionKind kind, string text, int start, int end, Resolution value, Qualifier q) =>
        new(kind, new TextSpan(start, end), text.Substring(start, end - start), Normalize(value), q) { Recognizer = Name };

    /// <summary>Drops trailing zeros carried by decimal arithmetic (6248000000.00 → 6248000000).</summary>
    internal static Resolution Normalize(Resolution r) => r switch
    {
        // New instances, not `with`: the base Value is captured at construction.
        Money m => new Money(Trim(m.Amount), m.Currency, Trim(m.Precision)),
        Percentage p => new Percentage(Trim(p.Percent), Trim(p.Precision)),
        PercentagePoints p => new PercentagePoints(Trim(p.Points), Trim(p.Precision)),
        Multiple m => new Multiple(Trim(m.Times), Trim(m.Precision)),
        Number n => new Number(Trim(n.Value), Trim(n.Precision), n.Unit),
        _ => r,
    };

    private static decimal Trim(decimal d)
    {
        while (d.Scale > 0)
        {
            var shorter = decimal.Round(d, d.Scale - 1);
            if (shorter != d) break;
            d = shorter;
        }
        return d;
    }

    /// <summary>Links an amount and the bracketed amount right after it in another currency.</summary>
    private static void LinkEquivalents(string text, List<Mention> output, int first)
    {
        for (var k = first; k + 1 < output.Count; k++)
        {
            var a = output[k];
            var b = output[k + 1];
            if (a.Kind != MentionKind.Money || b.Kind != MentionKind.Money) continue;
            if (a.Value is not Money ma || b.Value is not Money mb || ma.Currency == mb.Currency) continue;
            var p = Scan.SkipSpaces(text, a.Span.End);
            if (p >= text.Length || text[p] is not ('（' or '(')) continue;
            p++;
            while (p < b.Span.Start && (Scan.IsSpace(text[p]) || "约約合即折".Contains(text[p]))) p++;
            if (p != b.Span.Start) continue;
            var close = Scan.SkipSpaces(text, b.Span.End);
            if (close >= text.Length || text[close] is not ('）' or ')')) continue;
            output[k] = a with { EquivalentSpan = b.Span };
            output[k + 1] = b with { EquivalentSpan = a.Span };
        }
    }
}
