using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NodaTime;
using Pipeline.Text;

namespace Pipeline.Cleaning.Html;

/// <summary>One output character and where it came from (<see cref="SourceChar.Index"/> -1: inserted).</summary>
internal readonly record struct OutChar(char Value, SourceChar Source);

/// <summary>What the extractor found in a page.</summary>
internal sealed record ExtractedArticle(
    IReadOnlyList<OutChar> Text, string? Title, LocalDate? Published, string? Author, string? Outlet,
    IReadOnlyList<(int Start, int End, string Reason)> Dropped);

/// <summary>
/// Main-content extraction for Chinese news pages, in the spirit of Readability and the text-density extractors
/// (CETD, GNE): every block that directly holds text scores <c>1 + punctuation marks + min(chars/100, 3)</c>; the
/// score goes to the block, its parent, half to the grandparent and less further up. The best element after a
/// link-density penalty is the article; siblings scoring close to it join. Inside, navigation, forms, captions,
/// share/comment/related furniture and link lists are dropped; paragraphs become lines, h2-h6 become
/// <c>## heading</c> lines and the headline is written first as <c># title</c>.
/// </summary>
internal sealed class ArticleExtractor
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "select", "option",
        "textarea", "button", "input", "video", "audio", "map", "link", "meta", "head", "title", "math",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul", "caption", "summary",
        "body", "html", "menu",
    };

    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase)
        { "nav", "aside", "footer", "figcaption", "menu", "header" };

    /// <summary>class/id words of page furniture (share bars, comments, related links, footers).</summary>
    private static readonly string[] FurnitureWords =
    [
        "comment", "share", "related", "relate", "recommend", "footer", "copyright", "sidebar", "side-bar", "breadcrumb",
        "crumb", "toolbar", "advert", "banner", "social", "subscribe", "login", "pager", "pagination", "hotnews",
        "hot-news", "hot_news", "ranking", "editor-info", "more-news", "morenews", "tags", "keyword", "qrcode", "reward",
        "disclaimer", "statement", "caption", "pic-info", "picinfo", "img-desc", "nav", "menu", "topbar", "policy",
        "messageboard", "reply", "discuss",
    ];

    /// <summary>Words so telling that nothing inside such an element counts towards the article score.</summary>
    private static readonly string[] StrongFurnitureWords =
    [
        "comment", "reply", "discuss", "messageboard", "policy", "footer", "copyright", "sidebar", "related", "recommend",
        "share", "breadcrumb", "disclaimer", "hotnews", "hot-news", "ranking", "login",
    ];

    private static readonly System.Buffers.SearchValues<string> FurnitureSearch = System.Buffers.SearchValues.Create(FurnitureWords, StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> StrongFurnitureSearch = System.Buffers.SearchValues.Create(StrongFurnitureWords, StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> PunctuationValues = System.Buffers.SearchValues.Create("，。！？；：、“”‘’（）《》「」…—");

    private readonly IHtmlDocument _doc;
    private readonly string _source;
    private readonly IReadOnlyList<CharacterToken> _tokens;
    private SourceTextMap _map = null!;

    // What the one walk over the parsed page collects (document order).
    private readonly List<IText> _textNodes;
    private readonly List<IElement> _metas = new(), _headings = new(), _dated = new();
    private int _bodyTextFirst = -1, _bodyTextEnd = -1;
    private string? _bodyText;

    // The scored elements: visible elements of the body, in document order, with their measures. Sized once from the
    // page's count of start tags: grown by doubling, these lists were most of the walk's cost.
    private readonly List<IElement> _elements;
    private readonly Dictionary<IElement, int> _index;
    private readonly List<int> _parents, _blocks;
    private readonly List<bool> _furniture, _inLink;
    private readonly List<string> _words;
    // Text, link text and punctuation: each element's own during the walk, its subtree's once Score has run.
    private readonly List<double> _text, _link, _punct;
    private readonly List<(double Text, double Punct, double Han, double Link)> _direct;
    private double[] _score = [], _final = [];

    /// <param name="doc">The parsed page.</param>
    /// <param name="source">The (newline-normalised) HTML the page was parsed from.</param>
    /// <param name="tokens">The tokenizer's character tokens, in source order.</param>
    private readonly IReadOnlyList<string> _bylineLabels;

    public ArticleExtractor(IHtmlDocument doc, string source, IReadOnlyList<CharacterToken> tokens)
        : this(doc, source, tokens, HtmlLexicon.Default.BylineLabels)
    {
    }

    /// <param name="bylineLabels">Labels before an author's name (<see cref="HtmlLexicon.BylineLabels"/>).</param>
    /// <param name="elements">About how many elements the page has (its start tags): the walk's lists are sized to it.</param>
    public ArticleExtractor(IHtmlDocument doc, string source, IReadOnlyList<CharacterToken> tokens, IReadOnlyList<string> bylineLabels,
        int elements = 0)
    {
        _bylineLabels = bylineLabels;
        _doc = doc;
        _source = source;
        _tokens = tokens;
        var n = Math.Max(16, elements);
        _textNodes = new(n);
        _elements = new(n);
        _index = new(n, ReferenceEqualityComparer.Instance);
        _parents = new(n); _blocks = new(n);
        _furniture = new(n); _inLink = new(n);
        _words = new(n);
        _text = new(n); _link = new(n); _punct = new(n);
        _direct = new(n);
    }

    public ExtractedArticle Extract()
    {
        var body = _doc.Body;
        Walk(body);
        _map = new SourceTextMap(_source, _tokens, _textNodes);
        var meta = ReadMeta();
        var titleNode = FindTitleElement(meta.TitleHint);
        var title = titleNode is not null ? Normalize(titleNode.TextContent) : StripSiteSuffix(meta.TitleHint) ?? TitleFromDocument();
        var output = new List<OutChar>();
        var dropped = new List<(int, int, string)>();

        if (title is { Length: > 0 })
        {
            Insert(output, "# ");
            if (titleNode is not null) EmitInline(titleNode, output);
            else if (_doc.QuerySelector("title")?.FirstChild is IText t && Normalize(t.Data) == title) EmitText(t, output);
            else Insert(output, title);
            TrimEnd(output);
            Insert(output, "\n");
        }

        if (body is not null && _elements.Count > 0)
        {
            Score();
            var roots = ChooseRoots();
            foreach (var root in roots) EmitBlock(root, output, titleNode, dropped, root);
        }
        TrimEnd(output);

        var published = meta.Published ?? FindDateInPage(titleNode);
        return new ExtractedArticle(output, title, published, meta.Author ?? FindByline(titleNode), meta.Outlet, dropped);
    }

    // ---------- metadata ----------

    private sealed record MetaInfo(string? TitleHint, LocalDate? Published, string? Author, string? Outlet);

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "pubdate",
        "publishdate", "publish_date", "publish-date", "publishtime", "datepublished", "article.published",
        "og:release_date", "dc.date", "dc.date.issued", "date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at",
        "ptime", "apub:time", "article:modified_time",
    ];

    private MetaInfo ReadMeta()
    {
        string? ogTitle = null, author = null, outlet = null;
        LocalDate? published = null;
        var bestRank = int.MaxValue;
        foreach (var m in _metas)
        {
            var key = (m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? "").Trim().ToLowerInvariant();
            var content = m.GetAttribute("content")?.Trim();
            if (key.Length == 0 || string.IsNullOrEmpty(content)) continue;
            if (key is "og:title" or "twitter:title") ogTitle ??= Normalize(content);
            else if (key is "author" or "article:author" or "byl" or "dc.creator") author ??= content.Length <= 40 && !content.Contains("://") ? content : null;
            else if (key is "og:site_name" or "application-name") outlet ??= content;
            var rank = Array.IndexOf(DateMetaNames, key);
            if (rank >= 0 && rank < bestRank && DateFinder.FindFirst(content, 0, 64) is { } d) { published = d.Date; bestRank = rank; }
        }
        if (published is null)
            foreach (var el in _dated)
                if (DateFinder.FindFirst(el.GetAttribute("datetime") ?? el.GetAttribute("content") ?? el.TextContent, 0, 64) is { } d)
                { published = d.Date; break; }
        return new MetaInfo(ogTitle, published, author, outlet);
    }

    /// <summary>The headline element: the longest h1-h3 whose text the document title or og:title contains (the
    /// site name is usually an h1 too, but shorter); else the first h1 when the page has no title.</summary>
    private IElement? FindTitleElement(string? ogTitle)
    {
        var docTitle = Squash(_doc.Title ?? "");
        var og = Squash(ogTitle ?? "");
        IElement? best = null, firstH1 = null;
        var bestLength = 0;
        foreach (var h in _headings)
        {
            var t = Squash(h.TextContent);
            if (t.Length < 4 || t.Length > 120 || IsHidden(h)) continue;
            if (h.LocalName == "h1") firstH1 ??= h;
            if ((docTitle.Contains(t, StringComparison.Ordinal) || og.Contains(t, StringComparison.Ordinal)) && t.Length > bestLength)
            {
                best = h;
                bestLength = t.Length;
            }
        }
        // A heading that is only the site name (a short suffix of the title) is not the headline.
        if (best is not null && bestLength * 3 < Math.Max(docTitle.Length, og.Length) && !docTitle.StartsWith(Squash(best.TextContent), StringComparison.Ordinal))
            best = null;
        return best ?? (docTitle.Length == 0 ? firstH1 : null);
    }

    private static readonly string[] TitleSeparators = [" | ", "｜", " - ", " – ", " — ", "_", "|", " :: "];

    /// <summary>A page title without the site name: split at the usual separators, the longest part (the headline
    /// is almost always longer than the site or channel name around it).</summary>
    internal static string? StripSiteSuffix(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var t = Normalize(title);
        var parts = new List<string> { t };
        foreach (var sep in TitleSeparators)
            parts = parts.SelectMany(p => p.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var best = parts.Count == 0 ? t : parts.MaxBy(p => p.Length)!;
        // "headline-新华网": a short site name after an unspaced dash.
        var dash = best.LastIndexOf('-');
        if (dash >= 8 && best.Length - dash - 1 is > 0 and <= 8 && !char.IsAsciiDigit(best[dash + 1])) best = best[..dash].Trim();
        return best.Length >= 4 ? best : t;
    }

    private string? TitleFromDocument() => StripSiteSuffix(_doc.Title);

    private LocalDate? FindDateInPage(IElement? titleNode)
    {
        // The dateline is near the headline: look at the text that follows it first, then the whole body.
        var bodyText = BodyText();
        var from = 0;
        if (titleNode is not null)
        {
            var t = titleNode.TextContent;
            var at = t.Length > 0 ? bodyText.IndexOf(t, StringComparison.Ordinal) : -1;
            if (at >= 0) from = at + t.Length;
        }
        return DateFinder.FindFirst(bodyText, from, 3000)?.Date ?? DateFinder.FindFirst(bodyText)?.Date;
    }

    private string? FindByline(IElement? titleNode)
    {
        var bodyText = BodyText();
        foreach (var label in _bylineLabels)
        {
            var at = bodyText.IndexOf(label, StringComparison.Ordinal);
            if (at < 0) continue;
            var i = at + label.Length;
            while (i < bodyText.Length && (bodyText[i] is ' ' or '\u3000' or ':' or '：')) i++;
            var s = i;
            while (i < bodyText.Length && i - s < 8 && Han.IsHan(bodyText[i])) i++;
            if (i - s is >= 2 and <= 4) return bodyText[s..i];
        }
        return null;
    }

    // ---------- scoring ----------

    /// <summary>The page's body text (every text node under the body, as <c>TextContent</c> gives it), built once
    /// from the walk's text nodes and only when a dateline or byline has to be looked for.</summary>
    private string BodyText() =>
        _bodyText ??= _bodyTextFirst < 0 ? "" : string.Concat(_textNodes.Skip(_bodyTextFirst).Take(_bodyTextEnd - _bodyTextFirst).Select(t => t.Data));

    /// <summary>
    /// The one walk over the parsed page, in document order: collects the text nodes (for the source map), the
    /// meta, heading and dated elements (for the metadata), and registers every visible element of the body with
    /// its parent, nearest block, link state, furniture state and the text it holds directly (for the scoring).
    /// </summary>
    private void Walk(IElement? body)
    {
        const byte Outside = 0, Scored = 1, Skipped = 2;
        var stack = new Stack<(INode Node, int Parent, byte State)>();
        stack.Push((_doc, -1, Outside));
        while (stack.Count > 0)
        {
            var (node, parent, state) = stack.Pop();
            if (node is IText text)
            {
                if (state != Outside)
                {
                    if (_bodyTextFirst < 0) _bodyTextFirst = _textNodes.Count;
                    _bodyTextEnd = _textNodes.Count + 1;
                }
                _textNodes.Add(text);
                if (state == Scored && parent >= 0) CountText(parent, text.Data);
                continue;
            }
            var childState = state;
            var childParent = parent;
            if (node is IElement el)
            {
                var name = el.LocalName;
                switch (name)
                {
                    case "meta": _metas.Add(el); break;
                    case "h1" or "h2" or "h3": _headings.Add(el); break;
                }
                var attributes = Attributes.Of(el);
                // What "time[datetime], [itemprop=datePublished]" selects, in document order.
                if ((name == "time" && attributes.HasDatetime) || attributes.ItemProp == "datePublished") _dated.Add(el);
                if (state == Scored || (state == Outside && ReferenceEquals(el, body)))
                {
                    if (Invisible.Contains(name) || IsHidden(attributes.Hidden, attributes.Style)) childState = Skipped;
                    else
                    {
                        childState = Scored;
                        childParent = Register(el, name, parent, attributes);
                    }
                }
            }
            else if (node is not (IDocument or IDocumentFragment)) continue;
            // Children by index: AngleSharp's PreviousSibling searches the parent's child list, quadratic on wide nodes.
            var children = node.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--) stack.Push((children[k], childParent, childState));
        }
    }

    /// <summary>The attributes the walk reads, found in one pass over the element's attributes (each GetAttribute is a
    /// pass of its own).</summary>
    private readonly record struct Attributes(string? Class, string? Id, string? Style, bool Hidden, string? ItemProp, bool HasDatetime)
    {
        public static Attributes Of(IElement el)
        {
            var all = el.Attributes;
            if (all.Length == 0) return default;
            string? cls = null, id = null, style = null, itemProp = null;
            bool hidden = false, datetime = false;
            for (var i = 0; i < all.Length; i++)
            {
                var a = all[i]!;
                switch (a.Name)
                {
                    case "class": cls ??= a.Value; break;
                    case "id": id ??= a.Value; break;
                    case "style": style ??= a.Value; break;
                    case "hidden": hidden = true; break;
                    case "itemprop": itemProp ??= a.Value; break;
                    case "datetime": datetime = true; break;
                }
            }
            return new Attributes(cls, id, style, hidden, itemProp, datetime);
        }
    }

    private int Register(IElement el, string name, int parent, Attributes attributes)
    {
        var idx = _elements.Count;
        _elements.Add(el);
        _index[el] = idx;
        _parents.Add(parent);
        var block = Blocks.Contains(name);
        _blocks.Add(block || parent < 0 ? idx : _blocks[parent]);
        _inLink.Add(name == "a" || (!block && parent >= 0 && _inLink[parent]));
        var words = attributes.Class is null && attributes.Id is null ? " " : ((attributes.Class ?? "") + " " + (attributes.Id ?? "")).ToLowerInvariant();
        _words.Add(words);
        _furniture.Add((parent >= 0 && _furniture[parent]) || IsStrongFurniture(name, words));
        _text.Add(0); _link.Add(0); _punct.Add(0);
        _direct.Add(default);
        return idx;
    }

    /// <summary>Text held directly by element <paramref name="i"/>: counts for it and for its nearest block.</summary>
    private void CountText(int i, string data)
    {
        var (chars, punct, han) = Count(data);
        if (chars == 0) return;
        _text[i] += chars; _punct[i] += punct;
        var block = _blocks[i];
        var d = _direct[block];
        var link = _inLink[i] ? chars : 0;
        _direct[block] = (d.Text + chars, d.Punct + punct, d.Han + han, d.Link + link);
        if (link > 0) _link[i] += link;
    }

    /// <summary>Propagates the walk's measures up the tree and scores every block, in one pass over the measures
    /// (the own measures become subtree totals in place: children come after their parents in document order).</summary>
    private void Score()
    {
        var n = _elements.Count;
        var text = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_text);
        var link = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_link);
        var punct = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_punct);
        var parents = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_parents);
        var direct = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_direct);
        _score = new double[n];
        for (var i = n - 1; i > 0; i--)
        {
            var p = parents[i];
            if (p < 0) continue;
            text[p] += text[i]; link[p] += link[i]; punct[p] += punct[i];
        }
        for (var i = 0; i < n; i++)
        {
            var d = direct[i];
            if (d.Text < 10 || d.Link / d.Text > 0.5 || _furniture[i]) continue;
            var name = _elements[i].LocalName;
            if (name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1])) continue;
            // Chinese text scores: Han characters and full-width punctuation, not Latin boilerplate.
            if (d.Han < 5) continue;
            var s = 1 + d.Punct + Math.Min(d.Han / 100.0, 3);
            _score[i] += s;
            var a = parents[i];
            for (var level = 1; a >= 0 && level <= 5; level++, a = parents[a])
                _score[a] += level switch { 1 => s, 2 => s / 2, _ => s / (level * 3) };
        }
        _final = new double[n];
        for (var i = 0; i < n; i++) _final[i] = (_score[i] + ClassWeight(i)) * (1 - LinkDensity(i));
    }

    private double LinkDensity(int i) => _text[i] <= 0 ? 0 : _link[i] / _text[i];

    private static readonly string[] PositiveWords =
        ["article", "content", "artibody", "main", "post", "text", "entry", "story", "detail", "body", "news", "cont", "zw", "txt"];

    private static readonly System.Buffers.SearchValues<string> PositiveSearch = System.Buffers.SearchValues.Create(PositiveWords, StringComparison.Ordinal);

    /// <summary>Readability's class weight: +25 for article-like class/id words, -25 for furniture words.</summary>
    private double ClassWeight(int i)
    {
        if (_score[i] <= 0) return 0;
        var words = _words[i];
        if (words.Length <= 1) return 0;
        var weight = 0.0;
        if (words.AsSpan().ContainsAny(PositiveSearch)) weight += 25;
        if (words.AsSpan().ContainsAny(FurnitureSearch)) weight -= 25;
        // A class name alone does not make an article: the weight grows with the text score.
        return weight * Math.Min(1, _score[i] / 20);
    }

    private double Final(int i) => _final[i];

    private List<IElement> ChooseRoots()
    {
        if (_elements.Count == 0) return [];
        var top = 0;
        for (var i = 1; i < _elements.Count; i++)
            if (Final(i) > Final(top)) top = i;
        if (_score[top] <= 0) return [_elements[0]];
        var parent = _parents[top];
        if (parent < 0) return [_elements[top]];
        var threshold = Math.Max(10, Final(top) * 0.2);
        var roots = new List<IElement>();
        foreach (var sibling in _elements[parent].Children)
        {
            if (!_index.TryGetValue(sibling, out var s)) continue;
            if (s == top) { roots.Add(sibling); continue; }
            if (IsFurniture(sibling, s)) continue;
            var ld = LinkDensity(s);
            if (Final(s) >= threshold
                || (_text[s] > 80 && ld < 0.25 && _punct[s] >= 2)
                || (_text[s] is > 0 and <= 80 && ld == 0 && sibling.TextContent is var text && (text.Contains('。') || text.Contains('」'))))
                roots.Add(sibling);
        }
        AddDetachedBlocks(roots, Final(top));
        return roots;
    }

    private static bool IsStrongFurniture(string name, string words)
    {
        if (name is "nav" or "aside" or "footer" or "menu") return true;
        if (name is "body" or "html" or "main" or "article") return false;
        return words.Length > 1 && words.AsSpan().ContainsAny(StrongFurnitureSearch);
    }

    /// <summary>
    /// Strong text blocks before the chosen subtree (a lead summary above the body, as encyclopedia-style pages
    /// have): an element scoring at least 15% of the top with little link text, not overlapping a root, is
    /// added — the outermost such element, in document order.
    /// </summary>
    private void AddDetachedBlocks(List<IElement> roots, double topFinal)
    {
        var rootIdx = roots.Select(r => _index[r]).ToHashSet();
        var firstRoot = rootIdx.Min();
        var added = new List<int>();
        for (var i = 0; i < _elements.Count; i++)
        {
            if (i >= firstRoot) break;
            if (Final(i) < topFinal * 0.15 || LinkDensity(i) > 0.2 || _text[i] < 50) continue;
            if (IsAncestorOrSelfOfAny(i, rootIdx) || HasAncestorIn(i, rootIdx) || added.Any(a => IsAncestor(a, i))) continue;
            added.Add(i);
        }
        if (added.Count == 0) return;
        var all = rootIdx.Concat(added).Order().Select(i => _elements[i]).ToList();
        roots.Clear();
        roots.AddRange(all);
    }

    private bool IsAncestor(int ancestor, int i)
    {
        for (var a = _parents[i]; a >= 0; a = _parents[a]) if (a == ancestor) return true;
        return false;
    }

    private bool HasAncestorIn(int i, HashSet<int> set)
    {
        for (var a = _parents[i]; a >= 0; a = _parents[a]) if (set.Contains(a)) return true;
        return false;
    }

    private bool IsAncestorOrSelfOfAny(int i, HashSet<int> set) => set.Contains(i) || set.Any(r => IsAncestor(i, r));

    private bool IsFurniture(IElement el, int idx)
    {
        if (FurnitureTags.Contains(el.LocalName)) return true;
        var words = _words[idx];
        if (words.Length > 1 && words.AsSpan().ContainsAny(FurnitureSearch))
        {
            // A furniture-sounding wrapper that holds most of the article is not furniture.
            return _score[idx] < 15 || LinkDensity(idx) > 0.3;
        }
        return false;
    }

    // ---------- output ----------

    private void EmitBlock(IElement root, List<OutChar> output, IElement? titleNode, List<(int, int, string)> dropped, IElement top)
    {
        var stack = new Stack<(INode? Node, bool BlockEnd)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, blockEnd) = stack.Pop();
            if (blockEnd) { Newline(output); continue; }
            if (node is IText text) { EmitText(text, output); continue; }
            if (node is not IElement el) continue;
            var name = el.LocalName;
            if (Invisible.Contains(name) || IsHidden(el) || ReferenceEquals(el, titleNode)) continue;
            if (!_index.TryGetValue(el, out var idx)) continue;
            if (!ReferenceEquals(el, top) && (IsFurniture(el, idx) || IsLinkList(el, idx)))
            {
                if (_text[idx] >= 4 && SourceRange(el) is { } r) dropped.Add((r.Start, r.End, "html.furniture"));
                continue;
            }
            if (name == "br") { Newline(output); continue; }
            if (name == "table" && EmitTable(el, output, titleNode)) continue;
            var block = Blocks.Contains(name);
            if (block) Newline(output);
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '2' and <= '6' && _text[idx] > 0)
            {
                Insert(output, "## ");
                EmitInline(el, output);
                Newline(output);
                continue;
            }
            if (block) stack.Push((null, true));
            var children = el.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--) stack.Push((children[k], false));
        }
    }

    /// <summary>Largest rowspan/colspan honoured (a bigger one is a broken page).</summary>
    private const int MaxSpan = 50;


    /// <summary>Average characters per cell above which a table is text laid out in cells, not a table of figures.</summary>
    private const int MaxCellLength = 40;

    /// <summary>
    /// Writes a data table as Markdown pipe rows (<c>| label | 2025 | 2024 |</c>), one line per <c>tr</c>, so that the
    /// tables stage (Pipeline.Tables) reads it like any pipe table. <c>rowspan</c>/<c>colspan</c> are expanded onto a grid:
    /// the cell is written once, at its first slot, with its source offsets, and the slots it spans are left empty
    /// (the table reader carries an empty header cell on from the left and an empty label cell down from above). Layout tables (a table inside, the title inside, long cells), tables with few figures (under a fifth of
    /// the characters are digits) and tables of fewer than two rows of two cells are left to the default.
    /// </summary>
    private bool EmitTable(IElement table, List<OutChar> output, IElement? titleNode)
    {
        if (table.QuerySelector("table") is not null) return false;
        if (titleNode is not null && table.Contains(titleNode)) return false;
        if (_index.TryGetValue(table, out var tableIdx) && LinkDensity(tableIdx) > 0.2) return false;   // a table of links
        // Only tables of figures with short cells: a layout table holding the article stays as it was.
        var content = table.TextContent;
        var nonSpace = content.Count(c => !char.IsWhiteSpace(c));
        if (content.Count(char.IsAsciiDigit) * 5 < nonSpace) return false;
        var grid = new List<List<(IElement Cell, bool Origin)>>();
        var headerRows = -1;
        var pending = new Dictionary<int, (IElement Cell, int Left)>();
        foreach (var tr in table.QuerySelectorAll("tr"))
        {
            var line = new List<(IElement, bool)>();
            void Carry()
            {
                while (pending.TryGetValue(line.Count, out var p) && p.Left > 0)
                {
                    pending[line.Count] = (p.Cell, p.Left - 1);
                    line.Add((p.Cell, false));
                }
            }
            foreach (var cell in tr.Children)
            {
                if (cell.LocalName is not ("td" or "th") || IsHidden(cell)) continue;
                Carry();
                var colspan = Math.Clamp(int.TryParse(cell.GetAttribute("colspan"), out var c) ? c : 1, 1, MaxSpan);
                var rowspan = Math.Clamp(int.TryParse(cell.GetAttribute("rowspan"), out var r) ? r : 1, 1, MaxSpan);
                for (var k = 0; k < colspan; k++)
                {
                    if (rowspan > 1) pending[line.Count] = (cell, rowspan - 1);
                    line.Add((cell, k == 0));
                }
            }
            Carry();
            if (line.Count == 0) continue;
            // The leading rows of header cells (th, or inside thead) are the header: a separator row follows them.
            var header = line.All(x => x.Item1.LocalName == "th" || x.Item1.ParentElement?.ParentElement?.LocalName == "thead");
            if (!header && headerRows < 0) headerRows = grid.Count;
            grid.Add(line);
        }
        if (grid.Count(l => l.Count >= 2) < 2) return false;
        if (nonSpace > grid.Sum(l => l.Count) * MaxCellLength) return false;
        Newline(output);
        for (var row = 0; row < grid.Count; row++)
        {
            var line = grid[row];
            if (row == headerRows && row > 0)
            {
                Insert(output, "|" + string.Concat(Enumerable.Repeat(" --- |", grid[row - 1].Count)));
                Newline(output);
            }
            Insert(output, "|");
            foreach (var (cell, origin) in line)
            {
                Insert(output, " ");
                if (origin) EmitInline(cell, output);
                TrimEnd(output);
                Insert(output, " |");
            }
            Newline(output);
        }
        return true;
    }

    private bool IsLinkList(IElement el, int idx) =>
        Blocks.Contains(el.LocalName) && _text[idx] >= 8 && LinkDensity(idx) > 0.5;

    private (int Start, int End)? SourceRange(IElement el)
    {
        int start = int.MaxValue, end = -1;
        foreach (var t in el.Descendants<IText>())
        {
            var chars = _map.For(t);
            if (chars is null) continue;
            foreach (var c in chars)
            {
                if (c.Index < 0) continue;
                start = Math.Min(start, c.Index);
                end = Math.Max(end, c.Index + Math.Max(1, c.Length));
            }
        }
        return end > start ? (start, end) : null;
    }

    /// <summary>Writes an element's text on the current line (headings), ignoring inner blocks.</summary>
    private void EmitInline(IElement el, List<OutChar> output)
    {
        foreach (var t in el.Descendants<IText>())
        {
            if (t.ParentElement is { } p && (Invisible.Contains(p.LocalName))) continue;
            EmitText(t, output);
        }
    }

    private void EmitText(IText node, List<OutChar> output)
    {
        var data = node.Data;
        var chars = _map.For(node);
        SourceChar? pendingSpace = null;   // the first character of a whitespace run not yet written
        var pendingNewline = false;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var src = chars is not null && i < chars.Length ? chars[i] : new SourceChar(-1, 0);
            if (IsCollapsible(c))
            {
                pendingSpace ??= src;
                if (c == '\n') pendingNewline = true;
                continue;
            }
            if (c == '\u200B' || c == '\uFEFF') continue;
            if (pendingSpace is { } space)
            {
                var last = output.Count == 0 ? '\n' : output[^1].Value;
                var dropSpace = last == '\n' || last == ' ' || (pendingNewline && (Han.IsHan(last) || Han.IsHan(c)));
                if (!dropSpace) output.Add(new OutChar(' ', space));
                pendingSpace = null; pendingNewline = false;
            }
            output.Add(new OutChar(c, src));
        }
        if (pendingSpace is { } trailing && output.Count > 0 && output[^1].Value is not ('\n' or ' '))
            output.Add(new OutChar(' ', trailing));
    }

    private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0';

    private static void Newline(List<OutChar> output)
    {
        TrimEnd(output);
        if (output.Count > 0 && output[^1].Value != '\n') output.Add(new OutChar('\n', new SourceChar(-1, 0)));
    }

    private static void TrimEnd(List<OutChar> output)
    {
        while (output.Count > 0 && output[^1].Value == ' ') output.RemoveAt(output.Count - 1);
    }

    private static void Insert(List<OutChar> output, string s)
    {
        foreach (var c in s) output.Add(new OutChar(c, new SourceChar(-1, 0)));
    }

    // ---------- helpers ----------

    private static bool IsHidden(IElement el) => IsHidden(el.HasAttribute("hidden"), el.GetAttribute("style"));

    private static bool IsHidden(bool hiddenAttribute, string? style)
    {
        if (hiddenAttribute) return true;
        if (style is null || (style.IndexOf("none", StringComparison.OrdinalIgnoreCase) < 0 && style.IndexOf("hidden", StringComparison.OrdinalIgnoreCase) < 0))
            return false;
        var squashed = style.Replace(" ", "");
        return squashed.Contains("display:none", StringComparison.OrdinalIgnoreCase) || squashed.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static (int Chars, int Punct, int Han) Count(string s)
    {
        int chars = 0, punct = 0, han = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            chars++;
            if (PunctuationValues.Contains(c)) punct++;
            else if (Han.IsHan(c)) han++;
        }
        return (chars, punct, han);
    }


    internal static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

}
