using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>An entity named in the text: where, and its canonical name.</summary>
public readonly record struct EntityMention(TextSpan Span, string Name);

/// <summary>An entity a document defines: the full name before a parenthesis and what the parentheses give
/// (<c>以下简称</c> short name, English name, tickers), with the canonical name chosen for it.</summary>
public sealed record EntityDefinitionFound(string Canonical, string? FullName, string? ShortName, string? LatinName, IReadOnlyList<string> Tickers, TextSpan Span);

/// <summary>The entities of one document: its definitions and every mention of a known or defined entity.</summary>
public sealed record DocumentEntities(IReadOnlyList<EntityDefinitionFound> Definitions, IReadOnlyList<EntityMention> Mentions);

/// <summary>
/// Finds entity definitions and mentions in a cleaned (Simplified) text. Definitions are read from parentheses after
/// a name: <c>北京智谱华章科技股份有限公司（以下简称智谱）</c>, <c>上海稀宇科技有限公司（MiniMax）</c>,
/// <c>智谱（HK02513）</c>, <c>…有限公司(02513.HK)(简称“智谱”)</c>. The canonical name is the lexicon's when any
/// alias or ticker is known there, else the short name the article defines, else its English name. Mentions are
/// the longest non-overlapping occurrences of lexicon and document aliases. Linear in the text length.
/// </summary>
public sealed class EntityFinder
{
    private static readonly string[] DefinitionPrefixes = ["以下简称为", "以下简称", "以下称为", "以下称", "下文简称", "下称", "简称为", "简称"];
    private static readonly string[] OrgSuffixes =
        ["公司", "集团", "银行", "基金", "资本", "创投", "证券", "交易所", "研究院", "科技", "航天", "控股", "集團", "銀行", "資本", "創投", "證券"];
    /// <summary>Last words of an English company name (Songhe Intelligence Technology Co., Ltd. (Songhe AI)).</summary>
    private static readonly string[] LatinOrgSuffixes =
        ["Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Co.", "Corp.", "Corporation", "Group", "Holdings", "Technology", "Technologies", "LLC", "PLC", "plc"];

    /// <summary>Capitalised words that open English sentences but no company name (Shares of Yunfan Auto (…)).</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "Shares", "Stock", "Stocks", "The", "According", "In", "On", "At", "For", "By", "From", "After", "Before", "While", "When",
        "Meanwhile", "Rival", "Rivals", "Peer", "Peers", "Both", "Unlike", "Like", "As", "Since", "Chinese", "Startup", "Unicorn",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "and", "de", "for", "the", "&" };
    private const string StopChars = "的在和与及是为由将对向把被从即于了、等及或也都就而让给到";

    private readonly EntityLexicon _lexicon;
    private readonly PhraseMatcher<string> _lexiconMatcher;

    public EntityFinder(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        _lexiconMatcher = new PhraseMatcher<string>(lexicon.Aliases.Where(a => a.Key.Length >= 2).Select(a => (a.Key, a.Value)));
    }

    public DocumentEntities Find(string text)
    {
        var definitions = FindDefinitions(text);
        var documentAliases = new List<(string, string)>();
        foreach (var d in definitions)
        {
            // Tickers are aliases in their lettered spellings only (HK02513, 02513.HK): a bare 2513 is just a number.
            foreach (var alias in new[] { d.FullName, d.ShortName, d.LatinName }.Concat(d.Tickers.Where(t => t.Any(char.IsAsciiLetter))))
                if (alias is { Length: >= 2 } && _lexicon.FindByAlias(alias) is null) documentAliases.Add((alias, d.Canonical));
        }
        var mentions = _lexiconMatcher.FindAll(text).Select(m => new EntityMention(new TextSpan(m.Start, m.End), m.Value)).ToList();
        if (documentAliases.Count > 0)
        {
            var own = new PhraseMatcher<string>(documentAliases).FindAll(text).Select(m => new EntityMention(new TextSpan(m.Start, m.End), m.Value));
            mentions = MergeLongest(mentions.Concat(own));
        }
        return new DocumentEntities(definitions, mentions);
    }

    private static List<EntityMention> MergeLongest(IEnumerable<EntityMention> all)
    {
        var kept = new List<EntityMention>();
        foreach (var m in all.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length))
        {
            if (kept.Count > 0 && kept[^1].Span.End > m.Span.Start) continue;
            kept.Add(m);
        }
        return kept;
    }

    private List<EntityDefinitionFound> FindDefinitions(string text)
    {
        var found = new List<EntityDefinitionFound>();
        string? chainName = null; // the name a run of parentheses belongs to: 名称(02513.HK)(简称“智谱”)
        var chainStart = 0;
        int chainEnd = -1;
        EntityDefinitionFound? chainDefinition = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('（' or '(')) continue;
            var close = -1;
            for (var j = i + 1; j < text.Length && j <= i + 40; j++)
            {
                if (text[j] is '）' or ')') { close = j; break; }
                if (text[j] is '（' or '(' or '\n' or '。') break;
            }
            if (close < 0) continue;
            if (!MayDefine(text.AsSpan(i + 1, close - i - 1)))
            {
                // Most parentheses are asides (（不含…）, （2025）): skip them cheaply; they break a chain of definitions.
                chainName = null;
                chainEnd = -1;
                chainDefinition = null;
                continue;
            }
            var content = text[(i + 1)..close].Trim();

            string? name;
            int nameStart;
            if (chainEnd >= 0 && text.AsSpan(chainEnd, i - chainEnd).Trim().IsEmpty && chainName is not null)
            {
                name = chainName;
                nameStart = chainStart;
            }
            else
            {
                (name, nameStart) = NameBefore(text, i);
                chainDefinition = null;
            }
            chainEnd = close + 1;
            chainName = name;
            chainStart = nameStart;
            if (name is null) continue;

            var (shortName, latin, tickers) = ParseParenthesis(content);
            if (shortName is null && latin is null && tickers.Count == 0) continue;
            var knownLatin = latin is not null && _lexicon.FindByAlias(latin) is not null;
            var orgLike = OrgSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) || _lexicon.FindByAlias(name) is not null
                          || LatinOrgSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal) && (name.Length == s.Length || name[^(s.Length + 1)] == ' '));
            if (shortName is null && tickers.Count == 0 && !orgLike && !knownLatin) continue;
            if (name.EndsWith('》')) continue;

            // Merge with the definition this parenthesis continues.
            var previous = chainDefinition;
            var fullName = previous?.FullName ?? (name.Length >= 2 ? name : null);
            shortName ??= previous?.ShortName;
            latin ??= previous?.LatinName;
            var allTickers = (previous?.Tickers ?? []).Concat(tickers).Distinct().ToList();
            var canonical = Canonical(fullName, shortName, latin, allTickers);
            if (canonical is null) continue;
            var def = new EntityDefinitionFound(canonical, fullName, shortName, latin, allTickers, new TextSpan(nameStart, close + 1));
            if (previous is not null) found.Remove(previous);
            found.Add(def);
            chainDefinition = def;
        }
        return found;
    }

    private string? Canonical(string? fullName, string? shortName, string? latin, IReadOnlyList<string> tickers)
    {
        foreach (var alias in new[] { shortName, latin, fullName })
            if (alias is not null && _lexicon.FindByAlias(alias) is { } known) return known;
        foreach (var t in tickers)
            if (Tickers.TryNormalize(t, out var n, "HK") && _lexicon.FindByTicker(n) is { } byTicker) return byTicker;
        return shortName ?? latin ?? fullName;
    }

    /// <summary>The name written right before a parenthesis: a Latin word group, or a run of Chinese characters up
    /// to a function word or punctuation.</summary>
    private static (string? Name, int Start) NameBefore(string text, int paren)
    {
        var end = paren;
        while (end > 0 && text[end - 1] == ' ') end--;
        if (end == 0) return (null, 0);
        var start = end;
        if (char.IsAsciiLetterOrDigit(text[end - 1]) || text[end - 1] == '.')
        {
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '-' or '&' || IsSuffixComma(text, start - 1)
                                 || (text[start - 1] == ' ' && start > 1
                                     && (char.IsAsciiLetter(text[start - 2]) || IsSuffixComma(text, start - 2) || IsShortAbbreviation(text, start - 2))))
                   && end - start < 60) start--;
            if (start < end && text[start] == ',') start++;
            // A name is its capitalised words (Bank of Ningbo): English prose before it (According to the prospectus of)
            // is not part of it, so the name starts after the last lower-case word other than a connector.
            var word = end;
            var nameStart = end;
            while (word > start)
            {
                var wEnd = word;
                while (wEnd > start && text[wEnd - 1] == ' ') wEnd--;
                var wStart = wEnd;
                while (wStart > start && text[wStart - 1] != ' ') wStart--;
                if (wStart == wEnd) break;
                var token = text.AsSpan(wStart, wEnd - wStart);
                if (char.IsAsciiLetterLower(token[0]) && !NameConnectors.Contains(token.ToString()) && wEnd != end) break;
                if (wEnd != end && (NotNameWords.Contains(token.ToString()) || token.EndsWith("-based", StringComparison.Ordinal))) break;
                if (!char.IsAsciiLetterLower(token[0]) || wEnd == end) nameStart = wStart;
                word = wStart;
            }
            start = nameStart;
            var latin = text[start..end].Trim();
            return latin.Length >= 2 && char.IsAsciiLetter(latin[0]) ? (latin, start) : (null, start);
        }
        while (start > 0 && Han.IsHan(text[start - 1]) && !StopChars.Contains(text[start - 1]) && end - start < 30) start--;
        if (start > 0 && text[start - 1] == '》' ) return (null, start);
        return end - start >= 2 ? (text[start..end], start) : (null, start);
    }

    private static (string? Short, string? Latin, List<string> Tickers) ParseParenthesis(string content)
    {
        string? shortName = null, latin = null;
        var tickers = new List<string>();
        foreach (var prefix in DefinitionPrefixes)
        {
            if (!content.StartsWith(prefix, StringComparison.Ordinal)) continue;
            // The short name stops at a list separator; what follows it (以下简称云帆汽车，09876.HK) may give tickers.
            var rest = content[prefix.Length..].TrimStart('：', ':', ' ');
            var stop = rest.IndexOfAny(ListSeparators);
            var tail = stop >= 0 ? rest[(stop + 1)..] : "";
            if (stop >= 0) rest = rest[..stop];
            rest = rest.Trim('“', '”', '"', '「', '」', '『', '』', '\'', ' ');
            if (rest.Length >= 2 && rest.Length <= 20 && !rest.Contains('《')) shortName = rest;
            AddTickers(tail, tickers);
            return (shortName, null, tickers);
        }
        AddTickers(content, tickers);
        if (tickers.Count > 0) return (null, null, tickers);
        if (content.Length is >= 2 and <= 40 && char.IsAsciiLetter(content[0])
            && content.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ' ' or '.' or '-' or '&'))
            latin = content;
        return (null, latin, tickers);
    }

    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；'];

    /// <summary>The tickers among the comma-, semicolon- or space-separated parts of a parenthesis.</summary>
    private static void AddTickers(string content, List<string> tickers)
    {
        foreach (var raw in content.Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim();
            var colon = part.IndexOfAny([':', '：']);
            if (colon > 0 && !part[..colon].All(char.IsAsciiLetter)) part = part[(colon + 1)..];
            // A bare code needs five digits (02513); four bare digits in parentheses are far more often a year.
            var bare = part.All(char.IsAsciiDigit);
            if ((!bare || part.Length == 5) && Tickers.TryNormalize(part, out _, "HK")) tickers.Add(part);
        }
    }

    /// <summary>Whether a parenthesis can hold a definition: a 简称 phrase, or a Latin name or ticker.</summary>
    private static bool MayDefine(ReadOnlySpan<char> content)
    {
        content = content.Trim();
        if (content.Length < 2) return false;
        foreach (var prefix in DefinitionPrefixes)
            if (content.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return char.IsAsciiLetterOrDigit(content[0]) || content.ContainsAny(TickerLead);
    }

    private static readonly System.Buffers.SearchValues<char> TickerLead = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>A comma inside an English company name: the one before a legal suffix (Co., Ltd.; Acme, Inc.).</summary>
    private static bool IsSuffixComma(string text, int comma)
    {
        if (text[comma] != ',' || comma == 0 || !char.IsAsciiLetterOrDigit(text[comma - 1]) && text[comma - 1] != '.') return false;
        var rest = text.AsSpan(comma + 1).TrimStart(' ');
        foreach (var suffix in (ReadOnlySpan<string>)["Ltd", "Inc", "Limited", "LLC", "Co.", "Corp"])
            if (rest.StartsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A full stop after a short word inside a name (Co. Ltd., U.S. Steel), not a sentence's end.</summary>
    private static bool IsShortAbbreviation(string text, int dot)
    {
        if (text[dot] != '.') return false;
        var i = dot;
        while (i > 0 && (char.IsAsciiLetter(text[i - 1]) || text[i - 1] == '.') && dot - i < 5) i--;
        if (dot - i is < 1 or > 4 || (i > 0 && char.IsAsciiLetter(text[i - 1])) || !char.IsAsciiLetterUpper(text[i])) return false;
        var word = text.AsSpan(i, dot - i);
        return word.Contains('.') || word is "Co" or "Inc" or "Ltd" or "Corp" or "Bhd";
    }

}
