using System.Globalization;
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
/// </summary>
public static class MentionJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the number of lines that could not be read.</summary>
    public static int Run(TextReader input, TextWriter output, LocalDate? asOf, RecognitionModel? model = null)
    {
        model ??= RecognitionExtensions.CreateChineseModel();
        var errors = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
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
                output.WriteLine(Write(id, model.Recognize(text, RecognitionContext.Chinese(reference))));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                errors++;
                output.WriteLine(JsonSerializer.Serialize(new { id, error = e.Message }));
            }
        }
        return errors;
    }

    public static string Write(string? id, IReadOnlyList<Mention> mentions)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
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
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
