using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Pipeline.Documents;

/// <summary>
/// One input article as read: its bytes (or text given directly, as in a .jsonl record) and its metadata.
/// Identity is the file name without extension, or the record's id.
/// </summary>
public sealed record RawDocument(string Id, string Path, byte[] Bytes, DocumentFormat Format, DocumentMetadata Metadata)
{
    /// <summary>Text supplied already decoded (a .jsonl <c>text</c> or <c>html</c> field). Null for files.</summary>
    public string? Text { get; init; }

    /// <summary>Problems found while reading (e.g. a manifest row with an impossible date). Carried into the result.</summary>
    public IReadOnlyList<Diagnostic> ReadDiagnostics { get; init; } = [];

    private string? _hash;

    /// <summary>SHA-256 of the content, lowercase hex. Identical content under two names is one document.</summary>
    public string ContentHash => _hash ??= Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>This document without its content (bytes and text), its identity, metadata and content hash kept: what a
    /// batch holds of a document it reads again later (<see cref="CorpusReader.Reread"/>).</summary>
    public RawDocument Shell()
    {
        var hash = ContentHash;
        return this with { Bytes = [], Text = null, _hash = hash, IsRecordShell = Text is not null };
    }

    /// <summary>A shell of a JSON-lines record (whose <c>Path</c> is <c>file:line</c>).</summary>
    internal bool IsRecordShell { get; private init; }

    /// <summary>The shell given its content back.</summary>
    internal RawDocument WithContent(byte[] bytes, string? text) => this with { Bytes = bytes, Text = text, IsRecordShell = false };
}
