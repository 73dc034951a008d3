using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Removes keyword-stuffed spam lines and ads injected inside sentences, recording each removal.
/// <para>A line is stuffed when it is a list of terms, not a sentence: split at separators (<c>|</c>, spaces,
/// commas, slashes), at least three parts and 60% of them carry a lexicon hit (a strong term, or two supporting
/// ones), with at least three strong hits in all and no sentence-final punctuation; or, unseparated, strong and
/// supporting hits cover 70% of its characters; or it is a bar-separated list (at least four bars, items of at most
/// 16 characters) with hits in 40% of its items. A sentence that mentions one listed word is never touched.</para>
/// <para>An inline ad is a brand followed by an ad suffix (<c>金沙電玩城</c>), with trailing Latin letters such as
/// <c>app</c>; only that span is removed.</para>
/// Matching folds Traditional characters (<see cref="CleaningLexicons.FoldText"/>), so it also works before conversion.
/// </summary>
public sealed class SpamFilterStage(CleaningLexicons lexicons) : ITextStage
{
    private const string Separators = "|｜ \t\u3000/／,，、;；·•";

    public SpamFilterStage() : this(CleaningLexicons.Default) { }

    public string Name => "spam";
    public StageText Apply(string input, DocumentContext context)
    {
        var folded = lexicons.FoldText(input);
        var cuts = new List<Cut>();
        foreach (var line in TextLine.Split(input))
        {
            var (s, e) = line.Trimmed(input);
            if (e == s) continue;
            if (IsStuffed(folded, s, e, out var hits))
            {
                var cut = Removals.Line(input, line, "spam.keyword-stuffing");
                cuts.Add(cut);
                context.Report(Diagnostic.Info("clean.spam-line", $"removed a keyword-stuffed line ({hits} lexicon hits)",
                    new TextSpan(s, e)));
                continue;
            }
            var ads = InlineAds(input, folded, s, e).ToList();
            cuts.AddRange(ads);
            // Passages that mention several listed words but are sentences stay; the count is kept for the audit.
            if (ads.Count == 0 && hits >= 3)
                context.Report(Diagnostic.Info("clean.spam-hits", $"{hits} spam-lexicon hits in a passage kept as text", new TextSpan(s, e)));
        }
        return cuts.Count == 0 ? StageText.Original(input) : Removals.Apply(input, cuts, context);
    }

    /// <summary>Lexicon hits in folded[start..end): longest match first, non-overlapping. Returns strong and supporting counts and covered characters.</summary>
    internal (int Strong, int Supporting, int Covered) Hits(string folded, int start, int end)
    {
        int strong = 0, supporting = 0, covered = 0;
        var terms = lexicons.SpamLookup;
        var starts = lexicons.SpamStarts;
        var i = start;
        while (i < end)
        {
            if (!starts.Contains(folded[i]))
            {
                i++;
                continue;
            }
            var matched = 0;
            for (var len = Math.Min(lexicons.LongestSpamTerm, end - i); len >= 1; len--)
            {
                if (!terms.TryGetValue(folded.AsSpan(i, len), out var weight)) continue;
                // Latin terms ("av", "app") must stand alone, not sit inside a word.
                if (char.IsAsciiLetter(folded[i]) && ((i > start && char.IsAsciiLetter(folded[i - 1])) || (i + len < end && char.IsAsciiLetter(folded[i + len]))))
                    continue;
                if (weight >= 2) strong++; else supporting++;
                matched = len;
                break;
            }
            covered += matched;
            i += Math.Max(1, matched);
        }
        return (strong, supporting, covered);
    }

    internal bool IsStuffed(string folded, int start, int end, out int totalHits)
    {
        var line = folded.AsSpan(start, end - start);
        var all = Hits(folded, start, end);
        totalHits = all.Strong;
        if (all.Strong < 3 || line.IndexOfAny("。！？!?") >= 0) return false;

        var parts = 0;
        var spammy = 0;
        var longest = 0;
        var bars = 0;
        foreach (var c in line) if (c is '|' or '｜') bars++;
        var i = start;
        while (i < end)
        {
            while (i < end && Separators.Contains(folded[i])) i++;
            if (i >= end) break;
            var p = i;
            while (i < end && !Separators.Contains(folded[i])) i++;
            parts++;
            longest = Math.Max(longest, i - p);
            var h = Hits(folded, p, i);
            if (h.Strong >= 1 || h.Supporting >= 2) spammy++;
        }
        if (parts >= 3 && spammy * 10 >= parts * 6) return true;
        // A list of short items joined by bars, carrying several strong hits, is a keyword list whatever its words.
        if (bars >= 4 && longest <= 16 && spammy * 10 >= parts * 4) return true;
        var letters = 0;
        foreach (var c in line) if (!Separators.Contains(c)) letters++;
        return letters > 0 && all.Covered * 10 >= letters * 7;
    }

    private IEnumerable<Cut> InlineAds(string input, string folded, int start, int end)
    {
        var byStart = lexicons.AdBrandsByStart;
        for (var i = start; i < end; i++)
        {
            IReadOnlyList<string>? brands = byStart is null ? lexicons.AdBrands : byStart.GetValueOrDefault(folded[i]);
            if (brands is null) continue;
            foreach (var brand in brands)
            {
                if (i + brand.Length > end || string.CompareOrdinal(folded, i, brand, 0, brand.Length) != 0) continue;
                var j = i + brand.Length;
                string? suffix = null;
                foreach (var sfx in lexicons.AdSuffixes)
                    if (j + sfx.Length <= end && string.CompareOrdinal(folded, j, sfx, 0, sfx.Length) == 0) { suffix = sfx; break; }
                if (suffix is null) continue;
                j += suffix.Length;
                var latin = j;
                while (latin < end && latin - j < 8 && (char.IsAsciiLetterOrDigit(folded[latin]) || folded[latin] == '.')) latin++;
                yield return Cut.Span(i, latin, "spam.inline-ad");
                i = latin - 1;
                break;
            }
        }
    }
}
