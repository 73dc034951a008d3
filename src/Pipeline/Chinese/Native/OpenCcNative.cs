using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Pipeline.Chinese.Native;

/// <summary>
/// The OpenCC C API (opencc.h). <c>opencc_open</c> returns <c>(opencc_t)-1</c> on failure; results of
/// <c>opencc_convert_utf8</c> are freed with <c>opencc_convert_utf8_free</c>; <c>opencc_error</c> is one global string.
/// </summary>
internal static unsafe partial class OpenCcNative
{
    internal const string LibraryName = "opencc";

    [LibraryImport(LibraryName, EntryPoint = "opencc_open")]
    internal static partial nint Open(byte* configFileName);

    [LibraryImport(LibraryName, EntryPoint = "opencc_close")]
    internal static partial int Close(nint handle);

    [LibraryImport(LibraryName, EntryPoint = "opencc_convert_utf8")]
    internal static partial byte* ConvertUtf8(nint handle, byte* input, nuint length);

    [LibraryImport(LibraryName, EntryPoint = "opencc_convert_utf8_free")]
    internal static partial void ConvertUtf8Free(byte* text);

    [LibraryImport(LibraryName, EntryPoint = "opencc_error")]
    internal static partial byte* Error();
}

/// <summary>
/// Finds the native OpenCC library. Debian ships only the versioned <c>libopencc.so.1.1</c> (the plain
/// <c>libopencc.so</c> comes with <c>-dev</c>), so the resolver tries the usual file names per platform.
/// </summary>
internal static class OpenCcLibrary
{
    private static readonly object Gate = new();
    private static nint _handle;
    private static nint _resolvable;   // what the resolver hands out; set before the resolver is registered
    private static string? _loadedFrom;
    private static bool _resolverSet;

    /// <summary>File names tried in order on this platform.</summary>
    internal static IReadOnlyList<string> CandidateNames
    {
        get
        {
            if (OperatingSystem.IsWindows()) return ["opencc.dll", "libopencc.dll", "libopencc-1.1.dll"];
            if (OperatingSystem.IsMacOS()) return ["libopencc.1.1.dylib", "libopencc.1.2.dylib", "libopencc.2.dylib", "libopencc.dylib",
                "/opt/homebrew/lib/libopencc.dylib", "/usr/local/lib/libopencc.dylib"];
            return ["libopencc.so.1.1", "libopencc.so.1.2", "libopencc.so.1", "libopencc.so.2", "libopencc.so",
                "/usr/lib/x86_64-linux-gnu/libopencc.so.1.1", "/usr/lib/aarch64-linux-gnu/libopencc.so.1.1"];
        }
    }

    /// <summary>Where the library was loaded from (after <see cref="EnsureLoaded"/>).</summary>
    internal static string? LoadedFrom => _loadedFrom;

    /// <summary>Loads the library once and routes the <c>opencc</c> imports to it, or throws
    /// <see cref="OpenCcUnavailableException"/> naming the install command.</summary>
    internal static void EnsureLoaded()
    {
        if (_handle != 0) return;
        lock (Gate)
        {
            if (_handle != 0) return;
            var handle = TryLoad(CandidateNames, out var from);
            if (handle == 0)
                throw new OpenCcUnavailableException(
                    $"The OpenCC native library was not found (tried {string.Join(", ", CandidateNames)}).");
            _loadedFrom = from;
            if (!_resolverSet)
            {
                _resolvable = handle;
                try
                {
                    NativeLibrary.SetDllImportResolver(typeof(OpenCcLibrary).Assembly, Resolve);
                }
                catch (InvalidOperationException e)
                {
                    throw new OpenCcUnavailableException(
                        "Another DllImport resolver is already registered for the Pipeline assembly; OpenCC cannot be routed.", e);
                }
                _resolverSet = true;
            }
            _handle = handle;
        }
    }

    /// <summary>Tries each name; returns 0 when none loads.</summary>
    internal static nint TryLoad(IEnumerable<string> names, out string? loadedFrom)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var h)) { loadedFrom = name; return h; }
        }
        loadedFrom = null;
        return 0;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == OpenCcNative.LibraryName ? _resolvable : 0;
}
