using System;
using System.IO;
using System.Text;

namespace Pipeline;

/// <summary>
/// The data files under <c>src/Pipeline/Lexicons/</c>, embedded at build time as <c>Lexicons/&lt;folder&gt;/&lt;file&gt;</c>.
/// Every stage reads its words and patterns through here; a missing file is a configuration error at start-up, and so
/// is a YAML lexicon that does not match its schema in <see cref="LexiconSchemas"/> (unknown key, wrong type, unknown
/// unit), named with its file and line.
/// </summary>
public static class LexiconResources
{
    public static string ReadText(string name)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream(name)
                           ?? throw new PipelineConfigurationException($"embedded lexicon {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            LexiconValidator.Validate(name.StartsWith("Lexicons/", StringComparison.Ordinal) ? name["Lexicons/".Length..] : name, text);
        return text;
    }
}
