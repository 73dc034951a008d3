using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts.Binding;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {

        /// <summary>Longest stretch bound as one sentence (news sentences are far shorter).</summary>
        internal const int MaxSentenceLength = 512;

        internal List<Sentence> Sentences()
        {
            var list = new List<Sentence>();
            var segments = _input.Segments.Count > 0
                ? _input.Segments.Select(s => s.Span).Where(s => s.End <= _text.Length).OrderBy(s => s.Start).ToList()
                : [new TextSpan(0, _text.Length)];
            for (var seg = 0; seg < segments.Count; seg++)
            {
                var span = segments[seg];
                var start = span.Start;
                var paragraph = 0;
                for (var i = span.Start; i < span.End; i++)
                {
                    var c = _text[i];
                    // A run without sentence punctuation longer than any real sentence is cut (the cut character starts
                    // the next piece), so the work per figure — cue and clause scans within its sentence — stays bounded
                    // and binding stays linear on unpunctuated input.
                    var end = _ends[i];
                    if (!end && i - start < MaxSentenceLength) continue;
                    if (i > start) list.Add(new Sentence(start, i, paragraph, seg, start > span.Start && _text[start - 1] is '；' or ';'));
                    if (c == '\n') paragraph++;
                    start = end ? i + 1 : i;
                }
                if (span.End > start) list.Add(new Sentence(start, span.End, paragraph, seg, start > span.Start && _text[start - 1] is '；' or ';'));
            }
            return list;
        }

        /// <summary>Start of the clause holding <paramref name="pos"/>: after the last clause break before it, within the sentence.</summary>
        internal int ClauseStart(int pos, Sentence s) => Math.Max(s.Start, _breakBefore[Math.Min(pos, _text.Length)]);

        /// <summary>The clauses before the one starting at <paramref name="clause"/>, nearest first, back to
        /// <paramref name="floor"/> (a sentence's start, or a statement's across a semicolon): each [Start, End), End at
        /// the mark closing it.</summary>
        internal IEnumerable<(int Start, int End)> ClausesBefore(int clause, int floor)
        {
            for (var end = clause - 1; end > floor; )
            {
                var start = Math.Max(floor, _breakBefore[end - 1]);
                yield return (start, end);
                if (start <= floor) yield break;
                end = start - 1;
            }
        }

        /// <summary>End of the clause holding <paramref name="pos"/> (exclusive), within the sentence.</summary>
        internal int ClauseEnd(int pos, Sentence s) => Math.Min(s.End, _breakFrom[Math.Min(pos, _text.Length)]);

        /// <summary>Where text after the last figure starting in [<paramref name="from"/>, <paramref name="to"/>) begins
        /// (no later than <paramref name="to"/>): <paramref name="from"/> when no figure starts there.</summary>
        internal int AfterFigures(int from, int to)
        {
            var after = from;
            foreach (var f in Between(_figures, m => m.Span.Start, from, to)) after = Math.Max(after, Math.Min(f.Span.End, to));
            return after;
        }

        /// <summary>The items of <paramref name="sorted"/> (sorted by <paramref name="start"/>) that start in
        /// [<paramref name="from"/>, <paramref name="to"/>).</summary>
        internal SortedRange<T> Between<T>(IReadOnlyList<T> sorted, Func<T, int> start, int from, int to)
        {
            var first = LowerBound(sorted, from, start);
            var end = first;
            while (end < sorted.Count && start(sorted[end]) < to) end++;
            return new SortedRange<T>(sorted, first, end);
        }

        internal static int LowerBound<T>(IReadOnlyList<T> sorted, int value, Func<T, int> key)
        {
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (key(sorted[mid]) < value) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        internal SortedRange<PhraseMatch<Cue>> CuesIn(int from, int to) => Between(_cues, c => c.Start, from, to);
        internal SortedRange<EntityMention> EntitiesIn(int from, int to) => Between(_entityMentions, e => e.Span.Start, from, to);

        internal string Gap(int from, int to) => from < to ? _text[from..to].Trim() : "";
    }
}
