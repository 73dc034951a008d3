using System;
using System.Linq;
using NUnit.Framework;
using Pipeline.Text;

namespace Pipeline.Tests.Support;

/// <summary>What must hold for every document result, however bad the input (Lucene's ValidatingTokenFilter idea).</summary>
public static class Invariants
{
    public static void Check(DocumentResult r)
    {
        var n = r.Document.Original.Length;
        void InBounds(TextSpan s, string what) =>
            Assert.That(s.Start >= 0 && s.End <= n && s.Start <= s.End, Is.True, $"{what} {s} outside the original [0, {n}]");

        Assert.That(r.Diagnostics.Where(d => d.Code == "pipeline.internal-error").Select(d => d.Message), Is.Empty,
            "a stage threw: bad input must become a diagnostic, not an exception");
        if (r.Status == DocumentStatus.Quarantined)
            Assert.That(r.QuarantineReason, Is.Not.Null.And.Not.Empty, "a quarantined document says why");
        foreach (var m in r.Mentions)
        {
            InBounds(m.SourceSpan, "mention");
            Assert.That(m.Span.End, Is.LessThanOrEqualTo(r.Clean.Length), "mention span inside the clean text");
        }
        foreach (var c in r.Claims) InBounds(c.Provenance.SourceSpan, "claim");
        foreach (var x in r.Removals) InBounds(x.Span, "removal");
        foreach (var d in r.Diagnostics) if (d.Span is { } s) InBounds(s, $"diagnostic {d.Code}");
        foreach (var s in r.Segments) Assert.That(s.Span.End, Is.LessThanOrEqualTo(r.Clean.Length), "segment inside the clean text");

        // The composed map is monotone and stays in bounds (sampled for long texts).
        var step = Math.Max(1, r.Clean.Length / 2000);
        var previous = 0;
        for (var i = 0; i <= r.Clean.Length; i += step)
        {
            var start = r.Clean.Map.ToSourceStart(i);
            Assert.That(start, Is.InRange(previous, n), $"map at {i}");
            previous = start;
        }
    }
}
