using Pipeline.Recognition;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {
        /// <summary>A number that is a stock code, not a year or an amount: inside a lettered ticker (HKG: 1211,
        /// (2513.HK)) or right after a code word (under the code 2050, stock code: 9988). It is neither bound nor
        /// used as a period.</summary>
        internal bool IsStockCode(Mention m, IReadOnlyList<TickerSpan> tickers)
        {
            if (m.Kind is not (MentionKind.Period or MentionKind.Number)) return false;
            foreach (var t in tickers)
                if (t.Span.Start < m.Span.End && m.Span.Start < t.Span.End) return true;
            var from = Math.Max(0, m.Span.Start - 24);
            var lead = _text.AsSpan(from, m.Span.Start - from).TrimEnd().TrimEnd(':').TrimEnd('：').TrimEnd();
            var codes = _binder._words.CodeWords.FindAll(_text, from, from + lead.Length);
            return codes.Count > 0 && codes[^1].End == from + lead.Length && m.Text.All(char.IsAsciiDigit);
        }

        /// <summary>The figures that start in [from, to).</summary>
        internal List<Mention> FiguresBetween(int from, int to) => Between(_figures, m => m.Span.Start, from, to).ToList();

        /// <summary>An English segment the binding lexicon names next to the cue (<see cref="Binding.SegmentReader.Named"/>),
        /// looked for after the nearest figure or other cue before it in its clause.</summary>
        internal string? NamedSegment(PhraseMatch<Cue> cue, Sentence s)
        {
            var floor = ClauseStart(cue.Start, s);
            foreach (var f in Between(_figures, m => m.Span.Start, floor, cue.Start)) floor = Math.Max(floor, Math.Min(f.Span.End, cue.Start));
            foreach (var c in CuesIn(floor, cue.Start)) if (c.End <= cue.Start && c.Value.Kind == CueKind.Metric) floor = Math.Max(floor, c.End);
            return _binder._segments.Named(_text, floor, cue.Start, cue.End, ClauseEnd(cue.End, s));
        }
    }
}
