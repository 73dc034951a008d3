using System;
using System.Collections.Generic;
using System.Text;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Decimal points an extraction turned into spaces, as some aggregators' summaries do throughout a page (首日开盘即下跌
/// 1 98%, 报131 5港元/股, 营业收入1105 34亿元): a number, one space, then one or two digits right before a percent sign or
/// a Chinese unit. Repaired only where the page does it at least <see cref="MinimumRepeats"/> times (systematic damage,
/// not a layout), never after a year (2025 11月) and never inside a run of spaced numbers; each repair is reported. The
/// space becomes the point, one character for one, so offsets map exactly. Runs right before the spacing stage (which
/// keeps a space between two numbers anyway).
/// </summary>
public sealed class LostDecimalPointStage : ITextStage
{
    /// <summary>How many such figures a page must show before any is repaired.</summary>
    public const int MinimumRepeats = 2;

    public string Name => "lost-decimal-point";

    public StageText Apply(string input, DocumentContext context)
    {
        var spaces = new List<int>();
        for (var i = 1; i + 1 < input.Length; i++)
            if (input[i] == ' ' && IsLostPoint(input, i)) spaces.Add(i);
        if (spaces.Count < MinimumRepeats) return StageText.Original(input);
        var text = new StringBuilder(input);
        foreach (var i in spaces)
        {
            text[i] = '.';
            context.Report(Diagnostic.Warning("clean.lost-decimal-point",
                $"'{input[Start(input, i)..End(input, i)]}' read with a decimal point lost to a space", new TextSpan(i, i + 1)));
        }
        return new StageText(text.ToString(), OffsetMap.Identity(input.Length));
    }

    private static bool IsLostPoint(string s, int i)
    {
        var start = Start(s, i);
        if (start == i) return false;
        // A run of spaced numbers (1 2 3) or a number with a point already (1.5 2) is no lost point.
        if (start > 0 && (char.IsAsciiDigit(s[start - 1]) || s[start - 1] is '.' or ',' or ' ' && start > 1 && char.IsAsciiDigit(s[start - 2]))) return false;
        // A year before the space is a date written with spaces (2025 11月).
        if (i - start == 4 && (s.AsSpan(start, 2).SequenceEqual("19") || s.AsSpan(start, 2).SequenceEqual("20"))) return false;
        var end = End(s, i);
        if (end - (i + 1) is < 1 or > 2 || end >= s.Length) return false;
        return s[end] is '%' or '％' || Han.IsHan(s[end]);
    }

    private static int Start(string s, int i)
    {
        var j = i;
        while (j > 0 && char.IsAsciiDigit(s[j - 1])) j--;
        return j;
    }

    private static int End(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        return j;
    }
}
