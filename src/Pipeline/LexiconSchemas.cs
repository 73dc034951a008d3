using System;
using System.Collections.Generic;

namespace Pipeline;

/// <summary>
/// The keys every YAML lexicon may hold, and what each must be: ONE place. <see cref="LexiconResources"/> checks each
/// YAML lexicon against its schema when it is loaded, so a mistyped key (<c>cue:</c> for <c>cues:</c>), a value of the
/// wrong shape or an unknown unit is a configuration error naming the file and line instead of a silent no-op.
/// To add a key to a lexicon, add one line here (and the code that reads it).
/// <para>Each line is <c>path: type</c>. A path is keys joined by <c>.</c>, with <c>[]</c> for the items of a list.
/// Types: <c>text</c> (any scalar), <c>number</c>, <c>integer</c>, <c>currency</c> (an ISO 4217-shaped code),
/// <c>metric-unit</c>, <c>timing</c>, <c>qualifier</c>, <c>count-unit</c>, <c>duration-unit</c>, <c>object</c> (keys
/// declared by further lines), <c>list of T</c>, and <c>map of T</c> (any keys: words, each with a value of type T).</para>
/// </summary>
public static class LexiconSchemas
{
    /// <summary>metrics.yaml, Chinese and English alike (see docs/metrics.md).</summary>
    private static readonly string[] Metrics =
    [
        "metrics: list of object",
        "metrics[].id: text",
        "metrics[].description: text",
        "metrics[].cues: list of text",
        "metrics[].units: list of metric-unit",
        "metrics[].timing: timing",
        "metrics[].change: text",
        "metrics[].change_qoq: text",
        "metrics[].change_pp: text",
        "metrics[].change_pp_qoq: text",
        "metrics[].cumulative: text",
        "metrics[].guidance: text",
        "metrics[].range_low: text",
        "metrics[].range_high: text",
        "metrics[].context: object",
        "metrics[].context.words: list of text",
        "metrics[].context.cues: list of text",
        "ratios: list of object",
        "ratios[].numerator: text",
        "ratios[].denominator: text",
        "ratios[].metric: text",
        "untracked: list of text",
        "markers: object",
        "markers.rise: list of text",
        "markers.fall: list of text",
        "markers.comparison: list of text",
        "markers.distributive: list of text",
        "markers.cumulative: list of text",
        "markers.as_of: list of text",
        "markers.listing_day: list of text",
        "markers.same_period: list of text",
        "markers.listing: list of text",
        "markers.ignore: list of text",
        "markers.guidance: list of text",
        "markers.qoq: list of text",
        "markers.yoy: list of text",
    ];

    /// <summary>entities.yaml, Chinese and English alike.</summary>
    private static readonly string[] Entities =
    [
        "entities: list of object",
        "entities[].name: text",
        "entities[].aliases: list of text",
        "entities[].tickers: list of text",
        "entities[].fiscal_year_end: text",
        "entities[].segments: map of list of text",
        "industry_words: list of text",
        "name_lead_words: list of text",
        "not_names: list of text",
        "place_prefixes: list of text",
        "definition_prefixes: list of text",
        "legal_suffixes: list of text",
        "legal_form_words: list of text",
        "lead_stops: text",
        "org_suffixes: list of text",
        "stop_chars: text",
        "company_words: list of text",
        "place_suffixes: list of text",
        "generic_short_names: list of text",
        "self_references: list of text",
    ];

    public static readonly IReadOnlyDictionary<string, string[]> Files = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["zh-Hans/metrics.yaml"] = Metrics,
        ["en/metrics.yaml"] = Metrics,
        ["zh-Hans/entities.yaml"] = Entities,
        ["en/entities.yaml"] = Entities,
        ["zh-Hans/money.yaml"] =
        [
            "prefixes: map of currency",
            "suffixes: map of currency",
            "subunits: map of list of text",
            "subunitBlockers: list of text",
            "perSharePrefixes: list of text",
            "perShareSuffixes: list of text",
        ],
        ["zh-Hans/numbers.yaml"] =
        [
            "digits: map of integer",
            "units: map of integer",
            "scales: map of integer",
            "latinScales: map of integer",
            "formalDigits: list of text",
            "decimalPoints: list of text",
            "negativeSigns: list of text",
            "dozen: text",
            "dozenBlockers: list of text",
            "countUnits: map of count-unit",
            "dateUnits: list of text",
            "durationUnits: list of text",
            "codePrefixes: list of text",
            "codeSuffixes: list of text",
            "approximateInfixes: list of text",
            "prefixQualifiers: map of qualifier",
            "suffixQualifiers: map of qualifier",
            "rangeConnectors: list of text",
            "notNumbers: list of text",
            "notDecimalDigits: list of text",
            "notQuantitySuffixes: list of text",
        ],
        ["zh-Hans/percent.yaml"] =
        [
            "prefixes: map of number",
            "suffixes: map of number",
            "words: map of number",
            "wordsAfter: map of list of text",
            "points: list of text",
            "multiples: list of text",
            "discounts: list of text",
            "discountBlockers: list of text",
            "tenths: list of text",
            "tenthsBlockers: list of text",
        ],
        ["zh-Hans/dates.yaml"] =
        [
            "year: list of text", "month: list of text", "day: list of text", "quarter: list of text", "monthsWord: list of text",
            "century: list of text", "decade: text", "wholeYear: list of text", "leadingCounts: list of text", "weekWords: list of text", "weekend: text",
            "halves: map of integer", "eras: map of integer", "holidays: map of list of integer", "lunarMonths: map of integer",
            "lunarNewYear: text", "lunarPrefixes: list of text", "lunarDayPrefix: text",
            "relativeDays: map of integer", "relativeMonths: map of integer", "relativeQuarters: map of integer", "relativeYears: map of integer",
            "relativeCenturies: map of integer", "weekPrefixes: map of integer", "weekdays: map of integer",
            "yearParts: map of list of integer", "durationUnits: map of duration-unit",
            "durationsBack: list of text", "durationsOn: list of text", "afterWords: list of text", "beforeWords: list of text",
            "betweenJoiners: list of text", "betweenPrefixes: list of text", "betweenSuffixes: list of text",
            "cutoffPrefixes: list of text", "cutoffSuffix: text", "listJoiners: list of text", "rangePrefixes: list of text",
            "ordinals: map of integer", "classifiers: list of text", "of: list of text",
        ],
        ["common/tables.yaml"] =
        [
            "currencies: map of list of text",
            "scales: map of list of text",
            "unit_notes: list of text",
            "per_share: list of text",
            "changes: object",
            "changes.yoy: list of text",
            "changes.qoq: list of text",
            "changes.any: list of text",
            "change_metrics: object",
            "change_metrics.yoy_percent: list of text",
            "change_metrics.qoq_percent: list of text",
            "change_metrics.yoy_points: list of text",
            "change_metrics.qoq_points: list of text",
            "losses: map of text",
            "bases: map of list of text",
            "label_prefixes: list of text",
            "label_tails: list of text",
            "totals: list of text",
            "label_joiners: list of text",
            "no_value: list of text",
            "points: list of text",
            "periods: object",
            "periods.quarters: map of list of text",
            "periods.halves: map of list of text",
            "periods.months: map of list of text",
            "periods.as_of: list of text",
            "periods.months_of_year: list of text",
            "periods.months_short: list of text",
            "label_headers: list of text",
        ],
        ["common/binding.yaml"] =
        [
            "bases: list of object",
            "bases[].basis: text",
            "bases[].metrics: list of text",
            "bases[].words: list of text",
            "bases[].excludes: list of text",
            "exclusion_leads: list of text",
            "basis_in_metric: list of text",
            "currency_scopes: list of object",
            "currency_scopes[].currency: currency",
            "currency_scopes[].words: list of text",
            "listing_currency_metrics: list of text",
            "market_words: list of text",
            "fiscal_words: object",
            "fiscal_words.zh: list of text",
            "fiscal_words.en: list of text",
            "segment_cue_prefixes: list of text",
            "named_segment_heads: list of text",
            "segment_anaphors: list of text",
            "whole_company_words: list of text",
            "basis_denials: list of text",
            "level_words: list of text",
            "figure_change_links: list of text",
            "comparison_leads: object",
            "comparison_leads.zh: list of text",
            "comparison_leads.en: list of text",
            "comparison_leads.en_figure: list of text",
            "named_quarters: map of list of text",
            "no_segment_metrics: list of text",
            "not_segment: list of text",
            "periods: object",
            "periods.current_quarter: list of text",
            "periods.previous_quarter: list of text",
            "periods.prior_year_same: list of text",
            "periods.year_to_date: list of text",
            "periods.months_to_date: list of text",
            "qualifiers: object",
            "qualifiers.before: map of list of text",
            "qualifiers.after: map of list of text",
            "qualifiers.before_en: map of list of text",
            "qualifiers.after_en: map of list of text",
            "segment_max_length: integer",
            "segment_suffixes: list of text",
            "segment_cues: map of list of text",
            "segment_metric: text",
            "code_words: list of text",
            "weekdays_en: list of text",
            "entity_modifiers_en: list of text",
            "segment_names: map of list of text",
        ],
        ["common/html.yaml"] = ["byline_labels: list of text", "login_walls: list of text"],
        ["en/dates.yaml"] =
        [
            "months: map of integer", "monthCounts: map of integer", "quarters: map of integer", "halves: map of integer",
            "relativeDays: map of integer", "relativeYears: map of integer", "weekdays: map of integer", "relativeWeeks: map of integer",
            "relativeMonths: map of integer", "monthLeads: list of text", "pastUnits: map of duration-unit", "pastWords: list of text",
        ],
        ["en/quantities.yaml"] =
        [
            "currencyPrefixes: map of currency", "currencySuffixes: map of currency", "currencySubunits: map of currency", "scales: map of number",
            "qualifiers: map of qualifier", "percentWords: list of text", "pointWords: list of text", "multipleWords: list of text",
            "shareWords: list of text", "countWords: list of text", "tightPrefixes: list of text",
        ],
    };

    /// <summary>The values a vocabulary type accepts (a unit or symbol the code knows).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Vocabularies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["metric-unit"] = ["money", "percent", "points", "multiple", "shares", "count", "number"],
        ["timing"] = ["flow", "stock", "instant", "listing", "span"],
        ["qualifier"] = ["=", "~", ">", ">=", "<", "<="],
        ["count-unit"] = ["count", "shares"],
        ["duration-unit"] = ["day", "week", "month", "quarter", "year"],
    };
}
