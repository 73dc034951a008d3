using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Pipeline.Documents;

namespace Pipeline.Storage;

/// <summary>
/// The JSON of a document row's segment, removal and diagnostic columns, written directly: what the serializer wrote
/// for the same shapes (property names as declared, the default escaping), without reflection over them for every
/// document the store writes.
/// </summary>
internal static class StoredJson
{
    /// <summary><c>[{"Title":…,"Start":…,"End":…}, …]</c></summary>
    public static string Segments(IReadOnlyList<Segment> segments) => Write(segments, static (w, s) =>
    {
        w.WriteString("Title", s.Title);
        w.WriteNumber("Start", s.Span.Start);
        w.WriteNumber("End", s.Span.End);
    });

    /// <summary><c>[{"Start":…,"End":…,"Reason":…}, …]</c></summary>
    public static string Removals(IReadOnlyList<Removal> removals) => Write(removals, static (w, r) =>
    {
        w.WriteNumber("Start", r.Span.Start);
        w.WriteNumber("End", r.Span.End);
        w.WriteString("Reason", r.Reason);
    });

    /// <summary><c>["…", …]</c>: each diagnostic as text.</summary>
    public static string Diagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + 64 * diagnostics.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics) w.WriteStringValue(d.ToString());
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Write<T>(IReadOnlyList<T> items, System.Action<Utf8JsonWriter, T> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + 48 * items.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartObject();
                properties(w, item);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
