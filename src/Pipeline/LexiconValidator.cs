using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline;

/// <summary>Checks a YAML lexicon against its schema in <see cref="LexiconSchemas"/>; every problem is a
/// <see cref="PipelineConfigurationException"/> naming the file, the line and what is allowed.</summary>
public static partial class LexiconValidator
{
    public static void Validate(string file, string yaml)
    {
        if (!LexiconSchemas.Files.TryGetValue(file, out var lines))
            throw new PipelineConfigurationException($"lexicon {file}: no schema declared for it in LexiconSchemas.cs (add its keys there)");
        var rules = lines.Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PipelineConfigurationException($"lexicon {file} line {e.Start.Line}: not valid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new PipelineConfigurationException($"lexicon {file} line {LastGoodLine(yaml)}: not valid YAML (the structure breaks after this line)", e);
        }
        if (stream.Documents.Count == 0) return;
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" }) return;
        CheckObject(file, rules, "", root);
    }

    /// <summary>The line where the YAML parser last read something well-formed.</summary>
    private static long LastGoodLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        long line = 1;
        try
        {
            while (parser.MoveNext()) line = parser.Current?.End.Line ?? line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            if (e is YamlException y) line = y.Start.Line;
        }
        return line;
    }

    private static void CheckObject(string file, Dictionary<string, string> rules, string path, YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Wrong(file, node, path.Length == 0 ? "the file" : path, "object", node);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var child = path.Length == 0 ? key : $"{path}.{key}";
            if (!rules.TryGetValue(child, out var type))
            {
                var prefix = path.Length == 0 ? "" : path + ".";
                var allowed = rules.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k[prefix.Length..].Contains('.'))
                    .Select(k => k[prefix.Length..]);
                throw new PipelineConfigurationException(
                    $"lexicon {file} line {keyNode.Start.Line}: unknown key '{key}'{(path.Length > 0 ? $" under '{path}'" : "")} " +
                    $"(allowed: {string.Join(", ", allowed)}); a new key is declared in LexiconSchemas.cs");
            }
            Check(file, rules, child, type, value);
        }
    }

    private static void Check(string file, Dictionary<string, string> rules, string path, string type, YamlNode node)
    {
        if (type.StartsWith("list of ", StringComparison.Ordinal))
        {
            if (node is YamlScalarNode { Value: null or "" } && node.Tag.IsEmpty) return; // an empty value: an empty list
            if (node is not YamlSequenceNode seq) throw Wrong(file, node, path, type, node);
            foreach (var item in seq) Check(file, rules, path + "[]", type["list of ".Length..], item);
            return;
        }
        if (type.StartsWith("map of ", StringComparison.Ordinal))
        {
            if (node is YamlScalarNode { Value: null or "" }) return;
            if (node is not YamlMappingNode map) throw Wrong(file, node, path, type, node);
            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlScalarNode) throw Wrong(file, key, path, "a word as key", key);
                Check(file, rules, path + ".*", type["map of ".Length..], value);
            }
            return;
        }
        if (type == "object")
        {
            CheckObject(file, rules, path, node);
            return;
        }
        if (node is not YamlScalarNode scalar) throw Wrong(file, node, path, type, node);
        var text = scalar.Value ?? "";
        var ok = type switch
        {
            "text" => true,
            "number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "currency" => CurrencyCode().IsMatch(text),
            _ when LexiconSchemas.Vocabularies.TryGetValue(type, out var words) => words.Contains(text, StringComparer.OrdinalIgnoreCase),
            _ => throw new PipelineConfigurationException($"LexiconSchemas.cs: unknown type '{type}' for {path}"),
        };
        if (ok) return;
        var known = LexiconSchemas.Vocabularies.TryGetValue(type, out var vocabulary) ? $" (known: {string.Join(", ", vocabulary)})" : "";
        throw new PipelineConfigurationException(
            $"lexicon {file} line {node.Start.Line}: '{text}' is not a valid {type} for '{path.Replace(".*", "")}'{known}");
    }

    private static PipelineConfigurationException Wrong(string file, YamlNode at, string path, string expected, YamlNode found) =>
        new($"lexicon {file} line {at.Start.Line}: '{path.Replace(".*", "")}' must be {Article(expected)}, found {Describe(found)}");

    private static string Article(string type) => type.StartsWith("list", StringComparison.Ordinal) ? "a list" :
        type.StartsWith("map", StringComparison.Ordinal) || type == "object" ? "a mapping of keys" : $"a {type}";

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
