using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Pipeline.Documents;

/// <summary>Reads a <c>.jsonl</c> file line by line from a stream with bounded memory: a line longer than the limit is
/// skipped unread (its length counted) instead of being loaded, so a 350 MB one-line file costs a 64 KB buffer.</summary>
internal static class JsonlLines
{
    /// <summary>One line: its 1-based number, its text (null when over the limit) and its length in bytes.</summary>
    public readonly record struct Line(int Number, string? Text, long Bytes);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static IEnumerable<Line> Read(string path, long maxBytes)
    {
        // An iterator: the file is opened on the first MoveNext, where the reader catches what opening throws.
        foreach (var line in Read(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), maxBytes))
            yield return line;
    }

    public static IEnumerable<Line> Read(Stream stream, long maxBytes)
    {
        using (stream)
        {
            var buffer = new byte[1 << 16];
            var line = new MemoryStream();
            long lineBytes = 0;
            var number = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var start = 0;
                while (start < n)
                {
                    var nl = Array.IndexOf(buffer, (byte)'\n', start, n - start);
                    var end = nl < 0 ? n : nl;
                    var length = end - start;
                    if (lineBytes + length <= maxBytes) line.Write(buffer, start, length);
                    lineBytes += length;
                    if (nl < 0) break;
                    yield return Emit(++number, line, lineBytes, maxBytes);
                    line.SetLength(0);
                    lineBytes = 0;
                    start = nl + 1;
                }
            }
            if (lineBytes > 0) yield return Emit(++number, line, lineBytes, maxBytes);
        }
    }

    private static Line Emit(int number, MemoryStream line, long bytes, long maxBytes)
    {
        if (bytes > maxBytes) return new Line(number, null, bytes);
        var span = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (number == 1 && span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (span.Length > 0 && span[^1] == '\r') span = span[..^1];
        return new Line(number, Utf8.GetString(span), bytes);
    }

    /// <summary>A line of only spaces, tabs and carriage returns: skipped, not a record (the same test as the count).</summary>
    public static bool IsBlank(string text) => text.AsSpan().Trim(" \t\r").IsEmpty;

    /// <summary>Lines with something other than white space (what the reader turns into records), streamed.</summary>
    public static long CountNonBlank(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var buffer = new byte[1 << 16];
            long count = 0;
            var content = false;
            int n;
            var first = true;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                for (var i = first && buffer.AsSpan(0, n).StartsWith("\uFEFF"u8) ? 3 : 0; i < n; i++, first = false)
                {
                    var b = buffer[i];
                    if (b == '\n') { if (content) count++; content = false; }
                    else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) content = true;
                }
            return content ? count + 1 : count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 1;
        }
    }
}
