using System.Text.RegularExpressions;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>
/// The part of the company a metric cue is about: the phrase written right before the cue, after the subject, a
/// period, a figure or a punctuation mark (阿里巴巴中国电商集团收入 → 中国电商集团; 当中电商业务收入 → 电商业务; Cloud
/// Intelligence Group revenue → Cloud Intelligence Group). Link and period words at either end are dropped
/// (<see cref="BindingLexicon.NotSegment"/>); what is left must be a short name without digits.
/// </summary>
public sealed partial class SegmentReader(BindingLexicon lexicon)
{
    [GeneratedRegex(@"[（(][^（()）]{0,20}[)）]", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParenthesisedPattern();

    private static readonly Regex Parenthesised = ParenthesisedPattern();

    /// <param name="text">The text.</param>
    /// <param name="floor">Where the phrase may start at the earliest (the clause start, or the end of the nearest
    /// entity, period, figure or other cue before the cue).</param>
    /// <param name="cueStart">Where the metric cue starts.</param>
    public string Read(string text, int floor, int cueStart, IEnumerable<string>? names = null)
    {
        if (cueStart <= floor) return "";
        var phrase = text.AsSpan(floor, cueStart - floor).Trim().ToString();
        phrase = Parenthesised.Replace(phrase, "").Trim();
        // The company's own name before its segment (网易有道 → 有道; 比亚迪 alone is no segment).
        var stripped = "";
        foreach (var name in names ?? [])
            if (name.Length > 0 && phrase.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                stripped = name;
                phrase = phrase[name.Length..].Trim();
            }
        // 蔚来品牌: the company's own brand is a segment with its name.
        if (stripped.Length > 0 && lexicon.NamedSegmentHeads.Contains(phrase, StringComparer.Ordinal)) return stripped + phrase;
        var english = phrase.Any(char.IsAsciiLetter) && !phrase.Any(Text.Han.IsHan);
        phrase = english ? TrimEnglish(phrase) : TrimChinese(phrase);
        if (phrase.Length < 2 || phrase.Length > lexicon.SegmentMaxLength) return "";
        foreach (var ch in phrase)
            if (char.IsDigit(ch) || char.IsPunctuation(ch) && ch is not ('&' or '+' or '-' or '（' or '）' or '(' or ')') || char.IsSymbol(ch) && ch != '+')
                return "";
        if (english && !phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]) || w is "and" or "&" or "of"))
            return "";
        return phrase;
    }

    /// <summary>Drops link, period and basis words at both ends until none is left there.</summary>
    private string TrimChinese(string phrase)
    {
        var changed = true;
        while (changed && phrase.Length > 0)
        {
            changed = false;
            phrase = phrase.Trim(' ', '「', '」', '“', '”', '"', '《', '》', '：', ':');
            foreach (var w in lexicon.NotSegmentLongestFirst)
            {
                if (phrase.Length >= w.Length && phrase.StartsWith(w, StringComparison.Ordinal) && !StartsLonger(phrase, w))
                {
                    phrase = phrase[w.Length..];
                    changed = true;
                }
                if (phrase.Length == w.Length && phrase.Equals(w, StringComparison.Ordinal))
                {
                    phrase = "";
                    changed = true;
                }
            }
            foreach (var w in lexicon.SegmentSuffixes)
            {
                if (phrase.Length > w.Length && phrase.EndsWith(w, StringComparison.Ordinal))
                {
                    phrase = phrase[..^w.Length];
                    changed = true;
                }
            }
            foreach (var b in lexicon.BasisMatcher.FindAll(phrase))
            {
                if (b.Start == 0 || b.End == phrase.Length)
                {
                    phrase = b.Start == 0 ? phrase[b.End..] : phrase[..b.Start];
                    changed = true;
                    break;
                }
            }
        }
        return phrase;
    }

    /// <summary>A word at the start that is the head of a longer name (其 of 其他 is not the link word 其).</summary>
    private static bool StartsLonger(string phrase, string word) =>
        word.Length == 1 && phrase.Length > 1 && phrase.StartsWith("其他", StringComparison.Ordinal) && word == "其";

    private string TrimEnglish(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        bool Stop(string w) => lexicon.NotSegment.Contains(w.ToLowerInvariant().Trim(',', '\'', '’', '"'))
                               || lexicon.BasisMatcher.FindAll(w).Count > 0 || w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal);
        while (words.Count > 0 && Stop(words[0])) words.RemoveAt(0);
        while (words.Count > 0 && Stop(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }
}

/// <summary>
/// The basis of a figure: a basis word (经调整, non-GAAP, 超额配股权…) between the start of the clause that holds the
/// metric cue and the figure. A metric whose id already names the basis (adjusted_net_loss) takes none.
/// </summary>
public sealed class BasisReader(BindingLexicon lexicon)
{
    public string Read(string text, int from, int to, string metric)
    {
        if (lexicon.BasisInMetric.Contains(metric) || to <= from) return Bases.Reported;
        var found = lexicon.BasisMatcher.FindAll(text, from, to);
        for (var i = found.Count - 1; i >= 0; i--)
            if (found[i].Value.AppliesTo(metric) && !Negated(text, found[i].End)) return found[i].Value.Basis;
        return Bases.Reported;
    }

    /// <summary>假设超额配股权未获行使, if the over-allotment option is not exercised: the basis word is denied.</summary>
    private static bool Negated(string text, int end)
    {
        var after = text.AsSpan(end, Math.Min(8, text.Length - end));
        return after.IndexOfAny('未', '不') is >= 0 and < 4 || after.Contains(" not ", StringComparison.OrdinalIgnoreCase)
               || after.StartsWith(" is not", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The currency of an amount written with a bare 元 or "yuan": the currency a scope ((人民币，下同)) set before it,
/// else, for share prices and deal terms, the listing currency of a Hong Kong or Taiwan article; otherwise as the
/// recognizer read it.
/// </summary>
public sealed class CurrencyConvention(BindingLexicon lexicon)
{
    private static readonly string[] Explicit = ["人民币", "港", "美", "台", "日元", "欧", "英镑", "澳", "新加坡", "RMB", "HK", "US", "$", "¥", "￥", "NT", "CNY", "HKD", "USD", "Rmb"];

    public NumericResolution Apply(NumericResolution value, string asWritten, string metric, int position, DocumentFrame frame)
    {
        if (value is not Money money || !IsBare(asWritten)) return value;
        if (frame.ScopeAt(position) is { } scoped) return scoped == money.Currency ? value : money with { Currency = scoped };
        if (frame.ListingCurrency is { } listing && lexicon.InListingCurrency(metric) && listing != money.Currency)
            return money with { Currency = listing };
        return value;
    }

    private static bool IsBare(string text) =>
        (text.Contains('元') || text.Contains("yuan", StringComparison.OrdinalIgnoreCase)) && !Explicit.Any(w => text.Contains(w, StringComparison.Ordinal));
}
