using System;
using System.IO;

namespace Pipeline.Output;

/// <summary>The temporary files the spools (<see cref="RowSpool{T}"/>, <see cref="TextSpool"/>) keep their contents in:
/// created new in the temporary folder, written through the handle they are created with, read back through handles of
/// their own, and deleted when the writing handle is closed.</summary>
internal static class SpoolFile
{
    /// <summary>A new temporary file, open for writing, deleted when the stream is disposed.</summary>
    public static FileStream Create(string kind, int bufferSize) =>
        new(Path.Combine(Path.GetTempPath(), $"pipeline-{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize, FileOptions.DeleteOnClose);

    /// <summary>A reading handle on a file <see cref="Create"/> made (flush the writing stream first).</summary>
    public static FileStream OpenRead(FileStream file) =>
        new(file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
}
