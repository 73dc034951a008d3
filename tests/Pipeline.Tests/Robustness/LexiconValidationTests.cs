using System;
using System.Linq;
using NUnit.Framework;

namespace Pipeline.Tests.Robustness;

/// <summary>Lexicons are validated at load against the schemas in LexiconSchemas.cs: an unknown key, a wrong type or
/// an unknown unit is a configuration error naming the file and the line.</summary>
public class LexiconValidationTests
{
    [Test]
    public void Every_embedded_yaml_lexicon_matches_its_schema()
    {
        var names = typeof(LexiconResources).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        Assert.That(names, Is.Not.Empty);
        foreach (var name in names) Assert.DoesNotThrow(() => LexiconResources.ReadText(name), name);
    }

    private static string Error(string file, string yaml) =>
        Assert.Throws<PipelineConfigurationException>(() => LexiconValidator.Validate(file, yaml))!.Message;

    [Test]
    public void A_mistyped_key_names_the_file_the_line_and_the_allowed_keys()
    {
        var message = Error("zh-Hans/metrics.yaml", "metrics:\n  - id: revenue\n    cue: [营收, 营业收入]\n    units: [money]\n");
        Assert.That(message, Does.StartWith("lexicon zh-Hans/metrics.yaml line 3: unknown key 'cue' under 'metrics[]'"));
        Assert.That(message, Does.Contain("allowed: id, description, cues, units"));
        Assert.That(message, Does.Contain("LexiconSchemas.cs"));
    }

    [Test]
    public void A_value_of_the_wrong_shape_is_an_error()
    {
        Assert.That(Error("zh-Hans/metrics.yaml", "metrics:\n  - id: revenue\n    cues: 营收\n"),
            Does.StartWith("lexicon zh-Hans/metrics.yaml line 3: 'metrics[].cues' must be a list"));
        Assert.That(Error("zh-Hans/numbers.yaml", "scales:\n  万: 一万\n"),
            Does.StartWith("lexicon zh-Hans/numbers.yaml line 2: '一万' is not a valid integer for 'scales'"));
        Assert.That(Error("zh-Hans/entities.yaml", "entities:\n  name: 智谱\n"), Does.Contain("line 2").And.Contain("must be a list"));
    }

    [Test]
    public void An_unknown_unit_is_an_error_listing_the_known_ones()
    {
        Assert.That(Error("zh-Hans/metrics.yaml", "metrics:\n  - id: revenue\n    units: [monney]\n"),
            Does.StartWith("lexicon zh-Hans/metrics.yaml line 3: 'monney' is not a valid metric-unit").And.Contain("known: money, percent"));
        Assert.That(Error("zh-Hans/money.yaml", "suffixes:\n  美元: USDollar\n"), Does.Contain("line 2").And.Contain("not a valid currency"));
        Assert.That(Error("en/quantities.yaml", "qualifiers:\n  about: \"≈\"\n"), Does.Contain("not a valid qualifier"));
    }

    [Test]
    public void Broken_yaml_and_an_undeclared_file_are_configuration_errors()
    {
        Assert.That(Error("zh-Hans/dates.yaml", "year: [年\nmonth: 月\n"), Does.StartWith("lexicon zh-Hans/dates.yaml line").And.Contain("not valid YAML"));
        Assert.That(Error("zh-Hans/new.yaml", "a: 1\n"), Does.Contain("no schema declared"));
    }
}
