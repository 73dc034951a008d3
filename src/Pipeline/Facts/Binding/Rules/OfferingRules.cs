using System;
using System.Linq;
using Pipeline.Recognition;

namespace Pipeline.Facts.Binding.Rules;

/// <summary>A figure whose source is named after it: including 2.55 million shares through the full exercise of the
/// offer size adjustment option; 4.5 million shares from the exercise of the over-allotment option. After the figure
/// (and at most two words of its unit, no figure and no cue between) a lead of binding.yaml <c>source_leads_en</c>, and
/// right after the lead a metric cue that takes the figure's kind: the figure is that cue's metric.</summary>
public sealed class EnglishSourceCueRule : IMetricRule
{
    public string Name => "source-cue-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English) return RuleOutcome.Pass;
        var end = f.Mention.Span.End;
        var clauseEnd = f.ClauseEnd(end);
        var after = f.Document.TextAfter(end, clauseEnd);
        foreach (var lead in f.Document.Words.SourceLeadsEnglish)
        {
            var at = after.IndexOf(lead, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || after[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries) is var unit && (unit.Length > 2 || unit.Any(w => w.Any(char.IsAsciiDigit))))
                continue;
            var leadEnd = clauseEnd - after.Length + at + lead.Length;
            if (f.CuesIn(end, leadEnd).Any(c => c.Value.Kind == CueKind.Metric)) return RuleOutcome.Pass;
            var cue = f.CuesIn(leadEnd, clauseEnd).FirstOrDefault();
            if (cue.Value is not { Kind: CueKind.Metric } || f.Gap(leadEnd, cue.Start).Length != 0) return RuleOutcome.Pass;
            var metric = cue.Value.MetricFor(f.Kind)!;
            return (metric.Units & f.Kind) != 0 ? RuleOutcome.Bind(metric, f.Value, cue) : RuleOutcome.Pass;
        }
        return RuleOutcome.Pass;
    }
}

/// <summary>A part of the figure before it (about 202,300 valid applications, of which 57,928 were accepted): an English
/// figure in a clause that opens with a part lead of binding.yaml <c>part_leads_en</c> and names no metric of its own
/// before the figure is not the quantity the sentence named, and no rule binds it.</summary>
public sealed class EnglishPartOfRule : IMetricRule
{
    public string Name => "part-of-en";

    public RuleOutcome Apply(FigureContext f)
    {
        if (!f.English || f.ClauseCues.Count > 0) return RuleOutcome.Pass;
        var opening = f.Document.TextAfter(f.Clause, f.Position);
        return f.Document.Words.PartLeadsEnglish.Any(w => opening.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase)) ? RuleOutcome.Reject : RuleOutcome.Pass;
    }
}

/// <summary>A change written as a comparative after a comparison base (开盘报20.95港元，较招股价低7.01%; 毛利率较上年同期低
/// 3.2个百分点): a percentage or points right after a comparative of binding.yaml <c>comparatives</c> (only qualifiers between),
/// in a clause with a comparison word before it and no rise or fall word, is the change of the quantity named before the
/// comparison (the open, revenue), signed by the comparative.</summary>
public sealed class ComparativeChangeRule : IMetricRule
{
    public string Name => "comparative-change";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind is not (FigureKinds.Percent or FigureKinds.Points)) return RuleOutcome.Pass;
        var comparison = f.CuesIn(f.Clause, f.Position).LastOrDefault(c => c.Value.Kind == CueKind.Comparison);
        if (comparison.Value is null || f.CuesIn(comparison.End, f.Position).Any(c => c.Value.Kind is CueKind.Rise or CueKind.Fall))
            return RuleOutcome.Pass;
        // A base stands between the comparison word and the comparative (较招股价低, not 较低).
        var gap = f.Gap(comparison.End, f.Position);
        if (f.Document.Words.Comparatives.Any(c => gap.StartsWith(c.Word, StringComparison.Ordinal))
            || f.Document.ComparativeBefore(comparison.End, f.Position) is not { } fall) return RuleOutcome.Pass;
        var quantity = f.ChangedQuantity(comparison.Start);
        return quantity.Value is null ? RuleOutcome.Pass : Change.Of(f, quantity, fall, multipleAsPercent: false);
    }
}

/// <summary>A market value computed at the offer price (按发行价计算，总市值约为159亿港元; 按此定价计算，其估值达到51亿美元;
/// 据此计算 after the offering's terms): a figure the sentence's market value or valuation cue takes, after a lead of
/// binding.yaml <c>offer_value_leads</c> in its sentence, is <c>ipo.market_cap_at_offer</c>. A lead that points back
/// (据此计算) counts only when the text before it, in its sentence and the one before, names a deal term and no trading
/// price or market value.</summary>
public sealed class MarketCapAtOfferRule : IMetricRule
{
    private const string AtOffer = "ipo.market_cap_at_offer";
    private const string DealTerms = "ipo.";
    private static readonly string[] Trading = ["price.", "market_cap"];
    private static readonly string[] Values = ["market_cap", "valuation"];

    public string Name => "market-cap-at-offer";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.English || f.Kind != FigureKinds.Money || f.ClauseCues.Count == 0) return RuleOutcome.Pass;
        var cue = f.ClauseCues[^1];
        if (!Values.Contains(cue.Value.Metric!.Id) || f.Metrics.Find(AtOffer) is not { } metric) return RuleOutcome.Pass;
        var before = f.Document.TextAfter(f.SentenceStart, f.Position);
        if (f.Document.Words.OfferValueLeads.Any(w => before.Contains(w, StringComparison.Ordinal))) return RuleOutcome.Bind(metric, f.Value, cue);
        var lead = f.Document.Words.OfferValueLeadsAnaphoric.Select(w => before.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (lead < 0) return RuleOutcome.Pass;
        var leadAt = f.Position - before.Length + lead;
        var named = f.MetricCues(f.SentenceStart, leadAt);
        if (f.Document.PreviousInParagraph(f.Sentence) is { } previous) named.InsertRange(0, f.Document.MetricCues(previous.Start, previous.End, previous));
        var ids = named.Where(c => c.Value.Metric!.Units != FigureKinds.None).Select(c => c.Value.Metric!.Id).ToList();
        // Deal terms named before the lead, and no trading price (收报…，据此计算 is the market value of that day).
        return ids.Any(id => id.StartsWith(DealTerms, StringComparison.Ordinal)) && !ids.Any(id => Trading.Any(t => id.StartsWith(t, StringComparison.Ordinal)))
            ? RuleOutcome.Bind(metric, f.Value, cue) : RuleOutcome.Pass;
    }
}

/// <summary>The shares of one tranche written with a bare offer-shares cue: 在公开发售阶段，…获得33.83倍认购，经重新分配后的
/// 发售股份数量为2.03亿股 (the Hong Kong public offer shares); 国际发售方面，…最终发售股份数量为11.52亿股 (the international
/// offer shares). The figure's cue is <c>ipo.shares_offered</c> written as a noun (发售股份; not a bare issue verb of
/// <c>issue_verbs</c>: 发行, 发售), its sentence names before it the cue of exactly one
/// tranche (binding.yaml <c>tranche_shares.tranches</c>), and no word naming the whole offering
/// (<c>tranche_shares.global</c>) stands between that tranche and the figure.</summary>
public sealed class TrancheSharesRule : IMetricRule
{
    private const string SharesOffered = "ipo.shares_offered";

    public string Name => "tranche-shares";

    public RuleOutcome Apply(FigureContext f)
    {
        if (f.Kind != FigureKinds.Shares || f.ClauseCues.Count == 0 || f.ClauseCues[^1].Value.Metric!.Id != SharesOffered) return RuleOutcome.Pass;
        var words = f.Document.Words;
        // 香港公开发售于12月1日开始，公司拟发行1亿股: a bare issue verb (issue_verbs) issues the offering, not a tranche's shares.
        if (words.IssueVerbs.Contains(f.ClauseCues[^1].Value.Phrase, StringComparer.Ordinal)) return RuleOutcome.Pass;
        var tranches = f.MetricCues(f.SentenceStart, f.Position).Where(c => words.TrancheShares.ContainsKey(c.Value.Metric!.Id)).ToList();
        if (tranches.Count == 0 || tranches.Select(c => c.Value.Metric!.Id).Distinct().Count() != 1) return RuleOutcome.Pass;
        var tranche = tranches[0];
        if (words.GlobalOfferingWords.FindAll(f.Document.TextAfter(tranche.Start, f.Mention.Span.End)).Count > 0) return RuleOutcome.Pass;
        return f.Metrics.Find(words.TrancheShares[tranche.Value.Metric!.Id]) is { } metric ? RuleOutcome.Bind(metric, f.Value, f.ClauseCues[^1]) : RuleOutcome.Pass;
    }
}
