using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Recognition;

/// <summary>
/// The zh-Hans words and symbols the recognizers use, loaded once from the embedded YAML files under
/// <c>Lexicons/zh-Hans/</c> (numbers, percent, money, dates). Data only: the scanners hold the algorithms.
/// A missing or malformed file throws at start-up (a configuration error), never per document.
/// </summary>
public sealed class ChineseLexicon
{
    private static readonly Lazy<ChineseLexicon> Shared = new(() => Load("zh-Hans"));

    /// <summary>The embedded zh-Hans lexicon (loaded on first use, then shared).</summary>
    public static ChineseLexicon Default => Shared.Value;

    public required FrozenDictionary<char, int> Digits { get; init; }
    public required FrozenSet<char> NotDecimalDigits { get; init; }
    public required FrozenSet<char> FormalDigits { get; init; }
    public required FrozenDictionary<char, int> Units { get; init; }
    public required FrozenDictionary<char, long> Scales { get; init; }
    public required FrozenDictionary<char, int> LatinScales { get; init; }
    public required FrozenSet<char> DecimalPoints { get; init; }
    public required FrozenSet<char> NegativeSigns { get; init; }
    public required FrozenSet<char> ApproximateInfixes { get; init; }
    /// <summary>Words in which a numeral is not a number, indexed by each character they contain.</summary>
    public required FrozenDictionary<char, (string Word, int Offset)[]> NotNumbers { get; init; }
    public required WordTable<CountUnit> CountUnits { get; init; }
    public required WordTable<Qualifier> PrefixQualifiers { get; init; }
    public required WordTable<Qualifier> SuffixQualifiers { get; init; }
    public required WordTable<bool> NotQuantitySuffixes { get; init; }
    public required WordTable<bool> RangeConnectors { get; init; }
    public required WordTable<bool> DateUnits { get; init; }
    /// <summary>Units of time after a count (两小时, 3 天): the number is a duration.</summary>
    public required WordTable<bool> DurationCounts { get; init; }
    /// <summary>Exchange codes and code words written before a listing code (HKG: 1211, 股份代号：2513).</summary>
    public required WordTable<bool> CodePrefixes { get; init; }
    /// <summary>Exchange suffixes written after a listing code and a dot (1810.HK).</summary>
    public required WordTable<bool> CodeSuffixes { get; init; }

    /// <summary>A listing code ends at <paramref name="end"/>: a dot and an exchange suffix follow (1810.HK).</summary>
    public bool IsCodeSuffixAt(string text, int end) =>
        end + 1 < text.Length && text[end] is '.' or '．' && CodeSuffixes.TryMatch(text, end + 1, out _, out var e, innerSpaces: false)
        && (e >= text.Length || !Scan.IsAsciiLetter(text[e]) && !Scan.IsDigit(text[e]));

    /// <summary>A listing code starts at <paramref name="start"/>: an exchange code and a colon (HKG: 1211) or a code
    /// word (股份代号：2513) come right before it.</summary>
    public bool IsCodeBefore(string text, int start)
    {
        var p = Scan.SkipSpacesBack(text, start);
        var colon = p > 0 && text[p - 1] is ':' or '：';
        if (colon) p = Scan.SkipSpacesBack(text, p - 1);
        if (!CodePrefixes.TryMatchBefore(text, p, out _, out var s)) return false;
        if (s > 0 && Scan.IsAsciiLetter(text[s - 1])) return false;
        return colon || !Scan.IsAsciiLetter(text[s]);
    }

    public required WordTable<decimal> PercentPrefixes { get; init; }
    public required WordTable<decimal> PercentSuffixes { get; init; }
    public required WordTable<bool> Tenths { get; init; }
    public required FrozenSet<char> TenthsBlockers { get; init; }
    public required WordTable<bool> Discounts { get; init; }
    public required FrozenSet<char> DiscountBlockers { get; init; }
    public required WordTable<bool> Points { get; init; }
    public required WordTable<bool> Multiples { get; init; }
    public required WordTable<decimal> PercentWords { get; init; }
    /// <summary>Words that are a lower bound on a percentage (三位数增长: at least 100%, 翻番: at least doubled).</summary>
    public required WordTable<decimal> PercentAtLeastWords { get; init; }
    public required WordTable<(char Before, decimal Percent)> PercentWordsAfter { get; init; }
    public required char Dozen { get; init; }
    public required FrozenSet<char> DozenBlockers { get; init; }

    public required WordTable<Currency> CurrencySuffixes { get; init; }
    public required WordTable<Currency> CurrencyPrefixes { get; init; }
    public required WordTable<bool> PerSharePrefixes { get; init; }
    public required WordTable<bool> PerShareSuffixes { get; init; }
    public required WordTable<(Currency Currency, decimal Value)> Subunits { get; init; }
    public required FrozenSet<char> SubunitBlockers { get; init; }

    public required WordTable<int> RelativeYears { get; init; }
    public required WordTable<int> RelativeMonths { get; init; }
    public required WordTable<int> RelativeQuarters { get; init; }
    public required WordTable<int> RelativeDays { get; init; }
    public required WordTable<int> Halves { get; init; }
    public required WordTable<(int From, int To)> YearParts { get; init; }
    public required WordTable<bool> WholeYear { get; init; }
    /// <summary>Words before a count of quarters or months meaning the first ones of the year (前三季度, 首三季).</summary>
    public required WordTable<bool> LeadingCounts { get; init; }
    public required WordTable<bool> QuarterWords { get; init; }
    public required WordTable<bool> MonthWords { get; init; }
    public required WordTable<bool> DayWords { get; init; }
    public required WordTable<bool> YearWords { get; init; }
    public required WordTable<bool> CutoffPrefixes { get; init; }
    public required string CutoffSuffix { get; init; }
    public required WordTable<bool> MonthsWords { get; init; }
    public required WordTable<bool> ListJoiners { get; init; }
    public required WordTable<bool> RangePrefixes { get; init; }
    public required WordTable<int> WeekPrefixes { get; init; }
    public required WordTable<bool> WeekWords { get; init; }
    public required WordTable<int> Weekdays { get; init; }
    public required char Weekend { get; init; }
    public required WordTable<bool> DurationsBack { get; init; }
    public required WordTable<bool> DurationsOn { get; init; }
    public required WordTable<string> DurationUnits { get; init; }
    public required string Decade { get; init; }
    public required WordTable<bool> Century { get; init; }
    public required WordTable<int> RelativeCenturies { get; init; }
    public required WordTable<bool> BetweenJoiners { get; init; }
    public required WordTable<bool> BetweenSuffixes { get; init; }
    public required WordTable<bool> BetweenPrefixes { get; init; }
    public required WordTable<bool> AfterWords { get; init; }
    public required WordTable<bool> BeforeWords { get; init; }
    public required WordTable<(int Month, int Day)> Holidays { get; init; }
    public required WordTable<int> Eras { get; init; }
    public required WordTable<bool> LunarPrefixes { get; init; }
    public required WordTable<int> LunarMonths { get; init; }
    public required char LunarDayPrefix { get; init; }
    public required string LunarNewYear { get; init; }
    public required WordTable<int> Ordinals { get; init; }
    public required WordTable<bool> Classifiers { get; init; }
    public required WordTable<bool> OfWords { get; init; }

    // Per-character tables (one array read per character on the hot path instead of hash lookups).
    private sbyte[] _digit = [];
    private short[] _unit = [];
    private byte[] _scale = [];
    private long[] _scaleValues = [];
    private byte[] _flags = [];
    private const byte NumeralFlag = 1, QuantityStartFlag = 2, DateStartFlag = 4, ConnectorFlag = 8;

    /// <summary>Value of a Chinese digit character (零..九, 壹..玖, 两), or -1.</summary>
    public int Digit(char c) => _digit[c];

    /// <summary>10, 100 or 1000 for 十/百/千 (拾/佰/仟), else 0.</summary>
    public int Unit(char c) => _unit[c];

    /// <summary>10⁴, 10⁸, 10¹² for 万/亿/兆 (萬/億), else 0.</summary>
    public long Scale(char c) => _scaleValues[_scale[c]];

    public bool IsNumeralChar(char c) => (_flags[c] & NumeralFlag) != 0;

    /// <summary>Whether a quantity (number, percentage prefix, currency symbol) may start with this character.</summary>
    public bool MayStartQuantity(char c) => (_flags[c] & QuantityStartFlag) != 0;

    /// <summary>Whether a date or period may start with this character.</summary>
    public bool MayStartDate(char c) => (_flags[c] & DateStartFlag) != 0;

    /// <summary>Whether a range connector (至, 到, -) starts with this character.</summary>
    public bool IsRangeConnectorStart(char c) => (_flags[c] & ConnectorFlag) != 0;

    private void BuildTables(IEnumerable<string> dateWords)
    {
        _digit = new sbyte[char.MaxValue + 1];
        Array.Fill(_digit, (sbyte)-1);
        _unit = new short[char.MaxValue + 1];
        _scale = new byte[char.MaxValue + 1];
        _flags = new byte[char.MaxValue + 1];
        foreach (var (c, v) in Digits) { _digit[c] = (sbyte)v; _flags[c] |= NumeralFlag | QuantityStartFlag | DateStartFlag; }
        foreach (var (c, v) in Units) { _unit[c] = (short)v; _flags[c] |= NumeralFlag | QuantityStartFlag | DateStartFlag; }
        var scales = new List<long> { 0 };
        foreach (var (c, v) in Scales) { _scale[c] = (byte)scales.Count; scales.Add(v); _flags[c] |= NumeralFlag | QuantityStartFlag; }
        _scaleValues = scales.ToArray();
        for (var c = '0'; c <= '9'; c++) _flags[c] |= QuantityStartFlag | DateStartFlag;
        for (var c = '０'; c <= '９'; c++) _flags[c] |= QuantityStartFlag | DateStartFlag;
        foreach (var c in "-－−.．") _flags[c] |= QuantityStartFlag;
        foreach (var c in NegativeSigns) _flags[c] |= QuantityStartFlag;
        foreach (var w in PercentPrefixes.Words.Concat(CurrencyPrefixes.Words).Concat(PercentWords.Words).Concat(PercentAtLeastWords.Words).Concat(PercentWordsAfter.Words).Append("半")) _flags[w[0]] |= QuantityStartFlag;
        foreach (var w in dateWords) _flags[w[0]] |= DateStartFlag;
        foreach (var w in RangeConnectors.Words) _flags[w[0]] |= ConnectorFlag;
    }

    /// <summary>True when the numeral at <paramref name="index"/> is part of a listed non-number word.</summary>
    public bool InNotNumberWord(string text, int index)
    {
        if (!NotNumbers.TryGetValue(text[index], out var entries)) return false;
        foreach (var (word, offset) in entries)
        {
            var start = index - offset;
            if (start >= 0 && start + word.Length <= text.Length && text.AsSpan(start, word.Length).SequenceEqual(word)) return true;
        }
        return false;
    }

    /// <summary>Loads a culture's lexicon from the embedded resources.</summary>
    public static ChineseLexicon Load(string culture)
    {
        var numbers = Read<NumbersFile>(culture, "numbers.yaml");
        var percent = Read<PercentFile>(culture, "percent.yaml");
        var money = Read<MoneyFile>(culture, "money.yaml");
        var dates = Read<DatesFile>(culture, "dates.yaml");

        var notNumbers = new Dictionary<char, List<(string, int)>>();
        foreach (var w in numbers.NotNumbers)
            for (var k = 0; k < w.Length; k++)
            {
                if (!notNumbers.TryGetValue(w[k], out var list)) notNumbers[w[k]] = list = new();
                list.Add((w, k));
            }

        var lexicon = new ChineseLexicon
        {
            Digits = Chars(numbers.Digits),
            NotDecimalDigits = CharSet(numbers.NotDecimalDigits),
            FormalDigits = CharSet(numbers.FormalDigits),
            Units = Chars(numbers.Units),
            Scales = Chars(numbers.Scales),
            LatinScales = Chars(numbers.LatinScales),
            DecimalPoints = CharSet(numbers.DecimalPoints),
            NegativeSigns = CharSet(numbers.NegativeSigns),
            ApproximateInfixes = CharSet(numbers.ApproximateInfixes),
            NotNumbers = NotNumberIndex(notNumbers),
            CountUnits = WordTable.Of(numbers.CountUnits, (k, v) => v == "shares" ? CountUnit.Shares : CountUnit.Count),
            PrefixQualifiers = WordTable.Of(numbers.PrefixQualifiers, (k, v) => QualifierExtensions.FromSymbol(v)),
            SuffixQualifiers = WordTable.Of(numbers.SuffixQualifiers, (k, v) => QualifierExtensions.FromSymbol(v)),
            NotQuantitySuffixes = WordTable.Of(numbers.NotQuantitySuffixes),
            RangeConnectors = WordTable.Of(numbers.RangeConnectors),
            DateUnits = WordTable.Of(numbers.DateUnits),
            DurationCounts = WordTable.Of(numbers.DurationUnits),
            CodePrefixes = WordTable.Of(numbers.CodePrefixes),
            CodeSuffixes = WordTable.Of(numbers.CodeSuffixes),
            PercentPrefixes = WordTable.Of(percent.Prefixes),
            PercentSuffixes = WordTable.Of(percent.Suffixes),
            Tenths = WordTable.Of(percent.Tenths),
            TenthsBlockers = CharSet(percent.TenthsBlockers),
            Discounts = WordTable.Of(percent.Discounts),
            DiscountBlockers = CharSet(percent.DiscountBlockers),
            Points = WordTable.Of(percent.Points),
            Multiples = WordTable.Of(percent.Multiples),
            PercentWords = WordTable.Of(percent.Words),
            PercentAtLeastWords = WordTable.Of(percent.AtLeastWords),
            PercentWordsAfter = WordTable.Of(percent.WordsAfter, (k, pair) => pair is [var b, var v] && b.Length == 1
                ? (b[0], decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
                : throw new InvalidDataException($"percent.yaml wordsAfter '{k}' needs [character, percent]")),
            Dozen = numbers.Dozen is { Length: 1 } dz ? dz[0] : throw new InvalidDataException("numbers.yaml dozen must be one character"),
            DozenBlockers = CharSet(numbers.DozenBlockers),
            CurrencySuffixes = WordTable.Of(money.Suffixes, (k, v) => Currency.Of(v)),
            CurrencyPrefixes = WordTable.Of(money.Prefixes, (k, v) => Currency.Of(v)),
            PerSharePrefixes = WordTable.Of(money.PerSharePrefixes),
            PerShareSuffixes = WordTable.Of(money.PerShareSuffixes),
            Subunits = WordTable.Of(money.Subunits, (k, pair) => pair is [var code, var v]
                ? (Currency.Of(code), decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
                : throw new InvalidDataException($"money.yaml subunits '{k}' needs [currency, value]")),
            SubunitBlockers = CharSet(money.SubunitBlockers),
            RelativeYears = WordTable.Of(dates.RelativeYears),
            RelativeMonths = WordTable.Of(dates.RelativeMonths),
            RelativeQuarters = WordTable.Of(dates.RelativeQuarters),
            RelativeDays = WordTable.Of(dates.RelativeDays),
            Halves = WordTable.Of(dates.Halves),
            YearParts = WordTable.Of(dates.YearParts, (k, v) => v is [var a, var b]
                ? (a, b) : throw new InvalidDataException($"dates.yaml yearParts '{k}' needs [from, to]")),
            WholeYear = WordTable.Of(dates.WholeYear),
            LeadingCounts = WordTable.Of(dates.LeadingCounts),
            QuarterWords = WordTable.Of(dates.Quarter),
            MonthWords = WordTable.Of(dates.Month),
            DayWords = WordTable.Of(dates.Day),
            YearWords = WordTable.Of(dates.Year),
            CutoffPrefixes = WordTable.Of(dates.CutoffPrefixes),
            CutoffSuffix = dates.CutoffSuffix,
            MonthsWords = WordTable.Of(dates.MonthsWord),
            ListJoiners = WordTable.Of(dates.ListJoiners),
            RangePrefixes = WordTable.Of(dates.RangePrefixes),
            WeekPrefixes = WordTable.Of(dates.WeekPrefixes),
            WeekWords = WordTable.Of(dates.WeekWords),
            Weekdays = WordTable.Of(dates.Weekdays),
            Weekend = dates.Weekend is { Length: 1 } we ? we[0] : throw new InvalidDataException("dates.yaml weekend must be one character"),
            DurationsBack = WordTable.Of(dates.DurationsBack),
            DurationsOn = WordTable.Of(dates.DurationsOn),
            DurationUnits = WordTable.Of(dates.DurationUnits),
            Decade = dates.Decade,
            Century = WordTable.Of(dates.Century),
            RelativeCenturies = WordTable.Of(dates.RelativeCenturies),
            BetweenJoiners = WordTable.Of(dates.BetweenJoiners),
            BetweenSuffixes = WordTable.Of(dates.BetweenSuffixes),
            BetweenPrefixes = WordTable.Of(dates.BetweenPrefixes),
            AfterWords = WordTable.Of(dates.AfterWords),
            BeforeWords = WordTable.Of(dates.BeforeWords),
            Eras = WordTable.Of(dates.Eras),
            LunarPrefixes = WordTable.Of(dates.LunarPrefixes),
            LunarMonths = WordTable.Of(dates.LunarMonths),
            LunarDayPrefix = dates.LunarDayPrefix is { Length: 1 } ld ? ld[0] : throw new InvalidDataException("dates.yaml lunarDayPrefix must be one character"),
            LunarNewYear = dates.LunarNewYear,
            Ordinals = WordTable.Of(dates.Ordinals),
            Classifiers = WordTable.Of(dates.Classifiers),
            OfWords = WordTable.Of(dates.Of),
            Holidays = WordTable.Of(dates.Holidays, (k, v) => v is [var m, var d]
                ? (m, d) : throw new InvalidDataException($"dates.yaml holidays '{k}' needs [month, day]")),
        };
        lexicon.BuildTables(dates.RelativeYears.Keys.Concat(dates.RelativeMonths.Keys).Concat(dates.RelativeQuarters.Keys).Concat(dates.RelativeDays.Keys)
            .Concat(dates.Halves.Keys).Concat(dates.CutoffPrefixes).Concat(dates.RangePrefixes).Concat(dates.WholeYear)
            .Concat(dates.WeekPrefixes.Keys).Concat(dates.WeekWords).Concat(dates.DurationsBack).Concat(dates.DurationsOn)
            .Concat(dates.RelativeCenturies.Keys).Concat(dates.Eras.Keys).Concat(dates.LunarPrefixes).Concat(dates.LunarMonths.Keys).Append(dates.LunarNewYear).Concat(dates.Ordinals.Keys).Concat(dates.LeadingCounts).Concat(["第", "Q", "H", "年", "今", "本"]));
        return lexicon;
    }

    private static T Read<T>(string culture, string file)
    {
        var name = $"Lexicons/{culture}/{file}";
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return deserializer.Deserialize<T>(LexiconResources.ReadText(name)) ?? throw new InvalidDataException($"Lexicon '{name}' is empty.");
    }

    // Plain loops, not LINQ: each LINQ operator over a value type is more generic code for the JIT at start-up.
    private static FrozenDictionary<char, TValue> Chars<TValue>(Dictionary<string, TValue> map)
    {
        var chars = new Dictionary<char, TValue>(map.Count);
        foreach (var (key, value) in map) chars[OneChar(key)] = value;
        return chars.ToFrozenDictionary();
    }

    private static FrozenSet<char> CharSet(List<string> items)
    {
        var chars = new HashSet<char>();
        foreach (var s in items) chars.Add(OneChar(s));
        return chars.ToFrozenSet();
    }

    private static char OneChar(string s) => s.Length == 1 ? s[0] : throw new InvalidDataException($"'{s}' must be one character");

    private static FrozenDictionary<char, (string Word, int Offset)[]> NotNumberIndex(Dictionary<char, List<(string, int)>> words)
    {
        var index = new Dictionary<char, (string Word, int Offset)[]>(words.Count);
        foreach (var (c, list) in words) index[c] = list.ToArray();
        return index.ToFrozenDictionary();
    }

    private sealed class NumbersFile
    {
        public Dictionary<string, int> Digits { get; set; } = new();
        public List<string> NotDecimalDigits { get; set; } = new();
        public List<string> FormalDigits { get; set; } = new();
        public Dictionary<string, int> Units { get; set; } = new();
        public Dictionary<string, long> Scales { get; set; } = new();
        public Dictionary<string, int> LatinScales { get; set; } = new();
        public List<string> DecimalPoints { get; set; } = new();
        public List<string> NegativeSigns { get; set; } = new();
        public List<string> ApproximateInfixes { get; set; } = new();
        public List<string> NotNumbers { get; set; } = new();
        public Dictionary<string, string> CountUnits { get; set; } = new();
        public Dictionary<string, string> PrefixQualifiers { get; set; } = new();
        public Dictionary<string, string> SuffixQualifiers { get; set; } = new();
        public List<string> NotQuantitySuffixes { get; set; } = new();
        public List<string> RangeConnectors { get; set; } = new();
        public List<string> DateUnits { get; set; } = new();
        public List<string> DurationUnits { get; set; } = new();
        public List<string> CodePrefixes { get; set; } = new();
        public List<string> CodeSuffixes { get; set; } = new();
        public string Dozen { get; set; } = "打";
        public List<string> DozenBlockers { get; set; } = new();
    }

    private sealed class PercentFile
    {
        public Dictionary<string, decimal> Prefixes { get; set; } = new();
        public Dictionary<string, decimal> Suffixes { get; set; } = new();
        public List<string> Tenths { get; set; } = new();
        public List<string> TenthsBlockers { get; set; } = new();
        public List<string> Discounts { get; set; } = new();
        public List<string> DiscountBlockers { get; set; } = new();
        public List<string> Points { get; set; } = new();
        public List<string> Multiples { get; set; } = new();
        public Dictionary<string, decimal> Words { get; set; } = new();
        public Dictionary<string, decimal> AtLeastWords { get; set; } = new();
        public Dictionary<string, List<string>> WordsAfter { get; set; } = new();
    }

    private sealed class MoneyFile
    {
        public Dictionary<string, string> Suffixes { get; set; } = new();
        public Dictionary<string, string> Prefixes { get; set; } = new();
        public List<string> PerSharePrefixes { get; set; } = new();
        public List<string> PerShareSuffixes { get; set; } = new();
        public Dictionary<string, List<string>> Subunits { get; set; } = new();
        public List<string> SubunitBlockers { get; set; } = new();
    }

    private sealed class DatesFile
    {
        public Dictionary<string, int> RelativeYears { get; set; } = new();
        public Dictionary<string, int> RelativeMonths { get; set; } = new();
        public Dictionary<string, int> RelativeQuarters { get; set; } = new();
        public Dictionary<string, int> RelativeDays { get; set; } = new();
        public Dictionary<string, int> Halves { get; set; } = new();
        public Dictionary<string, List<int>> YearParts { get; set; } = new();
        public List<string> WholeYear { get; set; } = new();
        public List<string> LeadingCounts { get; set; } = new();
        public List<string> Quarter { get; set; } = new();
        public List<string> Month { get; set; } = new();
        public List<string> Day { get; set; } = new();
        public List<string> Year { get; set; } = new();
        public List<string> CutoffPrefixes { get; set; } = new();
        public string CutoffSuffix { get; set; } = "止";
        public List<string> MonthsWord { get; set; } = new();
        public List<string> ListJoiners { get; set; } = new();
        public List<string> RangePrefixes { get; set; } = new();
        public Dictionary<string, int> WeekPrefixes { get; set; } = new();
        public List<string> WeekWords { get; set; } = new();
        public Dictionary<string, int> Weekdays { get; set; } = new();
        public string Weekend { get; set; } = "末";
        public List<string> DurationsBack { get; set; } = new();
        public List<string> DurationsOn { get; set; } = new();
        public Dictionary<string, string> DurationUnits { get; set; } = new();
        public string Decade { get; set; } = "年代";
        public List<string> Century { get; set; } = new();
        public Dictionary<string, int> RelativeCenturies { get; set; } = new();
        public List<string> BetweenJoiners { get; set; } = new();
        public List<string> BetweenSuffixes { get; set; } = new();
        public List<string> BetweenPrefixes { get; set; } = new();
        public List<string> AfterWords { get; set; } = new();
        public List<string> BeforeWords { get; set; } = new();
        public Dictionary<string, List<int>> Holidays { get; set; } = new();
        public Dictionary<string, int> Eras { get; set; } = new();
        public List<string> LunarPrefixes { get; set; } = new();
        public Dictionary<string, int> LunarMonths { get; set; } = new();
        public string LunarDayPrefix { get; set; } = "初";
        public string LunarNewYear { get; set; } = "大年";
        public Dictionary<string, int> Ordinals { get; set; } = new();
        public List<string> Classifiers { get; set; } = new();
        public List<string> Of { get; set; } = new();
    }
}
