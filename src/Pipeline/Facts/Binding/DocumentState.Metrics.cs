using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts.Binding;
using Pipeline.Facts.Binding.Rules;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {

        internal bool ContextHolds(PhraseMatch<Cue> cue, Sentence s)
        {
            if (cue.Value.ContextWords is not { Count: > 0 } words) return true;
            var before = _text.AsSpan(s.Start, cue.Start - s.Start);
            foreach (var w in words) if (before.Contains(w, StringComparison.Ordinal)) return true;
            return BrokenDown(s) is { } previous && words.Any(w => _text.AsSpan(previous.Start, previous.End - previous.Start).Contains(w, StringComparison.Ordinal));
        }

        /// <summary>The sentence before <paramref name="s"/> in its paragraph when <paramref name="s"/> opens with a
        /// breakdown word (其中, 当中: binding.yaml breakdown_openers) and so breaks that sentence down.</summary>
        private Sentence? BrokenDown(Sentence s)
        {
            var opening = _text.AsSpan(s.Start, s.End - s.Start).TrimStart();
            var opens = false;
            foreach (var w in _binder._words.BreakdownOpeners) opens |= opening.StartsWith(w, StringComparison.Ordinal);
            if (!opens) return null;
            var index = _sentences.BinarySearch(s, SentenceByStart.Instance);
            if (index <= 0 || _sentences[index - 1] is var previous && (previous.Segment != s.Segment || previous.Paragraph != s.Paragraph)) return null;
            return previous;
        }

        /// <summary>The sentence before <paramref name="s"/> in its paragraph, or null when <paramref name="s"/> opens it.</summary>
        internal Sentence? PreviousInParagraph(Sentence s)
        {
            var index = _sentences.BinarySearch(s, SentenceByStart.Instance);
            return index > 0 && _sentences[index - 1] is var previous && previous.Segment == s.Segment && previous.Paragraph == s.Paragraph ? previous : null;
        }

        internal List<PhraseMatch<Cue>> MetricCues(int from, int to, Sentence s) =>
            CuesIn(from, to).Where(c => c.Value.Kind == CueKind.Metric && c.End <= to && ContextHolds(c, s)).ToList();

        /// <summary>True when <paramref name="from"/> is inside parentheses that close before <paramref name="to"/>: an
        /// aside (营业支出（…营收增幅为112%）…同比增长35.7%) does not lend its cues to the main line.</summary>
        internal bool InClosedAside(int from, int to)
        {
            var depth = 0;
            for (var i = from; i < to; i++)
            {
                var ch = _text[i];
                if (ch is '（' or '(') depth++;
                else if (ch is '）' or ')' && --depth < 0) return true;
            }
            return false;
        }

        /// <summary>True when a comparison lead stands right before <paramref name="cue"/> (从发行价) and a figure and a rise or
        /// fall word stand between it and <paramref name="pos"/>: the cue names the base, the figure at pos the level reached.</summary>
        internal bool NamesBaseOfChange(PhraseMatch<Cue> cue, int pos)
        {
            var from = Math.Max(0, cue.Start - 3);
            if (!_binder._words.EndsWithComparisonLead(_text.AsSpan(from, cue.Start - from).TrimEnd())) return false;
            return Between(_figures, m => m.Span.Start, cue.End, pos).Any() && ChangeBetween(cue.End, pos);
        }

        internal bool InComparison(PhraseMatch<Cue> cue, Sentence s)
        {
            var clause = ClauseStart(cue.Start, s);
            return CuesIn(clause, cue.Start).Any(c => c.Value.Kind == CueKind.Comparison);
        }

        /// <summary>The metric of a figure: the first of the binder's <see cref="IMetricRule"/>s that decides.</summary>
        internal MetricChoice? Metric(Mention m, NumericResolution value, Sentence s)
        {
            if (Decide(m, value, s) is { } choice) return choice;
            // 营收 267 亿、净利润 89.2 亿: an amount written with a scale but no currency, after a money cue, is money in
            // the currency the article writes its amounts in.
            if (!s.English && value is Number { Unit: CountUnit.None } n && (m.Text.EndsWith('亿') || m.Text.EndsWith('万')))
                return Decide(m, new Money(n.Count, ImpliedCurrency(m.Span.Start), n.Precision), s) is { } money
                       && money.Metric.Units.HasFlag(FigureKinds.Money) ? money : null;
            return null;
        }

        /// <summary>The currency of an amount written without one: the scoped currency ((人民币，下同)), else that of the
        /// nearest amount before it in the article, else the renminbi.</summary>
        private Currency ImpliedCurrency(int position)
        {
            if (_frame.ScopeAt(position) is { } scoped) return scoped;
            Currency? last = null;
            foreach (var f in _figures)
            {
                if (f.Span.Start >= position) break;
                if (f.Value is Money money) last = money.Currency;
            }
            return last ?? Currency.CNY;
        }

        private MetricChoice? Decide(Mention m, NumericResolution value, Sentence s)
        {
            var figure = new FigureContext(this, m, value, s);
            foreach (var rule in _binder._rules)
            {
                var outcome = rule.Apply(figure);
                if (outcome.Decided) return outcome.Choice is { } choice ? Guided(choice, m, s) : null;
            }
            return null;
        }

        /// <summary>A figure after a guidance word of its sentence (预计, 指引, expects, outlook) is the company's outlook:
        /// the guidance metric of what it binds to (guidance.deliveries), when the lexicon defines one.</summary>
        private MetricChoice Guided(MetricChoice choice, Mention m, Sentence s)
        {
            if (choice.Metric.Guidance is not { } id || _binder._metrics.Find(id) is not { } guided) return choice;
            // English: the outlook word governs its own clause (BYD is forecasting sales of …, buoyed by a 93% increase
            // in deliveries…: the deliveries are reported, not forecast).
            var from = s.English && choice.Cue.Value is not null ? ClauseStart(choice.Cue.Start, s) : s.Start;
            return CuesIn(from, m.Span.Start).Any(c => c.Value.Kind == CueKind.Guidance) ? choice with { Metric = guided } : choice;
        }

        internal MetricLexicon Metrics => _binder._metrics;

        internal BindingLexicon Words => _binder._words;

        /// <summary>Words that quote a share price (报): see <see cref="Rules.PriceQuoteRule"/>.</summary>
        internal System.Collections.Generic.IReadOnlyList<string> QuoteWords => _binder._words.PriceQuoteWords;

        /// <summary>The ratio metric a figure was read as (set by the ratio rules), to qualify it by its whole phrase.</summary>
        internal Dictionary<Mention, string> RatioFigures => _ratioFigures;

        /// <summary>累计/总计 right before the cue or between it and the figure → the metric's running total.</summary>
        internal MetricDefinition Cumulate(PhraseMatch<Cue> cue, int pos, Sentence s)
        {
            var metric = cue.Value.Metric!;
            if (metric.Cumulative is not { } id) return metric;
            var clause = ClauseStart(cue.Start, s);
            var marked = CuesIn(clause, pos).Any(c => c.Value.Kind == CueKind.Cumulative && (c.Start > cue.Start || cue.Start - c.End <= 1));
            return marked ? _binder._metrics.Find(id) ?? metric : metric;
        }

        internal static bool IsQualifierGap(string gap)
        {
            if (gap.Length > 5 || gap.StartsWith('至') || gap.StartsWith('到')) return false;
            foreach (var ch in gap)
                if (!"了近约超过逾达为高接将至少幅度 ".Contains(ch)) return false;
            return true;
        }

        internal static readonly HashSet<string> EnglishGapWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "by", "about", "around", "approximately", "roughly", "nearly", "almost", "more", "than", "over", "some", "a", "an",
            "as", "much", "at", "least", "a year", "year-on-year", "of",
        };

        /// <summary>English words between a rise/fall word and its figure: rose by about 12%, jumped as much as 40%.</summary>
        internal static bool IsEnglishQualifierGap(string gap) =>
            gap.Length <= 24 && gap.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(EnglishGapWords.Contains);

        /// <summary>Only measure and link characters between a figure and a cue after it (120 港元/股的价格, 8家基石投资者):
        /// <c>post_figure_links</c> in binding.yaml, spaces, slashes and Latin letters.</summary>
        internal bool IsPostGap(string gap) =>
            gap.Length <= 6 && gap.All(ch => ch is ' ' or '/' || char.IsAsciiLetter(ch) || _binder._words.PostFigureLinks.Contains(ch));

        // Link words, and the verbs of attaining and moving to a level (获得, 录得, 进一步增长至, 降至截至…).
        internal const string LinkChars = "为达约是的则而分别及和与、超过逾近共计已其中另外同时并且也获得录实现取有于进一步增长至到降升提高截";

        internal static readonly System.Buffers.SearchValues<char> LinkCharSet = System.Buffers.SearchValues.Create(LinkChars);

        /// <summary>True when the clause text before the figure, periods and entities aside, is only link words.</summary>
        internal static readonly HashSet<string> EnglishLinkWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "was", "were", "is", "are", "and", "at", "of", "to", "reached", "totaled", "totalled", "amounted", "stood", "came",
            "in", "for", "it", "its", "their", "the", "with", "while", "about", "around", "approximately", "nearly", "roughly",
            "more", "than", "over", "some", "an", "a", "then", "again", "further", "rising", "falling", "compared", "on", "by",
            "which", "up", "down", "as", "of", "recorded", "reported", "posted", "had", "has", "have", "been",
            "reaching", "totaling", "totalling", "hitting", "to",
        };

        internal bool OnlyLinkWords(int clause, int pos, bool english)
        {
            if (english)
            {
                // Periods, entities and other figures (RMB 2.5 billion and RMB 3.1 billion) aside.
                var periodsIn = Between(_periods, m => m.Span.Start, clause, pos).Concat(Between(_figures, m => m.Span.Start, clause, pos)).ToList();
                var entitiesIn = EntitiesIn(clause, pos).ToList();
                var i0 = clause;
                while (i0 < pos)
                {
                    if (periodsIn.FirstOrDefault(p => p.Span.Contains(i0)) is { } pm) { i0 = pm.Span.End; continue; }
                    var entity = entitiesIn.FindIndex(e => e.Span.Contains(i0));
                    if (entity >= 0) { i0 = entitiesIn[entity].Span.End; continue; }
                    if (!char.IsAsciiLetter(_text[i0])) { i0++; continue; }
                    var j = i0;
                    while (j < pos && char.IsAsciiLetter(_text[j])) j++;
                    if (!EnglishLinkWords.Contains(_text[i0..j])) return false;
                    i0 = j;
                }
                return true;
            }
            var residual = 0;
            var periods = Between(_periods, m => m.Span.Start, clause, pos).ToList();
            var entities = EntitiesIn(clause, pos).ToList();
            // A total word (合计990万美元 after the items of the clause before) links the total to their cue.
            var totals = CuesIn(clause, pos).Where(c => c.Value.Kind == CueKind.Cumulative).ToList();
            for (var i = clause; i < pos; i++)
            {
                if (periods.Any(p => p.Span.Contains(i)) || entities.Any(e => e.Span.Contains(i)) || totals.Any(t => t.Start <= i && i < t.End)) continue;
                var ch = _text[i];
                if (char.IsWhiteSpace(ch) || LinkCharSet.Contains(ch)) continue;
                if (++residual > 0) return false;
            }
            return true;
        }
    }
}
