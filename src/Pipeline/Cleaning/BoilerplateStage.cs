using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Removes whole lines of page furniture — share and report widgets, AI disclaimers, ICP and licence numbers,
/// copyright footers, unrendered placeholders on their own line — by the rules in <c>boilerplate.txt</c>, recording
/// each removal with the rule's reason. Lines are trimmed and folded to Simplified first, so the rules also hold
/// before conversion. Only whole lines go; a sentence in a paragraph is never cut.
/// </summary>
public sealed class BoilerplateStage(CleaningLexicons lexicons) : ITextStage
{
    public BoilerplateStage() : this(CleaningLexicons.Default) { }

    public string Name => "boilerplate";
    public StageText Apply(string input, DocumentContext context)
    {
        var folded = lexicons.FoldText(input);
        var cuts = new List<Cut>();
        foreach (var line in TextLine.Split(input))
        {
            var (s, e) = line.Trimmed(input);
            if (e == s || e - s > 200) continue;
            if (Match(folded.Substring(s, e - s), context) is { } reason) cuts.Add(Removals.Line(input, line, reason));
        }
        return cuts.Count == 0 ? StageText.Original(input) : Removals.Apply(input, cuts, context);
    }

    /// <summary>The reason of the first rule the (trimmed, folded) line matches, or null.</summary>
    internal string? Match(string line, DocumentContext? context = null)
    {
        foreach (var rule in lexicons.Boilerplate)
        {
            switch (rule.Kind)
            {
                case BoilerplateRuleKind.Line when string.Equals(line, rule.Pattern, StringComparison.OrdinalIgnoreCase):
                case BoilerplateRuleKind.Prefix when line.StartsWith(rule.Pattern, StringComparison.OrdinalIgnoreCase):
                    return rule.Reason;
                case BoilerplateRuleKind.Regex:
                    try
                    {
                        if (rule.Regex!.IsMatch(line)) return rule.Reason;
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        context?.ReportAtSource(Diagnostic.Warning("clean.regex-timeout", $"boilerplate rule '{rule.Pattern}' timed out"));
                    }
                    break;
            }
        }
        return null;
    }
}
