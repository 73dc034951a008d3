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
    public static string Segments(IReadOnlyList<Segment> segments) => Write(segments, 48, static (w, s) =>
    {
        w.WriteStartObject();
        w.WriteString("Title", s.Title);
        w.WriteNumber("Start", s.Span.Start);
        w.WriteNumber("End", s.Span.End);
        w.WriteEndObject();
    });

    /// <summary><c>[{"Start":…,"End":…,"Reason":…}, …]</c></summary>
    public static string Removals(IReadOnlyList<Removal> removals) => Write(removals, 48, static (w, r) =>
    {
        w.WriteStartObject();
        w.WriteNumber("Start", r.Span.Start);
        w.WriteNumber("End", r.Span.End);
        w.WriteString("Reason", r.Reason);
        w.WriteEndObject();
    });

    /// <summary><c>["…", …]</c>: each diagnostic as text.</summary>
    public static string Diagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        Write(diagnostics, 64, static (w, d) => w.WriteStringValue(d.ToString()));

    /// <summary>A JSON array of the items, each written by <paramref name="item"/>.</summary>
    private static string Write<T>(IReadOnlyList<T> items, int bytesPerItem, System.Action<Utf8JsonWriter, T> item)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + bytesPerItem * items.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var x in items) item(w, x);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
