using System.Linq;
using System.Text;

namespace Pipeline.Output;

/// <summary>Text from articles, ids and paths made safe for a terminal: control characters (escape sequences,
/// carriage returns, bidi overrides) are shown as <c>\x1B</c>-style escapes instead of acting on the terminal.</summary>
public static class ConsoleText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(IsUnsafe)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            if (IsUnsafe(c)) sb.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
            else sb.Append(c);
        return sb.ToString();
    }

    /// <summary>C0 and C1 controls and DEL (a newline too: one message is one line), and the bidirectional
    /// overrides and isolates that reorder what a terminal shows.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Removes what <see cref="IsUnsafe"/> flags (for ids, which become file names and CSV cells).</summary>
    public static string Strip(string text) => text.Any(IsUnsafe) ? new string(text.Where(c => !IsUnsafe(c)).ToArray()) : text;
}
