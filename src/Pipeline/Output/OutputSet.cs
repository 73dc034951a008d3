using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Pipeline.Output;

/// <summary>
/// A command's outputs, replaced together only once all of them are written: each is written beside its final name
/// (<c>.facts.csv.tmp-…</c>) and <see cref="Commit"/> renames them into place. A command that fails before the commit
/// leaves the previous outputs as they were, and its temporary files are removed.
/// </summary>
public sealed class OutputSet : IDisposable
{
    private readonly string _dir;
    private readonly List<(string Temp, string Final)> _pending = [];
    private readonly string _tag = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];

    public OutputSet(string dir)
    {
        _dir = dir;
        Directory.CreateDirectory(dir);
    }

    /// <summary>Names (relative to the folder) written so far, in order.</summary>
    public IEnumerable<string> Names => _pending.Select(p => Path.GetRelativePath(_dir, p.Final));

    public void Write(string name, Action<Stream> write)
    {
        var final = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.tmp-{_tag}");
        _pending.Add((temp, final));
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }

    public void WriteText(string name, Action<TextWriter> write, bool bom = false) => Write(name, s =>
    {
        using var w = new StreamWriter(s, new UTF8Encoding(bom), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(w);
    });

    public void WriteTable<TRow>(Table<TRow> table, IEnumerable<TRow> rows, ITableWriter writer, OutputOptions options) =>
        Write($"{table.Name}.{writer.Format}", s => writer.Write(s, table, rows, options));

    /// <summary>Renames every output into place.</summary>
    public void Commit()
    {
        foreach (var (temp, final) in _pending) File.Move(temp, final, overwrite: true);
        _pending.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _) in _pending)
            try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        _pending.Clear();
    }
}
