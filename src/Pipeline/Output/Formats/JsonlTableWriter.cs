using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Pipeline.Output.Formats;

/// <summary>One JSON object per line, keys in column order. Integers, reals and booleans are JSON values; decimals
/// stay strings so that no reader rounds them; a missing value is <c>null</c>.</summary>
public sealed class JsonlTableWriter : ITableWriter
{
    public string Format => "jsonl";

    public void Write<TRow>(Stream stream, Table<TRow> table, IEnumerable<TRow> rows, OutputOptions options)
    {
        var names = table.Columns.Select(c => JsonEncodedText.Encode(c.Name, DatasetWriter.Json.Encoder)).ToArray();
        var jsonOptions = new JsonWriterOptions { Encoder = DatasetWriter.Json.Encoder, SkipValidation = true };
        // Rows go to a buffer, handed to the stream 64 KB at a time: a writer over the stream itself flushes the stream
        // at every row (Utf8JsonWriter.Flush does), one system call per line of a mentions file of 30,000 lines.
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        using var json = new Utf8JsonWriter(buffer, jsonOptions);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var c = table.Columns[i];
                var v = c.Get(row);
                json.WritePropertyName(names[i]);
                if (v is null) { json.WriteNullValue(); continue; }
                switch (c.Type)
                {
                    case ColumnType.Integer when long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l):
                        json.WriteNumberValue(l);
                        break;
                    case ColumnType.Real when double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _):
                        json.WriteRawValue(v, skipInputValidation: true);
                        break;
                    case ColumnType.Boolean:
                        json.WriteBooleanValue(v == "true");
                        break;
                    default:
                        json.WriteStringValue(v);
                        break;
                }
            }
            json.WriteEndObject();
            json.Flush();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            json.Reset();
            if (buffer.WrittenCount >= 1 << 16) Drain(buffer, stream);
        }
        json.Flush();
        Drain(buffer, stream);
    }

    private static void Drain(ArrayBufferWriter<byte> buffer, Stream stream)
    {
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }
}
