using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Pipeline.Recognition;

/// <summary>What a recognizer may know besides the text: the culture and the date relative expressions resolve
/// against (the document's publication date; never the clock).</summary>
public sealed record RecognitionContext(CultureInfo Culture, LocalDate? ReferenceDate)
{
    // Looked up once: CultureInfo.GetCultureInfo takes a lock on every call (about 6% of `pipeline recognize`, which
    // builds a context per line).
    private static readonly CultureInfo ZhHans = CultureInfo.GetCultureInfo("zh-Hans");

    public static RecognitionContext Chinese(LocalDate? referenceDate) => new(ZhHans, referenceDate);
}

/// <summary>Finds mentions of one family (money, dates…) in a text. Pure: same text and context, same mentions.</summary>
public interface IRecognizer
{
    string Name { get; }

    /// <summary>Appends what it finds to <paramref name="output"/>, in any order, overlaps allowed (the model merges them).</summary>
    void Recognize(string text, RecognitionContext context, List<Mention> output);
}
