using System;
using Pipeline.Documents;

namespace Pipeline.Cleaning;

/// <summary>The publication date when none was given: a dateline, a date at the start of one of the first lines of the
/// cleaned text (<c>2026-01-18 10:59</c>, <c>2019年09月07日</c>, <c>发布时间：2019-09-07</c>), marked
/// <see cref="DocumentMetadata.PublishedInferred"/>.</summary>
public sealed class DatelineEnricher : IMetadataEnricher
{
    private const int DatelineLines = 15;

    public string Name => "dateline";

    public DocumentMetadata Enrich(EnrichmentInput input) =>
        input.Metadata.Published is null && FindDateline(input.Text.Text) is { } date
            ? input.Metadata with { Published = date, PublishedInferred = true }
            : input.Metadata;

    internal static NodaTime.LocalDate? FindDateline(string text)
    {
        var n = 0;
        var bodyBegun = false;
        foreach (var line in TextLine.Split(text))
        {
            var (s, e) = line.Trimmed(text);
            if (e == s) continue;
            if (++n > DatelineLines) break;
            // A dateline starts with the date, maybe after a short label ("发布时间：", "来源：xx 2019-09-07").
            var found = DateFinder.FindFirst(text, s, Math.Min(e - s, 40));
            if (found is { } f && f.Start - s <= 12 && e - s <= MaxDatelineLength && !(bodyBegun && OpensTimeline(text, f.End, e))) return f.Date;
            bodyBegun |= e - s > MaxDatelineLength;
        }
        return null;
    }

    private const int MaxDatelineLength = 80;

    /// <summary>True when the date opens the first entry of a timeline (2025年3月6日，证监会…；3月26日，…提交招股书；…): a
    /// statement after it, and further entries after a semicolon. After the body has begun, such a line tells the
    /// history of the story, not the day the page was published.</summary>
    private static bool OpensTimeline(string text, int dateEnd, int lineEnd)
    {
        var i = dateEnd;
        while (i < lineEnd && text[i] == ' ') i++;
        return i < lineEnd && text[i] is '，' or ',' && text.AsSpan(i, lineEnd - i).IndexOfAny('；', ';') >= 0;
    }
}
