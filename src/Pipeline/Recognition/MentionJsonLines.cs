using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Text;

namespace Pipeline.Recognition;

/// <summary>
/// The <c>pipeline recognize</c> protocol: JSON lines <c>{"id", "text", "asOf"?}</c> in, one
/// <c>{"id", "mentions": [{"kind", "text", "start", "end", "value", "unit", "qualifier", "period_start",
/// "period_end"}]}</c> line out per input line (UTF-16 offsets, end exclusive). A bad line yields
/// <c>{"id", "error"}</c> and processing goes on.
/// <para>UTF-8 end to end: input bytes are read in blocks and cut at the last newline into chunks of whole lines; each
/// line is read with a <see cref="Utf8JsonReader"/> (only the text becomes a string: the recognizers read strings), and
/// a reused <see cref="Utf8JsonWriter"/> writes the chunk's output lines into one reused buffer. No per-line reader,
/// document, decoder or output string.</para>
/// <para>Chunks are recognized on up to <see cref="Workers"/> threads at once (the model is immutable and its
/// recognizers pure) and written in input order, so the output is the same, line for line, as one thread's.</para>
/// </summary>
public sealed class MentionJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int BlockSize = 1 << 16;

    private readonly RecognitionModel _model;
    private readonly ConcurrentBag<ChunkWriter> _writers = new();

    public MentionJsonLines(RecognitionModel model, int? workers = null)
    {
        _model = model;
        Workers = Math.Max(1, workers ?? Environment.ProcessorCount);
    }

    /// <summary>How many chunks are recognized at once (default: one per processor).</summary>
    public int Workers { get; }

    /// <summary>Reads every line of <paramref name="input"/> and writes one line per non-blank one. Returns the
    /// number of lines that could not be read.</summary>
    public static int Run(TextReader input, TextWriter output, LocalDate? asOf, RecognitionModel? model = null) =>
        new MentionJsonLines(model ?? RecognitionExtensions.CreateChineseModel()).Process(input, output, asOf);

    /// <summary>The same over text (a test's strings, a console writer): encoded to UTF-8, run, decoded.</summary>
    public int Process(TextReader input, TextWriter output, LocalDate? asOf)
    {
        using var bytesIn = new MemoryStream(Encoding.UTF8.GetBytes(input.ReadToEnd()));
        using var bytesOut = new MemoryStream();
        var errors = Process(bytesIn, bytesOut, asOf);
        output.Write(Encoding.UTF8.GetString(bytesOut.GetBuffer(), 0, (int)bytesOut.Length));
        return errors;
    }

    /// <inheritdoc cref="Run"/>
    public int Process(Stream input, Stream output, LocalDate? asOf)
    {
        var errors = 0;
        var pending = new Queue<Task<ChunkWriter>>();
        void WriteOldest()
        {
            var done = pending.Dequeue().GetAwaiter().GetResult();
            errors += done.Errors;
            output.Write(done.Written);
            done.Reset();
            _writers.Add(done);
        }
        void Submit(byte[] chunk, int length)
        {
            while (pending.Count >= 2 * Workers) WriteOldest();
            var writer = _writers.TryTake(out var w) ? w : new ChunkWriter(_model);
            pending.Enqueue(Workers == 1
                ? Task.FromResult(writer.Run(chunk, length, asOf))
                : Task.Run(() => writer.Run(chunk, length, asOf)));
        }

        var buffer = new byte[BlockSize];
        var filled = 0;
        while (true)
        {
            // Before waiting for more input, write what is already recognized (a slow producer still sees output).
            while (pending.Count > 0 && pending.Peek().IsCompleted) WriteOldest();
            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (read == 0)
            {
                if (filled > 0) Submit(buffer, filled);
                break;
            }
            var lastNewline = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (lastNewline < 0)
            {
                // One line longer than the buffer so far: grow it and read on.
                if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }
            // The whole lines go to a chunk of their own; the unfinished line moves to the front of a fresh buffer.
            var rest = filled - (lastNewline + 1);
            var next = new byte[Math.Max(BlockSize, rest * 2)];
            buffer.AsSpan(lastNewline + 1, rest).CopyTo(next);
            Submit(buffer, lastNewline + 1);
            buffer = next;
            filled = rest;
        }
        while (pending.Count > 0) WriteOldest();
        output.Flush();
        return errors;
    }

    /// <summary>Recognizes the lines of one chunk into its own output buffer (one per thread at a time).</summary>
    private sealed class ChunkWriter
    {
        private readonly RecognitionModel _model;
        private readonly ArrayBufferWriter<byte> _buffer = new(BlockSize * 2);
        private readonly Utf8JsonWriter _writer;
        private byte[] _lastAsOf = [];
        private LocalDate? _lastAsOfDate;

        public ChunkWriter(RecognitionModel model)
        {
            _model = model;
            _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        }

        public int Errors { get; private set; }

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        public void Reset()
        {
            _buffer.ResetWrittenCount();
            Errors = 0;
        }

        /// <summary>Every line of <paramref name="chunk"/>[..<paramref name="length"/>] (the last may lack its newline).</summary>
        public ChunkWriter Run(byte[] chunk, int length, LocalDate? asOf)
        {
            var start = 0;
            while (start < length)
            {
                var nl = chunk.AsSpan(start, length - start).IndexOf((byte)'\n');
                var end = nl < 0 ? length : start + nl;
                if (!Line(chunk.AsSpan(start, end - start), asOf)) Errors++;
                start = end + 1;
            }
            return this;
        }

        /// <summary>One input line (without its newline); false when it could not be read. Blank lines are skipped.</summary>
        private bool Line(ReadOnlySpan<byte> line, LocalDate? asOf)
        {
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (line.Trim((byte)' ').IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) return true;
            var ok = ProcessLine(line, asOf);
            _buffer.Write("\n"u8);
            return ok;
        }

        /// <summary>One input line into the buffer; false (with an error line written) when it cannot be read.</summary>
        private bool ProcessLine(ReadOnlySpan<byte> line, LocalDate? asOf)
        {
            var mark = _buffer.WrittenCount;
            string? id = null;
            try
            {
                var reader = new Utf8JsonReader(line);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a line must be a JSON object");
                string? text = null;
                var reference = asOf;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        id = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Null => null,
                            _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                        };
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    }
                    else if (reader.ValueTextEquals("text"u8))
                    {
                        reader.Read();
                        text = reader.TokenType == JsonTokenType.String ? reader.GetString()
                            : reader.TokenType == JsonTokenType.Null ? null : throw new InvalidOperationException("text must be a string");
                    }
                    else if (reader.ValueTextEquals("asOf"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String && AsOf(reader.ValueSpan, reader.ValueIsEscaped) is { } d) reference = d;
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
                if (text is null) throw new KeyNotFoundException("the line has no \"text\"");
                WriteMentions(_writer, id, _model.Recognize(text, RecognitionContext.Chinese(reference)));
                _writer.Flush();
                _writer.Reset();
                return true;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _writer.Reset();
                // Drop whatever this line wrote before it failed; keep the lines before it.
                if (_buffer.WrittenCount > mark)
                {
                    var kept = _buffer.WrittenSpan[..mark].ToArray();
                    _buffer.ResetWrittenCount();
                    _buffer.Write(kept);
                }
                _writer.WriteStartObject();
                _writer.WriteString("id", id);
                _writer.WriteString("error", e.Message);
                _writer.WriteEndObject();
                _writer.Flush();
                _writer.Reset();
                return false;
            }
        }

        /// <summary>An ISO date, parsed once per distinct value (a file's lines usually share one).</summary>
        private LocalDate? AsOf(ReadOnlySpan<byte> value, bool escaped)
        {
            if (!escaped && value.SequenceEqual(_lastAsOf)) return _lastAsOfDate;
            var parsed = LocalDatePattern.Iso.Parse(Encoding.UTF8.GetString(value));
            _lastAsOf = escaped ? [] : value.ToArray();
            _lastAsOfDate = parsed.Success ? parsed.Value : null;
            return _lastAsOfDate;
        }
    }

    /// <summary>One output line (without its newline) as a string: for callers outside the stream protocol.</summary>
    public static string Write(string? id, IReadOnlyList<Mention> mentions)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) WriteMentions(w, id, mentions);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMentions(Utf8JsonWriter w, string? id, IReadOnlyList<Mention> mentions)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("mentions");
        foreach (var m in mentions)
        {
            w.WriteStartObject();
            w.WriteString("kind", m.Kind.ToCode());
            w.WriteString("text", m.Text);
            w.WriteNumber("start", m.Span.Start);
            w.WriteNumber("end", m.Span.End);
            if (m.Value is NumericResolution n)
            {
                w.WriteNumber("value", n.Value);
                w.WriteString("unit", n.UnitCode);
                w.WriteNumber("precision", n.Precision);
                if (m.RangeEnd is NumericResolution hi) w.WriteNumber("value_end", hi.Value);
            }
            else
            {
                w.WriteNull("value");
                w.WriteString("unit", "");
            }
            w.WriteString("qualifier", m.Qualifier.ToSymbol());
            if (m.Period is { } p)
            {
                Span<char> date = stackalloc char[10];
                w.WriteString("period_start", Iso(p.Start, date));
                w.WriteString("period_end", Iso(p.End, date));
                w.WriteString("period", p.Label);
            }
            else
            {
                w.WriteNull("period_start");
                w.WriteNull("period_end");
            }
            if (m.EquivalentSpan is { } e)
            {
                w.WriteNumber("equivalent_start", e.Start);
                w.WriteNumber("equivalent_end", e.End);
            }
            if (m.IsPerShare) w.WriteBoolean("per_share", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>yyyy-MM-dd into <paramref name="into"/> (years 0..9999), without a string.</summary>
    private static ReadOnlySpan<char> Iso(LocalDate d, Span<char> into)
    {
        if (d.Year is < 0 or > 9999) return LocalDatePattern.Iso.Format(d);
        d.Year.TryFormat(into, out _, "D4", System.Globalization.CultureInfo.InvariantCulture);
        into[4] = '-';
        d.Month.TryFormat(into[5..], out _, "D2", System.Globalization.CultureInfo.InvariantCulture);
        into[7] = '-';
        d.Day.TryFormat(into[8..], out _, "D2", System.Globalization.CultureInfo.InvariantCulture);
        return into;
    }
}
