using System.Collections.Generic;
using System.Globalization;

namespace Pipeline.Text;

/// <summary>Script tests on characters: the one definition of "a Han character" the pipeline uses.</summary>
public static class Han
{
    /// <summary>A CJK ideograph: the unified block, extension A and the compatibility ideographs (BMP only).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>
    /// The stretches of <paramref name="text"/> worth an English recognizer: maximal runs without Han characters that
    /// hold a Latin letter or a currency symbol (<c>HK$116.20</c>, <c>US$1.32 billion</c>, a whole English article).
    /// Figures between Han characters (<c>2025 年</c>, <c>3.3%</c>) are left to the Chinese recognizers.
    /// </summary>
    public static IEnumerable<(int Start, int End)> LatinSpans(string text)
    {
        var start = 0;
        var worth = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || IsHan(text[i]))
            {
                if (worth && i > start) yield return (start, i);
                start = i + 1;
                worth = false;
                continue;
            }
            var c = text[i];
            if (!worth && (char.IsAsciiLetter(c) || c > '\u007f' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol || c == '$')) worth = true;
        }
    }
}
