using System;
using System.IO;
using System.Text;

namespace Pipeline.Output;

/// <summary>
/// Text written now and copied out later (a section of the audit, written fact by fact and put together at the end):
/// held in memory up to <see cref="MemoryChars"/> characters, then moved to a temporary file that is deleted when the
/// spool is disposed, so that a report of any size costs the process a bounded amount of memory. Lines end in
/// <c>\n</c>; <see cref="CopyTo"/> writes them with the target's line ends.
/// </summary>
public sealed class TextSpool : TextWriter
{
    /// <summary>Characters held in memory before the text moves to a file (512 KB of UTF-16).</summary>
    public const int DefaultMemoryChars = 256 * 1024;

    private readonly StringBuilder _memory = new();
    private readonly int _memoryChars;
    private FileStream? _file;
    private StreamWriter? _fileWriter;
    private bool _disposed;

    public TextSpool(int memoryChars = DefaultMemoryChars)
    {
        _memoryChars = memoryChars;
        NewLine = "\n";
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Whether the text has moved to a file.</summary>
    public bool Spilled => _file is not null;

    /// <summary>The temporary file the text moved to (null while it is in memory).</summary>
    internal string? FilePath => _file?.Name;

    /// <summary>How many characters it holds in memory.</summary>
    public int MemoryChars => _memory.Length;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fileWriter is not null)
        {
            _fileWriter.Write(buffer);
            return;
        }
        _memory.Append(buffer);
        if (_memory.Length > _memoryChars) Spill();
    }

    private void Spill()
    {
        _file = SpoolFile.Create("text", 1);
        _fileWriter = new StreamWriter(_file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        foreach (var chunk in _memory.GetChunks()) _fileWriter.Write(chunk.Span);
        _memory.Clear();
        _memory.Capacity = 0;
    }

    /// <summary>Writes everything written so far to <paramref name="w"/>, each <c>\n</c> as its <see cref="TextWriter.NewLine"/>.
    /// The spool can be written to again afterwards and copied again.</summary>
    public void CopyTo(TextWriter w)
    {
        if (_file is null)
        {
            foreach (var chunk in _memory.GetChunks()) WriteLines(chunk.Span, w);
            return;
        }
        _fileWriter!.Flush();
        using var reader = new StreamReader(SpoolFile.OpenRead(_file), new UTF8Encoding(false), false, 1 << 16);
        var buffer = new char[1 << 15];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0) WriteLines(buffer.AsSpan(0, n), w);
    }

    private static void WriteLines(ReadOnlySpan<char> text, TextWriter w)
    {
        if (w.NewLine == "\n")
        {
            w.Write(text);
            return;
        }
        while (text.IndexOf('\n') is var i and >= 0)
        {
            w.Write(text[..i]);
            w.Write(w.NewLine);
            text = text[(i + 1)..];
        }
        w.Write(text);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fileWriter?.Dispose();
            _file?.Dispose();
            _fileWriter = null;
            _file = null;
            _memory.Clear();
            _disposed = true;
        }
        base.Dispose(disposing);
    }
}
