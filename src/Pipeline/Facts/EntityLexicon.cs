using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Facts;

/// <summary>A known entity: its canonical name, aliases and normalised tickers, the last day of its fiscal year
/// when that is not 31 December (<c>fiscal_year_end: 03-31</c>: Alibaba's fiscal 2026 runs 2025-04-01 to 2026-03-31),
/// and the segments it reports, each with the other names coverage gives it (云智能集团: 阿里云智能, Cloud Intelligence Group).</summary>
public sealed record EntityDefinition(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tickers, AnnualDate? FiscalYearEnd = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Segments = null)
{
    /// <summary>The fiscal year end, 31 December when the lexicon gives none.</summary>
    public AnnualDate FiscalYearEndOrCalendar => FiscalYearEnd ?? new AnnualDate(12, 31);
}

/// <summary>
/// The project's entity lexicon (<c>Lexicons/&lt;culture&gt;/entities.yaml</c>): canonical names by alias and by
/// normalised ticker. Immutable and shared; documents extend it with their own definitions (see <see cref="EntityFinder"/>).
/// </summary>
public sealed class EntityLexicon
{
    private readonly Dictionary<string, string> _byAlias;
    private readonly Dictionary<string, string> _byTicker;
    private readonly Dictionary<string, EntityDefinition> _byName;

    private EntityLexicon(IReadOnlyList<EntityDefinition> entities, IReadOnlyList<string>? notNames = null,
        IReadOnlyList<string>? placePrefixes = null, IReadOnlyList<string>? industryWords = null, IReadOnlyList<string>? nameLeadWords = null,
        EntityNameWords? nameWords = null)
    {
        Entities = entities;
        NameWords = nameWords ?? EntityNameWords.None;
        NotNames = notNames ?? [];
        PlacePrefixes = (placePrefixes ?? []).OrderByDescending(p => p.Length).ToList();
        IndustryWords = (industryWords ?? []).OrderByDescending(p => p.Length).ToList();
        NameLeadWords = nameLeadWords ?? [];
        _byAlias = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _byTicker = new Dictionary<string, string>(StringComparer.Ordinal);
        _byName = new Dictionary<string, EntityDefinition>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            _byName.TryAdd(e.Name, e);
            foreach (var a in e.Aliases.Prepend(e.Name))
                if (!_byAlias.TryAdd(a, e.Name) && _byAlias[a] != e.Name)
                    throw new InvalidDataException($"entity lexicon: '{a}' names both {_byAlias[a]} and {e.Name}.");
            foreach (var t in e.Tickers)
                if (!_byTicker.TryAdd(t, e.Name) && _byTicker[t] != e.Name)
                    throw new InvalidDataException($"entity lexicon: ticker {t} belongs to both {_byTicker[t]} and {e.Name}.");
        }
    }

    public IReadOnlyList<EntityDefinition> Entities { get; }

    /// <summary>Phrases that begin with an alias but name no entity (<c>中国银行业</c>: the banking industry).</summary>
    public IReadOnlyList<string> NotNames { get; }

    /// <summary>Places that open a legal name and that articles drop in its short form (杭州, 北京市, Jiangsu), longest first.</summary>
    public IReadOnlyList<string> PlacePrefixes { get; }

    /// <summary>Trade words that end a name and that articles may drop (科技, 汽车, 医药), longest first.</summary>
    public IReadOnlyList<string> IndustryWords { get; }

    /// <summary>Describing words that introduce a name in running Chinese text (港股新茶饮品牌青柠集团: 品牌).</summary>
    public IReadOnlyList<string> NameLeadWords { get; }

    /// <summary>Every alias (names included) with its canonical name.</summary>
    public IEnumerable<KeyValuePair<string, string>> Aliases => _byAlias;

    /// <summary>The words that shape a company name in Chinese text (definition phrases, legal forms, stop characters…).</summary>
    public EntityNameWords NameWords { get; }

    public string? FindByAlias(string alias) => _byAlias.GetValueOrDefault(alias.Trim());

    public string? FindByTicker(string normalizedTicker) => _byTicker.GetValueOrDefault(normalizedTicker);

    /// <summary>The entry of a canonical name (as <see cref="FindByAlias"/> or <see cref="FindByTicker"/> return it).</summary>
    public EntityDefinition? Find(string canonicalName) => _byName.GetValueOrDefault(canonicalName);

    /// <summary>The last day of an entity's fiscal year when the lexicon gives one other than 31 December.</summary>
    public AnnualDate? FiscalYearEnd(string canonicalName) => Find(canonicalName)?.FiscalYearEnd;

    private static readonly Lazy<EntityLexicon> ChineseLexicon = new(() => Load("zh-Hans"));

    public static EntityLexicon Chinese => ChineseLexicon.Value;

    private static readonly Lazy<EntityLexicon> DefaultLexicon = new(() => Combine(Chinese, Load("en")));

    /// <summary>The Chinese lexicon with the English names of <c>Lexicons/en/entities.yaml</c> merged in.</summary>
    public static EntityLexicon Default => DefaultLexicon.Value;

    /// <summary>Merges lexicons by canonical name: aliases and tickers are added together, first lexicon first.</summary>
    public static EntityLexicon Combine(params EntityLexicon[] lexicons)
    {
        var order = new List<string>();
        var merged = new Dictionary<string, (List<string> Aliases, List<string> Tickers, AnnualDate?[] YearEnd, Dictionary<string, List<string>> Segments)>(StringComparer.Ordinal);
        foreach (var e in lexicons.SelectMany(l => l.Entities))
        {
            if (!merged.TryGetValue(e.Name, out var entry))
            {
                merged[e.Name] = entry = ([], [], [null], new(StringComparer.Ordinal));
                order.Add(e.Name);
            }
            entry.Aliases.AddRange(e.Aliases.Where(a => !entry.Aliases.Contains(a, StringComparer.Ordinal)));
            entry.Tickers.AddRange(e.Tickers.Where(t => !entry.Tickers.Contains(t, StringComparer.Ordinal)));
            if (e.FiscalYearEnd is { } end && entry.YearEnd[0] is { } other && other != end)
                throw new InvalidDataException($"{e.Name}: fiscal year ends {other:MM-dd} in one lexicon and {end:MM-dd} in another.");
            entry.YearEnd[0] ??= e.FiscalYearEnd;
            foreach (var (segment, names) in e.Segments ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                if (!entry.Segments.TryGetValue(segment, out var list)) entry.Segments[segment] = list = [];
                list.AddRange(names.Where(a => !list.Contains(a, StringComparer.Ordinal)));
            }
        }
        return new EntityLexicon(order.Select(n => new EntityDefinition(n, merged[n].Aliases, merged[n].Tickers, merged[n].YearEnd[0],
                merged[n].Segments.Count == 0 ? null : merged[n].Segments.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal))).ToList(),
            Union(lexicons, l => l.NotNames), Union(lexicons, l => l.PlacePrefixes), Union(lexicons, l => l.IndustryWords),
            Union(lexicons, l => l.NameLeadWords), EntityNameWords.Combine(lexicons.Select(l => l.NameWords)));
    }

    private static List<string> Union(EntityLexicon[] lexicons, Func<EntityLexicon, IReadOnlyList<string>> list) =>
        lexicons.SelectMany(list).Distinct(StringComparer.Ordinal).ToList();

    public static EntityLexicon Empty { get; } = new([]);

    public static EntityLexicon Load(string culture)
    {
        var name = $"Lexicons/{culture}/entities.yaml";
        return Parse(LexiconResources.ReadText(name), name);
    }

    public static EntityLexicon Parse(string yaml, string sourceName = "entities.yaml")
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build().Deserialize<EntityFile>(yaml) ?? new EntityFile();
        var list = new List<EntityDefinition>();
        foreach (var e in file.Entities)
        {
            if (string.IsNullOrWhiteSpace(e.Name)) throw new InvalidDataException($"{sourceName}: an entity has no name.");
            foreach (var a in e.Aliases.Prepend(e.Name))
                if (!IsDistinctiveAlias(a)) throw new InvalidDataException($"{sourceName}: {e.Name} alias '{a}' is too short to name one company.");
            var tickers = new List<string>();
            foreach (var t in e.Tickers)
            {
                if (!Tickers.TryNormalize(t, out var n)) throw new InvalidDataException($"{sourceName}: {e.Name} ticker '{t}' is not a ticker.");
                tickers.Add(n);
            }
            foreach (var (segment, names) in e.Segments)
                if (string.IsNullOrWhiteSpace(segment) || names.Any(string.IsNullOrWhiteSpace))
                    throw new InvalidDataException($"{sourceName}: {e.Name} has a segment or a segment name that is empty.");
            list.Add(new EntityDefinition(e.Name, e.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray(), tickers,
                ParseYearEnd(e.FiscalYearEnd, $"{sourceName}: {e.Name}"),
                e.Segments.Count == 0 ? null : e.Segments.ToDictionary(kv => kv.Key.Trim(), kv => (IReadOnlyList<string>)kv.Value.Select(a => a.Trim()).ToList(), StringComparer.Ordinal)));
        }
        static List<string> Words(List<string> words) => words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
        return new EntityLexicon(list, Words(file.NotNames), Words(file.PlacePrefixes), Words(file.IndustryWords), Words(file.NameLeadWords),
            new EntityNameWords(Words(file.DefinitionPrefixes), Words(file.LegalSuffixes), Words(file.LegalFormWords), file.LeadStops?.Trim() ?? "",
                Words(file.OrgSuffixes), file.StopChars?.Trim() ?? "", Words(file.CompanyWords), Words(file.PlaceSuffixes),
                Words(file.GenericShortNames), Words(file.SelfReferences)) { BusinessUnitSuffixes = Words(file.BusinessUnitSuffixes), TickerLinkLabels = Words(file.TickerLinkLabels), SubjectStopWords = Words(file.SubjectStopWords), LatinLegalEndings = Words(file.LatinLegalEndings) });
    }

    /// <summary>Whether a name is long enough to name one company in running text: two characters when it holds a
    /// Chinese character (腾讯, B站), else three Latin letters or digits (NIO, JD.com); shorter ones are words (理, AI).</summary>
    public static bool IsDistinctiveAlias(string alias)
    {
        alias = alias.Trim();
        return alias.Any(Pipeline.Text.Han.IsHan) ? alias.Length >= 2 : alias.Count(char.IsAsciiLetterOrDigit) >= 3;
    }

    /// <summary>A <c>fiscal_year_end</c> value, <c>MM-DD</c> (a real day of the calendar; 02-29 is refused because
    /// a year ending on the last day of February is not one fixed day).</summary>
    private static AnnualDate? ParseYearEnd(string? text, string where)
    {
        if (text is null) return null;
        var parts = text.Trim().Split('-');
        if (parts is [{ Length: 2 } mm, { Length: 2 } dd] && int.TryParse(mm, out var month) && int.TryParse(dd, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2023, month))
            return new AnnualDate(month, day);
        throw new InvalidDataException($"{where}: fiscal_year_end '{text}' is not a day of the year written MM-DD.");
    }

    private sealed class EntityFile
    {
        public List<string> NotNames { get; set; } = [];
        public List<string> PlacePrefixes { get; set; } = [];
        public List<string> IndustryWords { get; set; } = [];
        public List<string> NameLeadWords { get; set; } = [];
        public List<string> DefinitionPrefixes { get; set; } = [];
        public List<string> LegalSuffixes { get; set; } = [];
        public List<string> LegalFormWords { get; set; } = [];
        public string? LeadStops { get; set; }
        public List<string> OrgSuffixes { get; set; } = [];
        public string? StopChars { get; set; }
        public List<string> CompanyWords { get; set; } = [];
        public List<string> PlaceSuffixes { get; set; } = [];
        public List<string> GenericShortNames { get; set; } = [];
        public List<string> SelfReferences { get; set; } = [];
        public List<string> BusinessUnitSuffixes { get; set; } = [];
        public List<string> TickerLinkLabels { get; set; } = [];
        public List<string> SubjectStopWords { get; set; } = [];
        public List<string> LatinLegalEndings { get; set; } = [];
        public List<EntityEntry> Entities { get; set; } = [];
    }

    private sealed class EntityEntry
    {
        public string? Name { get; set; }
        public List<string> Aliases { get; set; } = [];
        public List<string> Tickers { get; set; } = [];
        public string? FiscalYearEnd { get; set; }
        public Dictionary<string, List<string>> Segments { get; set; } = [];
    }
}

/// <summary>The words that shape a Chinese company name (<c>entities.yaml</c>): definition phrases (以下简称), legal-form
/// suffixes (股份有限公司) and the words before them that belong to the form (股份), characters that stop a name going back
/// (<see cref="StopChars"/>) or open a clause before it (<see cref="LeadStops"/>: 据, 令), organisation endings (集团),
/// generic company words, place suffixes (市), short names that name no company (本公司) and self-references (本次).</summary>
public sealed record EntityNameWords(IReadOnlyList<string> DefinitionPrefixes, IReadOnlyList<string> LegalSuffixes,
    IReadOnlyList<string> LegalFormWords, string LeadStops, IReadOnlyList<string> OrgSuffixes, string StopChars,
    IReadOnlyList<string> CompanyWords, IReadOnlyList<string> PlaceSuffixes, IReadOnlyList<string> GenericShortNames,
    IReadOnlyList<string> SelfReferences)
{
    public static EntityNameWords None { get; } = new([], [], [], "", [], "", [], [], [], []);

    /// <summary>Endings of a company's business unit (智能设备业务集团, 云与智慧产业事业群): a name with one is no company,
    /// though it may end with an organisation ending, and its parenthesised abbreviation ((IDG)) defines none.</summary>
    public IReadOnlyList<string> BusinessUnitSuffixes { get; init; } = [];

    /// <summary>Link labels a site writes after a ticker inside the parenthesis (Yunfan Tech (YFT - Free Report)): the
    /// letters before one are the company's US ticker.</summary>
    public IReadOnlyList<string> TickerLinkLabels { get; init; } = [];

    /// <summary>Words a headline and a clause may both open with that name no company (港股, 第三季度, Shares, China): no
    /// headline subject (<see cref="HeadlineSubject"/>) starts or ends with one (Chinese) or holds one (English).</summary>
    public IReadOnlyList<string> SubjectStopWords { get; init; } = [];

    /// <summary>Legal endings of an English company name (Co Ltd, Inc.): a company found in an article is named without
    /// one, so that Yunfan Tech Co Ltd and Yunfan Tech meet as one company.</summary>
    public IReadOnlyList<string> LatinLegalEndings { get; init; } = [];

    /// <summary>The union of several lexicons' words, in order, each once.</summary>
    public static EntityNameWords Combine(IEnumerable<EntityNameWords> all)
    {
        var list = all.ToList();
        List<string> U(Func<EntityNameWords, IReadOnlyList<string>> f) => list.SelectMany(f).Distinct(StringComparer.Ordinal).ToList();
        string C(Func<EntityNameWords, string> f) => new(list.SelectMany(f).Distinct().ToArray());
        return new EntityNameWords(U(w => w.DefinitionPrefixes), U(w => w.LegalSuffixes), U(w => w.LegalFormWords), C(w => w.LeadStops),
            U(w => w.OrgSuffixes), C(w => w.StopChars), U(w => w.CompanyWords), U(w => w.PlaceSuffixes), U(w => w.GenericShortNames),
            U(w => w.SelfReferences)) { BusinessUnitSuffixes = U(w => w.BusinessUnitSuffixes), TickerLinkLabels = U(w => w.TickerLinkLabels), SubjectStopWords = U(w => w.SubjectStopWords), LatinLegalEndings = U(w => w.LatinLegalEndings) };
    }
}
