using System;

namespace Pipeline.Text;

/// <summary>The language a stretch of text is written in, as far as the pipeline needs to know.</summary>
public enum ContentLanguage { Unknown, Chinese, English, Mixed }

/// <summary>
/// Tells Chinese from English (or a real mix) by script: Han characters against Latin words. A Chinese sentence
/// that quotes <c>HK$</c>, <c>MiniMax</c> or <c>AGI</c> is still Chinese; an English paragraph that names 智谱 is
/// still English. Linear, allocation-free.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Share of the other script above which a text counts as mixed.</summary>
    private const double MixedShare = 0.35;

    public static ContentLanguage Detect(ReadOnlySpan<char> text)
    {
        int han = 0, latinWords = 0, latinLetters = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (Han.IsHan(c)) { han++; inWord = false; continue; }
            if (char.IsAsciiLetter(c))
            {
                latinLetters++;
                if (!inWord) latinWords++;
                inWord = true;
                continue;
            }
            inWord = false;
        }
        if (han == 0 && latinLetters == 0) return ContentLanguage.Unknown;
        // A Latin word weighs about as much as one and a half Han characters (an average Chinese word).
        var chinese = (double)han;
        var english = latinWords * 1.5;
        var total = chinese + english;
        if (english / total < MixedShare) return ContentLanguage.Chinese;
        if (chinese / total < MixedShare) return ContentLanguage.English;
        return ContentLanguage.Mixed;
    }


    /// <summary>Same as <see cref="Han.IsHan"/> (the one definition), kept for callers written before it.</summary>
    public static bool IsHan(char c) => Han.IsHan(c);

    /// <summary>The BCP 47 tag recognizers and lexicons are chosen by.</summary>
    public static string ToCulture(this ContentLanguage language) => language == ContentLanguage.English ? "en" : "zh-Hans";
}
