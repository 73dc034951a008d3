using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Pipeline.Recognition;

/// <summary>What a recognizer may know besides the text: the culture and the date relative expressions resolve
/// against (the document's publication date; never the clock).</summary>
public sealed record RecognitionContext(CultureInfo Culture, LocalDate? ReferenceDate)
{
    public static RecognitionContext Chinese(LocalDate? referenceDate) => new(CultureInfo.GetCultureInfo("zh-Hans"), referenceDate);
}

/// <summary>Finds mentions of one family (money, dates…) in a text. Pure: same text and context, same mentions.</summary>
public interface IRecognizer
{
    string Name { get; }

    /// <summary>Appends what it finds to <paramref name="output"/>, in any order, overlaps allowed (the model merges them).</summary>
    void Recognize(string text, RecognitionContext context, List<Mention> output);
}
