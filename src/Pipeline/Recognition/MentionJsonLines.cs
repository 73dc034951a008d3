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
/// One <see cref="Utf8JsonWriter"/> over one growing buffer serves every line (reset between lines), and the UTF-8
/// bytes go out through one reused char buffer: no per-line stream, array or string for the output.
/// </summary>
public sealed class MentionJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RecognitionModel _model;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private char[] _chars = new char[4096];

    public MentionJsonLines(RecognitionModel model)
    {
        _model = model;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Reads every line of <paramref name="input"/> and writes one line per non-blank one. Returns the
    /// number of lines that could not be read.</summary>
    public static int Run(TextReader input, TextWriter output, LocalDate? asOf, RecognitionModel? model = null) =>
        new MentionJsonLines(model ?? RecognitionExtensions.CreateChineseModel()).Process(input, output, asOf);

    /// <inheritdoc cref="Run"/>
    public int Process(TextReader input, TextWriter output, LocalDate? asOf)
    {
        var errors = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!ProcessLine(line, asOf)) errors++;
            Flush(output);
        }
        return errors;
    }

    /// <summary>One input line into the buffer; false (with an error line written) when it cannot be read.</summary>
    private bool ProcessLine(string line, LocalDate? asOf)
    {
        string? id = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            id = root.TryGetProperty("id", out var idEl) ? idEl.ToString() : null;
            var text = root.GetProperty("text").GetString() ?? "";
            var reference = asOf;
            if (root.TryGetProperty("asOf", out var a) && a.ValueKind == JsonValueKind.String
                && LocalDatePattern.Iso.Parse(a.GetString()!) is { Success: true } parsed) reference = parsed.Value;
            WriteMentions(_writer, id, _model.Recognize(text, RecognitionContext.Chinese(reference)));
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _writer.Reset();
            _buffer.ResetWrittenCount();
            _writer.WriteStartObject();
            _writer.WriteString("id", id);
            _writer.WriteString("error", e.Message);
            _writer.WriteEndObject();
            return false;
        }
    }

    private void Flush(TextWriter output)
    {
        _writer.Flush();
        var bytes = _buffer.WrittenSpan;
        var need = Encoding.UTF8.GetMaxCharCount(bytes.Length) + 1;
        if (_chars.Length < need) _chars = new char[Math.Max(need, _chars.Length * 2)];
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        _chars[n++] = '\n';
        output.Write(_chars, 0, n);
        _writer.Reset();
        _buffer.ResetWrittenCount();
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
                w.WriteString("period_start", LocalDatePattern.Iso.Format(p.Start));
                w.WriteString("period_end", LocalDatePattern.Iso.Format(p.End));
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
}
