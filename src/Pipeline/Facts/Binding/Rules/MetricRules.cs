using System.Collections.Generic;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>
/// The metric rules in the order they are asked. To add a way of binding, write one <see cref="IMetricRule"/> and
/// register it here (or pass your own list to <see cref="ClaimBinder"/> through the builder's
/// <c>UseClaimBinding</c>). The order matters: a change word or a ratio shape is more specific than the nearest cue.
/// </summary>
public static class MetricRules
{
    public static IReadOnlyList<IMetricRule> Default { get; } =
    [
        new EnglishEstimateRule(),
        new EnglishPartOfRule(),
        new EnglishAsMuchAsRule(),
        new EnglishChangeRangeRule(),
        new EnglishUnitSalesRule(),
        new ChangeFigureRule(),
        new ListingDayMoveRule(),
        new ChangeAfterDirectionRule(),
        new ChangeRateLevelRule(),
        new ChangeBeforeDirectionRule(),
        new DirectionAfterChangeRule(),
        new ComparativeChangeRule(),
        new EnglishChangeListRule(),
        new EnglishPricePerShareRule(),
        new EnglishEarningsPerShareRule(),
        new EnglishPriceRangeRule(),
        new EnglishSubscriptionRule(),
        new EnglishSourceCueRule(),
        new EnglishDividendPerLotRule(),
        new EnglishChangeAmountRule(),
        new EnglishInCueRule(),
        new EnglishCueRightAfterRule(),
        new EnglishCornerstoneRule(),
        new EnglishMarketCapAtOfferRule(),
        new EnglishComparisonBaseRule(),
        new RatioOfCueRule(),
        new EnglishRatioRule(),
        new MarketCapAtOfferRule(),
        new TrancheSharesRule(),
        new IssueVerbObjectRule(),
        new NearestCueRule(),
        new PriceQuoteRule(),
        new CueAfterFigureRule(),
        new SubscriptionMultipleRule(),
        new ComparisonBaseRule(),
        new EarlierClauseCueRule(),
    ];
}
