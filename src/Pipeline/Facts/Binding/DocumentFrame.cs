using NodaTime;
using Pipeline.Documents;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>
/// What a whole article establishes for every sentence in it: the company it is about, the period it reports, the
/// currency its bare amounts are in, and where relative period words (上季, 去年同期, the quarter) stand. Read once per
/// document by <see cref="DocumentFrameReader"/>; sentences fall back to it only when they say nothing themselves.
/// </summary>
public sealed record DocumentFrame
{
    /// <summary>The company the article is about, when one company clearly dominates it.</summary>
    public string? MainEntity { get; init; }

    /// <summary>The period the article reports (a quarter, a half or a year), when it can be told.</summary>
    public ReportingPeriod? CurrentPeriod { get; init; }

    /// <summary>The currency of share prices and deal terms written with a bare 元 (a Hong Kong or Taiwan outlet).</summary>
    public Currency? ListingCurrency { get; init; }

    /// <summary>Currency scopes ((人民币，下同)): from each position on, a bare amount is in that currency.</summary>
    public IReadOnlyList<(int Start, Currency Currency)> CurrencyScopes { get; init; } = [];

    /// <summary>Relative period words with the period each stands for (null where the document's period is unknown).</summary>
    public IReadOnlyList<RelativePeriodMention> RelativePeriods { get; init; } = [];

    public static DocumentFrame Empty { get; } = new();

    /// <summary>The scoped currency at <paramref name="position"/>, if any.</summary>
    public Currency? ScopeAt(int position)
    {
        Currency? found = null;
        foreach (var (start, currency) in CurrencyScopes)
        {
            if (start > position) break;
            found = currency;
        }
        return found;
    }
}

/// <summary>A relative period word in the text and what it resolves to.</summary>
public readonly record struct RelativePeriodMention(int Start, int End, RelativePeriod Kind, ReportingPeriod? Period);

/// <summary>Reads a <see cref="DocumentFrame"/>: pure, from the text, its mentions and its metadata.</summary>
public sealed class DocumentFrameReader(BindingLexicon lexicon)
{
    /// <summary>Characters of the headline and lede, where an article names its subject and its period.</summary>
    private const int LedeLength = 240;

    public DocumentFrame Read(string text, IReadOnlyList<EntityMention> entities, IReadOnlyList<Mention> periods, DocumentMetadata metadata)
    {
        var current = CurrentPeriod(text, periods, metadata);
        var relative = lexicon.Periods.FindAll(text)
            .Select(m => new RelativePeriodMention(m.Start, m.End, m.Value, current is { } c ? Resolve(m.Value, c) : null))
            .ToList();
        var scopes = lexicon.CurrencyScopes.FindAll(text).Select(m => (m.Start, m.Value)).ToList();
        return new DocumentFrame
        {
            MainEntity = MainEntity(entities),
            CurrentPeriod = current,
            ListingCurrency = ListingCurrency(metadata),
            CurrencyScopes = scopes,
            RelativePeriods = relative,
        };
    }

    /// <summary>The entity named first in the lede when it is also among the most named, else the one named in at
    /// least half the entity mentions of the document.</summary>
    private static string? MainEntity(IReadOnlyList<EntityMention> entities)
    {
        if (entities.Count == 0) return null;
        var counts = entities.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var top = counts.Max(c => c.Value);
        if (entities[0].Span.Start < LedeLength && counts[entities[0].Name] * 2 >= top) return entities[0].Name;
        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
        return best.Value * 2 >= entities.Count ? best.Key : null;
    }

    /// <summary>The reported period: the quarter (else half, else year) written most often, lede mentions counted
    /// twice; else, when the article uses a quarter word (上季, the quarter), the last quarter that ended before its
    /// publication date.</summary>
    private ReportingPeriod? CurrentPeriod(string text, IReadOnlyList<Mention> periods, DocumentMetadata metadata)
    {
        foreach (var kind in new[] { PeriodKind.Quarter, PeriodKind.Half, PeriodKind.Year })
        {
            var votes = new Dictionary<ReportingPeriod, int>();
            foreach (var m in periods)
            {
                if (m.Period is not { } p || p.Kind != kind || !m.Text.Any(char.IsAsciiDigit) && kind == PeriodKind.Year) continue;
                if (metadata.Published is { } published && p.End >= published) continue; // not yet reported
                votes[p] = votes.GetValueOrDefault(p) + (m.Span.Start < LedeLength ? 2 : 1);
            }
            if (votes.Count > 0)
                return votes.OrderByDescending(v => v.Value).ThenByDescending(v => v.Key.End).First().Key;
        }
        if (metadata.Published is { } date && lexicon.Periods.FindAll(text).Any(m => m.Value == RelativePeriod.CurrentQuarter))
            return QuarterBefore(date);
        return null;
    }

    /// <summary>The last calendar quarter that ended before <paramref name="date"/>.</summary>
    public static ReportingPeriod QuarterBefore(LocalDate date)
    {
        var quarter = (date.Month - 1) / 3 + 1;
        return quarter == 1 ? ReportingPeriod.Quarter(date.Year - 1, 4) : ReportingPeriod.Quarter(date.Year, quarter - 1);
    }

    private static ReportingPeriod? Resolve(RelativePeriod kind, ReportingPeriod current) => kind switch
    {
        RelativePeriod.CurrentQuarter => current.Kind == PeriodKind.Quarter ? current : null,
        RelativePeriod.PriorYearSame => Shift(current, -12),
        RelativePeriod.PreviousQuarter => current.Kind == PeriodKind.Quarter ? Shift(current, -3) : null,
        RelativePeriod.YearToDate => ReportingPeriod.Months(current.End.Year, 1, current.End.Month),
        _ => null,
    };

    /// <summary>The same shape of period moved by whole months (a quarter a year back, the quarter before).</summary>
    private static ReportingPeriod? Shift(ReportingPeriod p, int months)
    {
        var start = p.Start.PlusMonths(months);
        var end = p.End.PlusDays(1).PlusMonths(months).PlusDays(-1);
        return p.Kind switch
        {
            PeriodKind.Quarter => ReportingPeriod.Quarter(start.Year, (start.Month - 1) / 3 + 1),
            PeriodKind.Half => ReportingPeriod.Half(start.Year, start.Month <= 6 ? 1 : 2),
            PeriodKind.Year => ReportingPeriod.Year(start.Year),
            PeriodKind.Day => ReportingPeriod.Day(start),
            _ => ReportingPeriod.Between(start, end),
        };
    }

    /// <summary>HKD for a Hong Kong outlet, TWD for a Taiwan one (from the language tag or the conversion profile the
    /// text needed).</summary>
    private static Currency? ListingCurrency(DocumentMetadata metadata)
    {
        var tag = metadata.Language ?? "";
        if (metadata.Region is "TW" || tag.StartsWith("zh-TW", StringComparison.OrdinalIgnoreCase)) return Currency.TWD;
        if (metadata.Region is "HK" or "Hant" || tag.StartsWith("zh-HK", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase)) return Currency.HKD;
        return null;
    }
}
