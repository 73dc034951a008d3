using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Chinese;

/// <summary>
/// Builds the project's OpenCC configurations from the standard ones: every dictionary path made absolute
/// (OpenCC looks in the working directory first) and the project-owned override dictionary
/// (<c>Lexicons/opencc/overrides.tsv</c>, tab-separated) put ahead of the standard dictionaries in the segmentation
/// and in every step of the conversion chain. The files are written to a private temporary folder, opened, and
/// deleted: OpenCC reads everything at open time.
/// </summary>
internal static class ProjectConfig
{
    internal const string OverridesResource = "Lexicons/opencc/overrides.tsv";
    internal const string PhraseTriggersResource = "Lexicons/opencc/phrase-triggers.txt";

    private static readonly Lazy<IReadOnlyList<OverrideEntry>> LazyOverrides = new(() => ParseOverrides(LexiconResources.ReadText(OverridesResource)));

    /// <summary>All override entries (Traditional or mixed text → Mainland Simplified).</summary>
    internal static IReadOnlyList<OverrideEntry> Overrides => LazyOverrides.Value;

    /// <summary>The entries that apply to <paramref name="profile"/>.</summary>
    internal static IEnumerable<OverrideEntry> OverridesFor(ChineseProfile profile) => Overrides.Where(o => o.AppliesTo(profile));

    /// <summary>Opens the standard configuration for <paramref name="profile"/>, with or without the overrides.</summary>
    internal static OpenCcConverter Open(ChineseProfile profile, bool withOverrides)
    {
        var standard = OpenCcData.File(profile.ConfigName() + ".json");
        if (!withOverrides) return OpenCcConverter.Open(standard);
        DirectoryInfo dir;
        try
        {
            dir = Directory.CreateTempSubdirectory("pipeline-opencc-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpenCcUnavailableException($"cannot write the OpenCC project configuration to the temp folder ({e.Message}).", suggestInstall: false, e);
        }
        try
        {
            var configPath = Write(profile, dir.FullName);
            return OpenCcConverter.Open(configPath);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Writes the project configuration for <paramref name="profile"/> and its override dictionary into
    /// <paramref name="directory"/>; returns the configuration path. Also used by tests to run the CLI on it.</summary>
    internal static string Write(ChineseProfile profile, string directory)
    {
        var dictPath = Path.Combine(directory, $"pipeline-overrides-{profile.ConfigName()}.txt");
        var sb = new StringBuilder();
        foreach (var o in OverridesFor(profile)) sb.Append(o.From).Append('\t').Append(o.To).Append('\n');
        File.WriteAllText(dictPath, sb.ToString(), new UTF8Encoding(false));

        var standardPath = OpenCcData.File(profile.ConfigName() + ".json");
        JsonNode root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(standardPath)) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new OpenCcUnavailableException($"OpenCC configuration '{standardPath}' is not valid JSON ({e.Message}).", e);
        }
        var overrideDict = new JsonObject { ["type"] = "text", ["file"] = dictPath };
        root["name"] = $"Pipeline {profile.ConfigName()} with project overrides";
        if (root["segmentation"]?["dict"] is JsonNode seg)
            root["segmentation"]!["dict"] = WithOverride(seg, overrideDict);
        if (root["conversion_chain"] is JsonArray chain)
            foreach (var step in chain)
                if (step?["dict"] is JsonNode d) step["dict"] = WithOverride(d, overrideDict);
        var configPath = Path.Combine(directory, $"pipeline-{profile.ConfigName()}.json");
        File.WriteAllText(configPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
        return configPath;
    }

    // A dictionary node becomes a group whose first member is the override dictionary; file names become absolute.
    private static JsonNode WithOverride(JsonNode dict, JsonObject overrideDict)
    {
        var absolute = Absolute(dict.DeepClone());
        var members = new JsonArray { overrideDict.DeepClone() };
        if (absolute["type"]?.GetValue<string>() == "group" && absolute["dicts"] is JsonArray inner)
            foreach (var m in inner) members.Add(m!.DeepClone());
        else
            members.Add(absolute);
        return new JsonObject { ["type"] = "group", ["dicts"] = members };
    }

    private static JsonNode Absolute(JsonNode node)
    {
        if (node["file"] is JsonValue f && f.GetValue<string>() is { } file && !Path.IsPathRooted(file))
            node["file"] = OpenCcData.File(file);
        if (node["dicts"] is JsonArray dicts)
            for (var i = 0; i < dicts.Count; i++)
                if (dicts[i] is { } d) dicts[i] = Absolute(d.DeepClone());
        return node;
    }

    /// <summary>Parses <c>from&lt;TAB&gt;to[&lt;TAB&gt;profiles]</c> lines (profiles: comma-separated, e.g.
    /// <c>hk2s,tw2s</c>; absent = all); <c>#</c> starts a comment line. A malformed line is a start-up configuration error.</summary>
    internal static IReadOnlyList<OverrideEntry> ParseOverrides(string text)
    {
        var list = new List<OverrideEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length is < 2 or > 3 || cols[0].Length == 0 || cols[1].Length == 0 || cols[0].Contains(' ') || cols[1].Contains(' '))
                throw new OpenCcUnavailableException($"{OverridesResource} line {lineNo} is not 'from<TAB>to[<TAB>profiles]': '{line}'.", suggestInstall: false);
            if (!seen.Add(cols[0]))
                throw new OpenCcUnavailableException($"{OverridesResource} line {lineNo}: '{cols[0]}' is listed twice.", suggestInstall: false);
            ChineseProfile[]? profiles = null;
            if (cols.Length == 3)
            {
                var names = cols[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                profiles = new ChineseProfile[names.Length];
                for (var k = 0; k < names.Length; k++)
                    if (!ChineseProfiles.TryParse(names[k], out profiles[k], out var error))
                        throw new OpenCcUnavailableException($"{OverridesResource} line {lineNo}: {error}.", suggestInstall: false);
            }
            list.Add(new OverrideEntry(cols[0], cols[1], profiles));
        }
        return list;
    }
}

/// <summary>One line of the override dictionary; <see cref="Profiles"/> null means every profile.</summary>
internal sealed record OverrideEntry(string From, string To, IReadOnlyList<ChineseProfile>? Profiles)
{
    public bool AppliesTo(ChineseProfile profile) => Profiles is null || Profiles.Contains(profile);
}
