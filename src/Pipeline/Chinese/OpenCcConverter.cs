using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Pipeline.Chinese.Native;

namespace Pipeline.Chinese;

/// <summary>
/// One opened OpenCC configuration: a thin, thread-safe wrapper over <c>opencc_open</c> /
/// <c>opencc_convert_utf8</c>. Opening costs milliseconds, so open once and share across threads
/// (<see cref="ChineseConverter"/> caches one per profile). Converts whole strings exactly as the
/// <c>opencc</c> command-line tool does; offset tracking is <see cref="ChineseConverter"/>'s job.
/// </summary>
public sealed unsafe class OpenCcConverter : IDisposable
{
    private static readonly object ErrorGate = new();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private nint _handle;

    private OpenCcConverter(nint handle, string configPath)
    {
        _handle = handle;
        ConfigPath = configPath;
    }

    /// <summary>The configuration file this converter was opened with.</summary>
    public string ConfigPath { get; }

    /// <summary>Opens a configuration by absolute path (OpenCC searches the working directory first, so relative
    /// names are resolved against <see cref="OpenCcData.Directory"/> here). Throws
    /// <see cref="OpenCcUnavailableException"/> when the library or the configuration cannot be loaded.</summary>
    public static OpenCcConverter Open(string configPath)
    {
        if (!Path.IsPathRooted(configPath))
            configPath = Path.Combine(OpenCcData.Directory, configPath.EndsWith(".json", StringComparison.Ordinal) ? configPath : configPath + ".json");
        if (!File.Exists(configPath))
            throw new OpenCcUnavailableException($"OpenCC configuration '{configPath}' does not exist.");
        OpenCcLibrary.EnsureLoaded();
        var bytes = Encoding.UTF8.GetBytes(configPath + "\0");
        lock (ErrorGate)
        {
            nint handle;
            fixed (byte* p = bytes) handle = OpenCcNative.Open(p);
            if (handle == 0 || handle == -1)
                throw new OpenCcUnavailableException($"OpenCC could not open '{configPath}': {LastError()}.");
            return new OpenCcConverter(handle, configPath);
        }
    }

    /// <summary>Converts <paramref name="text"/> in one native call. Unpaired surrogates become U+FFFD (UTF-8 cannot
    /// carry them) and OpenCC stops at NUL; <see cref="ChineseConverter"/> keeps both out of what it sends here.</summary>
    public string Convert(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return "";
        var max = Utf8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max + 1);
        try
        {
            var n = Utf8.GetBytes(text, rented);
            rented[n] = 0;
            var handle = _handle;
            ObjectDisposedException.ThrowIf(handle == 0, this);
            byte* result;
            fixed (byte* p = rented) result = OpenCcNative.ConvertUtf8(handle, p, (nuint)n);
            if (result == null)
                throw new InvalidOperationException($"OpenCC conversion failed: {LastErrorLocked()}");
            try
            {
                var span = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(result);
                return Utf8.GetString(span);
            }
            finally
            {
                OpenCcNative.ConvertUtf8Free(result);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref _handle, 0);
        if (h != 0) OpenCcNative.Close(h);
    }

    private static string LastErrorLocked()
    {
        lock (ErrorGate) return LastError();
    }

    private static string LastError()
    {
        var p = OpenCcNative.Error();
        return p == null ? "unknown error" : Marshal.PtrToStringUTF8((nint)p) ?? "unknown error";
    }
}

/// <summary>Locates OpenCC's data directory (configurations and <c>.ocd2</c> dictionaries).</summary>
public static class OpenCcData
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>Directories searched, in order; <c>PIPELINE_OPENCC_DATA</c> overrides.</summary>
    public static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_OPENCC_DATA") is { Length: > 0 } env) yield return env;
        yield return "/usr/share/opencc";
        yield return "/usr/local/share/opencc";
        yield return "/opt/homebrew/share/opencc";
        yield return Path.Combine(AppContext.BaseDirectory, "opencc");
    }

    /// <summary>The data directory, or throws <see cref="OpenCcUnavailableException"/>.</summary>
    public static string Directory => Located.Value;

    /// <summary>Absolute path of a standard dictionary or configuration file.</summary>
    public static string File(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        foreach (var dir in Candidates())
            if (System.IO.File.Exists(Path.Combine(dir, "TSCharacters.ocd2")) && System.IO.File.Exists(Path.Combine(dir, "t2s.json")))
                return dir;
        throw new OpenCcUnavailableException(
            $"OpenCC dictionaries were not found (looked in {string.Join(", ", Candidates())}).");
    }
}
