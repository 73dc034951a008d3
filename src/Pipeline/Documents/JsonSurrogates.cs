using System.Text;

namespace Pipeline.Documents;

/// <summary>Repairs JSON text whose <c>\uXXXX</c> escapes encode a lone UTF-16 surrogate (invalid in .NET's reader).</summary>
internal static class JsonSurrogates
{
    public static string ReplaceLoneSurrogateEscapes(string json, out int replaced)
    {
        replaced = 0;
        var sb = new StringBuilder(json.Length);
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length) { sb.Append(c); i++; continue; }
            if (json[i + 1] != 'u' || !TryHex(json, i + 2, out var unit))
            {
                sb.Append(c).Append(json[i + 1]); // any other escape, including an escaped backslash, is copied whole
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate((char)unit) && i + 12 <= json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryHex(json, i + 8, out var low) && char.IsLowSurrogate((char)low))
            {
                sb.Append(json, i, 12);
                i += 12;
                continue;
            }
            if (char.IsSurrogate((char)unit)) { sb.Append("\\uFFFD"); replaced++; }
            else sb.Append(json, i, 6);
            i += 6;
        }
        return sb.ToString();
    }

    private static bool TryHex(string s, int at, out int value)
    {
        value = 0;
        if (at + 4 > s.Length) return false;
        for (var k = 0; k < 4; k++)
        {
            var d = s[at + k];
            var v = d is >= '0' and <= '9' ? d - '0' : (d | 0x20) is >= 'a' and <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
            if (v < 0) return false;
            value = value * 16 + v;
        }
        return true;
    }
}
