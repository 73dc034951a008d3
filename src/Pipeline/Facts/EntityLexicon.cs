using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Facts;

/// <summary>A known entity: its canonical name, aliases and normalised tickers.</summary>
public sealed record EntityDefinition(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tickers);

/// <summary>
/// The project's entity lexicon (<c>Lexicons/&lt;culture&gt;/entities.yaml</c>): canonical names by alias and by
/// normalised ticker. Immutable and shared; documents extend it with their own definitions (see <see cref="EntityFinder"/>).
/// </summary>
public sealed class EntityLexicon
{
    private readonly Dictionary<string, string> _byAlias;
    private readonly Dictionary<string, string> _byTicker;

    private EntityLexicon(IReadOnlyList<EntityDefinition> entities)
    {
        Entities = entities;
        _byAlias = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _byTicker = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            _byAlias.TryAdd(e.Name, e.Name);
            foreach (var a in e.Aliases) _byAlias.TryAdd(a, e.Name);
            foreach (var t in e.Tickers) _byTicker.TryAdd(t, e.Name);
        }
    }

    public IReadOnlyList<EntityDefinition> Entities { get; }

    /// <summary>Every alias (names included) with its canonical name.</summary>
    public IEnumerable<KeyValuePair<string, string>> Aliases => _byAlias;

    public string? FindByAlias(string alias) => _byAlias.GetValueOrDefault(alias.Trim());

    public string? FindByTicker(string normalizedTicker) => _byTicker.GetValueOrDefault(normalizedTicker);

    private static readonly Lazy<EntityLexicon> ChineseLexicon = new(() => Load("zh-Hans"));

    public static EntityLexicon Chinese => ChineseLexicon.Value;

    private static readonly Lazy<EntityLexicon> DefaultLexicon = new(() => Combine(Chinese, Load("en")));

    /// <summary>The Chinese lexicon with the English names of <c>Lexicons/en/entities.yaml</c> merged in.</summary>
    public static EntityLexicon Default => DefaultLexicon.Value;

    /// <summary>Merges lexicons by canonical name: aliases and tickers are added together, first lexicon first.</summary>
    public static EntityLexicon Combine(params EntityLexicon[] lexicons)
    {
        var order = new List<string>();
        var merged = new Dictionary<string, (List<string> Aliases, List<string> Tickers)>(StringComparer.Ordinal);
        foreach (var e in lexicons.SelectMany(l => l.Entities))
        {
            if (!merged.TryGetValue(e.Name, out var entry))
            {
                merged[e.Name] = entry = ([], []);
                order.Add(e.Name);
            }
            entry.Aliases.AddRange(e.Aliases.Where(a => !entry.Aliases.Contains(a, StringComparer.Ordinal)));
            entry.Tickers.AddRange(e.Tickers.Where(t => !entry.Tickers.Contains(t, StringComparer.Ordinal)));
        }
        return new EntityLexicon(order.Select(n => new EntityDefinition(n, merged[n].Aliases, merged[n].Tickers)).ToList());
    }

    public static EntityLexicon Empty { get; } = new([]);

    public static EntityLexicon Load(string culture)
    {
        var name = $"Lexicons/{culture}/entities.yaml";
        return Parse(LexiconResources.ReadText(name), name);
    }

    public static EntityLexicon Parse(string yaml, string sourceName = "entities.yaml")
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties()
            .Build().Deserialize<EntityFile>(yaml) ?? new EntityFile();
        var list = new List<EntityDefinition>();
        foreach (var e in file.Entities)
        {
            if (string.IsNullOrWhiteSpace(e.Name)) throw new InvalidDataException($"{sourceName}: an entity has no name.");
            var tickers = new List<string>();
            foreach (var t in e.Tickers)
            {
                if (!Tickers.TryNormalize(t, out var n)) throw new InvalidDataException($"{sourceName}: {e.Name} ticker '{t}' is not a ticker.");
                tickers.Add(n);
            }
            list.Add(new EntityDefinition(e.Name, e.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray(), tickers));
        }
        return new EntityLexicon(list);
    }

    private sealed class EntityFile
    {
        public List<EntityEntry> Entities { get; set; } = [];
    }

    private sealed class EntityEntry
    {
        public string? Name { get; set; }
        public List<string> Aliases { get; set; } = [];
        public List<string> Tickers { get; set; } = [];
    }
}
