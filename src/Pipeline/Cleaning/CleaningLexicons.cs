using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Pipeline.Cleaning;

/// <summary>One boilerplate rule from <c>boilerplate.txt</c>.</summary>
public sealed record BoilerplateRule(string Reason, BoilerplateRuleKind Kind, string Pattern, Regex? Regex);

public enum BoilerplateRuleKind { Line, Prefix, Regex }

/// <summary>
/// The cleaning stage's data files (embedded from <c>Lexicons/zh-Hans/</c>): spam terms with weights, inline-ad
/// brands and suffixes, boilerplate line rules, and the Traditional→Simplified fold they all match through.
/// Loaded once; a malformed file throws at start-up, never per document.
/// </summary>
public sealed class CleaningLexicons
{
    private static readonly Lazy<CleaningLexicons> Lazy = new(() => Load("zh-Hans"));

    public static CleaningLexicons Default => Lazy.Value;

    public static readonly TimeSpan RegexTimeout = Pipeline.Text.RegexLimits.Timeout;

    public required IReadOnlyDictionary<char, char> Fold { get; init; }
    /// <summary>Spam term (folded, lower case) → weight (2 strong, 1 supporting).</summary>
    public required IReadOnlyDictionary<string, int> SpamTerms { get; init; }
    public required IReadOnlyList<string> AdBrands { get; init; }
    public required IReadOnlyList<string> AdSuffixes { get; init; }
    public required IReadOnlyList<BoilerplateRule> Boilerplate { get; init; }
    public int LongestSpamTerm { get; private init; }

    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _spamLookup;

    /// <summary><see cref="SpamTerms"/> looked up by span, without allocating a string per probe.</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpamLookup =>
        _spamLookup ??= (SpamTerms as Dictionary<string, int> ?? new Dictionary<string, int>(SpamTerms, StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();

    private HashSet<char>? _spamStarts;

    /// <summary>The first characters of <see cref="SpamTerms"/>: no term can match where the text holds another.</summary>
    internal HashSet<char> SpamStarts => _spamStarts ??= SpamTerms.Keys.Where(k => k.Length > 0).Select(k => k[0]).ToHashSet();

    private Dictionary<char, string[]>? _adBrandsByStart;

    /// <summary><see cref="AdBrands"/> by first character, each list in the order of <see cref="AdBrands"/>; null when a
    /// brand is empty (it would match anywhere).</summary>
    internal Dictionary<char, string[]>? AdBrandsByStart =>
        AdBrands.Any(b => b.Length == 0) ? null
            : _adBrandsByStart ??= AdBrands.GroupBy(b => b[0]).ToDictionary(g => g.Key, g => g.ToArray());

    public static CleaningLexicons Load(string culture)
    {
        var fold = new Dictionary<char, char>();
        foreach (var line in Lines(culture, "spam-fold.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is not [{ Length: 1 } from, { Length: 1 } to])
                throw new FormatException($"spam-fold.txt: expected two characters, got '{line}'");
            fold[from[0]] = to[0];
        }
        string Norm(string s) => FoldText(s, fold);

        var spam = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines(culture, "spam.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var weight) || weight is < 1 or > 2)
                throw new FormatException($"spam.txt: expected '<1|2><TAB>term', got '{line}'");
            spam[Norm(parts[1].Trim())] = weight;
        }

        var brands = new List<string>();
        var suffixes = new List<string>();
        List<string>? current = null;
        foreach (var line in Lines(culture, "spam-ads.txt"))
        {
            if (line == "[brand]") current = brands;
            else if (line == "[suffix]") current = suffixes;
            else (current ?? throw new FormatException("spam-ads.txt: entry before a [brand] or [suffix] header")).Add(Norm(line.Trim()));
        }

        var rules = new List<BoilerplateRule>();
        foreach (var line in Lines(culture, "boilerplate.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"boilerplate.txt: expected 3 tab-separated fields, got '{line}'");
            var kind = parts[1] switch
            {
                "line" => BoilerplateRuleKind.Line,
                "prefix" => BoilerplateRuleKind.Prefix,
                "regex" => BoilerplateRuleKind.Regex,
                _ => throw new FormatException($"boilerplate.txt: unknown kind '{parts[1]}'"),
            };
            var pattern = kind == BoilerplateRuleKind.Regex ? parts[2] : Norm(parts[2]);
            var regex = kind == BoilerplateRuleKind.Regex
                ? new Regex("^(?:" + pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout)
                : null;
            rules.Add(new BoilerplateRule(parts[0], kind, pattern, regex));
        }

        return new CleaningLexicons
        {
            Fold = fold, SpamTerms = spam, AdBrands = brands.OrderByDescending(b => b.Length).ToList(),
            AdSuffixes = suffixes.OrderByDescending(s => s.Length).ToList(), Boilerplate = rules,
            LongestSpamTerm = spam.Keys.Max(k => k.Length),
        };
    }

    /// <summary>Folds Traditional characters to Simplified and ASCII/full-width Latin to lower-case ASCII, one
    /// character for one, so offsets in the folded text are offsets in the original.</summary>
    public string FoldText(string s) => FoldText(s, Fold);

    private static string FoldText(string s, IReadOnlyDictionary<char, char> fold)
    {
        return string.Create(s.Length, (s, fold), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.s[i];
                if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
                if (c is >= 'A' and <= 'Z') c = (char)(c + 32);
                else if (state.fold.TryGetValue(c, out var f)) c = f;
                span[i] = c;
            }
        });
    }

    private static IEnumerable<string> Lines(string culture, string file)
    {
        var lines = new List<string>();
        foreach (var line in LexiconResources.ReadText($"Lexicons/{culture}/{file}").Split('\n'))
        {
            var t = line.TrimEnd();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            lines.Add(t);
        }
        return lines;
    }
}
