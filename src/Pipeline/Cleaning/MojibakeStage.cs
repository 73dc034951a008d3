using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Flags text damaged by a lossy re-encoding, where characters became <c>?</c> (<c>規?;?</c>, <c>特??萍</c>,
/// <c>?,F</c>) or U+FFFD: a warning <c>clean.mojibake</c> per damaged span, with its offsets. The text is left as it
/// is — guessing the lost characters would invent content. A <c>?</c> used as a question mark (after a clause, before
/// a new sentence, a quote or a line end) is not damage.
/// </summary>
public sealed class MojibakeStage : ITextStage
{
    public string Name => "mojibake";
    public StageText Apply(string input, DocumentContext context)
    {
        var i = 0;
        while (i < input.Length)
        {
            if (!IsDamaged(input, i)) { i++; continue; }
            // Grow the span over the damage cluster: '?', U+FFFD and the stray ASCII punctuation between them.
            var start = i;
            var end = i + 1;
            for (var j = i + 1; j < input.Length && j - end <= 2; j++)
            {
                if ((input[j] is '?' or '\uFFFD' && IsDamaged(input, j)) || input[j] == ';') end = j + 1;
                else if (input[j] is not (',' or '?' or '\uFFFD')) break;
            }
            context.Report(Diagnostic.Warning("clean.mojibake",
                $"'{input[start..end]}' looks like characters lost to '?' in a re-encoding", new TextSpan(start, end)));
            i = end;
        }
        return StageText.Original(input);
    }

    internal static bool IsDamaged(string s, int i)
    {
        var c = s[i];
        if (c == '\uFFFD') return true;
        if (c != '?') return false;
        var prev = i > 0 ? s[i - 1] : '\n';
        var next = i + 1 < s.Length ? s[i + 1] : '\n';
        var next2 = i + 2 < s.Length ? s[i + 2] : '\n';
        if (prev == '?' || next == '?') return true;                       // "??" never ends a sentence in news text
        if (next == ';') return true;                                      // "?;" is a GBK lead byte gone wrong
        if (next == ',' && char.IsAsciiLetterUpper(next2)) return true;    // "?,F" likewise
        if (Han.IsHan(prev) && char.IsAsciiDigit(next)) return true;  // "摹?8C": a digit glued to a question mark
        if ((prev == '\n' || prev == ' ') && next == ' ' && char.IsAsciiDigit(next2)) return true; // "? 2014-2026": a lost ©
        return false;
    }
}
