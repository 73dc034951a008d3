using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline;

/// <summary>Reads a lexicon's YAML into its file type (snake_case keys); a malformed file is a
/// <see cref="PipelineConfigurationException"/> naming the source and the line.</summary>
internal static class LexiconYaml
{
    public static T Read<T>(string yaml, string sourceName) where T : class, new()
    {
        try
        {
            return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException e)
        {
            throw new PipelineConfigurationException($"{sourceName}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
