using System;
using System.Collections.Generic;
using System.Linq;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Text;

namespace Pipeline.Tests.Facts;

/// <summary>Builds hand-made mentions for substrings of a text (source span = span), standing in for the recognizers.</summary>
internal sealed class MentionKit(string text)
{
    private readonly List<Mention> _mentions = [];

    public string Text { get; } = text;

    public IReadOnlyList<Mention> Mentions => _mentions.OrderBy(m => m.Span.Start).ToList();

    public TextSpan SpanOf(string substring, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = Text.IndexOf(substring, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{substring}' (occurrence {occurrence}) is not in the text.");
        }
        return TextSpan.FromLength(at, substring.Length);
    }

    public MentionKit Add(MentionKind kind, string substring, Resolution value, Qualifier q = Qualifier.Exact, int occurrence = 1, TextSpan? equivalent = null)
    {
        var span = SpanOf(substring, occurrence);
        _mentions.Add(new Mention(kind, span, substring, value, q) { SourceSpan = span, EquivalentSpan = equivalent, Recognizer = "kit" });
        return this;
    }

    public MentionKit Money(string s, decimal amount, string currency = "CNY", Qualifier q = Qualifier.Exact, int occurrence = 1) =>
        Add(MentionKind.Money, s, new Money(amount, Currency.Of(currency)), q, occurrence);

    public MentionKit Pct(string s, decimal percent, Qualifier q = Qualifier.Exact, int occurrence = 1) =>
        Add(MentionKind.Percentage, s, new Percentage(percent), q, occurrence);

    public MentionKit Times(string s, decimal times, Qualifier q = Qualifier.Exact, int occurrence = 1) =>
        Add(MentionKind.Multiple, s, new Multiple(times), q, occurrence);

    public MentionKit Count(string s, decimal n, CountUnit unit = CountUnit.Count, Qualifier q = Qualifier.Exact, int occurrence = 1) =>
        Add(MentionKind.Number, s, new Number(n, 0, unit), q, occurrence);

    public MentionKit Period(string s, ReportingPeriod p, int occurrence = 1) =>
        Add(p.IsDay ? MentionKind.Date : MentionKind.Period, s, new PeriodResolution(p), Qualifier.Exact, occurrence);

    public MentionKit Day(string s, int y, int m, int d, int occurrence = 1) => Period(s, ReportingPeriod.Day(y, m, d), occurrence);

    public MentionKit Year(string s, int y, int occurrence = 1) => Period(s, ReportingPeriod.Year(y), occurrence);

    /// <summary>Two money mentions that state one amount in two currencies (<c>13.2 亿美元（92.93 亿元人民币）</c>).</summary>
    public MentionKit Pair(string first, decimal a, string ca, string second, decimal b, string cb, Qualifier q = Qualifier.Exact)
    {
        var s1 = SpanOf(first);
        var s2 = SpanOf(second);
        Add(MentionKind.Money, first, new Money(a, Currency.Of(ca)), q, equivalent: s2);
        return Add(MentionKind.Money, second, new Money(b, Currency.Of(cb)), Qualifier.Exact, equivalent: s1);
    }

    public BindingInput Input(IReadOnlyList<Segment>? segments = null, string id = "doc") =>
        new(Text, segments ?? [new Segment(null, new TextSpan(0, Text.Length))], Mentions,
            SourceDocument.FromText(id, Text), new DocumentMetadata { Outlet = "测试报", Published = new NodaTime.LocalDate(2026, 1, 10) });

    public BindingResult Bind(IReadOnlyList<Segment>? segments = null) => ClaimBinder.CreateChinese().Bind(Input(segments));
}
