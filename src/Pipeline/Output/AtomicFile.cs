using System;
using System.IO;
using System.Text;

namespace Pipeline.Output;

/// <summary>Writes a file under a temporary name and renames it into place, so a reader (or an interrupted run)
/// never sees a half-written output.</summary>
public static class AtomicFile
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<TextWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new StreamWriter(stream, Utf8, 1 << 16) { NewLine = "\n" })
            write(writer);
        File.Move(temp, path, overwrite: true);
    }

    public static void WriteText(string path, string text) => Write(path, w => w.Write(text));
}
