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
            if (TryFraction(text, t, out var fraction)) t = fraction;
            if (t.IsDigitSequence && t.Length > 1 && !t.HasArabic && text.AsSpan(t.Start, t.Length).ContainsAny("两兩倆俩")) { i = t.End; continue; }
            output.Add(t);
            i = t.End;
        }
    }

    /// <summary>五分之一 (denominator first), 3/5 (numerator first).</summary>
    private bool TryFraction(string text, NumberToken first, out NumberToken fraction)
    {
        fraction = first;
        var p = Scan.SkipSpaces(text, first.End);
        if (p + 1 < text.Length && text[p] == '分')
        {
            var q = Scan.SkipSpaces(text, p + 1);
            if (q < text.Length && text[q] == '之')
            {
                var r = Scan.SkipSpaces(text, q + 1);
                if (r < text.Length && _scanner.CanStart(text, r) && _scanner.TryScan(text, r, out var num) && first.Value != 0)
                {
                    fraction = new NumberToken(first.Start, num.End, num.Value / first.Value, 0, first.Shape | NumberShape.Decimal);
                    return true;
                }
            }
        }
        if (p == first.End && p + 1 < text.Length && text[p] is '/' or '／' && first.HasArabic && Scan.IsDigit(text[p + 1])
            && _scanner.TryScan(text, p + 1, out var den) && den.Value != 0 && den.IsPlainInteger)
        {
            fraction = new NumberToken(first.Start, den.End, first.Value / den.Value, 0, first.Shape | NumberShape.Decimal);
            return true;
        }
        return false;
    }
}
