using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Cleaning.Html;

/// <summary>The HTML extraction's words (<c>Lexicons/common/html.yaml</c>): byline labels and login-wall phrases.</summary>
public sealed class HtmlLexicon
{
    private const string Name = "Lexicons/common/html.yaml";
    private static readonly Lazy<HtmlLexicon> Embedded = new(() => Parse(LexiconResources.ReadText(Name)));

    public static HtmlLexicon Default => Embedded.Value;

    /// <summary>Labels before an author's name, in the order they are tried.</summary>
    public required IReadOnlyList<string> BylineLabels { get; init; }

    /// <summary>Phrases of a page that asks the reader to sign in (matched ignoring case).</summary>
    public required IReadOnlyList<string> LoginWalls { get; init; }

    public static HtmlLexicon Parse(string yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<HtmlFile>(yaml)
                   ?? new HtmlFile();
        static List<string> Words(List<string> words) => words.Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
        return new HtmlLexicon { BylineLabels = Words(file.BylineLabels), LoginWalls = Words(file.LoginWalls) };
    }

    private sealed class HtmlFile
    {
        public List<string> BylineLabels { get; set; } = [];
        public List<string> LoginWalls { get; set; } = [];
    }
}
