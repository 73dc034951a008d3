using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>The second change of an English list after one rise or fall word: a decrease of 36.2% year-on-year and
/// 9.5% quarter-on-quarter; grew 15.0% Y/Y and 19.0% Q/Q. Only other changes, their year-on-year or sequential
/// markers, "and" and qualifier words stand between the rise or fall word and the figure.</summary>
public sealed class EnglishChangeListRule : IMetricRule
{
    public string Name => "change-list-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Points or FigureKinds.Multiple)) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null) return RuleOutcome.Pass;
        var between = f.Document.FiguresBetween(change.End, f.Position);
        if (between.Count == 0 || between.Any(m => m.Value is not (Percentage or PercentagePoints or Multiple))) return RuleOutcome.Pass;
        var from = change.End;
        var words = new List<string>();
        foreach (var m in between)
        {
            words.AddRange(f.Gap(from, m.Span.Start).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
            from = m.Span.End;
        }
        var markers = f.CuesIn(from, f.Position).Where(c => c.Value.Kind is CueKind.QuarterOnQuarter or CueKind.YearOnYear).ToList();
        foreach (var c in markers)
        {
            words.AddRange(f.Gap(from, c.Start).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
            from = c.End;
        }
        words.AddRange(f.Gap(from, f.Position).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        if (!words.All(w => w is "and" or "or" || w.All(char.IsPunctuation) || ClaimBinder.DocumentState.EnglishGapWords.Contains(w))) return RuleOutcome.Pass;
        if (f.CuesIn(change.End, f.Position).Any(c => c.Value.Kind == CueKind.Metric)) return RuleOutcome.Pass;
        return Change.Of(f, f.ChangedQuantity(change.Start), change.Value.Kind == CueKind.Fall, multipleAsPercent: true);
    }
}

/// <summary>The price of each share of a sale: "sold 279 million shares at HK$36.30 each", "floated 19.55 million
/// shares at HK$212.80 apiece", "It sold 349 million shares at HK$71.59 per share". An amount after "at" and before
/// "each", "apiece" or "per share", in a clause that states the shares sold, is the offer price.</summary>
public sealed class EnglishPricePerShareRule : IMetricRule
{
    private static readonly string[] Unit = ["a unit", "per unit", "each unit", "a piece", "per vehicle", "a vehicle", "per car"];

    private static readonly string[] Each = ["each", "apiece", "per share", "a share", "per ADS", "per H share", "per offer share"];

    public string Name => "price-each-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money) return RuleOutcome.Pass;
        var before = f.Document.TextBefore(f.Position, f.Clause);
        var afterFigure = f.Document.TextAfter(f.Mention.Span.End, f.ClauseEnd(f.Mention.Span.End));
        // priced at about US$200 a unit: a product's price, not the offer's.
        if (Unit.Any(w => afterFigure.StartsWith(w, StringComparison.OrdinalIgnoreCase))) return RuleOutcome.Reject;
        if (!before.EndsWith(" at", StringComparison.OrdinalIgnoreCase)) return RuleOutcome.Pass;
        var after = f.Document.TextAfter(f.Mention.Span.End, f.ClauseEnd(f.Mention.Span.End));
        if (after.StartsWith('(') && after.IndexOf(')') is var close and > 0) after = after[(close + 1)..].TrimStart(); // HK$36.30 ($4.62) each
        if (!Each.Any(w => after.StartsWith(w, StringComparison.OrdinalIgnoreCase))) return RuleOutcome.Pass;
        var shares = f.Document.FiguresBetween(f.SentenceStart, f.Position).Any(m => m.Value is Number { Unit: CountUnit.Shares })
                     || f.MetricCues(f.SentenceStart, f.Position).Any(c => c.Value.Metric?.Id == "ipo.shares_offered");
        if (!shares || f.Metrics.Find("ipo.issue_price") is not { } price) return RuleOutcome.Pass;
        return RuleOutcome.Bind(price, f.Value, f.ClauseCues.LastOrDefault());
    }
}

/// <summary>Earnings written as an amount "per ADS" or "per share" after a profit or loss word: an adjusted loss of
/// 1.14 yuan (15 cents) per ADS; net income of RMB 3.73 per share. The amount is the per-share metric, negative after a
/// loss word; the basis is read around the profit or loss word as usual.</summary>
public sealed class EnglishEarningsPerShareRule : IMetricRule
{
    private static readonly (string Words, string Metric)[] Per =
    [
        ("per diluted ADS", "eps_ads_diluted"), ("per American depositary share", "eps_ads"), ("per ADS", "eps_ads"),
        ("per diluted share", "eps_diluted"), ("per share", "eps"), ("a share", "eps"),
    ];

    public string Name => "per-share-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money || f.Value is not Money money) return RuleOutcome.Pass;
        var after = f.Document.TextAfter(f.Mention.Span.End, f.ClauseEnd(f.Mention.Span.End));
        if (after.StartsWith('(') && after.IndexOf(')') is var close and > 0) after = after[(close + 1)..].TrimStart();
        var per = Per.FirstOrDefault(p => after.StartsWith(p.Words, StringComparison.OrdinalIgnoreCase));
        if (per.Metric is null || f.ClauseCues.Count == 0) return RuleOutcome.Pass;
        var cue = f.ClauseCues[^1];
        if (cue.Value.Metric is not { } earnings || !IsEarnings(earnings.Id) || f.Metrics.Find(per.Metric) is not { } metric) return RuleOutcome.Pass;
        var loss = earnings.Id.EndsWith("loss", StringComparison.Ordinal);
        return RuleOutcome.Bind(metric, loss ? money with { Amount = -money.Amount } : money, cue);
    }

    private static bool IsEarnings(string id) =>
        id is "net_profit" or "net_loss" or "adjusted_net_loss" or "eps" or "eps_ads" or "operating_profit" or "operating_loss";
}

/// <summary>An offer price range written as two amounts joined by "to" or a dash before "range": its
/// $26.00-to-$28.00 price range; a range of HK$20 to HK$22 per share is read by the cue rules.</summary>
public sealed class EnglishPriceRangeRule : IMetricRule
{
    private static readonly string[] Joins = ["-to-", "to", "-", "–", "and"];
    private static readonly string[] Ranges = ["price range", "range", "marketed range", "indicative range", "marketed price range"];

    public string Name => "price-range-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money) return RuleOutcome.Pass;
        var figures = f.Document.FiguresBetween(f.Clause, f.ClauseEnd(f.Position));
        var i = figures.FindIndex(m => ReferenceEquals(m, f.Mention));
        bool Joined(int a) => a >= 0 && a + 1 < figures.Count && figures[a].Value is Money && figures[a + 1].Value is Money
                              && Joins.Contains(f.Gap(figures[a].Span.End, figures[a + 1].Span.Start));
        var (low, high) = Joined(i) ? (i, i + 1) : Joined(i - 1) ? (i - 1, i) : (-1, -1);
        if (low < 0) return RuleOutcome.Pass;
        var after = f.Document.TextAfter(figures[high].Span.End, f.ClauseEnd(figures[high].Span.End));
        if (!Ranges.Any(r => after.StartsWith(r, StringComparison.OrdinalIgnoreCase))) return RuleOutcome.Pass;
        var id = i == low ? "ipo.price_range_bottom" : "ipo.price_range_top";
        return f.Metrics.Find(id) is { } metric ? RuleOutcome.Bind(metric, f.Value, f.ClauseCues.LastOrDefault()) : RuleOutcome.Pass;
    }
}

/// <summary>A subscription multiple that names its tranche after it: 5.31 times oversubscription for the public
/// offering and 8.06 times oversubscription for the international offering. The tranche named behind "for the", "in
/// the" or "of the" after the oversubscription word decides, not the nearest tranche before the figure.</summary>
public sealed class EnglishSubscriptionRule : IMetricRule
{
    private static readonly string[] Links = ["for the", "in the", "of the", "for its", "in its", "for", "in"];

    public string Name => "subscription-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Multiple) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        var after = f.CuesIn(end, f.ClauseEnd(end)).Where(c => c.Value.Kind == CueKind.Metric && IsSubscription(c.Value.Metric!.Id)).Take(2).ToList();
        if (after.Count < 2 || f.Gap(end, after[0].Start).Length != 0 || !Links.Contains(f.Gap(after[0].End, after[1].Start), StringComparer.OrdinalIgnoreCase))
            return RuleOutcome.Pass;
        return RuleOutcome.Bind(after[1].Value.Metric!, f.Value, after[1]);
    }

    private static bool IsSubscription(string id) => id is "ipo.public_subscription" or "ipo.intl_subscription";
}

/// <summary>A dividend written per lot of shares: a cash dividend of 39.74 yuan per ten shares is 3.974 yuan a share.</summary>
public sealed class EnglishDividendPerLotRule : IMetricRule
{
    private static readonly (string Words, int Shares)[] Lots =
    [
        ("per ten shares", 10), ("per 10 shares", 10), ("for every ten shares", 10), ("for every 10 shares", 10),
        ("per hundred shares", 100), ("per 100 shares", 100),
    ];

    public string Name => "dividend-per-lot-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Value is not Money money) return RuleOutcome.Pass;
        var after = f.Document.TextAfter(f.Mention.Span.End, f.ClauseEnd(f.Mention.Span.End));
        var lot = Lots.FirstOrDefault(l => after.StartsWith(l.Words, StringComparison.OrdinalIgnoreCase));
        if (lot.Words is null || f.Metrics.Find("dividend_per_share") is not { } metric) return RuleOutcome.Pass;
        return RuleOutcome.Bind(metric, money with { Amount = money.Amount / lot.Shares, Precision = money.Precision / lot.Shares }, f.ClauseCues.LastOrDefault());
    }
}

/// <summary>An English amount right after a rise or fall word is a change in money (up $5.75, down HK$2.10), not the
/// level the cue before names: no metric holds it.</summary>
public sealed class EnglishChangeAmountRule : IMetricRule
{
    public string Name => "change-amount-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null || f.Gap(change.End, f.Position).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(w => !ClaimBinder.DocumentState.EnglishGapWords.Contains(w) || w is "to" or "at"))
            return RuleOutcome.Pass;
        // "rose to HK$5" and "rose 5% to HK$5" are levels; only "up $5.75" or "fell by HK$2" is a change in money.
        return f.Gap(change.End, f.Position).Length == 0 || f.Gap(change.End, f.Position).StartsWith("by", StringComparison.OrdinalIgnoreCase)
            ? RuleOutcome.Reject : RuleOutcome.Pass;
    }
}

/// <summary>An amount followed by "in" and a metric cue names its own metric, whatever verb came before: raising
/// HK$950.8 million in net proceeds; raised HK$9.74 billion, equivalent to US$1.25 billion, in net proceeds.</summary>
public sealed class EnglishInCueRule : IMetricRule
{
    public string Name => "in-cue-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        // Past a stated equivalent: (US$1.25 billion) or ", equivalent to US$1.25 billion,".
        var next = f.Document.FiguresBetween(end, f.Sentence.End).FirstOrDefault();
        var sentenceEnd = f.Sentence.End;
        if (next is not null && next.Value is Money && f.Gap(end, next.Span.Start).TrimStart(',').Trim() is "(" or "equivalent to" or "or about" or "or")
            end = next.Span.End;
        var rest = f.Document.TextAfter(end, sentenceEnd).TrimStart(')', ',', ' ');
        if (!rest.StartsWith("in ", StringComparison.OrdinalIgnoreCase)) return RuleOutcome.Pass;
        var at = sentenceEnd - rest.Length + 3;
        var cue = f.CuesIn(at, Math.Min(sentenceEnd, at + 40)).FirstOrDefault();
        if (cue.Value is not { Kind: CueKind.Metric } || cue.Start != at || (cue.Value.Metric!.Units & f.Kind) == 0) return RuleOutcome.Pass;
        return RuleOutcome.Bind(cue.Value.Metric, f.Value, cue);
    }
}

/// <summary>An English figure written right before its metric's noun names that metric, whatever cue came earlier
/// in the clause: record $18.8 billion revenue (up 22% YoY) and $505 million profit. Only a space
/// stands between the figure and the cue, and the cue takes the figure's kind.</summary>
public sealed class EnglishCueRightAfterRule : IMetricRule
{
    public string Name => "cue-right-after-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Money or FigureKinds.Count)) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        var clauseEnd = f.ClauseEnd(end);
        var post = f.CuesIn(end, clauseEnd).FirstOrDefault();
        if (post.Value is not { Kind: CueKind.Metric } || f.Gap(end, post.Start).Length != 0 || !f.ContextHolds(post)) return RuleOutcome.Pass;
        // HK$54.8 to raise $4 billion: a cue that leads into a figure of its own is that figure's.
        // $505 million profit (up 108% YoY): a change of the quantity after it is no figure of its own.
        if (f.Document.FiguresBetween(post.End, clauseEnd).FirstOrDefault() is { } next && f.Document.OnlyLinkWords(post.End, next.Span.Start, english: true)
            && !f.CuesIn(post.End, next.Span.Start).Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall))
            return RuleOutcome.Pass;
        var metric = f.Cumulate(post);
        return (metric.Units & f.Kind) != 0 ? RuleOutcome.Bind(metric, f.Value, post) : RuleOutcome.Pass;
    }
}

/// <summary>A market value stated at the offer price (At pricing, the company had a market cap of about $5.1
/// billion) is the market value at the offer, not a trading day's.</summary>
public sealed class EnglishMarketCapAtOfferRule : IMetricRule
{
    private static readonly string[] AtOffer = ["at pricing", "at the offer price", "at the IPO price", "based on the offer price", "at the top of the range"];

    public string Name => "market-cap-at-offer-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Money || f.ClauseCues.Count == 0 && f.MetricCues(f.SentenceStart, f.Position).Count == 0) return RuleOutcome.Pass;
        var cue = f.ClauseCues.Count > 0 ? f.ClauseCues[^1] : f.MetricCues(f.SentenceStart, f.Position)[^1];
        if (cue.Value.Metric?.Id != "market_cap") return RuleOutcome.Pass;
        var sentence = f.Document.TextAfter(f.SentenceStart, f.Sentence.End);
        if (!AtOffer.Any(w => sentence.Contains(w, StringComparison.OrdinalIgnoreCase)) || f.Metrics.Find("ipo.market_cap_at_offer") is not { } metric)
            return RuleOutcome.Pass;
        return RuleOutcome.Bind(metric, f.Value, cue);
    }
}

/// <summary>A debut move "as much as" after a rise or fall word with no quantity named before it (the shares tumbled
/// as much as 35 per cent on their debut) is the largest intraday change, signed.</summary>
public sealed class EnglishAsMuchAsRule : IMetricRule
{
    public string Name => "as-much-as-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Percent || f.Value is not Percentage p) return RuleOutcome.Pass;
        var before = f.Document.TextBefore(f.Position, f.Clause);
        if (!before.EndsWith("as much as", StringComparison.OrdinalIgnoreCase)) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null || f.Gap(change.End, f.Position) is not ("as much as" or "by as much as")) return RuleOutcome.Pass;
        if (f.ChangedQuantity(change.Start).Value is not null || f.Metrics.Find("price.intraday_change_pct") is not { } metric) return RuleOutcome.Pass;
        return RuleOutcome.Bind(metric, change.Value.Kind == CueKind.Fall ? new Percentage(-p.Percent, p.Precision) : p, change);
    }
}

/// <summary>A figure that analysts or a consensus expected (better than the consensus estimate of a 40% decline in a
/// FactSet poll) is nobody's reported figure: a market word in its clause before it rules it out.</summary>
public sealed class EnglishEstimateRule : IMetricRule
{
    public string Name => "estimate-en";

    public RuleOutcome Apply(FigureContext f) =>
        f.English && f.Document.MarketWordsIn(f.Clause, f.Position) ? RuleOutcome.Reject : RuleOutcome.Pass;
}

/// <summary>A comparison base dated by a base period after it, in a clause that names no quantity of its own: gross
/// margin expanded to 13.9%, up from 10.7% a year ago and 10.0% the previous quarter. The figure restates the quantity
/// the sentence is about (the nearest cue before it, not itself a base) for the year-ago or the previous quarter; the
/// period is read from the base period (<see cref="ClaimBinder.DocumentState.PeriodAfter"/>).</summary>
public sealed class EnglishComparisonBaseRule : IMetricRule
{
    public string Name => "comparison-base-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.ClauseCues.Count > 0) return RuleOutcome.Pass;
        if (!f.Document.IsEnglishComparisonBase(f.Mention, f.Sentence) && !f.Document.FollowsEnglishBase(f.Mention, f.Sentence)) return RuleOutcome.Pass;
        if (f.Document.BasePeriodAfter(f.Mention, f.Sentence, f.Anchors) is null) return RuleOutcome.Pass;
        var quantity = f.ChangedQuantity(f.Clause);
        if (quantity.Value?.Metric is not { } metric) return RuleOutcome.Pass;
        // narrowing from 2.14 yuan a year earlier, after "an adjusted loss of 1.14 yuan per ADS": a loss per share.
        if (metric.Id.StartsWith("eps", StringComparison.Ordinal) && f.Value is Money money
            && f.MetricCues(f.SentenceStart, quantity.Start).Any(c => c.Value.Metric!.Id.EndsWith("loss", StringComparison.Ordinal)))
            return RuleOutcome.Bind(metric, money with { Amount = -money.Amount }, quantity);
        return RuleOutcome.BindIfAccepted(f.Cumulate(quantity), f.Value, quantity);
    }
}

/// <summary>The upper end of a range of changes: a year-on-year decline of 30.7% to 37.0%; growth of between 8% and
/// 10%. The figure after "to", a dash or "and" (after "between") takes the metric and the sign the first figure of the
/// range binds to, when that first figure is a change written as a noun's complement ("of", "between", "by"); "rose 5% to
/// 20%" (a change, then a level) is not a range.</summary>
public sealed class EnglishChangeRangeRule : IMetricRule
{
    private static readonly string[] Joins = ["to", "-", "–", "and"];
    private static readonly string[] Leads = ["of", "between", "by", "of between"];

    public string Name => "change-range-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Percent || f.Value is not Percentage p) return RuleOutcome.Pass;
        var first = f.Document.FiguresBetween(f.Clause, f.Position).LastOrDefault();
        if (first?.Value is not Percentage || first.Numeric is not { } firstValue) return RuleOutcome.Pass;
        var join = f.Gap(first.Span.End, f.Position);
        if (!Joins.Contains(join)) return RuleOutcome.Pass;
        var lead = f.Document.TextBefore(first.Span.Start, f.Clause);
        var led = Leads.FirstOrDefault(w => lead.EndsWith(" " + w, StringComparison.OrdinalIgnoreCase));
        if (led is null || join == "and" && !led.EndsWith("between", StringComparison.Ordinal)) return RuleOutcome.Pass;
        if (f.Document.Metric(first, firstValue, f.Sentence) is not { Value: Percentage low } choice || !IsChange(choice.Metric.Id)) return RuleOutcome.Pass;
        return RuleOutcome.Bind(choice.Metric, low.Percent < 0 ? new Percentage(-p.Percent, p.Precision) : p, choice.Cue);
    }

    private static bool IsChange(string id) => id.EndsWith("growth_pct", StringComparison.Ordinal) || id.EndsWith("change_pct", StringComparison.Ordinal);
}

/// <summary>What cornerstone investors took, written after them as the sentence's subject: 18 cornerstone investors who
/// subscribed to 179 million shares, approximately $1.26 billion of the offered shares; Cornerstone investors, led by
/// a wealth fund, purchased shares worth $1.6 billion. A number of shares is the cornerstone shares, an amount the
/// cornerstone amount, when the last metric cue before the figure in its sentence is the cornerstone investors.</summary>
public sealed class EnglishCornerstoneRule : IMetricRule
{
    public string Name => "cornerstone-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind is not (FigureKinds.Shares or FigureKinds.Money)) return RuleOutcome.Pass;
        var cues = f.MetricCues(f.SentenceStart, f.Position);
        if (cues.Count == 0 || cues[^1].Value.Metric?.Id != "ipo.cornerstone_investors") return RuleOutcome.Pass;
        var id = f.Kind == FigureKinds.Shares ? "ipo.cornerstone_shares" : "ipo.cornerstone_amount";
        return f.Metrics.Find(id) is { } metric ? RuleOutcome.Bind(metric, f.Value, cues[^1]) : RuleOutcome.Pass;
    }
}

/// <summary>"Sales" counted in units: Monthly sales surged 161% in February alone, with 318,000 units sold. When the
/// quantity a change is about is the bare word "sales" and the sentence counts vehicles or units, the change is of
/// deliveries (unit sales), not of revenue.</summary>
public sealed class EnglishUnitSalesRule : IMetricRule
{
    private static readonly string[] UnitWords = ["units", "vehicles", "cars", "EVs"];

    public string Name => "unit-sales-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.Kind != FigureKinds.Percent) return RuleOutcome.Pass;
        var change = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind is CueKind.Rise or CueKind.Fall);
        if (change.Value is null || !ClaimBinder.DocumentState.IsEnglishQualifierGap(f.Gap(change.End, f.Position))) return RuleOutcome.Pass;
        var quantity = f.ChangedQuantity(change.Start);
        if (quantity.Value?.Metric?.Id != "revenue" || !quantity.Value.Phrase.Equals("sales", StringComparison.OrdinalIgnoreCase)) return RuleOutcome.Pass;
        var counted = f.Document.FiguresBetween(f.SentenceStart, f.Sentence.End)
            .Any(m => m.Value is Number { Unit: CountUnit.Count } && UnitWords.Any(w => f.Document.TextAfter(m.Span.End, f.Sentence.End).StartsWith(w, StringComparison.OrdinalIgnoreCase)));
        if (!counted || f.Metrics.Find("deliveries") is not { } deliveries) return RuleOutcome.Pass;
        return Change.Of(f, quantity with { Value = quantity.Value with { Metric = deliveries } }, change.Value.Kind == CueKind.Fall, multipleAsPercent: false);
    }
}
