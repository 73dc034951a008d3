using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// HTML to article text with AngleSharp: parses the page, extracts title, publication date, author, outlet and the
/// main body (<see cref="ArticleExtractor"/>), and maps every output character to its place in the HTML source
/// through the tokenizer's token positions. Redirect-only pages, login walls and pages without text are reported
/// as errors (quarantine). Markup nested deeper than <see cref="MaxDepth"/> is not handed to the tree builder (whose
/// scope checks are linear in depth): it is stripped with a linear scanner, so the text stays inspectable, and the
/// document is quarantined as malformed. Markup cut off inside a tag gets a warning and is extracted as usual.
/// </summary>
public sealed class HtmlTextStage(HtmlLexicon lexicon) : ITextStage
{
    public HtmlTextStage() : this(HtmlLexicon.Default) { }

    /// <summary>Deepest element nesting handed to the DOM parser.</summary>
    public int MaxDepth { get; init; } = 1000;

    public string Name => "html";

    /// <summary>One parser per thread: a parser holds no document between parses, but making one builds a browsing
    /// context (configuration, services), which cost about a twentieth of the stage per page.</summary>
    private static readonly System.Threading.ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>Plain-text documents skip the HTML extraction.</summary>
    public bool AppliesTo(DocumentFormat format) => format == DocumentFormat.Html;

    public StageText Apply(string input, DocumentContext context)
    {
        if (input.AsSpan().Trim().IsEmpty)
        {
            context.Report(Diagnostic.Error("html.empty", "page has no content"));
            return new OffsetMapBuilder().Build(input.Length);
        }
        var (depth, startTags) = MarkupDepth.Measure(input);
        if (depth > MaxDepth)
        {
            context.Report(Diagnostic.Error("html.too-deep",
                $"markup is nested deeper than {MaxDepth} levels; tags stripped without main-content extraction"));
            return MarkupStripper.Strip(input);
        }

        var lastOpen = input.LastIndexOf('<');
        if (lastOpen >= 0 && input.IndexOf('>', lastOpen) < 0)
            context.Report(Diagnostic.Warning("html.truncated", "markup ends inside a tag; the page may be cut off",
                new TextSpan(lastOpen, input.Length)));

        // Where each text node came from: aligned with the text runs a scan of the source finds (HtmlTextRuns, which
        // reads CRLF as the parser does), not taken from the parser's token hook, which turns every token into objects.
        var document = Parser.Value!.ParseDocument(input);
        var tokens = HtmlTextRuns.Scan(input, startTags * 2);
        // One parse; the extractor walks the tree once and maps only the text it writes back to the source.
        var extractor = new ArticleExtractor(document, input, tokens, lexicon.BylineLabels, startTags);
        var article = extractor.Extract();

        UpdateMetadata(context, article);
        foreach (var (start, end, reason) in article.Dropped)
        {
            var s = Math.Min(start, input.Length);
            var e = Math.Min(end, input.Length);
            if (e > s) context.Removed(new TextSpan(s, e), reason);
        }
        var result = Build(input, article.Text);
        var bodyChars = result.Text.Count(c => !char.IsWhiteSpace(c));
        if (Blocker(document, input, bodyChars) is { } blocked)
            context.Report(Diagnostic.Error(blocked.Code, blocked.Message));
        return result;
    }

    private static void UpdateMetadata(DocumentContext context, ExtractedArticle article)
    {
        var m = context.Metadata;
        context.Metadata = m with
        {
            Title = m.Title ?? article.Title,
            Author = m.Author ?? article.Author,
            Outlet = m.Outlet ?? article.Outlet,
            Published = m.Published ?? article.Published,
            PublishedInferred = m.Published is null ? article.Published is not null : m.PublishedInferred,
        };
    }

    /// <summary>Redirect pages and login walls carry no article: they quarantine.</summary>
    private (string Code, string Message)? Blocker(IDocument document, string html, int bodyChars)
    {
        if (bodyChars >= 200) return null;
        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
            if (string.Equals(meta.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                return ("html.redirect", $"page only redirects ({meta.GetAttribute("content")})");
        if (bodyChars < 40 && html.Contains("location.href", StringComparison.OrdinalIgnoreCase) | html.Contains("location.replace", StringComparison.OrdinalIgnoreCase))
            return ("html.redirect", "page only redirects by script");
        var hasPassword = document.QuerySelector("input[type=password]") is not null;
        var text = document.Body?.TextContent ?? "";
        if (hasPassword || lexicon.LoginWalls.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            if (bodyChars < 200 && (hasPassword || bodyChars < 80))
                return ("html.login-wall", "page shows a login wall instead of an article");
        if (bodyChars == 0) return ("html.no-text", "page has no article text");
        return null;
    }

    private static StageText Build(string input, IReadOnlyList<OutChar> written)
    {
        var chars = KeepMonotone(written);
        var b = new OffsetMapBuilder(chars.Count + 16);
        var i = 0;
        while (i < chars.Count)
        {
            var c = chars[i];
            if (c.Source.Index < 0) { b.Insert([c.Value]); i++; continue; }
            var start = Math.Min(c.Source.Index, input.Length);
            var end = Math.Min(c.Source.Index + Math.Max(1, c.Source.Length), input.Length);
            if (start < b.InputPosition) { b.Insert([c.Value]); i++; continue; }
            b.SkipTo(start);
            // Characters decoded from one reference (a surrogate pair) share it: one block.
            var j = i + 1;
            while (j < chars.Count && chars[j].Source == c.Source) j++;
            if (j - i == 1 && end - start == 1 && input[start] == c.Value) b.Copy(input, 1);
            else
            {
                var text = new char[j - i];
                for (var k = i; k < j; k++) text[k - i] = chars[k].Value;
                b.ReplaceBlock(Math.Max(0, end - start), text);
            }
            i = j;
        }
        return b.Build(input.Length);
    }

    /// <summary>
    /// The offset map must read the source in order, but output can jump back (a headline found at the foot of the
    /// page, a summary block). The longest run of output characters whose sources do not decrease keeps its
    /// positions; the others are written as insertions (they map to where they stand), so one early jump never
    /// unmaps everything after it.
    /// </summary>
    internal static List<OutChar> KeepMonotone(IReadOnlyList<OutChar> chars)
    {
        // Longest non-decreasing subsequence of source indexes (patience sorting), over mapped characters.
        var tails = new List<int>();          // index into chars of the smallest tail of each length
        var previous = new int[chars.Count];
        for (var i = 0; i < chars.Count; i++)
        {
            previous[i] = -1;
            var src = chars[i].Source.Index;
            if (src < 0) continue;
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (chars[tails[mid]].Source.Index <= src) lo = mid + 1; else hi = mid;
            }
            if (lo > 0) previous[i] = tails[lo - 1];
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var keep = new bool[chars.Count];
        for (var k = tails.Count == 0 ? -1 : tails[^1]; k >= 0; k = previous[k]) keep[k] = true;
        var result = new List<OutChar>(chars.Count);
        for (var i = 0; i < chars.Count; i++)
            result.Add(keep[i] || chars[i].Source.Index < 0 ? chars[i] : chars[i] with { Source = new SourceChar(-1, 0) });
        return result;
    }

}

/// <summary>Measures element nesting depth with a linear scan (start tags minus end tags, void elements ignored) and counts start tags.</summary>
internal static class MarkupDepth
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "option" };

    /// <summary>The deepest nesting and the number of start tags (void ones included).</summary>
    public static (int Depth, int StartTags) Measure(string html)
    {
        int depth = 0, max = 0, starts = 0, gt = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var s = closing ? i + 2 : i + 1;
            var e = s;
            while (e < html.Length && char.IsAsciiLetterOrDigit(html[e])) e++;
            if (e == s || !char.IsAsciiLetter(html[s])) continue;
            // The next '>' is looked for again only once passed (a page of '<' without '>' stays linear).
            if (gt >= 0 && gt < e) gt = html.IndexOf('>', e);
            var selfClosing = gt > 0 && html[gt - 1] == '/';
            var name = html.AsSpan(s, e - s);
            if (!closing) starts++;
            if (IsVoid(name) || selfClosing) continue;
            depth += closing ? -1 : 1;
            if (depth < 0) depth = 0;
            if (depth > max) max = depth;
        }
        return (max, starts);
    }

    private static bool IsVoid(ReadOnlySpan<char> name)
    {
        if (name.Length > 6) return false;
        Span<char> lower = stackalloc char[6];
        name.ToLowerInvariant(lower);
        return Void.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..name.Length]);
    }
}

/// <summary>Linear tag stripper for markup too deep for the DOM: drops tags, scripts, styles and comments,
/// decodes entities, breaks lines at block elements.</summary>
internal static class MarkupStripper
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer", "title" };

    public static StageText Strip(string input)
    {
        var b = new OffsetMapBuilder(input.Length / 4);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '<')
            {
                var close = input.IndexOf('>', i + 1);
                if (close < 0) break;
                var tag = TagName(input, i + 1, close);
                b.CopyTo(input, i);
                var end = close + 1;
                if (tag is "script" or "style" or "!--")
                {
                    var terminator = tag == "!--" ? "-->" : $"</{tag}";
                    var t = input.IndexOf(terminator, close, StringComparison.OrdinalIgnoreCase);
                    var g = t < 0 ? -1 : input.IndexOf('>', t);
                    end = g < 0 ? input.Length : g + 1;
                }
                b.SkipTo(end);
                if (Blocks.Contains(tag.TrimStart('/')) && b.Length > 0 && b.LastChar != '\n') b.Insert("\n");
                i = end;
            }
            else if (c == '&')
            {
                var semi = input.IndexOf(';', i + 1, Math.Min(12, input.Length - i - 1));
                if (semi > i)
                {
                    var entity = input.Substring(i, semi - i + 1);
                    var decoded = System.Net.WebUtility.HtmlDecode(entity);
                    b.CopyTo(input, i);
                    if (decoded != entity) { b.ReplaceBlock(entity.Length, decoded); i = semi + 1; continue; }
                }
                i++;
            }
            else i++;
        }
        b.CopyTo(input, i);
        return b.Build(input.Length);
    }

    private static string TagName(string s, int from, int to)
    {
        if (from < to && s.AsSpan(from).StartsWith("!--")) return "!--";
        var j = from;
        if (j < to && s[j] == '/') j++;
        while (j < to && char.IsAsciiLetterOrDigit(s[j])) j++;
        return s[from..j].ToLowerInvariant();
    }
}
