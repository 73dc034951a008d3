using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Documents;

/// <summary>The diagnostic codes have one catalogue: every code the library reports is in it with the severity it is
/// reported at, and the README's "Diagnostic codes" table is the catalogue, row for row; the bad-input table names
/// only catalogued codes.</summary>
public class DiagnosticCatalogueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public void Every_code_the_library_reports_is_catalogued_with_its_severity()
    {
        var catalogue = DiagnosticCatalogue.All.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var problems = new System.Collections.Generic.List<string>();
        var used = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var code = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(code, @"Diagnostic\.(Error|Warning|Info)\(\s*""([a-z0-9.\-]*[a-z0-9])""", RegexOptions.None, Timeout))
                Check(m.Groups[2].Value, Enum.Parse<Severity>(m.Groups[1].Value), file);
            // Codes returned for the caller to report (HtmlTextStage's blockers) and prefixed ones (reconcile.csv.*).
            foreach (Match m in Regex.Matches(code, @"return \(""([a-z]+\.[a-z0-9.\-]+)"",", RegexOptions.None, Timeout))
                Check(m.Groups[1].Value, Severity.Error, file);
            foreach (Match m in Regex.Matches(code, @"Problem\(""([a-z\-]+)""", RegexOptions.None, Timeout))
                Check("reconcile.csv." + m.Groups[1].Value, Severity.Warning, file);
        }
        Assert.That(used, Is.GreaterThan(20), "the scan finds the library's diagnostics");
        Assert.That(problems, Is.Empty);

        void Check(string code, Severity severity, string file)
        {
            used++;
            if (!catalogue.TryGetValue(code, out var entry)) problems.Add($"{code} ({Path.GetFileName(file)}) is not in DiagnosticCatalogue");
            else if (entry.Severity != severity) problems.Add($"{code} is reported as {severity} but catalogued as {entry.Severity}");
        }
    }

    [Test]
    public void The_readme_lists_the_catalogue_and_its_bad_input_table_names_only_catalogued_codes()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var section = Regex.Match(readme, @"### Diagnostic codes\n(?<body>.*?)(?=\n#)", RegexOptions.Singleline, Timeout);
        Assert.That(section.Success, "README.md has a '### Diagnostic codes' section");
        var rows = Regex.Matches(section.Groups["body"].Value, @"^\| `([^`]+)` \| (\w+) \| (.+) \|$", RegexOptions.Multiline, Timeout)
            .Select(m => $"{m.Groups[1].Value} | {m.Groups[2].Value.ToLowerInvariant()} | {m.Groups[3].Value}").ToList();
        var expected = DiagnosticCatalogue.All.Select(e => $"{e.Code} | {e.Severity.ToString().ToLowerInvariant()} | {e.Meaning}").ToList();
        Assert.That(rows, Is.EqualTo(expected), "regenerate the README table from DiagnosticCatalogue.All");

        var badInput = Regex.Match(readme, @"## Bad input\n(?<body>.*?)(?=\n## )", RegexOptions.Singleline, Timeout).Groups["body"].Value;
        var codes = DiagnosticCatalogue.All.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var families = codes.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var named = Regex.Matches(badInput, @"`([a-z]+)\.([a-z][a-z0-9.\-]*)`", RegexOptions.None, Timeout)
            .Where(m => families.Contains(m.Groups[1].Value)).Select(m => m.Value.Trim('`'))
            .Where(n => !Regex.IsMatch(n, @"\.(db|csv|jsonl|json|md|txt|yaml|tsv|html)$", RegexOptions.None, Timeout)) // file names
            .ToList();
        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(c => !codes.Contains(c)), Is.Empty, "the bad-input table names a code the catalogue does not have");
    }
}
