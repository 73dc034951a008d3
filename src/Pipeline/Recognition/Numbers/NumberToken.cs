using System;

namespace Pipeline.Recognition.Numbers;

/// <summary>
/// One written number found by <see cref="ChineseNumberScanner"/>: <c>[Start, End)</c> in UTF-16 units, its value,
/// and the size of one unit of its last written digit (<c>21.954 亿</c> → 100000; <c>一万三</c> → 1000).
/// </summary>
public readonly record struct NumberToken(int Start, int End, decimal Value, decimal Precision, NumberShape Shape)
{
    public bool HasArabic => (Shape & NumberShape.Arabic) != 0;
    public bool HasChinese => (Shape & NumberShape.Chinese) != 0;
    public bool IsApproximate => (Shape & NumberShape.Approximate) != 0;
    public bool IsDigitSequence => (Shape & NumberShape.DigitSequence) != 0;
    /// <summary>Digits only, no scale word, no decimals, no separators (a candidate year or code).</summary>
    public bool IsPlainInteger => (Shape & (NumberShape.Scaled | NumberShape.Decimal | NumberShape.Grouped | NumberShape.Chinese)) == 0;
    public int Length => End - Start;
}

[Flags]
public enum NumberShape
{
    None = 0,
    Arabic = 1,
    Chinese = 2,
    /// <summary>Has a scale or unit word (万, 亿, 百, k).</summary>
    Scaled = 4,
    Decimal = 8,
    /// <summary>Thousands separators (1,050,000).</summary>
    Grouped = 16,
    /// <summary>余/多/几 inside (十余万): an approximate figure.</summary>
    Approximate = 32,
    /// <summary>Digits read one by one (二零二五, 三八): only meaningful for years and discounts.</summary>
    DigitSequence = 64,
    Negative = 128,
    /// <summary>A single Chinese numeral character (一, 十).</summary>
    SingleChar = 256,
}
