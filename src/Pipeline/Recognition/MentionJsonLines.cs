using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Pipeline.Recognition;

/// <summary>
/// The <c>pipeline recognize</c> protocol: JSON lines <c>{"id", "text", "asOf"?}</c> in, one
/// <c>{"id", "mentions": [{"kind", "text", "start", "end", "value", "unit", "qualifier", "period_start",
/// "period_end"}]}</c> line out per input line (UTF-16 offsets, end exclusive). A bad line yields
/// <c>{"id", "error"}</c> and processing goes on.
/// <para>UTF-8 end to end: input bytes are read into one reused buffer and split at newlines, each line is read with a
/// <see cref="Utf8JsonReader"/> (only the text becomes a string: the recognizers read strings), and one
/// <see cref="Utf8JsonWriter"/> writes every output line into one reused buffer that goes to the output stream in
/// blocks. No per-line reader, document, decoder or output string.</para>
/// </summary>
public sealed class MentionJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int FlushAt = 1 << 16;

    private readonly RecognitionModel _model;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private readonly Utf8JsonWriter _writer;
    private byte[] _lastAsOf = [];
    private LocalDate? _lastAsOfDate;

    public MentionJsonLines(RecognitionModel model)
    {
        _model = model;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

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
        var buffer = new byte[FlushAt];
        int filled = 0, start = 0;
        while (true)
        {
            var read = input.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var scan = filled;
            filled = end;
            while (true)
            {
                var nl = buffer.AsSpan(scan, filled - scan).IndexOf((byte)'\n');
                if (nl < 0) break;
                var lineEnd = scan + nl;
                if (!Line(buffer.AsSpan(start, lineEnd - start), asOf, output)) errors++;
                start = scan = lineEnd + 1;
            }
            if (read == 0)
            {
                if (filled > start && !Line(buffer.AsSpan(start, filled - start), asOf, output)) errors++;
                break;
            }
            // Keep the unfinished line at the front; grow when one line fills the buffer.
            var rest = filled - start;
            if (start > 0) Buffer.BlockCopy(buffer, start, buffer, 0, rest);
            else if (rest == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            filled = rest;
            start = 0;
        }
        Flush(output, force: true);
        return errors;
    }

    /// <summary>One input line (without its newline); false when it could not be read. Blank lines are skipped.</summary>
    private bool Line(ReadOnlySpan<byte> line, LocalDate? asOf, Stream output)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (line.Trim((byte)' ').IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) return true;
        var ok = ProcessLine(line, asOf);
        _buffer.Write("\n"u8);
        Flush(output, force: false);
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

    private void Flush(Stream output, bool force)
    {
        if (_buffer.WrittenCount == 0 || !force && _buffer.WrittenCount < FlushAt) return;
        output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        if (force) output.Flush();
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
