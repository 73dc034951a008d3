using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Recognition;
using Pipeline.Tables;
using Pipeline.Text;

namespace Pipeline;

/// <summary>
/// The per-document pipeline: decode → text stages (HTML, repair, conversion, spam, normalisation) → metadata
/// enrichers → segment → recognize → bind → tables.
/// Immutable once built (see <see cref="ExtractionPipelineBuilder"/>) and safe to share across worker threads.
/// <see cref="Process"/> never throws for bad input: problems become diagnostics and the document is quarantined.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IDecoder _decoder;
    private readonly IReadOnlyList<ITextStage> _textStages;
    private readonly IReadOnlyList<IMetadataEnricher> _enrichers;
    private readonly ISegmenter _segmenter;
    private readonly RecognitionModel _recognition;
    private readonly IClaimBinder _binder;
    private readonly int _maxDocumentLength;
    private readonly TableStage? _tables;

    internal ExtractionPipeline(IDecoder decoder, IReadOnlyList<ITextStage> textStages, IReadOnlyList<IMetadataEnricher> enrichers,
        ISegmenter segmenter, RecognitionModel recognition, IClaimBinder binder, int maxDocumentLength, TableStage? tables = null)
    {
        _tables = tables;
        _maxDocumentLength = maxDocumentLength;
        _decoder = decoder;
        _textStages = textStages;
        _enrichers = enrichers;
        _segmenter = segmenter;
        _recognition = recognition;
        _binder = binder;
    }

    /// <summary>Names of the stages in order, as they appear in timings.</summary>
    public IEnumerable<string> StageNames =>
        new[] { "decode" }.Concat(_textStages.Select(s => s.Name)).Concat(_enrichers.Count == 0 ? [] : [EnrichName])
            .Concat(["segment", "recognize", "bind"]).Concat(_tables is null ? [] : [TableStage.Name]);

    public RecognitionModel Recognition => _recognition;

    /// <summary>The timing name of the metadata phase (all enrichers together).</summary>
    public const string EnrichName = "enrich";

    public DocumentResult Process(RawDocument raw)
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var decodeDiagnostics = new List<Diagnostic>(raw.ReadDiagnostics);
        var clock = Stopwatch.StartNew();
        string original;
        try
        {
            original = raw.Text ?? _decoder.Decode(raw.Bytes, raw.Format, decodeDiagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            decodeDiagnostics.Add(Diagnostic.Error("decode.failed", $"decoding failed: {e.Message}"));
            original = "";
        }
        times["decode"] = clock.Elapsed;

        var document = new SourceDocument(raw.Id, raw.Path, raw.ContentHash, raw.Format, original, raw.Metadata);
        var context = new DocumentContext(document);
        foreach (var d in decodeDiagnostics) context.ReportAtSource(d);
        if (original.Length > _maxDocumentLength)
            context.ReportAtSource(Diagnostic.Error("document.too-large",
                $"decoded text is {original.Length:N0} characters, over the {_maxDocumentLength:N0}-character limit for one article"));
        if (context.HasErrors) return Quarantine(context, StageText.Original(original), times);

        var text = StageText.Original(original);
        try
        {
            foreach (var stage in _textStages)
            {
                if (!stage.AppliesTo(raw.Format)) continue;
                clock.Restart();
                context.CurrentMap = text.Map;
                var local = stage.Apply(text.Text, context);
                text = text.Then(local);
                Accumulate(times, stage.Name, clock.Elapsed);
                if (context.HasErrors) return Quarantine(context, text, times);
            }
            context.CurrentMap = text.Map;

            clock.Restart();
            var metadata = context.Metadata;
            foreach (var enricher in _enrichers)
                metadata = enricher.Enrich(new EnrichmentInput(document, text, metadata));
            if (_enrichers.Count > 0) times[EnrichName] = clock.Elapsed;

            clock.Restart();
            var segments = _segmenter.Segment(text.Text);
            times["segment"] = clock.Elapsed;

            clock.Restart();
            var published = metadata.Published;
            var problems = new List<Diagnostic>();
            var mentions = _recognition.Recognize(text.Text, RecognitionContext.Chinese(published), problems)
                .Select(m => m with { SourceSpan = text.ToSource(m.Span), RangeEndSourceSpan = m.RangeEndSpan is { } hi ? text.ToSource(hi) : null })
                .ToList();
            foreach (var p in problems) context.ReportAtSource(p);
            times["recognize"] = clock.Elapsed;

            var read = new ReadDocument(document, metadata, text, segments, mentions, [.. context.Diagnostics], [.. context.Removals]);
            return Bind(read, context, times);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(context, e, text, times);
        }
    }

    /// <summary>
    /// Binds a document read earlier (<see cref="DocumentResult.Read"/>) again, with the metadata it now carries: the
    /// batch's second pass gives an undated article its company's coverage this way without decoding, cleaning,
    /// converting and recognizing it a second time (none of those reads the coverage). The result is the one
    /// <see cref="Process"/> gives the document with that metadata.
    /// </summary>
    public DocumentResult Rebind(ReadDocument read)
    {
        var context = DocumentContext.Resume(read);
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        try
        {
            return Bind(read, context, times);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(context, e, read.Text, times, read.Metadata);
        }
    }

    /// <summary>A bug in a stage must not take the batch down or lose the document: it is quarantined with the reason.</summary>
    private static DocumentResult InternalError(DocumentContext context, Exception e, StageText text, Dictionary<string, TimeSpan> times,
        DocumentMetadata? metadata = null)
    {
        context.ReportAtSource(Diagnostic.Error("pipeline.internal-error", $"{e.GetType().Name}: {e.Message}"));
        return Quarantine(context, text, times, metadata);
    }

    /// <summary>Binding and tables over a document read up to its mentions.</summary>
    private DocumentResult Bind(ReadDocument read, DocumentContext context, Dictionary<string, TimeSpan> times)
    {
        var (document, metadata, text, segments, mentions) = (read.Document, read.Metadata, read.Text, read.Segments, read.Mentions);
        var clock = Stopwatch.StartNew();
        BindingResult binding;
        try
        {
            binding = _binder.Bind(new BindingInput(text.Text, segments, mentions, document, metadata));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing binding rule loses the claims, not the article: its clean text and mentions are kept.
            context.ReportAtSource(Diagnostic.Warning("bind.failed", $"binding failed ({e.GetType().Name}: {e.Message}); no claims from this document"));
            binding = new BindingResult([], mentions);
        }
        times["bind"] = clock.Elapsed;

        var claims = binding.Claims;
        var tables = TableResult.Empty;
        if (_tables is not null)
        {
            clock.Restart();
            tables = _tables.Read(text, binding, document, metadata, context);
            claims = MergeTableClaims(binding.Claims, tables);
            times[TableStage.Name] = clock.Elapsed;
        }

        if (text.Text.AsSpan().Trim().IsEmpty)
            context.ReportAtSource(Diagnostic.Error("clean.empty", "no article text remains after cleaning"));
        if (context.HasErrors) return Quarantine(context, text, times, metadata);

        return new DocumentResult(document, metadata, DocumentStatus.Processed, null, text, segments, mentions,
            claims, binding.Unbound, context.Removals, context.Diagnostics, times)
        {
            Entities = binding.Entities, UnboundReasons = binding.UnboundReasons, Tables = tables.Tables, Subject = binding.Subject,
            Read = read,
        };
    }

    /// <summary>The binder's claims, then the tables'. A binder claim inside a table that yielded claims is dropped:
    /// the table's reading of its cells (column periods, unit note) supersedes a sentence reading of a row.</summary>
    private static IReadOnlyList<Claim> MergeTableClaims(IReadOnlyList<Claim> bound, TableResult tables)
    {
        if (tables.Claims.Count == 0) return bound;
        var kept = bound.Where(c => !tables.BodySpans.Any(b => b.Contains(c.Provenance.SourceSpan))).ToList();
        kept.AddRange(tables.Claims.Select(t => t.Claim));
        return kept;
    }

    private static void Accumulate(Dictionary<string, TimeSpan> times, string name, TimeSpan elapsed) =>
        times[name] = times.TryGetValue(name, out var t) ? t + elapsed : elapsed;

    private static DocumentResult Quarantine(DocumentContext context, StageText text, Dictionary<string, TimeSpan> times,
        DocumentMetadata? metadata = null)
    {
        var reason = string.Join("; ", context.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Code}: {d.Message}"));
        return new DocumentResult(context.Document, metadata ?? context.Metadata, DocumentStatus.Quarantined, reason, text, [], [], [], [],
            context.Removals, context.Diagnostics, times);
    }
}
