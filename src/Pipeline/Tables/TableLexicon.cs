using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Pipeline.Facts;
using Pipeline.Recognition;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Tables;

/// <summary>Which comparison a change column makes.</summary>
public enum ChangeKind { None, YearOnYear, QuarterOnQuarter, Unspecified }

/// <summary>
/// The table words of <c>Lexicons/common/tables.yaml</c>: currencies, scales and unit-note words, change-column and
/// basis words, period words of column headers, label prefixes and tails, empty-cell marks. Immutable; loaded once
/// (a bad file throws at start-up). Every phrase matches in any letter case, Latin words on word boundaries.
/// </summary>
public sealed class TableLexicon
{
    public PhraseMatcher<Currency> Currencies { get; private init; } = null!;
    public PhraseMatcher<decimal> Scales { get; private init; } = null!;
    public PhraseMatcher<bool> UnitNotes { get; private init; } = null!;
    public PhraseMatcher<bool> PerShare { get; private init; } = null!;
    public PhraseMatcher<ChangeKind> Changes { get; private init; } = null!;
    public PhraseMatcher<string> Bases { get; private init; } = null!;
    public PhraseMatcher<int> Quarters { get; private init; } = null!;
    public PhraseMatcher<int> Halves { get; private init; } = null!;
    public PhraseMatcher<int> Months { get; private init; } = null!;
    public PhraseMatcher<bool> AsOf { get; private init; } = null!;
    public PhraseMatcher<int> MonthNames { get; private init; } = null!;
    public PhraseMatcher<bool> Points { get; private init; } = null!;
    public IReadOnlyList<string> LabelPrefixes { get; private init; } = [];
    public IReadOnlyList<string> LabelTails { get; private init; } = [];
    public IReadOnlyList<string> LabelJoiners { get; private init; } = [];
    public IReadOnlyList<string> Totals { get; private init; } = [];
    public IReadOnlyList<string> LabelHeaders { get; private init; } = [];
    public IReadOnlySet<string> NoValue { get; private init; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string> Losses { get; private init; } = new Dictionary<string, string>();
    /// <summary>Change metric templates by (kind, points): <c>{metric}_growth_pct</c>, <c>{stem}_change_pp</c>.</summary>
    public IReadOnlyDictionary<(ChangeKind Kind, bool Points), IReadOnlyList<string>> ChangeMetrics { get; private init; } =
        new Dictionary<(ChangeKind, bool), IReadOnlyList<string>>();

    private static readonly Lazy<TableLexicon> Embedded = new(() => Parse(LexiconResources.ReadText(Name), Name));
    private const string Name = "Lexicons/common/tables.yaml";

    /// <summary>The embedded lexicon.</summary>
    public static TableLexicon Default => Embedded.Value;

    public static TableLexicon Parse(string yaml, string sourceName = "tables.yaml")
    {
        TableFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<TableFile>(yaml) ?? new TableFile();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{sourceName}: {e.Message} {e.InnerException?.Message}", e);
        }
        PhraseMatcher<T> Matcher<T>(IEnumerable<(string, T)> phrases) => new(phrases, ignoreCase: true);
        static IEnumerable<(string, T)> Flat<T>(Dictionary<string, List<string>> map, Func<string, T> key) =>
            map.SelectMany(kv => kv.Value.Select(w => (w, key(kv.Key))));
        decimal Decimal(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d > 0
            ? d : throw new InvalidDataException($"{sourceName}: '{s}' is not a positive number.");
        int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? i : throw new InvalidDataException($"{sourceName}: '{s}' is not a number.");
        Currency Code(string s) => Currency.TryParse(s, out var c) ? c : throw new InvalidDataException($"{sourceName}: unknown currency {s}.");
        ChangeKind Kind(string s) => s switch
        {
            "yoy" => ChangeKind.YearOnYear,
            "qoq" => ChangeKind.QuarterOnQuarter,
            "any" => ChangeKind.Unspecified,
            _ => throw new InvalidDataException($"{sourceName}: unknown change kind {s}."),
        };
        var changeMetrics = new Dictionary<(ChangeKind, bool), IReadOnlyList<string>>();
        foreach (var (key, templates) in file.ChangeMetrics)
        {
            var parts = key.Split('_');
            if (parts.Length != 2 || parts[1] is not ("percent" or "points"))
                throw new InvalidDataException($"{sourceName}: change_metrics key {key} is not <yoy|qoq>_<percent|points>.");
            changeMetrics[(Kind(parts[0]), parts[1] == "points")] = templates;
        }
        var p = file.Periods;
        return new TableLexicon
        {
            Currencies = Matcher(Flat(file.Currencies, Code)),
            Scales = Matcher(Flat(file.Scales, Decimal)),
            UnitNotes = Matcher(file.UnitNotes.Select(w => (w, true))),
            PerShare = Matcher(file.PerShare.Select(w => (w, true))),
            Changes = Matcher(Flat(file.Changes, Kind)),
            Bases = Matcher(Flat(file.Bases, b => b)),
            Quarters = Matcher(Flat(p.Quarters, Int)),
            Halves = Matcher(Flat(p.Halves, Int)),
            Months = Matcher(Flat(p.Months, Int)),
            AsOf = Matcher(p.AsOf.Select(w => (w, true))),
            MonthNames = Matcher(p.MonthsOfYear.Select((w, i) => (w, i + 1)).Concat(p.MonthsShort.Select((w, i) => (w, i + 1)))),
            Points = Matcher(file.Points.Select(w => (w, true))),
            LabelPrefixes = file.LabelPrefixes.OrderByDescending(w => w.Length).ToList(),
            LabelTails = file.LabelTails.OrderByDescending(w => w.Length).ToList(),
            LabelJoiners = file.LabelJoiners,
            Totals = file.Totals,
            LabelHeaders = file.LabelHeaders,
            NoValue = new HashSet<string>(file.NoValue, StringComparer.OrdinalIgnoreCase),
            Losses = file.Losses,
            ChangeMetrics = changeMetrics,
        };
    }

    /// <summary>True when <paramref name="text"/> starts with <paramref name="word"/> followed by a non-letter (any case).</summary>
    internal static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsAsciiLetter(word[^1]) || !char.IsAsciiLetter(text[word.Length]));

    private sealed class TableFile
    {
        public Dictionary<string, List<string>> Currencies { get; set; } = [];
        public Dictionary<string, List<string>> Scales { get; set; } = [];
        public List<string> UnitNotes { get; set; } = [];
        public List<string> PerShare { get; set; } = [];
        public Dictionary<string, List<string>> Changes { get; set; } = [];
        public Dictionary<string, List<string>> ChangeMetrics { get; set; } = [];
        public Dictionary<string, string> Losses { get; set; } = [];
        public Dictionary<string, List<string>> Bases { get; set; } = [];
        public List<string> LabelPrefixes { get; set; } = [];
        public List<string> LabelTails { get; set; } = [];
        public List<string> Totals { get; set; } = [];
        public List<string> LabelJoiners { get; set; } = [];
        public List<string> NoValue { get; set; } = [];
        public List<string> Points { get; set; } = [];
        public PeriodFile Periods { get; set; } = new();
        public List<string> LabelHeaders { get; set; } = [];
    }

    private sealed class PeriodFile
    {
        public Dictionary<string, List<string>> Quarters { get; set; } = [];
        public Dictionary<string, List<string>> Halves { get; set; } = [];
        public Dictionary<string, List<string>> Months { get; set; } = [];
        public List<string> AsOf { get; set; } = [];
        public List<string> MonthsOfYear { get; set; } = [];
        public List<string> MonthsShort { get; set; } = [];
    }
}
