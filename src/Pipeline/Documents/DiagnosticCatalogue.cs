using System.Collections.Generic;

namespace Pipeline.Documents;

/// <summary>
/// Every diagnostic code a document, an input or a claims file can carry, with its severity and meaning: ONE place.
/// The README's "Diagnostic codes" table is this list (a test keeps them equal, and checks that every code the library
/// reports is here). A new code is one line here, then the <see cref="Diagnostic"/> that reports it.
/// (Reconciliation's conflict diagnoses have their own catalogue: <c>DiagnosisCatalogue</c>.)
/// </summary>
public static class DiagnosticCatalogue
{
    public sealed record Entry(string Code, Severity Severity, string Meaning);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("decode.empty", Severity.Error, "the file is empty: nothing to decode (quarantined)"),
        new("decode.binary", Severity.Error, "the bytes are not text (an image, an archive): quarantined"),
        new("decode.failed", Severity.Error, "decoding threw: quarantined with the reason"),
        new("decode.undecodable-bytes", Severity.Warning, "bytes invalid in the detected encoding, replaced by U+FFFD, with their offsets"),
        new("decode.unknown-charset", Severity.Info, "the declared charset is not supported; the detected one was used"),
        new("decode.charset-mismatch", Severity.Warning, "the declared charset does not fit the bytes; decoded by the statistical check"),
        new("decode.private-use", Severity.Warning, "private-use characters in the text (often a broken font encoding)"),
        new("input.lone-surrogate", Severity.Warning, "unpaired surrogates (or their \\uD800 escapes in .jsonl) replaced by U+FFFD"),
        new("input.bad-date", Severity.Warning, "a .jsonl record's published date is not a valid date: treated as unknown"),
        new("manifest.bad-date", Severity.Warning, "a manifest date that cannot exist (2026-02-30): treated as unknown, then inferred from the text"),
        new("document.too-large", Severity.Error, "the decoded text is over the size limit for one article (4 million characters): quarantined"),
        new("html.empty", Severity.Error, "the page has no content: quarantined"),
        new("html.too-deep", Severity.Error, "markup nested deeper than the parser is given: stripped linearly, quarantined as malformed"),
        new("html.truncated", Severity.Warning, "the markup ends inside a tag: the page may be cut off"),
        new("html.redirect", Severity.Error, "the page only redirects (meta refresh or script): quarantined"),
        new("html.login-wall", Severity.Error, "the page shows a login wall instead of an article: quarantined"),
        new("html.no-text", Severity.Error, "the page has no article text: quarantined"),
        new("clean.empty", Severity.Error, "no article text remains after cleaning: quarantined"),
        new("clean.mojibake", Severity.Warning, "'?' damage or mojibake found in the text (flagged, repaired only where certain)"),
        new("clean.lost-decimal-point", Severity.Warning, "decimal points lost to spaces throughout the page (1 98%), repaired"),
        new("clean.spam-line", Severity.Info, "a keyword-stuffed line removed as gambling/porn spam"),
        new("clean.spam-hits", Severity.Info, "spam-lexicon hits in a passage kept as text"),
        new("clean.regex-timeout", Severity.Warning, "a boilerplate rule timed out on this text and was skipped"),
        new("chinese.converted", Severity.Info, "Traditional text converted to Simplified, with the profile and why it was chosen"),
        new("chinese.conversion-failed", Severity.Warning, "the Traditional → Simplified conversion failed: the text is kept as it was"),
        new("recognize.failed", Severity.Warning, "a recognizer threw: its mentions are left out, the rest of the document is kept"),
        new("bind.failed", Severity.Warning, "binding threw: no claims from this document, its clean text and mentions are kept"),
        new("table.parts-total", Severity.Warning, "a table's parts do not add up to its stated total"),
        new("pipeline.internal-error", Severity.Error, "a bug in a stage: the document is quarantined with the exception, the batch goes on"),
        new("reconcile.csv.missing-columns", Severity.Warning, "a claims file given to reconcile lacks required columns (exit code 2)"),
        new("reconcile.csv.empty", Severity.Warning, "a claims file given to reconcile has no header (exit code 2)"),
        new("reconcile.csv.incomplete-row", Severity.Warning, "a claims row lacks a required value: skipped (exit code 1)"),
        new("reconcile.csv.bad-qualifier", Severity.Warning, "a claims row's qualifier is not one of = ~ > >= < <=: read as = (exit code 1)"),
    ];
}
