using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Recognition.English;

/// <summary>The English words and symbols of <c>Lexicons/en/*.yaml</c>, loaded once into typed tables.</summary>
public sealed class EnglishLexicon
{
    public static EnglishLexicon Default { get; } = Load();

    public required IReadOnlyList<(string Text, Currency Currency)> CurrencyPrefixes { get; init; }
    public required IReadOnlyList<(string Text, Currency Currency)> CurrencySuffixes { get; init; }
    /// <summary>Hundredths of a currency written after the amount (44 cents, 15 US cents), longest first.</summary>
    public IReadOnlyList<(string Text, Currency Currency)> CurrencySubunits { get; init; } = [];
    /// <summary>Scale words, longest first.</summary>
    public required IReadOnlyList<(string Word, decimal Factor)> Scales { get; init; }
    public required IReadOnlyList<string> PercentWords { get; init; }
    public required IReadOnlyList<string> PointWords { get; init; }
    public required IReadOnlyList<string> MultipleWords { get; init; }
    public required IReadOnlyList<string> ShareWords { get; init; }
    public required IReadOnlyList<string> CountWords { get; init; }
    /// <summary>Lettered currency prefixes written tight against the amount (RMB120 billion), as written.</summary>
    public IReadOnlyList<string> TightPrefixes { get; init; } = [];
    public required IReadOnlyList<(string Text, Qualifier Qualifier)> Qualifiers { get; init; }
    /// <summary>Words that are a lower bound on a percentage (triple-digit: 100; doubled: 100), by lower-case word.</summary>
    public IReadOnlyDictionary<string, decimal> AtLeastWords { get; init; } = new Dictionary<string, decimal>();
    /// <summary><see cref="AtLeastWords"/>' words, longest first.</summary>
    public IReadOnlyList<string> AtLeastWordList { get; init; } = [];
    /// <summary>Numbers written as words (five million units), by lower-case word.</summary>
    public IReadOnlyDictionary<string, decimal> NumberWords { get; init; } = new Dictionary<string, decimal>();
    /// <summary><see cref="NumberWords"/>' words, longest first.</summary>
    public IReadOnlyList<string> NumberWordList { get; init; } = [];
    public required IReadOnlyDictionary<string, int> Months { get; init; }
    public required IReadOnlyDictionary<string, int> MonthCounts { get; init; }
    public required IReadOnlyDictionary<string, int> Halves { get; init; }
    public required IReadOnlyDictionary<string, int> Quarters { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeYears { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeDays { get; init; }
    public required IReadOnlyDictionary<string, int> Weekdays { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeWeeks { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeMonths { get; init; }
    public required IReadOnlyList<string> MonthLeads { get; init; }
    public required IReadOnlyDictionary<string, string> PastUnits { get; init; }
    public required IReadOnlyList<string> PastWords { get; init; }

    private sealed class QuantityFile
    {
        public Dictionary<string, string> CurrencyPrefixes { get; set; } = new();
        public Dictionary<string, string> CurrencySuffixes { get; set; } = new();
        public Dictionary<string, string> CurrencySubunits { get; set; } = new();
        public Dictionary<string, decimal> Scales { get; set; } = new();
        public List<string> PercentWords { get; set; } = new();
        public List<string> PointWords { get; set; } = new();
        public List<string> MultipleWords { get; set; } = new();
        public List<string> ShareWords { get; set; } = new();
        public List<string> CountWords { get; set; } = new();
        public List<string> TightPrefixes { get; set; } = new();
        public Dictionary<string, string> Qualifiers { get; set; } = new();
        public Dictionary<string, decimal> AtLeastWords { get; set; } = new();
        public Dictionary<string, decimal> NumberWords { get; set; } = new();
    }

    private sealed class DateFile
    {
        public Dictionary<string, int> Months { get; set; } = new();
        public Dictionary<string, int> MonthCounts { get; set; } = new();
        public Dictionary<string, int> Halves { get; set; } = new();
        public Dictionary<string, int> Quarters { get; set; } = new();
        public Dictionary<string, int> RelativeYears { get; set; } = new();
        public Dictionary<string, int> RelativeDays { get; set; } = new();
        public Dictionary<string, int> Weekdays { get; set; } = new();
        public Dictionary<string, int> RelativeWeeks { get; set; } = new();
        public Dictionary<string, int> RelativeMonths { get; set; } = new();
        public List<string> MonthLeads { get; set; } = new();
        public Dictionary<string, string> PastUnits { get; set; } = new();
        public List<string> PastWords { get; set; } = new();
    }

    /// <summary>Loads the embedded lexicon; a malformed file is a configuration error at start-up.</summary>
    public static EnglishLexicon Load()
    {
        var quantities = Read<QuantityFile>("Lexicons/en/quantities.yaml");
        var dates = Read<DateFile>("Lexicons/en/dates.yaml");
        static IReadOnlyList<string> LongestFirst(IEnumerable<string> words) =>
            words.Select(w => w.ToLowerInvariant()).Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        static IReadOnlyDictionary<string, int> Lower(Dictionary<string, int> d) =>
            d.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);
        return new EnglishLexicon
        {
            CurrencyPrefixes = quantities.CurrencyPrefixes.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key, Currency.Of(p.Value))).ToList(),
            CurrencySuffixes = quantities.CurrencySuffixes.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key, Currency.Of(p.Value))).ToList(),
            CurrencySubunits = quantities.CurrencySubunits.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key.ToLowerInvariant(), Currency.Of(p.Value))).ToList(),
            Scales = quantities.Scales.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key.ToLowerInvariant(), p.Value)).ToList(),
            PercentWords = LongestFirst(quantities.PercentWords),
            PointWords = LongestFirst(quantities.PointWords),
            MultipleWords = LongestFirst(quantities.MultipleWords),
            ShareWords = LongestFirst(quantities.ShareWords),
            CountWords = LongestFirst(quantities.CountWords),
            TightPrefixes = quantities.TightPrefixes.Distinct().ToList(),
            Qualifiers = quantities.Qualifiers.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key.ToLowerInvariant(), QualifierExtensions.FromSymbol(p.Value))).ToList(),
            AtLeastWords = quantities.AtLeastWords.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
            AtLeastWordList = LongestFirst(quantities.AtLeastWords.Keys),
            NumberWords = quantities.NumberWords.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
            NumberWordList = LongestFirst(quantities.NumberWords.Keys),
            Months = Lower(dates.Months),
            MonthCounts = Lower(dates.MonthCounts),
            Halves = Lower(dates.Halves),
            Quarters = Lower(dates.Quarters),
            RelativeYears = Lower(dates.RelativeYears),
            RelativeDays = Lower(dates.RelativeDays),
            Weekdays = Lower(dates.Weekdays),
            RelativeWeeks = Lower(dates.RelativeWeeks),
            RelativeMonths = Lower(dates.RelativeMonths),
            MonthLeads = LongestFirst(dates.MonthLeads),
            PastUnits = dates.PastUnits.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
            PastWords = LongestFirst(dates.PastWords),
        };
    }

    private static T Read<T>(string resource)
    {
        var text = LexiconResources.ReadText(resource);
        try
        {
            return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<T>(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new PipelineConfigurationException($"lexicon {resource} is malformed: {e.Message}", e);
        }
    }

    internal static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
