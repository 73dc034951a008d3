using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pipeline.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.Lexicons;

/// <summary>
/// Words live in lexicons and every lexicon key is read: (1) every key of every YAML lexicon maps to a property of the
/// type its loader deserializes it into, and that property is read somewhere in the library (a key nobody reads, or a
/// loader that silently ignores it, fails); (2) every key declared in <see cref="LexiconSchemas"/> is present in a file
/// of that schema (deleting a key from a lexicon fails); (3) no Chinese word (numerals aside) is written as a literal in
/// the library's C#, except the entries of <c>tests/Pipeline.Tests/Lexicons/word-literals-allowlist.txt</c>, a
/// commented list that may only shrink: an entry no longer found fails too. Messages and help texts quoting Chinese as
/// an example (four or more English words) are prose, not word lists.
/// </summary>
public class LexiconUsageTests
{
    /// <summary>Each YAML lexicon, the type its loader deserializes it into, and whether the names are snake_case.</summary>
    private static readonly (string File, string Type, bool Underscored)[] Loaders =
    [
        ("zh-Hans/metrics.yaml", "Pipeline.Facts.MetricLexicon+MetricFile", true),
        ("en/metrics.yaml", "Pipeline.Facts.MetricLexicon+MetricFile", true),
        ("zh-Hans/entities.yaml", "Pipeline.Facts.EntityLexicon+EntityFile", true),
        ("en/entities.yaml", "Pipeline.Facts.EntityLexicon+EntityFile", true),
        ("common/binding.yaml", "Pipeline.Facts.Binding.BindingLexicon+BindingFile", true),
        ("common/tables.yaml", "Pipeline.Tables.TableLexicon+TableFile", true),
        ("common/html.yaml", "Pipeline.Cleaning.Html.HtmlLexicon+HtmlFile", true),
        ("common/trading-calendars.yaml", "Pipeline.Facts.Binding.TradingCalendars+CalendarFile", true),
        ("zh-Hans/numbers.yaml", "Pipeline.Recognition.ChineseLexicon+NumbersFile", false),
        ("zh-Hans/percent.yaml", "Pipeline.Recognition.ChineseLexicon+PercentFile", false),
        ("zh-Hans/money.yaml", "Pipeline.Recognition.ChineseLexicon+MoneyFile", false),
        ("zh-Hans/dates.yaml", "Pipeline.Recognition.ChineseLexicon+DatesFile", false),
        ("en/quantities.yaml", "Pipeline.Recognition.English.EnglishLexicon+QuantityFile", false),
        ("en/dates.yaml", "Pipeline.Recognition.English.EnglishLexicon+DateFile", false),
    ];

    private static string LexiconDir => Path.Combine(TestPaths.RepoRoot, "src", "Pipeline", "Lexicons");
    private static string AllowlistPath => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Lexicons", "word-literals-allowlist.txt");

    [Test]
    public void Every_yaml_lexicon_has_a_loader_here()
    {
        var files = Directory.GetFiles(LexiconDir, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(LexiconDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.That(files, Is.EquivalentTo(Loaders.Select(l => l.File)), "a new YAML lexicon needs its line in Loaders");
    }

    [Test]
    public void Every_key_of_every_lexicon_is_read_by_the_library()
    {
        var source = LibrarySource();
        var problems = new List<string>();
        foreach (var (file, typeName, underscored) in Loaders)
        {
            var type = typeof(LexiconSchemas).Assembly.GetType(typeName) ?? throw new InvalidOperationException($"no type {typeName}");
            var rules = Rules(file);
            foreach (var path in KeyPaths(file, rules))
            {
                var current = type;
                foreach (var step in path.Split('.'))
                {
                    var key = step.TrimEnd('[', ']');
                    if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                    {
                        // An object read as a dictionary: its keys are read by name ("yoy"), or by their parts ("yoy" and
                        // "percent" for yoy_percent).
                        if (!source.Contains($"\"{key}\"", StringComparison.Ordinal)
                            && !key.Split('_').All(part => source.Contains($"\"{part}\"", StringComparison.Ordinal)))
                            problems.Add($"{file}: key '{path}' is loaded into a dictionary, but no code looks up \"{key}\"");
                        break;
                    }
                    var name = underscored ? Pascal(key.Split('_')) : char.ToUpperInvariant(key[0]) + key[1..];
                    var property = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
                    if (property is null)
                    {
                        problems.Add($"{file}: key '{path}' has no property {current.Name}.{name}: its loader never reads it");
                        break;
                    }
                    if (!IsRead(source, name))
                    {
                        problems.Add($"{file}: key '{path}' is loaded into {current.Name}.{name}, which nothing reads");
                        break;
                    }
                    current = ElementType(property.PropertyType);
                }
            }
        }
        Assert.That(problems.Distinct(), Is.Empty);
    }

    [Test]
    public void Every_declared_key_is_in_a_lexicon()
    {
        var missing = new List<string>();
        foreach (var group in Loaders.GroupBy(l => string.Join('\n', LexiconSchemas.Files[l.File])))
        {
            var present = group.SelectMany(l => KeyPaths(l.File, Rules(l.File))).ToHashSet(StringComparer.Ordinal);
            foreach (var declared in Rules(group.First().File).Keys)
                if (!present.Contains(declared.Replace("[]", "", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal))
                    && !present.Contains(Normalise(declared)))
                    missing.Add($"{string.Join(", ", group.Select(g => g.File))}: '{declared}' is declared in LexiconSchemas.cs but in no file");
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void No_chinese_word_lives_in_the_library_code_except_the_allowlisted()
    {
        var allowed = ReadAllowlist();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in LibraryFiles())
        {
            var relative = Path.GetRelativePath(TestPaths.RepoRoot, file).Replace('\\', '/');
            foreach (var literal in HanLiterals(File.ReadAllText(file)))
                found.Add($"{relative}\t{literal}");
        }
        var unlisted = found.Where(f => !allowed.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var stale = allowed.Where(a => !found.Contains(a)).Order(StringComparer.Ordinal).ToList();
        foreach (var u in unlisted) TestContext.Out.WriteLine($"unlisted\t{u}");
        foreach (var u in stale) TestContext.Out.WriteLine($"stale\t{u}");
        Assert.Multiple(() =>
        {
            Assert.That(unlisted, Is.Empty, "Chinese words in C#: move them to a lexicon under src/Pipeline/Lexicons (and LexiconSchemas.cs)");
            Assert.That(stale, Is.Empty, "allowlisted literals no longer in the code: remove them from word-literals-allowlist.txt");
        });
        TestContext.Out.WriteLine($"allowlisted Chinese literals left in code: {allowed.Count} " +
                                  $"({allowed.Count(a => a.StartsWith("src/Pipeline/Facts/Binding/", StringComparison.Ordinal))} in the binder)");
    }

    /// <summary>The scanner itself: it finds words and lets numerals and punctuation pass.</summary>
    [Test]
    public void The_literal_scanner_finds_words_and_passes_numerals()
    {
        const string code = """
            // 注释里的字不算
            var a = "简称"; var b = '年'; var c = "三十五"; var d = "，"; var e = @"作者：";
            var f = "Reference date for relative expressions (今年, 去年 7 月)";
            """;
        Assert.That(HanLiterals(code), Is.EqualTo(new[] { "\"简称\"", "'年'", "@\"作者：\"" }));
    }

    // ---- key paths -----------------------------------------------------------------------------------------------

    private static Dictionary<string, string> Rules(string file) =>
        LexiconSchemas.Files[file].Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    private static string Normalise(string declared) => declared.Replace("[]", "", StringComparison.Ordinal);

    /// <summary>The key paths of a file (<c>metrics.cues</c>, list items folded into their list), not descending into maps
    /// (their keys are words, not keys).</summary>
    private static IEnumerable<string> KeyPaths(string file, Dictionary<string, string> rules)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(LexiconDir, file))));
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0) Walk(stream.Documents[0].RootNode, "", "", rules, found);
        return found;
    }

    private static void Walk(YamlNode node, string schemaPath, string path, Dictionary<string, string> rules, SortedSet<string> found)
    {
        if (node is YamlSequenceNode seq)
        {
            foreach (var item in seq) Walk(item, schemaPath + "[]", path, rules, found);
            return;
        }
        if (node is not YamlMappingNode map) return;
        foreach (var (k, v) in map.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            var childSchema = schemaPath.Length == 0 ? key : $"{schemaPath}.{key}";
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            found.Add(childPath);
            if (rules.TryGetValue(childSchema, out var type) && !type.StartsWith("map of", StringComparison.Ordinal))
                Walk(v, childSchema, childPath, rules, found);
        }
    }

    private static string Pascal(IEnumerable<string> parts) => string.Concat(parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static Type ElementType(Type t)
    {
        if (t.IsGenericType && t.GetGenericArguments() is [var single]) return single;
        return t;
    }

    // ---- the library's source --------------------------------------------------------------------------------------

    private static IEnumerable<string> LibraryFiles() =>
        new[] { "src/Pipeline", "src/Pipeline.Cli", "src/Pipeline.Cluster" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string LibrarySource()
    {
        var sb = new StringBuilder();
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "Pipeline"), "*.cs", SearchOption.AllDirectories))
            if (!f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                sb.AppendLine(StripComments(File.ReadAllText(f)));
        return sb.ToString();
    }

    /// <summary>A property is read when some code says <c>.Name</c> (its declaration says <c>Name { get; set; }</c>).</summary>
    private static bool IsRead(string source, string property) =>
        Regex.IsMatch(source, $@"\.{property}\b(?!\s*=[^=>])", RegexOptions.None, TimeSpan.FromSeconds(10));

    private static string StripComments(string code) => Regex.Replace(code, @"//[^\n]*", "", RegexOptions.None, TimeSpan.FromSeconds(10));

    // ---- Chinese literals ------------------------------------------------------------------------------------------

    /// <summary>Numerals (digits, units and scales, formal forms) and the decimal point word: data a scanner may spell out.</summary>
    private const string Numerals = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兆点";

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>String and character literals (comments skipped) holding a Han character that is not a numeral.</summary>
    internal static IEnumerable<string> HanLiterals(string code)
    {
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/') { i = Next(code.IndexOf('\n', i)); continue; }
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '*') { var e = code.IndexOf("*/", i + 2, StringComparison.Ordinal); i = e < 0 ? code.Length : e + 2; continue; }
            int end;
            if (string.CompareOrdinal(code, i, "\"\"\"", 0, 3) == 0 || (c is '$' or '@' && string.CompareOrdinal(code, i + 1, "\"\"\"", 0, 3) == 0))
            {
                var open = code.IndexOf("\"\"\"", i, StringComparison.Ordinal);
                var close = code.IndexOf("\"\"\"", open + 3, StringComparison.Ordinal);
                end = close < 0 ? code.Length : close + 3;
                while (end < code.Length && code[end] == '"') end++;
            }
            else if ((c == '@' && Peek(code, i + 1) == '"') || (c == '$' && Peek(code, i + 1) == '@') || (c == '@' && Peek(code, i + 1) == '$'))
            {
                var j = code.IndexOf('"', i) + 1;
                while (j < code.Length && !(code[j] == '"' && Peek(code, j + 1) != '"')) j += code[j] == '"' ? 2 : 1;
                end = Math.Min(j + 1, code.Length);
            }
            else if (c == '"' || (c == '$' && Peek(code, i + 1) == '"'))
            {
                var j = code.IndexOf('"', i) + 1;
                while (j < code.Length && code[j] != '"' && code[j] != '\n') j += code[j] == '\\' ? 2 : 1;
                end = Math.Min(j + 1, code.Length);
            }
            else if (c == '\'' && Regex.Match(code[i..Math.Min(code.Length, i + 10)], @"^'(\\.[^']*|[^'\\\n])'", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m)
                end = i + m.Length;
            else { i++; continue; }
            var literal = code[i..end];
            if (literal.Any(ch => IsHan(ch) && !Numerals.Contains(ch)) && !IsProse(literal)) yield return literal.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            i = end;
        }
    }

    /// <summary>A message or help text quoting Chinese as an example (four or more English words), not a word list.</summary>
    private static bool IsProse(string literal) =>
        Regex.Matches(literal, @"\b[A-Za-z]{2,}\b", RegexOptions.None, TimeSpan.FromSeconds(1)).Count >= 4;

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';
    private static int Next(int newline) => newline < 0 ? int.MaxValue : newline;

    private static HashSet<string> ReadAllowlist() =>
        File.ReadAllLines(AllowlistPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
}
