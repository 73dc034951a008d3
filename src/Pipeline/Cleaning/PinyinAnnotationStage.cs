using System.Collections.Generic;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Strips pinyin annotations injected after characters, <c>產(chǎn)業(yè)</c> → <c>產業</c>: a parenthesised single
/// syllable of lower-case pinyin letters with at least one tone mark (so <c>(app)</c>, <c>(AI)</c> or <c>(2025)</c>
/// stay). Half- and full-width parentheses. Runs before conversion, which would not know what to do with them.
/// </summary>
public sealed class PinyinAnnotationStage : ITextStage
{
    private const string ToneMarked = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

    public string Name => "pinyin";
    public StageText Apply(string input, DocumentContext context)
    {
        var cuts = new List<Cut>();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] is not ('(' or '（')) continue;
            var end = MatchAnnotation(input, i);
            if (end > 0) { cuts.Add(Cut.Span(i, end, "pinyin-annotation")); i = end - 1; }
        }
        return cuts.Count == 0 ? StageText.Original(input) : Removals.Apply(input, cuts, context);
    }

    /// <summary>End (exclusive) of an annotation starting at the parenthesis at <paramref name="i"/>, or -1.</summary>
    internal static int MatchAnnotation(string s, int i)
    {
        var close = s[i] == '(' ? ')' : '）';
        var j = i + 1;
        var tones = 0;
        while (j < s.Length && j - i <= 7 && IsPinyinLetter(s[j], ref tones)) j++;
        var length = j - i - 1;
        if (length is < 1 or > 6 || tones != 1 || j >= s.Length || s[j] != close) return -1;
        return j + 1;
    }

    private static bool IsPinyinLetter(char c, ref int tones)
    {
        if (c is >= 'a' and <= 'z' or 'ü') return true;
        if (ToneMarked.Contains(c)) { tones++; return true; }
        return false;
    }
}
