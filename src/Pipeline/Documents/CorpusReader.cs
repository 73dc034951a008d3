using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Documents;

/// <summary>
/// Turns input paths (files and folders, recursively) into documents: <c>.txt</c>, <c>.html</c>/<c>.htm</c>, and
/// <c>.jsonl</c> (one article per line: <c>id, url, outlet, published, language</c> and <c>html</c> or <c>text</c>).
/// Metadata comes from a <c>manifest.csv</c> beside the inputs or a given manifest. Inputs are yielded in ordinal
/// path order, lazily, so a large corpus is never held in memory (a <c>.jsonl</c> file is streamed record by record).
/// Nothing read is dropped: what cannot become a document is yielded as <see cref="UnreadableInput"/> with its reason:
/// a FIFO, socket or device, a broken link, an unreadable folder, a folder link out of the tree or back into it (loops
/// are found by device and inode), a file or record over the size limit. Output folders are never read.
/// </summary>
public sealed class CorpusReader
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".txt", ".html", ".htm", ".jsonl" };

    /// <summary>The file every output folder holds (written by <c>run</c> and <c>reconcile</c>): a folder holding it,
    /// or a <c>pipeline.db</c>, is never read as input.</summary>
    public const string OutputMarker = ".pipeline-output";

    /// <summary>Largest single input file read; larger files are quarantined rather than loaded.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest single <c>.jsonl</c> record (one line); a longer one is skipped unread and quarantined.</summary>
    public long MaxRecordBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Folders never read (the run's output folder), full paths.</summary>
    public IReadOnlyCollection<string> ExcludedFolders { get; init; } = [];

    /// <summary>Lists a folder's entries (full paths). A seam for tests: an unreadable folder throws here.</summary>
    internal Func<string, IEnumerable<string>> ListDirectory { get; init; } = Directory.EnumerateFileSystemEntries;

    private readonly string? _manifestPath;

    public CorpusReader(string? manifestPath = null) => _manifestPath = manifestPath;

    /// <summary>True for a folder a run or a reconcile wrote (it holds <see cref="OutputMarker"/> or a store).</summary>
    public static bool IsOutputFolder(string dir) =>
        File.Exists(Path.Combine(dir, OutputMarker)) || File.Exists(Path.Combine(dir, "pipeline.db"));

    /// <summary>The input files the inputs name, in the order they are read (cheap: no file is opened).</summary>
    public IReadOnlyList<string> ListFiles(IEnumerable<string> inputs) => Expand(inputs).Files;

    /// <summary>How many items <see cref="Read"/> will yield for the files (a <c>.jsonl</c> file counts its non-blank
    /// lines, streamed): the total progress is measured against.</summary>
    public long CountItems(IEnumerable<string> files)
    {
        long total = 0;
        foreach (var f in files)
            total += IsJsonl(f) ? JsonlLines.CountNonBlank(f) : 1;
        return total;
    }

    public IEnumerable<InputItem> Read(IEnumerable<string> inputs)
    {
        var expanded = Expand(inputs);
        foreach (var m in expanded.Problems) yield return m;
        var manifests = LoadManifests(expanded.Files, out var manifestProblems);
        foreach (var m in manifestProblems) yield return m;
        foreach (var item in ReadFiles(expanded, manifests)) yield return item;
    }

    /// <summary>Reads again the documents this reader gave earlier, from where they were read (their <c>Path</c>: a
    /// file, or <c>file:line</c> for a JSON-lines record), with the identity and metadata they had: a caller can keep a
    /// document's small shell (<see cref="RawDocument.Shell"/>) instead of its content and read the content back when it
    /// needs it. A document whose source cannot be read any more, or no longer holds the same content (its hash), is left
    /// out. Each JSON-lines file is read once, whatever the number of its records asked for.</summary>
    public IEnumerable<RawDocument> Reread(IEnumerable<RawDocument> shells)
    {
        var records = new Dictionary<string, Dictionary<int, RawDocument>>(StringComparer.Ordinal);
        foreach (var shell in shells)
        {
            if (!shell.IsRecordShell)
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(shell.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                if (SameContent(shell, bytes)) yield return shell.WithContent(bytes, null);
                continue;
            }
            var colon = shell.Path.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(shell.Path.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
            var file = shell.Path[..colon];
            if (!records.TryGetValue(file, out var wanted)) records[file] = wanted = [];
            wanted[number] = shell;
        }
        foreach (var (file, wanted) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var found = new List<RawDocument>();
            try
            {
                foreach (var line in JsonlLines.Read(file, MaxRecordBytes))
                {
                    if (line.Text is null || !wanted.TryGetValue(line.Number, out var shell)) continue;
                    if (ParseJsonlLine(file, line.Number, line.Text) is DocumentInput { Document: var doc } && doc.Id == shell.Id
                        && SameContent(shell, doc.Bytes))
                        found.Add(shell.WithContent(doc.Bytes, doc.Text));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var doc in found) yield return doc;
        }
    }

    private static bool SameContent(RawDocument shell, byte[] bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) == shell.ContentHash;

    private sealed record Expansion(List<string> Files, List<UnreadableInput> Problems, HashSet<string> WalkedFolders);

    private Expansion Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var problems = new List<UnreadableInput>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            var probe = FileProbe.Of(full);
            switch (probe.Kind)
            {
                case EntryKind.Directory when IsExcluded(full):
                    problems.Add(new UnreadableInput(input, DocumentIds.FromPath(input), "an output folder of the pipeline: never read as input"));
                    break;
                case EntryKind.Directory:
                    Walk(full, files, problems, walked);
                    break;
                case EntryKind.Regular:
                    files.Add(full);
                    break;
                case EntryKind.Missing when new FileInfo(full).LinkTarget is null:
                    problems.Add(new UnreadableInput(input, DocumentIds.FromPath(input), "input path does not exist"));
                    break;
                case EntryKind.Missing:
                    problems.Add(new UnreadableInput(input, DocumentIds.FromPath(input), $"cannot read: {probe.Error}"));
                    break;
                default:
                    problems.Add(new UnreadableInput(input, DocumentIds.FromPath(input), $"{probe.KindName}, not a regular file: not read"));
                    break;
            }
        }
        var sortedFiles = files.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new Expansion(sortedFiles, problems, walked);
    }

    /// <summary>Walks a folder without recursion: folder links are followed only inside the tree and only to a folder
    /// not read yet (device and inode), so neither a loop nor a link to elsewhere makes the listing grow.</summary>
    private void Walk(string root, List<string> files, List<UnreadableInput> problems, HashSet<string> walked)
    {
        var rootReal = RealPath(root);
        var visited = new HashSet<FileIdentity> { FileProbe.Of(root).Identity };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            walked.Add(dir);
            List<string> entries;
            try
            {
                entries = ListDirectory(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(new UnreadableInput(dir, DocumentIds.FromPath(dir), $"cannot read folder: {e.Message}"));
                continue;
            }
            foreach (var entry in entries)
            {
                var isLink = new FileInfo(entry).LinkTarget is not null;
                if (Directory.Exists(entry))
                {
                    if (IsExcluded(entry)) continue;
                    if (isLink && !IsInside(RealPath(entry), rootReal))
                    {
                        problems.Add(new UnreadableInput(entry, DocumentIds.FromPath(entry),
                            $"folder link leads outside the input folder (to {RealPath(entry)}): not followed"));
                        continue;
                    }
                    if (!visited.Add(FileProbe.Of(entry).Identity))
                    {
                        problems.Add(new UnreadableInput(entry, DocumentIds.FromPath(entry),
                            "folder link to a folder already read (a loop): not followed"));
                        continue;
                    }
                    pending.Push(entry);
                    continue;
                }
                if (!Extensions.Contains(Path.GetExtension(entry))) continue;
                var probe = FileProbe.Of(entry);
                if (probe.Kind == EntryKind.Regular) files.Add(entry);
                else if (probe.Kind == EntryKind.Missing)
                    problems.Add(new UnreadableInput(entry, DocumentIds.FromPath(entry), $"cannot read: {probe.Error}"));
                else
                    problems.Add(new UnreadableInput(entry, DocumentIds.FromPath(entry), $"{probe.KindName}, not a regular file: not read"));
            }
        }
    }

    private bool IsExcluded(string dir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        return ExcludedFolders.Any(e => string.Equals(Path.TrimEndingDirectorySeparator(e), full, StringComparison.Ordinal))
               || IsOutputFolder(full);
    }

    private static string RealPath(string dir)
    {
        try
        {
            var target = new DirectoryInfo(dir).ResolveLinkTarget(returnFinalTarget: true);
            return Path.TrimEndingDirectorySeparator(target?.FullName ?? Path.GetFullPath(dir));
        }
        catch (IOException)
        {
            return Path.GetFullPath(dir);
        }
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool IsJsonl(string file) => string.Equals(Path.GetExtension(file), ".jsonl", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<InputItem> ReadFiles(Expansion expanded, Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>> manifests)
    {
        var seenByManifest = new HashSet<(string Dir, string File)>();
        foreach (var file in expanded.Files)
        {
            var (entry, dir) = FindEntry(manifests, file);
            if (entry is not null) seenByManifest.Add((dir!, entry.File));
            if (IsJsonl(file))
            {
                foreach (var item in ReadJsonl(file)) yield return item;
                continue;
            }
            yield return ReadFile(file, entry);
        }

        // A manifest row naming a file that is not there is reported, not ignored; a row naming a file that is there
        // but was not among this run's inputs (a one-file run) is simply not part of the run. Rows are checked when
        // their folder was read whole or the manifest was given.
        foreach (var (dir, manifest) in manifests.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (_manifestPath is null && !expanded.WalkedFolders.Contains(dir)) continue;
            foreach (var entry in manifest.Values.OrderBy(e => e.File, StringComparer.Ordinal))
                if (!seenByManifest.Contains((dir, entry.File)) && !File.Exists(Path.Combine(dir, entry.File)))
                    yield return new UnreadableInput(Path.Combine(dir, entry.File), DocumentIds.FromPath(entry.File),
                        "manifest names a file that does not exist");
        }
    }

    private InputItem ReadFile(string file, ManifestEntry? entry)
    {
        var id = DocumentIds.FromPath(file);
        try
        {
            var probe = FileProbe.Of(file);
            if (probe.Kind != EntryKind.Regular)
                return new UnreadableInput(file, id, probe.Kind == EntryKind.Missing ? $"cannot read: {probe.Error}" : $"{probe.KindName}, not a regular file: not read");
            if (probe.Size > MaxFileBytes)
                return new UnreadableInput(file, id, $"file is {probe.Size:N0} bytes, over the {MaxFileBytes:N0}-byte limit");
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
        var probe = FileProbe.Of(file);
        if (probe.Kind != EntryKind.Regular)
            return [new UnreadableInput(file, DocumentIds.FromPath(file),
                probe.Kind == EntryKind.Missing ? $"cannot read: {probe.Error}" : $"{probe.KindName}, not a regular file: not read")];
        return ReadJsonlRecords(file);
    }

    private IEnumerable<InputItem> ReadJsonlRecords(string file)
    {
        using var lines = JsonlLines.Read(file, MaxRecordBytes).GetEnumerator();
        while (true)
        {
            InputItem? item = null;
            string? failure = null;
            try
            {
                if (!lines.MoveNext()) break;
                var line = lines.Current;
                if (line.Text is null)
                    item = new UnreadableInput($"{file}:{line.Number}", $"{DocumentIds.FromPath(file)}#{line.Number}",
                        $"record is {line.Bytes:N0} bytes, over the {MaxRecordBytes:N0}-byte limit");
                else if (!JsonlLines.IsBlank(line.Text))
                    item = ParseJsonlLine(file, line.Number, line.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = e.Message;
            }
            if (failure is not null)
            {
                yield return new UnreadableInput(file, DocumentIds.FromPath(file), $"cannot read file: {failure}");
                yield break;
            }
            if (item is not null) yield return item;
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
            var id = Str(root, "id") is { } given ? DocumentIds.Clean(given) : null;
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

    private Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>> LoadManifests(List<string> files, out List<UnreadableInput> problems)
    {
        problems = [];
        var result = new Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>>(StringComparer.Ordinal);
        if (_manifestPath is not null)
        {
            // A given manifest that cannot be read is the caller's error (the CLI checks it before the run).
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
            var probe = FileProbe.Of(path);
            if (probe.Kind != EntryKind.Regular || probe.Size > MaxFileBytes)
            {
                problems.Add(new UnreadableInput(path, "manifest", probe.Kind != EntryKind.Regular
                    ? $"manifest is {probe.KindName}, not a regular file: its metadata is not used"
                    : $"manifest is {probe.Size:N0} bytes, over the {MaxFileBytes:N0}-byte limit: its metadata is not used"));
                continue;
            }
            try
            {
                using var reader = new StreamReader(path, Encoding.UTF8);
                result[dir] = ManifestReader.Read(reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException)
            {
                problems.Add(new UnreadableInput(path, "manifest", $"cannot read manifest: {e.Message}: its metadata is not used"));
            }
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
