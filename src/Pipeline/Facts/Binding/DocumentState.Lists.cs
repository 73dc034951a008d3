using System;
using Pipeline.Facts.Binding;

namespace Pipeline.Facts;

public sealed partial class ClaimBinder
{
    internal sealed partial class DocumentState
    {
        /// <summary>How many sentences back a list item looks for the line that introduces its list.</summary>
        private const int ListReach = 16;

        /// <summary>The basis the line introducing a list states for its items (如果剔除这笔减值，看Non-GAAP数据： then
        /// "- 经营利润：22亿元" lines): a results figure in an item that reads no basis of its own takes it. The
        /// introducing line ends with a colon; the items start with a list mark or follow a line that is only one
        /// (binding.yaml <c>list_marks</c>). Reported when the figure is not in such an item.</summary>
        private string ListLeadBasis(Sentence s, string metric)
        {
            var index = _sentences.BinarySearch(s, SentenceByStart.Instance);
            if (index <= 0 || !IsListItem(index)) return Bases.Reported;
            for (var j = index - 1; j >= 0 && index - j <= ListReach; j--)
            {
                var t = _sentences[j];
                if (t.Segment != s.Segment) break;
                if (IsBareListMark(t) || IsListItem(j)) continue;
                var text = _text.AsSpan(t.Start, t.End - t.Start).TrimEnd();
                return text.Length > 0 && text[^1] is ':' or '：' ? _binder._bases.Read(_text, t.Start, t.End, metric) : Bases.Reported;
            }
            return Bases.Reported;
        }

        /// <summary>True when sentence <paramref name="index"/> is a list item: it opens with a list mark, or the sentence
        /// before it is only one.</summary>
        private bool IsListItem(int index)
        {
            var s = _sentences[index];
            var text = _text.AsSpan(s.Start, s.End - s.Start).TrimStart();
            foreach (var mark in _binder._words.ListMarks)
                if (text.StartsWith(mark, StringComparison.Ordinal) && text.Length > mark.Length) return true;
            return index > 0 && _sentences[index - 1].Segment == s.Segment && IsBareListMark(_sentences[index - 1]);
        }

        private bool IsBareListMark(Sentence s)
        {
            var text = _text.AsSpan(s.Start, s.End - s.Start).Trim();
            foreach (var mark in _binder._words.ListMarks)
                if (text.SequenceEqual(mark)) return true;
            return false;
        }

        /// <summary>True when the sentence goes on with the statement before it: it follows a semicolon, or it is an item
        /// of a list whose previous item is in the same paragraph (a digest's bullets under one heading: "- 阿里国际数字商业
        /// 集团收入增长10% - 经调整EBITA盈利1.62亿元").</summary>
        private bool ContinuesStatement(Sentence s)
        {
            if (s.AfterSemicolon) return true;
            var index = _sentences.BinarySearch(s, SentenceByStart.Instance);
            if (index <= 0 || _sentences[index - 1] is var previous && (previous.Segment != s.Segment || previous.Paragraph != s.Paragraph)) return false;
            return OpensInlineItem(s.Start) && OpensInlineItem(_sentences[index - 1].Start);
        }

        /// <summary>True when a list mark inside a line (ClaimBinder.IsListMark) stands right before
        /// <paramref name="start"/>.</summary>
        private bool OpensInlineItem(int start)
        {
            var i = start - 1;
            while (i > 0 && _text[i] == ' ') i--;
            return i > 0 && IsListMark(_text, i);
        }

        private sealed class SentenceByStart : System.Collections.Generic.IComparer<Sentence>
        {
            public static readonly SentenceByStart Instance = new();
            public int Compare(Sentence a, Sentence b) => a.Start.CompareTo(b.Start);
        }
    }
}
