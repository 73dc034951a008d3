using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>An entity named in the text: where, and its canonical name.</summary>
public readonly record struct EntityMention(TextSpan Span, string Name);

/// <summary>An entity a document defines: the full name before a parenthesis and what the parentheses give
/// (<c>以下简称</c> short name, English name, tickers), with the canonical name chosen for it.</summary>
public sealed record EntityDefinitionFound(string Canonical, string? FullName, string? ShortName, string? LatinName, IReadOnlyList<string> Tickers, TextSpan Span)
{
    /// <summary>Shorter forms of the names that the document itself uses (杭州云帆智能科技股份有限公司 → 云帆智能科技, and
    /// 云帆 where the article writes it; Jiangsu Hengrui Pharmaceuticals → Hengrui): mentions of this entity in this document.</summary>
    public IReadOnlyList<string> ShortForms { get; init; } = [];
}

/// <summary>The entities of one document: its definitions and every mention of a known or defined entity.</summary>
public sealed record DocumentEntities(IReadOnlyList<EntityDefinitionFound> Definitions, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>The stock codes written in the document (<c>(1810.HK)</c>, <c>HKG: 1211</c>): their digits are no
    /// year, amount or count, so a figure inside one of these spans is not a figure.</summary>
    public IReadOnlyList<TickerSpan> Tickers { get; init; } = [];
}

/// <summary>
/// Finds entity definitions and mentions in a cleaned (Simplified) text. Definitions are read from parentheses after
/// a name: <c>北京智谱华章科技股份有限公司（以下简称智谱）</c>, <c>上海稀宇科技有限公司（MiniMax）</c>,
/// <c>智谱（HK02513）</c>, <c>…有限公司(02513.HK)(简称“智谱”)</c>. The canonical name is the lexicon's when any
/// alias or ticker is known there, else the short name the article defines, else its English name. Mentions are
/// the longest non-overlapping occurrences of lexicon and document aliases. Linear in the text length.
/// </summary>
public sealed partial class EntityFinder
{
    // The name words of entities.yaml (see EntityNameWords): definition phrases, legal forms, stop characters…
    private readonly IReadOnlyList<string> DefinitionPrefixes;
    /// <summary>Legal-form endings of a Chinese company name, longest first.</summary>
    private readonly IReadOnlyList<string> ChineseLegalSuffixes;
    private readonly IReadOnlyList<string> LegalFormWords;
    /// <summary>Words that open a clause before a name but are not part of it (据杭州云帆科技股份有限公司公告).</summary>
    private readonly string LegalNameLeadStops;
    private readonly IReadOnlyList<string> OrgSuffixes;
    private readonly IReadOnlyList<string> CompanyWords;
    private readonly IReadOnlyList<string> PlaceSuffixes;
    /// <summary>Last words of an English company name (Songhe Intelligence Technology Co., Ltd. (Songhe AI)).</summary>
    private static readonly string[] LatinOrgSuffixes =
        ["Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Co.", "Corp.", "Corporation", "Group", "Holdings", "Technology", "Technologies", "LLC", "PLC", "plc"];

    /// <summary>Capitalised words that open English sentences but no company name (Shares of Yunfan Auto (…)).</summary>
    /// <summary>Words joined to a name before the company's own (Shenzhen-based, Tencent-backed): not part of it.</summary>
    private static readonly string[] ModifierSuffixes = ["-based", "-backed", "-owned", "-controlled", "-funded", "-listed", "-led"];

    private static bool IsModifier(ReadOnlySpan<char> token)
    {
        foreach (var m in ModifierSuffixes) if (token.EndsWith(m, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "Shares", "Stock", "Stocks", "The", "According", "In", "On", "At", "For", "By", "From", "After", "Before", "While", "When",
        "Meanwhile", "Rival", "Rivals", "Peer", "Peers", "Both", "Unlike", "Like", "As", "Since", "Chinese", "Startup", "Unicorn",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "and", "de", "for", "the", "&" };
    private readonly string StopChars;

    private readonly EntityLexicon _lexicon;
    private readonly PhraseMatcher<string?> _lexiconMatcher;

    /// <summary>The canonical name a written alias stands for (Nio → 蔚来), if the lexicon knows it.</summary>
    public string? CanonicalOf(string alias) => _lexicon.FindByAlias(alias);

    /// <summary>True when <paramref name="word"/> is the trade word that ends the company's own name (理想汽车 and
    /// 汽车): written after the name (理想汽车汽车总交付量) it repeats the name's trade, it names no segment.</summary>
    public bool IsTradeOfName(string entity, string word) =>
        word.Length > 0 && entity.Length > word.Length && entity.EndsWith(word, StringComparison.Ordinal) && _lexicon.IndustryWords.Contains(word);

    private readonly HeadlineSubject _headlineSubject;

    /// <summary>English legal endings, longest first (Co., Ltd. before Ltd.).</summary>
    private readonly IReadOnlyList<string> _legalEndings;

    public EntityFinder(EntityLexicon lexicon)
    {
        _lexicon = lexicon;
        var words = lexicon.NameWords;
        DefinitionPrefixes = words.DefinitionPrefixes;
        ChineseLegalSuffixes = words.LegalSuffixes.OrderByDescending(w => w.Length).ToList();
        LegalFormWords = words.LegalFormWords;
        LegalNameLeadStops = words.LeadStops;
        OrgSuffixes = words.OrgSuffixes;
        StopChars = words.StopChars;
        CompanyWords = words.CompanyWords;
        PlaceSuffixes = words.PlaceSuffixes;
        GenericShortNames = words.GenericShortNames.ToHashSet(StringComparer.Ordinal);
        SelfReferences = words.SelfReferences;
        _headlineSubject = new HeadlineSubject(words.SubjectStopWords);
        _legalEndings = words.LatinLegalEndings.OrderByDescending(e => e.Length).ToList();
        // Phrases that hold an alias but name nothing (中国银行业) match as one phrase with no entity, so the longest
        // match leaves no mention inside them.
        _lexiconMatcher = new PhraseMatcher<string?>(lexicon.Aliases.Where(a => a.Key.Length >= 2).Select(a => (a.Key, (string?)a.Value))
            .Concat(lexicon.NotNames.Select(n => (n, (string?)null))));
    }

    public DocumentEntities Find(string text)
    {
        var definitions = FindDefinitions(text);
        definitions.AddRange(FindAlsoKnownAs(text, definitions));
        definitions.AddRange(FindLegalNames(text, definitions));
        definitions = definitions.OrderBy(d => d.Span.Start).Select(d => WithShortForms(d, text)).ToList();
        var known = _lexiconMatcher.FindAll(text).Where(m => m.Value is not null)
            .Select(m => new EntityMention(new TextSpan(m.Start, m.End), m.Value!)).ToList();
        if (_headlineSubject.Find(text, definitions, known) is { } subject) definitions.Add(subject);
        var documentAliases = new List<(string, string)>();
        foreach (var d in definitions)
        {
            // Tickers are aliases in their lettered spellings only (HK02513, 02513.HK): a bare 2513 is just a number.
            foreach (var alias in new[] { d.FullName, d.ShortName, d.LatinName }.Concat(d.ShortForms).Concat(d.Tickers.Where(t => t.Any(char.IsAsciiLetter))))
                if (alias is { Length: >= 2 } && _lexicon.FindByAlias(alias) is null) documentAliases.Add((alias, d.Canonical));
        }
        var mentions = known;
        if (documentAliases.Count > 0)
        {
            var own = new PhraseMatcher<string>(documentAliases).FindAll(text).Select(m => new EntityMention(new TextSpan(m.Start, m.End), m.Value));
            mentions = MergeLongest(mentions.Concat(own));
        }
        return new DocumentEntities(definitions, mentions) { Tickers = Pipeline.Facts.Tickers.FindAll(text) };
    }

    /// <summary>
    /// Legal names that no parenthesis defines: <c>杭州云帆智能科技股份有限公司今日在港交所挂牌</c>,
    /// <c>Xingzhou Battery Co., Ltd. said on Friday</c>, <c>Baiyun Foods Inc.</c>. A legal name the lexicon knows, or one a
    /// parenthesis already defines, is left to those.
    /// </summary>
    private List<EntityDefinitionFound> FindLegalNames(string text, List<EntityDefinitionFound> defined)
    {
        var found = new List<EntityDefinitionFound>();
        var taken = defined.Select(d => d.Span).ToList();
        void Add(string name, int start, int end)
        {
            if (taken.Any(t => t.Start < end && start < t.End) || found.Any(f => f.FullName == name)) return;
            if (_lexicon.FindByAlias(name) is not null) return; // a lexicon mention already
            found.Add(new EntityDefinitionFound(WithoutLegalEnding(name) ?? name, name, null, char.IsAsciiLetter(name[0]) ? name : null, [], new TextSpan(start, end)));
        }
        foreach (var suffix in ChineseLegalSuffixes)
        {
            for (var at = text.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(suffix, at + suffix.Length, StringComparison.Ordinal))
            {
                // 股份有限公司 is found as itself, not again as 有限公司 (nor 责任有限公司).
                if (LegalFormWords.Any(w => at >= w.Length && text.AsSpan(at - w.Length, w.Length).SequenceEqual(w))) continue;
                var start = ChineseLegalNameStart(text, at);
                if (start is { } s0) Add(text[s0..(at + suffix.Length)], s0, at + suffix.Length);
            }
        }
        foreach (Match m in LatinLegalSuffix().Matches(text))
        {
            var (name, start) = NameBefore(text, m.Index + m.Length);
            if (name is null || name.Length <= m.Length + 1 || !name.EndsWith(m.Value, StringComparison.Ordinal)) continue;
            var body = name[..^m.Length].TrimEnd(' ', ',');
            if (!body.Split(' ').Any(w => w.Length > 0 && char.IsAsciiLetterUpper(w[0]) && !NotNameWords.Contains(w))) continue;
            Add(name, start, m.Index + m.Length);
        }
        return found;
    }

    /// <summary>The start of a name in the run <c>text[start..end)</c> of Chinese characters before it: after the last
    /// describing word that introduces it (港股新茶饮品牌青柠集团 → 青柠集团, 新能源车企云帆汽车 → 云帆汽车), keeping two characters.</summary>
    private int AfterLeadWord(string text, int start, int end)
    {
        var cut = start;
        foreach (var word in _lexicon.NameLeadWords)
        {
            var at = end - 2 - word.Length < start ? -1 : text.LastIndexOf(word, end - 3, end - 2 - start, StringComparison.Ordinal);
            if (at >= start && at + word.Length > cut && at + word.Length <= end - 2) cut = at + word.Length;
        }
        return cut;
    }

    /// <summary>Where a Chinese legal name ending at <paramref name="suffixStart"/> begins: the run of Chinese characters
    /// (with a parenthesised place, 摩尔线程智能科技（北京）) back to punctuation, a function word, an earlier 公司, or a
    /// place that opens it; null when fewer than two characters name it.</summary>
    private int? ChineseLegalNameStart(string text, int suffixStart)
    {
        var start = suffixStart;
        while (start > 0 && suffixStart - start < 40)
        {
            var c = text[start - 1];
            if (Han.IsHan(c) && !StopChars.Contains(c) && !LegalNameLeadStops.Contains(c)) { start--; continue; }
            if (c is '）' or ')' && start >= 4)
            {
                var open = text.LastIndexOfAny(['（', '('], start - 2, Math.Min(6, start - 1));
                if (open >= 0 && text.AsSpan(open + 1, start - 2 - open).ToString().All(Han.IsHan)) { start = open; continue; }
            }
            break;
        }
        if (suffixStart - start < 2) return null;
        foreach (var word in CompanyWords)
        {
            var earlier = text.LastIndexOf(word, suffixStart - 1, suffixStart - start, StringComparison.Ordinal);
            if (earlier >= start) start = earlier + word.Length;
        }
        start = AfterLeadWord(text, start, suffixStart);
        // A place opening the name (宣布旗下北京云帆科技有限公司): the name starts there.
        for (var i = start; i < Math.Min(suffixStart - 2, start + 10) && text[i] is not ('（' or '('); i++)
            if (_lexicon.PlacePrefixes.Any(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0)) { start = i; break; }
        var body = text[start..suffixStart];
        foreach (var w in LegalFormWords)
            if (body.EndsWith(w, StringComparison.Ordinal)) { body = body[..^w.Length]; break; }
        return body.Count(Han.IsHan) >= 2 ? start : null;
    }

    // Reuters drops the stops (Qinglan Tech Co Ltd); filings keep them (Co., Ltd.).
    [GeneratedRegex(@"(?<![A-Za-z])(?:Co\.?,? ?Ltd\.?|Co\.?,? Limited|Company Limited|Inc\.|Inc\b|Corp\.|Corporation|Ltd\.|Ltd\b|Limited|PLC|plc|LLC)(?![A-Za-z])")]
    private static partial Regex LatinLegalSuffix();

    /// <summary>
    /// An English name followed by another it is known by: <c>Zhipu AI, also known as Knowledge Atlas Technology,</c>,
    /// <c>Songhe AI (formerly known as Songhe Intelligence)</c>. The first name is the Latin name, the second the full one.
    /// </summary>
    private List<EntityDefinitionFound> FindAlsoKnownAs(string text, List<EntityDefinitionFound> defined)
    {
        var found = new List<EntityDefinitionFound>();
        foreach (Match m in KnownAs().Matches(text))
        {
            var (first, start) = NameBefore(text, m.Index);
            if (first is null || defined.Any(d => d.Span.Start <= start && start < d.Span.End)) continue;
            var second = NameAfter(text, m.Index + m.Length);
            if (second is null) continue;
            var canonical = Canonical(second, null, first, []) ?? first;
            found.Add(new EntityDefinitionFound(canonical, second, null, first, [], new TextSpan(start, m.Index + m.Length + second.Length)));
        }
        return found;
    }

    [GeneratedRegex(@"(?:,|，| \(|（)\s?(?:also|formerly|officially|legally) known as ")]
    private static partial Regex KnownAs();

    /// <summary>The capitalised words of an English name starting at <paramref name="from"/> (connectors inside it).</summary>
    private static string? NameAfter(string text, int from)
    {
        var end = from;
        var lastWordEnd = from;
        while (end < text.Length)
        {
            var wordEnd = end;
            while (wordEnd < text.Length && (char.IsAsciiLetterOrDigit(text[wordEnd]) || text[wordEnd] is '.' or '-' or '&' or '\'')) wordEnd++;
            if (wordEnd == end) break;
            var word = text.AsSpan(end, wordEnd - end).TrimEnd('.');
            if (word.Length == 0) break;
            if (!char.IsAsciiLetterUpper(word[0]) && !char.IsAsciiDigit(word[0]) && !NameConnectors.Contains(word.ToString())) break;
            if (char.IsAsciiLetterUpper(word[0]) || char.IsAsciiDigit(word[0])) lastWordEnd = end + word.Length;
            if (wordEnd >= text.Length || text[wordEnd] != ' ') break;
            end = wordEnd + 1;
        }
        var name = text[from..lastWordEnd];
        return name.Length >= 3 ? name : null;
    }

    /// <summary>The shorter forms of a definition's names: without the legal suffix and the opening place, and (where
    /// the document writes it elsewhere) without a trailing trade word or, in English, as the first distinctive word.</summary>
    private IReadOnlyList<string> ShortFormsOf(EntityDefinitionFound d, string text)
    {
        var forms = new List<string>();
        void Offer(string? form, bool onlyIfWritten)
        {
            if (form is null || !EntityLexicon.IsDistinctiveAlias(form) || form == d.FullName || form == d.ShortName || form == d.LatinName
                || forms.Contains(form) || NotNameWords.Contains(form)) return;
            if (onlyIfWritten && !WrittenOutside(text, form, d)) return;
            forms.Add(form);
        }
        if (d.FullName is { } full && full.Any(Han.IsHan))
        {
            var body = StripChineseLegal(full);
            Offer(body, false);
            var core = StripPlace(body);
            Offer(core, false);
            foreach (var word in _lexicon.IndustryWords)
                if (core.EndsWith(word, StringComparison.Ordinal) && core.Length - word.Length >= 2) Offer(core[..^word.Length], true);
        }
        foreach (var latin in new[] { d.LatinName, d.FullName is { } f && !f.Any(Han.IsHan) ? f : null })
        {
            if (latin is null) continue;
            var body = LatinLegalSuffix().Replace(latin, "").TrimEnd(' ', ',');
            Offer(body, false);
            var core = StripPlace(body).TrimStart();
            Offer(core, false);
            var first = core.Split(' ')[0];
            if (core.Contains(' ') && first.Length >= 4 && char.IsAsciiLetterUpper(first[0]) && !GenericLeadWords.Contains(first)) Offer(first, true);
        }
        return forms;
    }

    /// <summary>The definition with its short forms, and with the lexicon's name when one of them is a lexicon alias
    /// (Chagee Holdings Limited → Chagee → 霸王茶姬).</summary>
    private EntityDefinitionFound WithShortForms(EntityDefinitionFound d, string text)
    {
        var forms = ShortFormsOf(d, text);
        if (_lexicon.Find(d.Canonical) is null && forms.Select(f => _lexicon.FindByAlias(f)).FirstOrDefault(n => n is not null) is { } known)
            return d with { Canonical = known, ShortForms = forms };
        return d with { ShortForms = forms };
    }

    /// <summary>Capitalised first words that open many company names and name none alone (China Mobile, New World).</summary>
    private static readonly HashSet<string> GenericLeadWords = new(StringComparer.Ordinal)
    {
        "China", "Chinese", "Hong", "Bank", "New", "Great", "Golden", "First", "Global", "International", "United", "National",
        "General", "Asia", "Pacific", "East", "West", "North", "South", "Central", "Sun", "Power", "Industrial", "Agricultural",
        "Smart", "Digital", "Future", "Star", "Sino", "Orient", "Eastern", "Western", "Northern", "Southern", "Royal", "Grand",
    };

    private string StripChineseLegal(string name)
    {
        foreach (var suffix in ChineseLegalSuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) { name = name[..^suffix.Length]; break; }
        foreach (var w in LegalFormWords)
            if (name.EndsWith(w, StringComparison.Ordinal) && name.Length > w.Length + 2) { name = name[..^w.Length]; break; }
        // A parenthesised place inside the name: 摩尔线程智能科技（北京） → 摩尔线程智能科技.
        var open = name.IndexOfAny(['（', '(']);
        if (open > 0 && name.IndexOfAny(['）', ')'], open) is var close && close > open && close - open <= 6)
            name = name[..open] + name[(close + 1)..];
        return name;
    }

    private string StripPlace(string name)
    {
        foreach (var place in _lexicon.PlacePrefixes)
        {
            if (!name.StartsWith(place, StringComparison.Ordinal)) continue;
            var rest = name[place.Length..];
            if (PlaceSuffixes.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal)) is { } placeSuffix) rest = rest[placeSuffix.Length..];
            // The place is dropped only when a name remains (2 Chinese characters, or an English word).
            if (rest.Count(Han.IsHan) >= 2 || (rest.StartsWith(' ') && rest.Trim().Length >= 3)) return rest;
        }
        return name;
    }

    /// <summary>Whether the document writes a form somewhere other than inside the definition's own span.</summary>
    private static bool WrittenOutside(string text, string form, EntityDefinitionFound d)
    {
        for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
        {
            if (at >= d.Span.Start && at < d.Span.End) continue;
            var end = at + form.Length;
            if (char.IsAsciiLetter(form[0]) && ((at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsAsciiLetterOrDigit(text[end])))) continue;
            return true;
        }
        return false;
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

    /// <summary>True when a business unit's name ends right before the parenthesis at <paramref name="open"/>
    /// (联想智能设备业务集团(IDG); spaces a page left inside the words, 业 务集团, do not count).</summary>
    private bool IsBusinessUnitBefore(string text, int open)
    {
        var lead = text.AsSpan(Math.Max(0, open - 16), Math.Min(16, open)).ToString().Replace(" ", "", StringComparison.Ordinal);
        return _lexicon.NameWords.BusinessUnitSuffixes.Any(s => lead.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>A name that ends like an organisation's (有限公司, Holdings Ltd) or is a known company's.</summary>
    // A method of its own, not a lambda over the loop's variable: a closure over it was allocated for every character
    // of the text FindDefinitions scans.
    private bool IsOrgLike(string name)
    {
        foreach (var s in OrgSuffixes)
            if (name.EndsWith(s, StringComparison.Ordinal)) return true;
        if (_lexicon.FindByAlias(name) is not null) return true;
        foreach (var s in LatinOrgSuffixes)
            if (name.EndsWith(s, StringComparison.Ordinal) && (name.Length == s.Length || name[^(s.Length + 1)] == ' ')) return true;
        return false;
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
            var orgLike = IsOrgLike(name);
            if (shortName is null && tickers.Count == 0 && !orgLike && !knownLatin) continue;
            if (name.EndsWith('》')) continue;
            if (IsBusinessUnitBefore(text, i)) continue;

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

    /// <summary>An English name without its legal ending (Yunfan Tech Co Ltd → Yunfan Tech; entities.yaml
    /// <c>latin_legal_endings</c>); a Chinese name, or one that would be left shorter than two characters, as it is.</summary>
    private string? WithoutLegalEnding(string? name)
    {
        if (name is null || name.Length == 0 || !char.IsAsciiLetter(name[0])) return name;
        foreach (var ending in _legalEndings)
        {
            if (!name.EndsWith(ending, StringComparison.Ordinal) || name.Length == ending.Length || name[^(ending.Length + 1)] is not (' ' or ',')) continue;
            var body = name[..^ending.Length].TrimEnd(' ', ',');
            return body.Length >= 2 ? body : name;
        }
        return name;
    }

    private string? Canonical(string? fullName, string? shortName, string? latin, IReadOnlyList<string> tickers)
    {
        foreach (var alias in new[] { shortName, latin, fullName })
            if (alias is not null && _lexicon.FindByAlias(alias) is { } known) return known;
        foreach (var t in tickers)
            if (Tickers.TryNormalize(t, out var n, "HK") && _lexicon.FindByTicker(n) is { } byTicker) return byTicker;
        // A generic short name (以下简称“公司”) is a mention of the entity in this document, not its name.
        if (shortName is not null && GenericShortNames.Contains(shortName) && (latin ?? fullName) is { } named) return WithoutLegalEnding(named);
        return shortName ?? WithoutLegalEnding(latin ?? fullName);
    }

    /// <summary>Short names that an announcement gives its issuer but that name no company elsewhere.</summary>
    private readonly HashSet<string> GenericShortNames;

    /// <summary>The name written right before a parenthesis: a Latin word group, or a run of Chinese characters up
    /// to a function word or punctuation.</summary>
    private (string? Name, int Start) NameBefore(string text, int paren)
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
                if (wEnd != end && (NotNameWords.Contains(token.ToString()) || IsModifier(token))) break;
                if (!char.IsAsciiLetterLower(token[0]) || wEnd == end) nameStart = wStart;
                word = wStart;
            }
            start = nameStart;
            var latin = text[start..end].Trim();
            return latin.Length >= 2 && char.IsAsciiLetter(latin[0]) ? (latin, start) : (null, start);
        }
        while (start > 0 && Han.IsHan(text[start - 1]) && !StopChars.Contains(text[start - 1]) && end - start < 30) start--;
        // A name inside a title (《…报告（2025）》) is no company; one after a title or dateline (《经济通通讯社15日专讯》云帆科技) is.
        if (start > 0 && text[start - 1] == '《') return (null, start);
        start = AfterLeadWord(text, start, end);
        // A legal name starts as one found without a parenthesis does (经香港联合交易所有限公司 → 香港联合交易所有限公司).
        foreach (var suffix in ChineseLegalSuffixes)
            if (end - start > suffix.Length && text.AsSpan(start, end - start).EndsWith(suffix, StringComparison.Ordinal))
            {
                if (ChineseLegalNameStart(text, end - suffix.Length) is { } legalStart && legalStart > start) start = legalStart;
                break;
            }
        return end - start >= 2 ? (text[start..end], start) : (null, start);
    }

    private (string? Short, string? Latin, List<string> Tickers) ParseParenthesis(string content)
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
            if (rest.Length >= 2 && rest.Length <= 20 && !rest.Contains('《') && !SelfReferences.Any(p => rest.StartsWith(p, StringComparison.Ordinal)))
                shortName = rest;
            AddTickers(tail, tickers);
            return (shortName, null, tickers);
        }
        if (LinkedTicker(content) is { } linked) return (null, null, [linked]);
        AddTickers(content, tickers);
        if (tickers.Count > 0) return (null, null, tickers);
        if (content.Length is >= 2 and <= 40 && char.IsAsciiLetter(content[0])
            && content.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ' ' or '.' or '-' or '&'))
            latin = content;
        return (null, latin, tickers);
    }

    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；'];

    /// <summary>Short names that point back at the document's deal (以下简称“本次发行”, “上述交易”): no name of a company.</summary>
    private readonly IReadOnlyList<string> SelfReferences;

    [GeneratedRegex(@"\b([A-Za-z]{2,6})\s*[:：]\s*")]
    private static partial Regex ExchangeColon();

    [GeneratedRegex(@"\b(\d{4,5}) HK\b")]
    private static partial Regex BloombergCode();

    private static string? AShareExchange(string code) => code[..2] switch
    {
        "60" or "68" => "SH",
        "00" or "30" => "SZ",
        _ => null,
    };

    /// <summary>The tickers among the comma-, semicolon- or space-separated parts of a parenthesis.</summary>
    /// <summary>A US ticker followed by a site's link label (YFT - Free Report): <c>YFT.US</c>; null otherwise.</summary>
    private string? LinkedTicker(string content)
    {
        foreach (var label in _lexicon.NameWords.TickerLinkLabels)
        {
            if (!content.EndsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var code = content[..^label.Length].TrimEnd(' ', '-', '–', '—', ':').Trim();
            return code.Length is >= 1 and <= 5 && code.All(char.IsAsciiLetterUpper) ? code + ".US" : null;
        }
        return null;
    }

    private static void AddTickers(string content, List<string> tickers)
    {
        // An exchange and its code are one part (HKG: 1211, NASDAQ: NIO), and so are Bloomberg's 9992 HK.
        content = ExchangeColon().Replace(content, "$1:");
        content = BloombergCode().Replace(content, "$1.HK");
        foreach (var raw in content.Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim();
            var colon = part.IndexOfAny([':', '：']);
            if (colon > 0 && !part[..colon].All(char.IsAsciiLetter)) part = part[(colon + 1)..];
            // A bare six-digit code is an A share: 60/68 Shanghai, 00/30 Shenzhen (贵州茅台（600519）).
            if (part.Length == 6 && part.All(char.IsAsciiDigit) && AShareExchange(part) is { } exchange)
            {
                tickers.Add($"{part}.{exchange}");
                continue;
            }
            // A bare code needs five digits (02513), or three or four as Hong Kong papers write them (阿里巴巴(9988),
            // 騰訊(700)) when they cannot be a year (2025 in parentheses is far more often a year than a ticker).
            var bare = part.All(char.IsAsciiDigit);
            var hongKongStyle = bare && part.Length is 3 or 4 && part[0] != '0' && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) is < 1900 or > 2099;
            if ((!bare || part.Length == 5 || hongKongStyle) && Tickers.TryNormalize(part, out _, "HK")) tickers.Add(part);
        }
    }

    /// <summary>Whether a parenthesis can hold a definition: a 简称 phrase, or a Latin name or ticker.</summary>
    private bool MayDefine(ReadOnlySpan<char> content)
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
