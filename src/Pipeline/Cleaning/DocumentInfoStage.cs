using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Fills metadata the page did not give, from the cleaned text (the text itself is unchanged): the title from the
/// first <c># heading</c>, or a short first line without sentence punctuation; the publication date from a
/// dateline — a date at the start of one of the first lines (<c>2026-01-18 10:59</c>, <c>2019年09月07日</c>,
/// <c>发布时间：2019-09-07</c>) — marked <see cref="DocumentMetadata.PublishedInferred"/>. Given metadata wins.
/// </summary>
public sealed class DocumentInfoStage : ITextStage
{
    private const int DatelineLines = 15;

    public string Name => "document-info";
    public StagePhase Phase => StagePhase.Normalize;

    public StageText Apply(string input, DocumentContext context)
    {
        var m = context.Metadata;
        var title = m.Title ?? FindTitle(input);
        var published = m.Published;
        var inferred = m.PublishedInferred;
        if (published is null && FindDateline(input) is { } d) { published = d; inferred = true; }
        if (title != m.Title || published != m.Published)
            context.Metadata = m with { Title = title, Published = published, PublishedInferred = inferred };
        return StageText.Original(input);
    }

    internal static string? FindTitle(string text)
    {
        var seen = 0;
        foreach (var line in TextLine.Split(text))
        {
            var (s, e) = line.Trimmed(text);
            if (e == s) continue;
            var t = text[s..e];
            if (t.StartsWith("# ", StringComparison.Ordinal)) return t[2..].Trim();
            if (++seen > 3) break;
            if (seen == 1 && t.Length is >= 4 and <= 60 && t.IndexOfAny(['。', '，', ',', '！', '；']) < 0 && !char.IsAsciiDigit(t[0]))
                return t;
        }
        return null;
    }

    internal static NodaTime.LocalDate? FindDateline(string text)
    {
        var n = 0;
        foreach (var line in TextLine.Split(text))
        {
            var (s, e) = line.Trimmed(text);
            if (e == s) continue;
            if (++n > DatelineLines) break;
            // A dateline starts with the date, maybe after a short label ("发布时间：", "来源：xx 2019-09-07").
            var found = DateFinder.FindFirst(text, s, Math.Min(e - s, 40));
            if (found is { } f && f.Start - s <= 12 && e - s <= 80) return f.Date;
        }
        return null;
    }
}
