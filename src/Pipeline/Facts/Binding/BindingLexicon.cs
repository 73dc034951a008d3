using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding;

/// <summary>What a period word refers to, relative to the document's own reporting period.</summary>
public enum RelativePeriod { CurrentQuarter, PriorYearSame, PreviousQuarter, YearToDate, NamedQuarter, FiscalQuarter, MonthsToDate, FullYear, TrailingFourQuarters }

/// <summary>The words of a Chinese fiscal quarter besides the fiscal word and the numerals (binding.yaml fiscal_words).</summary>
public sealed record FiscalQuarterWords(IReadOnlyList<string> Year, IReadOnlyList<string> Links, IReadOnlyList<string> Ordinals,
    IReadOnlyList<string> First, IReadOnlyList<string> Quarter);

/// <summary>A basis word and the metrics it may apply to (empty: any metric).</summary>
/// <param name="Excludes">What the basis leaves out, read after an exclusion word of <c>exclusion_leads</c> anywhere in
/// the clause (剔除长期资产减值影响后: 减值; 剔除理想MEGA召回预估成本影响: 召回).</param>
public sealed record BasisWords(string Basis, IReadOnlyList<string> MetricPrefixes, IReadOnlyList<string> Words, IReadOnlyList<string>? Excludes = null)
{
    /// <summary>True when the basis holds for the figures after it in its whole sentence (a broker's count: 融资申购倍数高达
    /// 698.57倍，超额认购超过930倍), not only in its clause; lexicon field <c>scope: sentence</c>.</summary>
    public bool SentenceScope { get; init; }

    public bool AppliesTo(string metric) => MetricPrefixes.Count == 0 || MetricPrefixes.Any(p => metric.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>
/// The words the binder reads around a figure besides metric cues and entity names (<c>Lexicons/common/binding.yaml</c>):
/// bases, words that are not segments, period words relative to the document's period, currency scopes and
/// qualifiers. Loaded strictly: an unknown key, a wrong type or an unknown qualifier or currency is a configuration
/// error naming the file and line.
/// </summary>
public sealed class BindingLexicon
{
    public const string ResourceName = "Lexicons/common/binding.yaml";

    public required IReadOnlyList<BasisWords> Bases { get; init; }
    public required IReadOnlySet<string> BasisInMetric { get; init; }
    public required IReadOnlySet<string> NotSegment { get; init; }
    public required IReadOnlyList<string> SegmentSuffixes { get; init; }

    /// <summary>Endings a segment's name is compared without, beside <see cref="SegmentSuffixes"/> (其他业务 and 其他销售
    /// name one segment), though the reader keeps them in a written name.</summary>
    public IReadOnlyList<string> SegmentNameEndings { get; init; } = [];

    /// <summary>Conjunctions that join the parts of a segment's name, compared as one (平台和广告, 平台及广告服务).</summary>
    public IReadOnlyList<string> SegmentNameConjunctions { get; init; } = [];

    /// <summary>Regional words compared as their Mainland word in segment names (伺服器 → 服务器, 云端 → 云).</summary>
    public IReadOnlyDictionary<string, string> SegmentNameVariants { get; init; } = new Dictionary<string, string>();
    /// <summary>Share class words (A股, 港股, Shanghai-listed shares) → the segment a price after them is under (empty for
    /// the class a listing story covers).</summary>
    public PhraseMatcher<string> ShareClasses { get; init; } = new([]);
    /// <summary>Metric ids (prefixes) a share class applies to: prices and market values.</summary>
    public IReadOnlyList<string> ShareClassMetrics { get; init; } = [];
    /// <summary>Words at the start of a cue that belong to a segment before it (销售 of 车辆销售收入).</summary>
    public required IReadOnlyList<string> SegmentCuePrefixes { get; init; }
    /// <summary>The metric a reported segment written as a figure's subject stands for (revenue).</summary>
    public required string SegmentRevenueMetric { get; init; }
    /// <summary>Metric cue phrases that name the segment (channel) themselves, by cue phrase: 出口 → 出口.</summary>
    public required IReadOnlyDictionary<string, string> SegmentCues { get; init; }
    /// <summary>English words that name a metric only right after a segment's name, by word: Vehicle margin → the
    /// gross margin of vehicle sales (<c>segment_metric_words</c>).</summary>
    public PhraseMatcher<string> SegmentMetricWords { get; init; } = new([]);
    /// <summary>Words that make a segment with the company's name before them (蔚来品牌).</summary>
    public required IReadOnlyList<string> NamedSegmentHeads { get; init; }
    /// <summary>Words that refer back to the segment just named (该板块, 相关).</summary>
    public required IReadOnlyList<string> SegmentAnaphors { get; init; }
    /// <summary>Words that put a figure back on the whole company after a clause about a segment (集团, 总收入, overall).</summary>
    public required IReadOnlyList<string> WholeCompanyWords { get; init; }
    /// <summary>Words right after a basis word that deny it (超额配股权未获行使, 绿鞋前).</summary>
    public required IReadOnlyList<string> BasisDenials { get; init; }
    /// <summary>Words between a rise or fall word and the level a rate moved to (回落到, 回升至).</summary>
    public required IReadOnlyList<string> LevelWords { get; init; }
    /// <summary>Words that make a multiple next to them a subscription multiple (超购1.5倍, 13.9倍认购倍数): see
    /// <see cref="Rules.SubscriptionMultipleRule"/>.</summary>
    public IReadOnlyList<string> SubscriptionWords { get; init; } = [];
    /// <summary>Words a sentence opens with when it breaks down the sentence before it (其中, 当中): a cue's context
    /// words are looked for in that sentence too.</summary>
    public IReadOnlyList<string> BreakdownOpeners { get; init; } = [];
    /// <summary>Words that make the phrase before them a topic heading (用户规模方面，DAU达…): the phrase says what the
    /// next figures measure, not whose they are.</summary>
    public IReadOnlyList<string> TopicHeadingEnds { get; init; } = [];
    /// <summary>Words right before an amount that make a profit-type line a loss (蚀, 转亏).</summary>
    public required IReadOnlyList<string> LossWords { get; init; }
    /// <summary>Words that turn a loss into a profit (扭亏为盈): no loss word near them makes an amount negative.</summary>
    public required IReadOnlyList<string> LossReversals { get; init; }

    /// <summary>Balances dated by the end of the period they are stated for (cash, cash_and_investments).</summary>
    public IReadOnlySet<string> BalanceMetrics { get; init; } = new HashSet<string>();

    /// <summary>Words that open a condition clause (若, 假设, if): its basis qualifies the deal terms after it.</summary>
    public IReadOnlyList<string> ConditionWords { get; init; } = [];

    /// <summary>Marks that open a list item (- 经营利润：22亿元; • Revenue rose 5%).</summary>
    public IReadOnlyList<string> ListMarks { get; init; } = [];
    /// <summary>Profit and loss words that are a verb right after another line's cue (EBITA盈利1.62亿元).</summary>
    public required IReadOnlyList<string> ResultVerbs { get; init; }
    /// <summary>Words naming a ratio after 的 (的百分比为15%).</summary>
    public required IReadOnlyList<string> RatioWords { get; init; }
    /// <summary>Figures that are a change by themselves (翻番).</summary>
    public required IReadOnlyList<string> ChangeFigures { get; init; }
    /// <summary>Words between a change figure and the change word after it (59%的增速).</summary>
    public required IReadOnlyList<string> FigureChangeLinks { get; init; }
    /// <summary><see cref="NotSegment"/>, longest first (其中 is dropped whole, not as 其 then 中).</summary>
    public required IReadOnlyList<string> NotSegmentLongestFirst { get; init; }
    /// <summary>Words that make a figure a market's or a country's, when no company is named in its sentence.</summary>
    public required PhraseMatcher<string> MarketWords { get; init; }
    /// <summary>Quarters written without a year, by quarter number.</summary>
    public required PhraseMatcher<int> NamedQuarters { get; init; }
    public required int SegmentMaxLength { get; init; }
    public required PhraseMatcher<RelativePeriod> Periods { get; init; }
    /// <summary>Words before a count of months that ends with the reported period (累计今年6个月).</summary>
    public required PhraseMatcher<RelativePeriod> MonthsToDateLeads { get; init; }
    public required PhraseMatcher<Currency> CurrencyScopes { get; init; }
    public required IReadOnlyList<string> ListingCurrencyMetrics { get; init; }
    public required IReadOnlyList<(string Word, Qualifier Qualifier)> QualifiersBefore { get; init; }
    public required IReadOnlyList<(string Word, Qualifier Qualifier)> QualifiersAfter { get; init; }
    public required IReadOnlyList<(string Word, Qualifier Qualifier)> QualifiersBeforeEnglish { get; init; }
    public required IReadOnlyList<(string Word, Qualifier Qualifier)> QualifiersAfterEnglish { get; init; }
    public required PhraseMatcher<BasisWords> BasisMatcher { get; init; }
    /// <summary>Words that open an exclusion (剔除, 不计, excluding): with a basis's <c>excludes</c> word after them in the
    /// clause, the figure is on that basis.</summary>
    public required PhraseMatcher<bool> ExclusionLeads { get; init; }
    /// <summary>The bases by what they exclude.</summary>
    public required PhraseMatcher<BasisWords> ExcludedMatcher { get; init; }
    /// <summary>Words naming a fiscal year, Chinese and English.</summary>
    public required IReadOnlyList<string> FiscalWordsChinese { get; init; }
    public required IReadOnlyList<string> FiscalWordsEnglish { get; init; }
    /// <summary>How a Chinese fiscal quarter is written around the fiscal word (2025/26财年首季, 2026财年的第二季度): the
    /// year word after the year, link words, the ordinal prefix, the words for the first quarter, the quarter words.</summary>
    public required FiscalQuarterWords FiscalQuarterChinese { get; init; }
    /// <summary>Words that introduce a stock code (under the code 2050, stock code: 9988): the number after one is a
    /// code, never a year or an amount.</summary>
    public PhraseMatcher<string> CodeWords { get; init; } = new([]);
    /// <summary>Segment names as other languages write them, to the name the tables use (Cloud Intelligence Group →
    /// 云智能集团; online marketing services → 线上营销服务), matched at word boundaries in any letter case.</summary>
    public PhraseMatcher<string> SegmentNames { get; init; } = new([]);
    /// <summary>English weekday names, Monday first.</summary>
    public IReadOnlyList<string> WeekdaysEnglish { get; init; } = [];
    /// <summary>Suffixes that make a company's name a modifier (Xiaomi-backed).</summary>
    public IReadOnlyList<string> EntityModifiersEnglish { get; init; } = [];
    /// <summary>Words right before a company's name that make it a listing's venue (在香港联交所主板挂牌).</summary>
    public IReadOnlyList<string> ListingVenueLeads { get; init; } = [];
    /// <summary>Words that quote a share price right before it (股价报4.1港元).</summary>
    public IReadOnlyList<string> PriceQuoteWords { get; init; } = [];
    /// <summary>Characters that may stand between a figure and a cue right after it (的, 家).</summary>
    public IReadOnlySet<char> PostFigureLinks { get; init; } = new HashSet<char>();
    /// <summary>Words that refer back to the story's company (该公司), in any letter case.</summary>
    public PhraseMatcher<string> CompanyAnaphors { get; init; } = new([]);
    /// <summary>Words right before the first and the last level of a move over a span of years (从12.9亿元飙升至295亿元).</summary>
    public IReadOnlyList<string> SpanFromWords { get; init; } = [];
    public IReadOnlyList<string> SpanToWords { get; init; } = [];
    /// <summary>Bare issue verbs (发行): right before a figure they issue what the sentence named before them.</summary>
    public IReadOnlyList<string> IssueVerbs { get; init; } = [];
    /// <summary>Words right after the last name of an enumeration of companies (阿里巴巴、百度等基石投资者).</summary>
    public IReadOnlyList<string> EnumerationEnds { get; init; } = [];
    /// <summary>Words for the day after another (次日, the next day), in any letter case.</summary>
    public PhraseMatcher<string> NextDayWords { get; init; } = new([]);
    /// <summary>English nouns for a whole a share is written "of" (10 per cent of the total offering), to the whole's metric.</summary>
    public PhraseMatcher<string> RatioWholesEnglish { get; init; } = new([]);
    /// <summary>English words after a figure that lead to the cue naming its source (through the full exercise of the).</summary>
    public IReadOnlyList<string> SourceLeadsEnglish { get; init; } = [];
    /// <summary>Words in a figure's clause that end a sentence-scoped basis before it (最终, final), in any letter case.</summary>
    public PhraseMatcher<string> SentenceScopeEnds { get; init; } = new([]);
    /// <summary>English words opening a clause about a part of the figure before it (of which), longest first.</summary>
    public IReadOnlyList<string> PartLeadsEnglish { get; init; } = [];
    /// <summary>Comparatives that are a rise or fall only right after a comparison base (较招股价低7.01%), longest first.</summary>
    public IReadOnlyList<(string Word, bool Fall)> Comparatives { get; init; } = [];
    /// <summary>Words saying a market value is computed at the offer price (按发行价计算), and words pointing back to what
    /// was stated before (据此计算).</summary>
    public IReadOnlyList<string> OfferValueLeads { get; init; } = [];
    public IReadOnlyList<string> OfferValueLeadsAnaphoric { get; init; } = [];
    /// <summary>A tranche's cue metric to the tranche's shares metric (ipo.public_subscription → ipo.hk_offer_shares).</summary>
    public IReadOnlyDictionary<string, string> TrancheShares { get; init; } = new Dictionary<string, string>();
    /// <summary>Words naming the whole offering (全球发售): no tranche is read after them.</summary>
    public PhraseMatcher<string> GlobalOfferingWords { get; init; } = new([]);
    /// <summary>Words right after a company's name that make it a figure's source (富途平台), in any letter case.</summary>
    public IReadOnlyList<string> SourceSuffixes { get; init; } = [];
    /// <summary>Heads of a company's name that are places or generic words, never its short name (中国 of 中国平安).</summary>
    public IReadOnlySet<string> ShortNameStop { get; init; } = new HashSet<string>();
    /// <summary>Words leading into a comparison base: Chinese right before its period, English before it.</summary>
    public required IReadOnlyList<string> ComparisonLeads { get; init; }
    public required IReadOnlyList<string> ComparisonLeadsEnglish { get; init; }
    /// <summary>English words right before a figure that make it a comparison base (from RMB 2 billion).</summary>
    public required IReadOnlyList<string> ComparisonFigureLeadsEnglish { get; init; }

    /// <summary>True when a Chinese comparison word ends right at <paramref name="before"/>'s end (较 2024 年).</summary>
    public bool EndsWithComparisonLead(ReadOnlySpan<char> before)
    {
        foreach (var w in ComparisonLeads) if (before.EndsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly Lazy<BindingLexicon> Embedded = new(() => Parse(LexiconResources.ReadText(ResourceName), ResourceName));

    /// <summary>The embedded lexicon.</summary>
    public static BindingLexicon Default => Embedded.Value;

    /// <summary>Metric ids (prefixes) of deal terms, prices, valuations and audiences: figures about the whole company
    /// or deal (no segment) that are not dated by the period the article reports.</summary>
    public required IReadOnlyList<string> NoSegmentMetrics { get; init; }

    /// <summary>A figure of the company's reported results: it may be a segment's, and a sentence without a period
    /// takes the period the article reports.</summary>
    public bool IsReportedFigure(string metric) => !NoSegmentMetrics.Any(p => metric.StartsWith(p, StringComparison.Ordinal));

    /// <summary>True when the metric's price or deal term is quoted in the currency of the listing.</summary>
    public bool InListingCurrency(string metric) => ListingCurrencyMetrics.Any(p => metric.StartsWith(p, StringComparison.Ordinal));

    /// <summary>True when a share class names which shares the metric's figure is about (<see cref="ShareClassMetrics"/>).</summary>
    public bool HasShareClass(string metric) => ShareClassMetrics.Any(p => metric.StartsWith(p, StringComparison.Ordinal));

    public static BindingLexicon Parse(string yaml, string sourceName)
    {
        var file = LexiconYaml.Read<BindingFile>(yaml, sourceName);
        string Where(string what) => $"{sourceName}: {what}";
        var bases = new List<BasisWords>();
        foreach (var b in file.Bases)
        {
            if (string.IsNullOrWhiteSpace(b.Basis) || b.Words.Count == 0) throw new PipelineConfigurationException(Where("every basis needs a name and words"));
            // `reported` names the as-reported basis (empty in claims): 按照香港财务报告准则计算 after a non-HKFRS figure.
            if (b.Scope is not (null or "" or "clause" or "sentence")) throw new PipelineConfigurationException(Where($"basis '{b.Basis}': scope is clause or sentence"));
            bases.Add(new BasisWords(b.Basis == "reported" ? Facts.Bases.Reported : b.Basis, b.Metrics, b.Words, b.Excludes) { SentenceScope = b.Scope == "sentence" });
        }
        var periods = new List<(string, RelativePeriod)>();
        void AddPeriods(List<string> words, RelativePeriod kind) => periods.AddRange(words.Select(w => (w, kind)));
        AddPeriods(file.Periods.CurrentQuarter, RelativePeriod.CurrentQuarter);
        AddPeriods(file.Periods.PriorYearSame, RelativePeriod.PriorYearSame);
        AddPeriods(file.Periods.PreviousQuarter, RelativePeriod.PreviousQuarter);
        AddPeriods(file.Periods.YearToDate, RelativePeriod.YearToDate);
        AddPeriods(file.Periods.FullYear, RelativePeriod.FullYear);
        AddPeriods(file.Periods.TrailingFourQuarters, RelativePeriod.TrailingFourQuarters);
        var scopes = new List<(string, Currency)>();
        foreach (var s in file.CurrencyScopes)
        {
            if (!Currency.TryParse(s.Currency, out var currency)) throw new PipelineConfigurationException(Where($"unknown currency '{s.Currency}'"));
            // A scope is a phrase (（人民币，下同）), never a bare currency word: 美元 alone would turn every later 元 into USD.
            if (s.Words.FirstOrDefault(w => w.Length < 4) is { } shortWord)
                throw new PipelineConfigurationException(Where($"currency scope '{shortWord}' is too short to be a scope phrase (quote entries that contain a comma)"));
            scopes.AddRange(s.Words.Select(w => (w, currency)));
        }
        return new BindingLexicon
        {
            Bases = bases,
            BasisInMetric = file.BasisInMetric.ToHashSet(StringComparer.Ordinal),
            NotSegment = file.NotSegment.ToHashSet(StringComparer.OrdinalIgnoreCase),
            SegmentSuffixes = file.SegmentSuffixes,
            SegmentNameEndings = file.SegmentNameEndings,
            SegmentNameConjunctions = file.SegmentNameConjunctions,
            SegmentNameVariants = file.SegmentNameVariants,
            ShareClasses = new PhraseMatcher<string>(file.ShareClasses.Select(p => (p.Key, p.Value))),
            ShareClassMetrics = file.ShareClassMetrics,
            SegmentCuePrefixes = file.SegmentCuePrefixes,
            SegmentRevenueMetric = string.IsNullOrWhiteSpace(file.SegmentMetric) ? throw new PipelineConfigurationException(Where("segment_metric is missing")) : file.SegmentMetric.Trim(),
            SegmentCues = file.SegmentCues.SelectMany(kv => kv.Value.Select(c => (Cue: c, Segment: kv.Key)))
                .ToDictionary(p => p.Cue, p => p.Segment, StringComparer.OrdinalIgnoreCase),
            NamedSegmentHeads = file.NamedSegmentHeads,
            SegmentMetricWords = new PhraseMatcher<string>(file.SegmentMetricWords.Select(kv => (kv.Key, kv.Value)), ignoreCase: true),
            SegmentAnaphors = file.SegmentAnaphors,
            WholeCompanyWords = file.WholeCompanyWords,
            BasisDenials = file.BasisDenials,
            LevelWords = file.LevelWords,
            SubscriptionWords = file.SubscriptionWords,
            BreakdownOpeners = file.BreakdownOpeners,
            TopicHeadingEnds = file.TopicHeadingEnds,
            LossWords = file.LossWords,
            LossReversals = file.LossReversals,
            ListMarks = file.ListMarks,
            ConditionWords = file.ConditionWords,
            BalanceMetrics = new HashSet<string>(file.BalanceMetrics, StringComparer.Ordinal),
            ResultVerbs = file.ResultVerbs,
            RatioWords = file.RatioWords,
            ChangeFigures = file.ChangeFigures,
            FigureChangeLinks = file.FigureChangeLinks,
            NotSegmentLongestFirst = file.NotSegment.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList(),
            NoSegmentMetrics = file.NoSegmentMetrics,
            MarketWords = new PhraseMatcher<string>(file.MarketWords.Select(w => (w, w)), ignoreCase: true),
            NamedQuarters = new PhraseMatcher<int>(file.NamedQuarters.Where(q => q.Key is >= 1 and <= 4 ? true
                : throw new PipelineConfigurationException(Where($"named_quarters: {q.Key} is not a quarter"))).SelectMany(q => q.Value.Select(w => (w, q.Key))), ignoreCase: true),
            SegmentMaxLength = file.SegmentMaxLength,
            Periods = new PhraseMatcher<RelativePeriod>(periods, ignoreCase: true),
            MonthsToDateLeads = new PhraseMatcher<RelativePeriod>(file.Periods.MonthsToDate.Select(w => (w, RelativePeriod.MonthsToDate)), ignoreCase: true),
            CurrencyScopes = new PhraseMatcher<Currency>(scopes, ignoreCase: true),
            ListingCurrencyMetrics = file.ListingCurrencyMetrics,
            QualifiersBefore = Qualifiers(file.Qualifiers.Before, Where),
            QualifiersAfter = Qualifiers(file.Qualifiers.After, Where),
            QualifiersBeforeEnglish = Qualifiers(file.Qualifiers.BeforeEn, Where),
            QualifiersAfterEnglish = Qualifiers(file.Qualifiers.AfterEn, Where),
            FiscalWordsChinese = file.FiscalWords.Zh,
            FiscalWordsEnglish = file.FiscalWords.En,
            FiscalQuarterChinese = new FiscalQuarterWords(file.FiscalWords.ZhYear, file.FiscalWords.ZhLink, file.FiscalWords.ZhOrdinal,
                file.FiscalWords.ZhFirst, file.FiscalWords.ZhQuarter.Count > 0 ? file.FiscalWords.ZhQuarter
                    : throw new PipelineConfigurationException(Where("fiscal_words.zh_quarter is missing"))),
            ComparisonLeads = file.ComparisonLeads.Zh,
            ComparisonLeadsEnglish = file.ComparisonLeads.En,
            ComparisonFigureLeadsEnglish = file.ComparisonLeads.EnFigure,
            BasisMatcher = new PhraseMatcher<BasisWords>(bases.SelectMany(b => b.Words.Select(w => (w, b))), ignoreCase: true),
            ExclusionLeads = new PhraseMatcher<bool>(file.ExclusionLeads.Select(w => (w, true)), ignoreCase: true),
            ExcludedMatcher = new PhraseMatcher<BasisWords>(bases.SelectMany(b => (b.Excludes ?? []).Select(w => (w, b))), ignoreCase: true),
            CodeWords = new PhraseMatcher<string>(file.CodeWords.Select(w => (w, w)), ignoreCase: true),
            SegmentNames = new PhraseMatcher<string>(file.SegmentNames.SelectMany(n => n.Value.Select(w => (w, n.Key))), ignoreCase: true),
            WeekdaysEnglish = file.WeekdaysEn.Count is 0 or 7 ? file.WeekdaysEn
                : throw new PipelineConfigurationException(Where("weekdays_en lists the seven days, Monday first")),
            EntityModifiersEnglish = file.EntityModifiersEn,
            ListingVenueLeads = file.ListingVenueLeads,
            PriceQuoteWords = file.PriceQuoteWords,
            PostFigureLinks = new HashSet<char>(file.PostFigureLinks ?? ""),
            CompanyAnaphors = new PhraseMatcher<string>(file.CompanyAnaphors.Select(w => (w, w)), ignoreCase: true),
            NextDayWords = new PhraseMatcher<string>(file.NextDayWords.Select(w => (w, w)), ignoreCase: true),
            EnumerationEnds = file.EnumerationEnds,
            IssueVerbs = file.IssueVerbs,
            SpanFromWords = file.SpanMoves.From,
            SpanToWords = file.SpanMoves.To,
            ShortNameStop = new HashSet<string>(file.ShortNameStop, StringComparer.Ordinal),
            RatioWholesEnglish = new PhraseMatcher<string>(file.RatioWholesEn.SelectMany(kv => kv.Value.Select(w => (w, kv.Key))), ignoreCase: true),
            SourceLeadsEnglish = file.SourceLeadsEn.OrderByDescending(w => w.Length).ToList(),
            PartLeadsEnglish = file.PartLeadsEn.OrderByDescending(w => w.Length).ToList(),
            SentenceScopeEnds = new PhraseMatcher<string>(file.SentenceScopeEnds.Select(w => (w, w)), ignoreCase: true),
            Comparatives = file.Comparatives.Rise.Select(w => (w, false)).Concat(file.Comparatives.Fall.Select(w => (w, true)))
                .OrderByDescending(p => p.Item1.Length).ToList(),
            OfferValueLeads = file.OfferValueLeads.Explicit,
            OfferValueLeadsAnaphoric = file.OfferValueLeads.Anaphoric,
            TrancheShares = new Dictionary<string, string>(file.TrancheShares.Tranches, StringComparer.Ordinal),
            GlobalOfferingWords = new PhraseMatcher<string>(file.TrancheShares.Global.Select(w => (w, w)), ignoreCase: true),
            SourceSuffixes = file.SourceSuffixes,
        };
    }

    /// <summary>Longest word first, so that 最高可达 is tried before 最高 and "more than" before "more".</summary>
    private static List<(string, Qualifier)> Qualifiers(Dictionary<string, List<string>> bySymbol, Func<string, string> where)
    {
        var list = new List<(string, Qualifier)>();
        foreach (var (symbol, words) in bySymbol)
        {
            Qualifier q;
            try { q = QualifierExtensions.FromSymbol(symbol); }
            catch (FormatException) { throw new PipelineConfigurationException(where($"unknown qualifier '{symbol}'")); }
            list.AddRange(words.Select(w => (w, q)));
        }
        return list.OrderByDescending(x => x.Item1.Length).ToList();
    }

    private sealed class BindingFile
    {
        public List<BasisEntry> Bases { get; set; } = [];
        public List<string> ExclusionLeads { get; set; } = [];
        public List<string> BasisInMetric { get; set; } = [];
        public List<string> NotSegment { get; set; } = [];
        public List<string> SegmentSuffixes { get; set; } = [];
        public List<string> SegmentNameEndings { get; set; } = [];
        public List<string> SegmentNameConjunctions { get; set; } = [];
        public Dictionary<string, string> SegmentNameVariants { get; set; } = [];
        public Dictionary<string, string> ShareClasses { get; set; } = [];
        public List<string> ShareClassMetrics { get; set; } = [];
        public List<string> SegmentCuePrefixes { get; set; } = [];
        public string? SegmentMetric { get; set; }
        public Dictionary<string, List<string>> SegmentCues { get; set; } = [];
        public List<string> NamedSegmentHeads { get; set; } = [];
        public Dictionary<string, string> SegmentMetricWords { get; set; } = [];
        public List<string> SegmentAnaphors { get; set; } = [];
        public List<string> WholeCompanyWords { get; set; } = [];
        public List<string> BasisDenials { get; set; } = [];
        public List<string> LevelWords { get; set; } = [];
        public List<string> SubscriptionWords { get; set; } = [];
        public List<string> BreakdownOpeners { get; set; } = [];
        public List<string> TopicHeadingEnds { get; set; } = [];
        public List<string> LossWords { get; set; } = [];
        public List<string> LossReversals { get; set; } = [];
        public List<string> ListMarks { get; set; } = [];
        public List<string> ConditionWords { get; set; } = [];
        public List<string> BalanceMetrics { get; set; } = [];
        public List<string> ResultVerbs { get; set; } = [];
        public List<string> RatioWords { get; set; } = [];
        public List<string> ChangeFigures { get; set; } = [];
        public List<string> FigureChangeLinks { get; set; } = [];
        public List<string> NoSegmentMetrics { get; set; } = [];
        public List<string> MarketWords { get; set; } = [];
        public Dictionary<int, List<string>> NamedQuarters { get; set; } = [];
        public int SegmentMaxLength { get; set; } = 14;
        public PeriodEntries Periods { get; set; } = new();
        public List<ScopeEntry> CurrencyScopes { get; set; } = [];
        public List<string> ListingCurrencyMetrics { get; set; } = [];
        public QualifierEntries Qualifiers { get; set; } = new();
        public FiscalEntries FiscalWords { get; set; } = new();
        public List<string> CodeWords { get; set; } = [];
        public Dictionary<string, List<string>> SegmentNames { get; set; } = [];
        public List<string> WeekdaysEn { get; set; } = [];
        public List<string> EntityModifiersEn { get; set; } = [];
        public List<string> ListingVenueLeads { get; set; } = [];
        public List<string> PriceQuoteWords { get; set; } = [];
        public string? PostFigureLinks { get; set; }
        public List<string> CompanyAnaphors { get; set; } = [];
        public List<string> NextDayWords { get; set; } = [];
        public List<string> EnumerationEnds { get; set; } = [];
        public List<string> IssueVerbs { get; set; } = [];
        public SpanMoveEntries SpanMoves { get; set; } = new();
        public List<string> ShortNameStop { get; set; } = [];
        public ComparisonEntries ComparisonLeads { get; set; } = new();
        public Dictionary<string, List<string>> RatioWholesEn { get; set; } = [];
        public List<string> SourceLeadsEn { get; set; } = [];
        public List<string> PartLeadsEn { get; set; } = [];
        public List<string> SentenceScopeEnds { get; set; } = [];
        public ComparativeEntries Comparatives { get; set; } = new();
        public OfferValueEntries OfferValueLeads { get; set; } = new();
        public TrancheEntries TrancheShares { get; set; } = new();
        public List<string> SourceSuffixes { get; set; } = [];
    }

    private sealed class ComparativeEntries
    {
        public List<string> Rise { get; set; } = [];
        public List<string> Fall { get; set; } = [];
    }

    private sealed class OfferValueEntries
    {
        public List<string> Explicit { get; set; } = [];
        public List<string> Anaphoric { get; set; } = [];
    }

    private sealed class TrancheEntries
    {
        public Dictionary<string, string> Tranches { get; set; } = [];
        public List<string> Global { get; set; } = [];
    }

    private sealed class SpanMoveEntries
    {
        public List<string> From { get; set; } = [];
        public List<string> To { get; set; } = [];
    }

    private sealed class ComparisonEntries
    {
        public List<string> Zh { get; set; } = [];
        public List<string> En { get; set; } = [];
        public List<string> EnFigure { get; set; } = [];
    }

    private sealed class FiscalEntries
    {
        public List<string> Zh { get; set; } = [];
        public List<string> En { get; set; } = [];
        public List<string> ZhYear { get; set; } = [];
        public List<string> ZhLink { get; set; } = [];
        public List<string> ZhOrdinal { get; set; } = [];
        public List<string> ZhFirst { get; set; } = [];
        public List<string> ZhQuarter { get; set; } = [];
    }

    private sealed class BasisEntry
    {
        public string Basis { get; set; } = "";
        public List<string> Metrics { get; set; } = [];
        public List<string> Words { get; set; } = [];
        public List<string> Excludes { get; set; } = [];
        public string? Scope { get; set; }
    }

    private sealed class PeriodEntries
    {
        public List<string> CurrentQuarter { get; set; } = [];
        public List<string> PriorYearSame { get; set; } = [];
        public List<string> PreviousQuarter { get; set; } = [];
        public List<string> YearToDate { get; set; } = [];
        public List<string> FullYear { get; set; } = [];
        public List<string> TrailingFourQuarters { get; set; } = [];
        public List<string> MonthsToDate { get; set; } = [];
    }

    private sealed class ScopeEntry
    {
        public string Currency { get; set; } = "";
        public List<string> Words { get; set; } = [];
    }

    private sealed class QualifierEntries
    {
        public Dictionary<string, List<string>> Before { get; set; } = [];
        public Dictionary<string, List<string>> After { get; set; } = [];
        public Dictionary<string, List<string>> BeforeEn { get; set; } = [];
        public Dictionary<string, List<string>> AfterEn { get; set; } = [];
    }
}
