using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Chinese;

/// <summary>
/// What probing OpenCC found (which characters a configuration converts, and to what), kept between processes: the
/// probe sends some 35,000 characters through OpenCC, about 0.2 s of every start-up, and its answer changes only with
/// OpenCC's dictionaries and library and the project's overrides. The file is named by a digest of all of them (the
/// configuration, the overrides it applies, and the name, size and modification time of every file in OpenCC's data
/// folder and of the loaded library), so a changed installation is probed afresh; it is written beside the
/// user's other caches (<c>PIPELINE_CACHE</c>, else <c>$XDG_CACHE_HOME/pipeline</c>, else <c>~/.cache/pipeline</c>).
/// A cache that cannot be read or written is not used: the probe runs as before.
/// </summary>
internal static class OpenCcProbeCache
{
    private const string Format = "pipeline opencc probe v1";

    /// <summary>The folder the probes are kept in, or null when there is none to use.</summary>
    internal static string? Folder()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_CACHE") is { Length: > 0 } set) return set == "off" ? null : set;
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "pipeline");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "pipeline") : null;
    }

    /// <summary>Everything the probe's answer depends on, as text (its digest names the file; the text heads it).</summary>
    internal static string Key(ChineseProfile profile, bool overrides)
    {
        var key = new StringBuilder(Format).Append('\n');
        key.Append("profile ").Append(profile.ConfigName()).Append(overrides ? " with overrides" : "").Append('\n');
        if (overrides)
            foreach (var o in ProjectConfig.OverridesFor(profile)) key.Append("override ").Append(o.From).Append('\t').Append(o.To).Append('\n');
        return key.Append(Installation.Value).ToString();
    }

    /// <summary>The installation's part of every key, found once per process (three configurations open at start-up).</summary>
    private static readonly Lazy<string> Installation = new(() =>
    {
        var key = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(OpenCcData.Directory).Order(StringComparer.Ordinal)) Stat(key, file);
        foreach (var library in LoadedLibraries()) Stat(key, library);
        return key.ToString();
    });

    private static void Stat(StringBuilder key, string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return;
        key.Append("file ").Append(path).Append(' ').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>The OpenCC library files this process has mapped (Linux; elsewhere none, and the data files decide).</summary>
    private static IEnumerable<string> LoadedLibraries()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        try
        {
            return File.ReadLines(maps).Select(l => l.IndexOf('/') is var i and >= 0 ? l[i..] : "")
                .Where(p => Path.GetFileName(p).StartsWith("libopencc", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string PathFor(string folder, string key) =>
        Path.Combine(folder, $"opencc-probe-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24]}.tsv");

    /// <summary>The probe kept for <paramref name="key"/> (character → what OpenCC makes of it), or null.</summary>
    internal static IReadOnlyList<(char From, string To)>? TryLoad(string folder, string key)
    {
        try
        {
            var path = PathFor(folder, key);
            if (!File.Exists(path)) return null;
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (!text.StartsWith(key, StringComparison.Ordinal)) return null;
            var list = new List<(char, string)>();
            foreach (var line in text[key.Length..].Split('\n'))
            {
                if (line.Length == 0) continue;
                var tab = line.IndexOf('\t');
                if (tab != 4 || !ushort.TryParse(line.AsSpan(0, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    return null;
                list.Add(((char)code, line[(tab + 1)..]));
            }
            return list.Count > 0 ? list : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps a probe for <paramref name="key"/>: written beside its final name and renamed into place, so a
    /// process reading it meanwhile sees the old file or the whole new one.</summary>
    internal static void TrySave(string folder, string key, IEnumerable<(char From, string To)> mappings)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(folder);
            var path = PathFor(folder, key);
            temp = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
            var text = new StringBuilder(key);
            foreach (var (from, to) in mappings)
            {
                // A mapping holding a line break or tab could not be read back: such a probe is not kept.
                if (to.AsSpan().IndexOfAny('\n', '\t') >= 0) return;
                text.Append(((int)from).ToString("X4", CultureInfo.InvariantCulture)).Append('\t').Append(to).Append('\n');
            }
            File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            // A file written but not moved into place (a full disk, a folder made read-only meanwhile) is not left behind.
            if (temp is not null)
                try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
