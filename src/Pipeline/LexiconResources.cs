using System.Text;

namespace Pipeline;

/// <summary>
/// The data files under <c>src/Pipeline/Lexicons/</c>, embedded at build time as <c>Lexicons/&lt;folder&gt;/&lt;file&gt;</c>.
/// Every stage reads its words and patterns through here; a missing file is a configuration error at start-up.
/// </summary>
public static class LexiconResources
{
    public static string ReadText(string name)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream(name)
                           ?? throw new PipelineConfigurationException($"embedded lexicon {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
