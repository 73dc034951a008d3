namespace Pipeline.Facts;

/// <summary>A phrase found in a text: its payload and where it is.</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Value);

/// <summary>
/// Finds lexicon phrases in a text in one left-to-right pass: at each position the longest phrase wins and the scan
/// resumes after it (non-overlapping). Phrases are bucketed by first character and the scan jumps between characters
/// that start a phrase, so the cost is linear in the text times the few phrases sharing a first character. Latin
/// phrases match only at word boundaries.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<char, (string Phrase, T Value)[]> _byFirst;
    private readonly System.Buffers.SearchValues<char> _firsts;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        _byFirst = phrases.Where(p => p.Phrase.Length > 0)
            .GroupBy(p => p.Phrase[0])
            .ToDictionary(g => g.Key, g => g.DistinctBy(p => p.Phrase).OrderByDescending(p => p.Phrase.Length).ToArray());
        _firsts = System.Buffers.SearchValues.Create(_byFirst.Keys.ToArray());
    }

    public List<PhraseMatch<T>> FindAll(string text)
    {
        var found = new List<PhraseMatch<T>>();
        var i = 0;
        while (i < text.Length)
        {
            // Jump to the next character that starts some phrase (vectorised search), then try its phrases.
            var skip = text.AsSpan(i).IndexOfAny(_firsts);
            if (skip < 0) break;
            i += skip;
            if (_byFirst.TryGetValue(text[i], out var candidates))
            {
                var matched = false;
                foreach (var (phrase, value) in candidates)
                {
                    if (i + phrase.Length > text.Length || string.CompareOrdinal(text, i, phrase, 0, phrase.Length) != 0) continue;
                    if (!AtWordBoundary(text, i, i + phrase.Length, phrase)) continue;
                    found.Add(new PhraseMatch<T>(i, i + phrase.Length, value));
                    i += phrase.Length;
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            i++;
        }
        return found;
    }

    private static bool AtWordBoundary(string text, int start, int end, string phrase)
    {
        if (char.IsAsciiLetterOrDigit(phrase[0]) && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) return false;
        if (char.IsAsciiLetterOrDigit(phrase[^1]) && end < text.Length && char.IsAsciiLetterOrDigit(text[end])) return false;
        return true;
    }
}
