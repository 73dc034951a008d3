using System;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Output;

/// <summary>
/// Rows made one at a time and read back, in order, as often as asked (the fact and conflict rows of a reconciliation:
/// written to the store and to each dataset format once all are made): kept in a temporary file, deleted when the spool
/// is disposed, so that what the process holds does not grow with the rows. Each row is its JSON (source-generated, so
/// that nothing is reflected at run time) behind its length.
/// </summary>
public sealed class RowSpool<T> : IReadOnlyCollection<T>, IDisposable
{
    private readonly JsonTypeInfo<T> _info;
    private readonly FileStream _file;
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private int _count;

    public RowSpool(JsonTypeInfo<T> info)
    {
        _info = info;
        _file = SpoolFile.Create("rows", 1 << 16);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public int Count => _count;

    /// <summary>The temporary file holding the rows.</summary>
    internal string FilePath => _file.Name;

    public void Add(T row)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, row, _info);
        _json.Flush();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, _buffer.WrittenSpan.Length);
        _file.Write(length);
        _file.Write(_buffer.WrittenSpan);
        _count++;
    }

    public void AddRange(IEnumerable<T> rows)
    {
        foreach (var row in rows) Add(row);
    }

    public IEnumerator<T> GetEnumerator()
    {
        _file.Flush();
        var end = _file.Length;
        using var read = SpoolFile.OpenRead(_file);
        var length = new byte[4];
        var row = new byte[4096];
        while (read.Position < end)
        {
            read.ReadExactly(length);
            var n = BinaryPrimitives.ReadInt32LittleEndian(length);
            if (row.Length < n) row = new byte[Math.Max(n, row.Length * 2)];
            read.ReadExactly(row, 0, n);
            yield return JsonSerializer.Deserialize(row.AsSpan(0, n), _info)!;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}

/// <summary>The rows a reconciliation spools (<see cref="RowSpool{T}"/>), serialised by generated code.</summary>
[JsonSerializable(typeof(FactRow))]
[JsonSerializable(typeof(ConflictRow))]
internal sealed partial class SpooledRowsJson : JsonSerializerContext;
