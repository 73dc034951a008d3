using System;
using System.Threading.Tasks;
using Pipeline.Chinese;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Facts.Binding;
using Pipeline.Recognition;
using Pipeline.Recognition.English;
using Pipeline.Tables;

namespace Pipeline;

/// <summary>
/// Mutable lists of parts, turned into an immutable <see cref="ExtractionPipeline"/> by <see cref="Build"/>
/// (Markdig's builder). Each stage has one <c>Use…</c> extension in its namespace (<c>UseHtmlExtraction</c>,
/// <c>UseSpamFilter</c>, <c>UseChineseConversion</c>, …; <c>UseCleaning</c> is the composite of the cleaning ones);
/// <see cref="CreateDefault"/> wires the standard chain. Order is the order of each list: an extension that must
/// precede or follow another part places itself with <see cref="OrderedList{T}.InsertBefore{TAnchor}"/> or
/// <see cref="OrderedList{T}.InsertAfter{TAnchor}"/>; there is no other ordering mechanism. Configuration errors (a
/// missing native library, a bad lexicon) throw here, at start-up, never per document.
/// </summary>
public sealed class ExtractionPipelineBuilder
{
    public IDecoder Decoder { get; set; } = new TextDecoder();

    /// <summary>Text stages in the order they run (HTML extraction, repairs, conversion, filters, normalisation); a
    /// stage whose <see cref="ITextStage.AppliesTo"/> is false for a document's format is skipped for it.</summary>
    public OrderedList<ITextStage> TextStages { get; } = new();

    /// <summary>The metadata phase, after the text stages: each enricher returns new metadata (title, dateline, region).</summary>
    public OrderedList<IMetadataEnricher> Enrichers { get; } = new();

    public ISegmenter Segmenter { get; set; } = new HeadingSegmenter();

    /// <summary>Recognizers in priority order: on equal-length overlaps the earlier one wins.</summary>
    public OrderedList<IRecognizer> Recognizers { get; } = new();

    public IClaimBinder Binder { get; set; } = new NullClaimBinder();

    /// <summary>Reads tables after binding (null: tables are not read). See <see cref="TablesExtensions.UseTables"/>.</summary>
    public TableStage? Tables { get; set; }

    /// <summary>Size guard: a decoded document longer than this (UTF-16 code units) is quarantined, not processed.
    /// News articles are far shorter; the guard keeps a pathological input from stalling a worker.</summary>
    public int MaxDocumentLength { get; set; } = 4_000_000;

    /// <summary>Builds the immutable pipeline from the lists as they are.</summary>
    public ExtractionPipeline Build() =>
        new(Decoder, TextStages.ToArray(), Enrichers.ToArray(), Segmenter, new RecognitionModel(Recognizers.ToArray()), Binder,
            MaxDocumentLength, Tables);

    /// <summary>The standard chain: cleaning, Chinese conversion, the Chinese then the English recognizers, claim binding,
    /// tables.</summary>
    public static ExtractionPipelineBuilder CreateDefault()
    {
        var loading = LoadSharedDataAside();
        var builder = new ExtractionPipelineBuilder()
            .UseCleaning()
            .UseChineseConversion()
            .UseRecognizers()
            .UseEnglishRecognizers()
            .UseClaimBinding()
            .UseTables();
        // The chain above used every one of them: an error has already been thrown from it, where it always was.
        try { loading.Wait(); } catch (AggregateException) { }
        return builder;
    }

    /// <summary>
    /// Start-up is mostly loading data that does not depend on each other: the recognizers' lexicon (about half),
    /// the binder's and the tables' lexicons, OpenCC's tables. They are shared, load-once values, so loading the
    /// recognizers' and the binder's on other threads while this one opens OpenCC makes start-up on two cores or more
    /// about the longest of them instead of their sum; the chain then finds them loaded (or waits for them).
    /// </summary>
    private static Task LoadSharedDataAside() => Task.WhenAll(
        Task.Run(() => _ = ChineseLexicon.Default),
        Task.Run(() =>
        {
            _ = EntityLexicon.Default;
            _ = MetricLexicon.Chinese;
            _ = MetricLexicon.English;
            _ = BindingLexicon.Default;
            _ = TableLexicon.Default;
        }));
}

/// <summary>A binder that binds nothing: every mention stays unbound.</summary>
public sealed class NullClaimBinder : IClaimBinder
{
    public BindingResult Bind(BindingInput input) => new([], input.Mentions);
}
