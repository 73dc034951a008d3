using System;
using System.Collections.Generic;

namespace Pipeline.Recognition.English;

/// <summary>Small scanning helpers for English text: case-insensitive whole-word matching at a position.</summary>
internal static class EnglishText
{
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>True when <paramref name="word"/> (lower case) stands at <paramref name="i"/> as a whole word.</summary>
    public static bool WordAt(string text, int i, string word)
    {
        if (i < 0 || i + word.Length > text.Length) return false;
        if (string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var end = i + word.Length;
        var needsBoundaryAfter = IsWordChar(word[^1]);
        var needsBoundaryBefore = IsWordChar(word[0]);
        return (!needsBoundaryAfter || end == text.Length || !IsWordChar(text[end]))
               && (!needsBoundaryBefore || i == 0 || !IsWordChar(text[i - 1]));
    }

    /// <summary>The first word of <paramref name="words"/> (longest first) standing at <paramref name="i"/>.</summary>
    public static string? FirstWordAt(string text, int i, IReadOnlyList<string> words)
    {
        foreach (var w in words) if (WordAt(text, i, w)) return w;
        return null;
    }

    /// <summary>The first word of <paramref name="words"/> ending exactly at <paramref name="end"/>.</summary>
    public static string? FirstWordEndingAt(string text, int end, IEnumerable<string> words)
    {
        foreach (var w in words) if (end - w.Length >= 0 && WordAt(text, end - w.Length, w)) return w;
        return null;
    }
}
