using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Output;

namespace Pipeline.Documents;

/// <summary>Document ids: control characters are stripped (they reach file names, CSV cells and terminals), and an
/// id becomes a bounded, collision-free file name.</summary>
public static class DocumentIds
{
    /// <summary>Longest file name stem written (UTF-8 bytes), well under the 255-byte limit of common file systems.</summary>
    public const int MaxStemBytes = 120;

    /// <summary>The id of a file: its name without the extension, cleaned.</summary>
    public static string FromPath(string path)
    {
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));
        var id = Clean(name);
        return id.Length > 0 ? id : "_" + Hash(name);
    }

    /// <summary>An id without control characters, trimmed.</summary>
    public static string Clean(string id) => ConsoleText.Strip(id).Trim();

    /// <summary>
    /// The file name stem for an id. An id that is already a safe, short name is used as it is; any other (path
    /// separators, characters file systems refuse, a leading dot, too long) is made safe, shortened, and given a hash
    /// of the whole id as a suffix (<c>a/b</c> → <c>a_b~3f1c9a2b</c>), so two ids never share a file: a changed name
    /// always carries a suffix, which an unchanged one cannot collide with unless it is spelled that way on purpose.
    /// </summary>
    public static string FileStem(string id)
    {
        var safe = new StringBuilder(id.Length);
        foreach (var c in id) safe.Append(IsSafe(c) ? c : '_');
        var stem = safe.ToString();
        var changed = stem != id || stem.Length == 0 || stem[0] == '.' || stem[0] == '-' || stem.Contains('~');
        if (!changed && Encoding.UTF8.GetByteCount(stem) <= MaxStemBytes) return stem;
        var cut = Truncate(stem.TrimStart('.', '-'), MaxStemBytes - 9);
        return $"{cut}~{Hash(id)}";
    }

    private static bool IsSafe(char c) =>
        !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|') && c != '\uFFFD';

    private static string Truncate(string s, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(s) <= maxBytes) return s;
        var bytes = 0;
        var i = 0;
        while (i < s.Length)
        {
            var n = Encoding.UTF8.GetByteCount(s.AsSpan(i, 1));
            if (bytes + n > maxBytes) break;
            bytes += n;
            i++;
        }
        return s[..i];
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..8];
}
