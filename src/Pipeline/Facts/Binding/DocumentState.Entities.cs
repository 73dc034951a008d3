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

        internal static readonly string[] NotSubjectBefore = ["相比", "相较", "除了", "较", "对比", "不同于", "与", "和"];

        internal static readonly string[] NotSubjectBeforeEnglish = ["compared with", "compared to", "than", "versus", "unlike", "like", "and", "with", "vs."];

        internal bool IsExcluded(EntityMention e, int floor)
        {
            var before = _text.AsSpan(floor, e.Span.Start - floor).TrimEnd();
            foreach (var w in NotSubjectBefore)
                if (before.EndsWith(w, StringComparison.Ordinal)) return true;
            foreach (var w in NotSubjectBeforeEnglish)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return true;
            return false;
        }

        internal EntityMention? Subject(Sentence s)
        {
            foreach (var e in EntitiesIn(s.Start, s.End))
                if (!IsExcluded(e, s.Start)) return e;
            return null;
        }

        /// <summary>True when a source word (binding.yaml <c>source_suffixes</c>: 平台, 数据显示) follows the company's name:
        /// a broker or data provider a deal term comes from (仅富途平台融资认购倍数就近700倍), not the deal's company.</summary>
        internal bool IsSource(EntityMention e)
        {
            var after = _text.AsSpan(e.Span.End).TrimStart(' ');
            foreach (var w in _binder._words.SourceSuffixes)
                if (after.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (after.Length == w.Length || !char.IsAsciiLetter(w[^1]) || !char.IsAsciiLetter(after[w.Length])))
                    return true;
            return false;
        }

        internal static readonly string[] Anaphors = ["the company", "the group", "the firm", "the issuer", "the listing", "its", "it", "the shares", "its shares"];

        /// <summary>True when an English sentence opens with a word referring back to an entity named before.</summary>
        internal bool RefersBack(Sentence s)
        {
            var head = _text.AsSpan(s.Start, s.End - s.Start).TrimStart();
            foreach (var a in Anaphors)
                if (head.StartsWith(a, StringComparison.OrdinalIgnoreCase) && (head.Length == a.Length || !char.IsAsciiLetter(head[a.Length])))
                    return true;
            return false;
        }

        /// <param name="participantsOut">For a deal term: companies named in an enumeration (阿里巴巴、百度等基石投资者) take
        /// part in the deal and do not own the figure.</param>
        internal string? EntityFor(int pos, Sentence s, EntityMention? subject, string? carried, bool participantsOut = false)
        {
            if (InlineQuoteOwner(pos, s) is { } quoted) return quoted.Name;
            var clause = ClauseStart(pos, s);
            EntityMention? nearest = null;
            foreach (var e in EntitiesIn(clause, pos)) if (!participantsOut || !IsEnumerated(e)) nearest = e;
            // 仅富途平台融资认购倍数就近700倍: a broker or data source named in a deal term's clause is neither its company nor
            // its subject (a platform's own trading figures, 美团平台交易额, stay the platform's).
            var sourced = participantsOut && nearest is { } named && IsSource(named);
            if (nearest is { } n && !sourced) return n.Name;
            if (sourced && subject is { } first && nearest is { } src && first.Span.Start == src.Span.Start) subject = null;
            if (participantsOut && subject is { } listed && IsEnumerated(listed))
                // …nor is a company named in a participant's aside (启城发展有限公司（广汽集团附属公司）).
                subject = EntitiesIn(s.Start, pos).Where(e => !IsExcluded(e, s.Start) && !IsEnumerated(e) && !InClosedAside(e.Span.End, pos))
                    .Select(e => (EntityMention?)e).FirstOrDefault();
            // …nor is a participant the paragraph carried on from this sentence's enumeration.
            if (participantsOut && carried is not null && EntitiesIn(s.Start, pos).Any(e => e.Name == carried && IsEnumerated(e))) carried = null;
            if (subject is { } sub && sub.Span.Start < pos) return sub.Name;
            // A figure about a market or a country (2025年我国商业航天整体营收, 中国生成式AI用户规模) is nobody's company figure.
            // …unless the sentence turns back to the company after the market word (作为全球黄金开采行业规模最大的IPO项目，该公司
            // 上市首日即暴涨68.46%): the industry only describes it.
            var markets = _binder._words.MarketWords.FindAll(_text, s.Start, pos).Where(m => !IsTopicHeading(m.End)).ToList();
            if (markets.Count > 0 && _binder._words.CompanyAnaphors.FindAll(_text, markets[^1].End, pos).Count == 0) return null;
            return carried ?? MainEntityOf(s.Segment);
        }

        /// <summary>True when a topic heading word follows right after <paramref name="end"/> (用户规模方面).</summary>
        private bool IsTopicHeading(int end)
        {
            var after = _text.AsSpan(end).TrimStart(' ');
            foreach (var w in _binder._words.TopicHeadingEnds) if (after.StartsWith(w, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>The article's company under the short name the article itself uses for it: the longest head of its
        /// name that leaves at least two characters of the name behind (地平线 of 地平线机器人, 三花 of 三花智控) and that the
        /// article writes on its own at least twice, unless it is a place or generic word (<c>short_name_stop</c>, market
        /// words). The lexicon keeps such heads out because they are ordinary words elsewhere (地平线, 美的); in an article
        /// about the company they name it.</summary>
        private IReadOnlyList<EntityMention> WithShortName(IReadOnlyList<EntityMention> mentions)
        {
            if (_frame.MainEntity is not { } main || main.Length < 4 || !main.All(IsHan)) return mentions;
            for (var length = main.Length - 2; length >= 2; length--)
            {
                var head = main[..length];
                if (_binder._words.ShortNameStop.Contains(head) || _binder._words.MarketWords.FindAll(head).Count > 0) continue;
                var found = new List<EntityMention>();
                for (var at = _text.IndexOf(head, StringComparison.Ordinal); at >= 0; at = _text.IndexOf(head, at + head.Length, StringComparison.Ordinal))
                    if (!mentions.Any(e => e.Span.Start < at + head.Length && at < e.Span.End))
                        found.Add(new EntityMention(new TextSpan(at, at + head.Length), main));
                if (found.Count < 2) continue;
                return mentions.Concat(found).OrderBy(e => e.Span.Start).ToList();
            }
            return mentions;
        }

        /// <summary>True when a company is named in an enumeration: a list mark (、) right before or after its name, or an
        /// enumeration's end word (<c>enumeration_ends</c>: 等) right after it.</summary>
        internal bool IsEnumerated(EntityMention e)
        {
            var before = e.Span.Start;
            while (before > 0 && _text[before - 1] == ' ') before--;
            if (before > 0 && _text[before - 1] == '、') return true;
            var after = e.Span.End;
            while (after < _text.Length && _text[after] == ' ') after++;
            if (after < _text.Length && _text[after] == '、') return true;
            var rest = _text.AsSpan(after);
            foreach (var w in _binder._words.EnumerationEnds)
                if (rest.StartsWith(w, StringComparison.OrdinalIgnoreCase)) return true;
            // 启城发展有限公司（广汽集团附属公司）和Joyson Electronic USA LLC分别斥资…: two companies joined by 和, 与, 及.
            var next = EntitiesIn(PastAside(e.Span.End), Math.Min(_text.Length, e.Span.End + JoinReach)).FirstOrDefault();
            if (next.Name is not null && Joins(e, next)) return true;
            return EntitiesIn(Math.Max(0, e.Span.Start - JoinReach), e.Span.Start).Any(p => PastAside(p.Span.End) <= e.Span.Start && Joins(p, e));
        }

        /// <summary>How far (in characters) a company joined to another by 和 may stand from it, an aside between included.</summary>
        private const int JoinReach = 40;

        /// <summary>True when only an aside in parentheses and a joining word (和, 与, 及; no comma) stand between two
        /// companies.</summary>
        private bool Joins(EntityMention first, EntityMention second)
        {
            var gap = Gap(PastAside(first.Span.End), second.Span.Start);
            return gap.Length > 0 && !gap.Contains(',') && !gap.Contains('，') && IsConnector(gap);
        }

        /// <summary>The position after an aside in parentheses that opens at <paramref name="pos"/> (the position itself
        /// when none opens there).</summary>
        private int PastAside(int pos)
        {
            if (pos >= _text.Length || _text[pos] is not ('(' or '（')) return pos;
            var close = _text.IndexOfAny([')', '）'], pos);
            return close < 0 ? pos : close + 1;
        }

        /// <summary>A paragraph that opens with the head of a company the article names (紫金首挂收报120.6元 in a story that
        /// names 紫金黄金国际 later): the article's short name for it there, when the head names no other company the
        /// article or the lexicon knows and is no place or generic word (<c>short_name_stop</c>, market words).</summary>
        private IReadOnlyList<EntityMention> WithOpeningShortNames(IReadOnlyList<EntityMention> mentions)
        {
            var names = mentions.Select(e => e.Name).Distinct(StringComparer.Ordinal).Where(n => n.Length >= 4 && n.All(IsHan)).ToList();
            if (names.Count == 0) return mentions;
            var found = new List<EntityMention>();
            for (var at = 0; at < _text.Length; at = _text.IndexOf('\n', at) is var nl && nl >= 0 ? nl + 1 : _text.Length)
            {
                var start = at;
                while (start < _text.Length && _text[start] is ' ' or '\u3000' or '\t') start++;
                if (mentions.Any(e => e.Span.Start == start)) continue;
                if (OpeningShortName(names, start) is { } opening) { found.Add(opening); _openingShortNames.Add(opening.Span.Start); }
            }
            return found.Count == 0 ? mentions : mentions.Concat(found).OrderBy(e => e.Span.Start).ToList();
        }

        /// <summary>Where the paragraphs that open with a short name start: their company is the subject there, but they
        /// do not make it the company of the page (whose unknown companies' paragraphs would then be given to it).</summary>
        private readonly HashSet<int> _openingShortNames = [];

        private EntityMention? OpeningShortName(List<string> names, int start)
        {
            foreach (var name in names)
                for (var length = name.Length - 2; length >= 2; length--)
                {
                    var head = name[..length];
                    if (string.CompareOrdinal(_text, start, head, 0, length) != 0) continue;
                    if (_binder._words.ShortNameStop.Contains(head) || _binder._words.MarketWords.FindAll(head).Count > 0
                        || _binder._knownEntities.FindByAlias(head) is not null
                        || names.Any(other => other != name && other.StartsWith(head, StringComparison.Ordinal))) return null;
                    return new EntityMention(new TextSpan(start, start + length), name);
                }
            return null;
        }

        private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

        /// <summary>A company named right after a venue word (在香港联交所, 登陆港交所): where a listing happens.</summary>
        internal bool IsVenue(EntityMention e, int floor)
        {
            var before = _text.AsSpan(floor, e.Span.Start - floor).TrimEnd();
            foreach (var w in _binder._words.ListingVenueLeads)
                if (before.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (before.Length == w.Length || !char.IsAsciiLetter(w[0]) || !char.IsAsciiLetter(before[^(w.Length + 1)])))
                    return true;
            return false;
        }

        /// <summary>True when <paramref name="pos"/> lies inside a title mark opened after <paramref name="from"/> (《…》).</summary>
        internal bool InsideTitle(int from, int pos)
        {
            var depth = 0;
            for (var i = from; i < pos; i++)
                if (_text[i] == '《') depth++;
                else if (_text[i] == '》' && depth > 0) depth--;
            return depth > 0;
        }

        /// <summary>The company whose name stands right before the parentheses a figure is in: an inline quote header
        /// (宁德时代（300750.SZ，股价266.99元，市值12172.9亿元）) gives that company's figures, whoever the sentence is about.</summary>
        internal EntityMention? InlineQuoteOwner(int pos, Sentence s)
        {
            var depth = 0;
            for (var i = pos - 1; i >= s.Start; i--)
            {
                var ch = _text[i];
                if (ch is ')' or '）') depth++;
                else if (ch is '(' or '（')
                {
                    if (depth > 0) { depth--; continue; }
                    var end = i;
                    while (end > s.Start && _text[end - 1] == ' ') end--;
                    EntityMention? owner = null;
                    foreach (var e in EntitiesIn(Math.Max(s.Start, end - 40), end)) if (e.Span.End == end) owner = e;
                    return owner;
                }
            }
            return null;
        }

        /// <summary>True when a listing-day phrase holds a listing word (上市首日, 挂牌首日; not 首日 alone): 12月1日，…在港股
        /// 上市首日开盘报… names the listing day as 于12月1日上市 does.</summary>
        private bool NamesListing(string phrase) =>
            _binder._metrics.Cues.Any(c => c.Kind == CueKind.Listing && phrase.StartsWith(c.Phrase, StringComparison.Ordinal));

        /// <summary>Listing dates: a day before a listing word (上市/挂牌/登陆/敲钟, or a listing-day phrase that holds one:
        /// 上市首日) in a sentence naming the entity, or referring back to the article's company (该公司).</summary>
        internal void FindListingDates(List<Sentence> sentences)
        {
            foreach (var s in sentences)
            {
                foreach (var cue in CuesIn(s.Start, s.End).Where(c => c.Value.Kind == CueKind.Listing
                             || c.Value.Kind == CueKind.ListingDay && (s.English || NamesListing(c.Value.Phrase))))
                {
                    // A listing word in a compound adjective describes shares, not a debut (Shenzhen-listed, US-listed);
                    // one in a document's title (披露的《关于H股挂牌并上市交易的公告》) is no event of the day before it.
                    if (s.English && cue.Start > 0 && _text[cue.Start - 1] == '-') continue;
                    if (InsideTitle(s.Start, cue.Start)) continue;
                    Mention? day = null;
                    foreach (var p in Between(_periods, m => m.Span.Start, s.Start, cue.Start))
                        if (p.Period is { IsDay: true }) day = p;
                    // English puts the day after the verb, in its clause: Yunfan Auto began trading … on March 18, 2026
                    // (not …before the first day of trading, according to a Wednesday filing).
                    if (day is null && s.English)
                        day = Between(_periods, m => m.Span.Start, cue.End, ClauseEnd(cue.End, s)).FirstOrDefault(p => p.Period is { IsDay: true });
                    // …surged 72% in its trading debut on Tuesday: the weekday before the publication date.
                    var when = day?.Period ?? (s.English ? WeekdayIn(s) : null);
                    if (when is null) continue;
                    string? entity = null;
                    var after = _text.AsSpan(cue.End, Math.Min(3, s.End - cue.End));
                    if (after.StartsWith("的"))
                        entity = EntitiesIn(cue.End, Math.Min(s.End, cue.End + 16)).Select(e => e.Name).FirstOrDefault();
                    if (entity is null)
                    {
                        foreach (var e in EntitiesIn(s.Start, cue.Start))
                            if (!IsExcluded(e, s.Start) && !IsVenue(e, s.Start)) entity = e.Name;
                    }
                    entity ??= s.English ? MainEntityOf(s.Segment) : null;
                    // 该公司9月30日登陆港交所主板: a word that refers back to the company the story is about.
                    if (entity is null && _binder._words.CompanyAnaphors.FindAll(_text, s.Start, cue.Start).Count > 0) entity = _frame.MainEntity;
                    if (entity is not null) _listingDates.TryAdd(entity, when.Value);
                }
            }
            // An article that gives no listing day: the one the batch's other articles give its company.
            if (_frame.MainEntity is { } main && _input.Metadata.CoverageListingDays is { } days && days.TryGetValue(main, out var covered))
                _listingDates.TryAdd(main, covered);
        }
    }
}
