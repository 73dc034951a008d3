using System;
using System.Collections.Generic;

namespace Pipeline.Recognition.Numbers;

/// <summary>
/// Every written number in a text, whatever follows it (Recognizers-Text's number model): the spans and values
/// of <see cref="ChineseNumberScanner"/>, skipping codes and model names (GLM-4.7, 02513.HK), listed non-number
/// words (一切, 四川) and reading fractions (三分之一, 3/5).
/// </summary>
public sealed class NumberExtractor
{
    private readonly ChineseLexicon _lex;
    private readonly ChineseNumberScanner _scanner;

    public NumberExtractor(ChineseLexicon lexicon)
    {
        _lex = lexicon;
        _scanner = new ChineseNumberScanner(lexicon);
    }

    public void Extract(string text, List<NumberToken> output)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!_scanner.CanStart(text, i)) { i++; continue; }
            if (i > 0 && (Scan.IsAsciiLetter(text[i - 1]) || Scan.IsDigit(text[i - 1]))) { i++; continue; }
            if (!Scan.IsDigit(text[i]) && _lex.InNotNumberWord(text, i)) { i++; continue; }
            if (!_scanner.TryScan(text, i, out var t)) { i++; continue; }
            if (t.End < text.Length && Scan.IsAsciiLetter(text[t.End])) { i = t.End; continue; }
            t = _scanner.Extend(text, t);
            // 二三十 (twenty or thirty): an approximate pair of digits, not a number.
            if (t.IsDigitSequence && t.End < text.Length && _lex.Unit(text[t.End]) > 0) { i = SkipNumerals(text, t.End); continue; }
            if (t.IsDigitSequence && t.Length > 1 && !t.HasArabic && text.AsSpan(t.Start, t.Length).ContainsAny("两兩倆俩")) { i = t.End; continue; }
            // Figures with a currency, a percent sign or 折 belong to the money and percentage models.
            var after = Scan.SkipSpaces(text, t.End);
            if (!t.HasArabic && t.Length == 1 && (_lex.CurrencySuffixes.StartsAt(text, after) || _lex.Discounts.StartsAt(text, after))
                || _lex.PercentSuffixes.StartsAt(text, after) && !t.HasArabic)
            {
                i = t.End;
                continue;
            }
            output.Add(t);
            i = t.End;
        }
    }

    private int SkipNumerals(string text, int i)
    {
        while (i < text.Length && (_lex.IsNumeralChar(text[i]) || Scan.IsDigit(text[i]))) i++;
        return i;
    }
}
