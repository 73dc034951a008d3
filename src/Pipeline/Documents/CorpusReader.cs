using System.Text;
using System.Text.Json;

namespace Pipeline.Documents;

/// <summary>
/// Turns input paths (files and folders, recursively) into documents: <c>.txt</c>, <c>.html</c>/<c>.htm</c>, and
/// <c>.jsonl</c> (one article per line: <c>id, url, outlet, published, language</c> and <c>html</c> or <c>text</c>).
/// Metadata comes from a <c>manifest.csv</c> beside the inputs or a given manifest. Inputs are yielded in ordinal
/// path order, lazily, so a large corpus is never held in memory. Nothing read is dropped: what cannot become a
/// document is yielded as <see cref="UnreadableInput"/>.
/// </summary>
public sealed class CorpusReader
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".txt", ".html", ".htm", ".jsonl" };

    /// <summary>Largest single input file read; larger files are quarantined rather than loaded.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    private readonly string? _manifestPath;

    public CorpusReader(string? manifestPath = null) => _manifestPath = manifestPath;

    /// <summary>The input files the inputs name, in the order they are read (cheap: no file is opened).</summary>
    public IReadOnlyList<string> ListFiles(IEnumerable<string> inputs) => Expand(inputs, out _);

    public IEnumerable<InputItem> Read(IEnumerable<string> inputs)
    {
        var files = Expand(inputs, out var missing);
        foreach (var m in missing) yield return m;

        foreach (var item in ReadFiles(files, LoadManifests(files))) yield return item;
    }

    private static List<string> Expand(IEnumerable<string> inputs, out List<UnreadableInput> missing)
    {
        var files = new List<string>();
        missing = new List<UnreadableInput>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (Directory.Exists(full))
                files.AddRange(Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f))));
            else if (File.Exists(full))
                files.Add(full);
            else
                missing.Add(new UnreadableInput(input, Path.GetFileNameWithoutExtension(input), "input path does not exist"));
        }
        return files.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<InputItem> ReadFiles(List<string> files, Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>> manifests)
    {
        var seenByManifest = new HashSet<(string Dir, string File)>();
        foreach (var file in files)
        {
            var (entry, dir) = FindEntry(manifests, file);
            if (entry is not null) seenByManifest.Add((dir!, entry.File));
            if (string.Equals(Path.GetExtension(file), ".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in ReadJsonl(file)) yield return item;
                continue;
            }
            yield return ReadFile(file, entry);
        }

        // A manifest row naming a file that is not there is reported, not ignored.
        foreach (var (dir, manifest) in manifests.OrderBy(m => m.Key, StringComparer.Ordinal))
            foreach (var entry in manifest.Values.OrderBy(e => e.File, StringComparer.Ordinal))
                if (!seenByManifest.Contains((dir, entry.File)))
                    yield return new UnreadableInput(Path.Combine(dir, entry.File), Path.GetFileNameWithoutExtension(entry.File),
                        "manifest names a file that does not exist");
    }

    private InputItem ReadFile(string file, ManifestEntry? entry)
    {
        var id = Path.GetFileNameWithoutExtension(file);
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
                return new UnreadableInput(file, id, $"file is {info.Length:N0} bytes, over the {MaxFileBytes:N0}-byte limit");
            var bytes = File.ReadAllBytes(file);
            var ext = Path.GetExtension(file);
            var format = ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Text : DocumentFormat.Html;
            var diagnostics = entry?.Problem is { } p ? new[] { Diagnostic.Warning("manifest.bad-date", p) } : [];
            return new DocumentInput(new RawDocument(id, file, bytes, format, entry?.Metadata ?? DocumentMetadata.Empty)
                { ReadDiagnostics = diagnostics });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UnreadableInput(file, id, $"cannot read file: {e.Message}");
        }
    }

    private IEnumerable<InputItem> ReadJsonl(string file)
    {
        IEnumerable<string> lines;
        try { lines = File.ReadLines(file, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new UnreadableInput(file, Path.GetFileNameWithoutExtension(file), $"cannot read file: {e.Message}")];
        }
        return ReadJsonlLines(file, lines);
    }

    private static IEnumerable<InputItem> ReadJsonlLines(string file, IEnumerable<string> lines)
    {
        var lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseJsonlLine(file, lineNo, line);
        }
    }

    internal static InputItem ParseJsonlLine(string file, int lineNo, string line)
    {
        var where = $"{file}:{lineNo}";
        var fallbackId = $"{Path.GetFileNameWithoutExtension(file)}#{lineNo}";
        try
        {
            return ParseRecord(where, fallbackId, line, []);
        }
        catch (InvalidOperationException)
        {
            // A \uD800-style escape without its pair: keep the record, with U+FFFD in place of the broken escape.
            var repaired = JsonSurrogates.ReplaceLoneSurrogateEscapes(line, out var count);
            try
            {
                return ParseRecord(where, fallbackId, repaired,
                    [Diagnostic.Warning("input.lone-surrogate", $"{count} unpaired surrogate escape(s) replaced with U+FFFD")]);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException)
            {
                return new UnreadableInput(where, fallbackId, $"invalid UTF-16 in JSON: {e.Message}");
            }
        }
        catch (JsonException e)
        {
            return new UnreadableInput(where, fallbackId, $"malformed JSON: {e.Message}");
        }
    }

    private static InputItem ParseRecord(string where, string fallbackId, string line, Diagnostic[] extra)
    {
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new UnreadableInput(where, fallbackId, "line is not a JSON object");
            var id = Str(root, "id");
            if (string.IsNullOrWhiteSpace(id))
                return new UnreadableInput(where, fallbackId, "record has no id");
            var html = Str(root, "html");
            var text = Str(root, "text");
            if (html is null && text is null)
                return new UnreadableInput(where, id, "record has neither html nor text");
            var publishedText = Str(root, "published");
            var published = ManifestReader.ParseDate(publishedText);
            var diagnostics = publishedText is not null && published is null
                ? [.. extra, Diagnostic.Warning("input.bad-date", $"published '{publishedText}' is not a valid date")]
                : extra;
            var content = html ?? text!;
            var metadata = new DocumentMetadata
            {
                Outlet = Str(root, "outlet"), Url = Str(root, "url"), Published = published, Language = Str(root, "language"),
            };
            return new DocumentInput(new RawDocument(id, where, Encoding.UTF8.GetBytes(content),
                html is not null ? DocumentFormat.Html : DocumentFormat.Text, metadata)
            { Text = content, ReadDiagnostics = diagnostics });
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>> LoadManifests(List<string> files)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>>(StringComparer.Ordinal);
        if (_manifestPath is not null)
        {
            var full = Path.GetFullPath(_manifestPath);
            using var reader = new StreamReader(full, Encoding.UTF8);
            result[Path.GetDirectoryName(full)!] = ManifestReader.Read(reader);
            return result;
        }
        var dirs = files.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal);
        foreach (var dir in dirs)
        {
            var path = Path.Combine(dir, "manifest.csv");
            if (!File.Exists(path)) continue;
            using var reader = new StreamReader(path, Encoding.UTF8);
            result[dir] = ManifestReader.Read(reader);
        }
        return result;
    }

    private static (ManifestEntry? Entry, string? Dir) FindEntry(Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>> manifests, string file)
    {
        // A given manifest may name files relative to itself or by bare name.
        foreach (var (dir, manifest) in manifests)
        {
            var rel = Path.GetRelativePath(dir, file);
            if (manifest.TryGetValue(rel, out var e)) return (e, dir);
            if (manifest.TryGetValue(Path.GetFileName(file), out e)) return (e, dir);
        }
        return (null, null);
    }
}
