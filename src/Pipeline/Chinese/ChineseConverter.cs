using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Pipeline.Text;

namespace Pipeline.Chinese;

/// <summary>What one conversion did: how many paragraphs were sent to OpenCC and in how many native calls.</summary>
public readonly record struct ConversionStats(int Paragraphs, int ConvertedParagraphs, int NativeCalls, int ChangedChunks);

/// <summary>
/// Traditional → Simplified conversion with an offset map (Lucene's offset-correcting char filter idea).
/// Paragraphs without a character the profile would change are copied untouched (script detection);
/// consecutive paragraphs that need conversion go to OpenCC together (one native call per run of up to
/// <see cref="MaxBatchChars"/> characters, cut at a line break or punctuation); the result is aligned back to
/// the input phrase by phrase (OpenCC never matches across punctuation or line breaks), so every output character
/// maps to the input characters it came from. Same-length pieces map character for character; a piece whose
/// length changed (瓩→千瓦, a BMP character becoming a supplementary one) maps as a block after its common
/// prefix and suffix. NUL and unpaired surrogates are never sent to OpenCC: they are copied as they are.
/// Thread-safe; open once per profile (<see cref="Open"/> caches).
/// </summary>
public sealed class ChineseConverter
{
    private static readonly ConcurrentDictionary<(ChineseProfile, bool), Lazy<ChineseConverter>> Cache = new();

    private readonly OpenCcConverter _native;
    private readonly CharTable _table;

    private ChineseConverter(ChineseProfile profile, bool overrides, OpenCcConverter native)
    {
        Profile = profile;
        UsesOverrides = overrides;
        _native = native;
        _table = CharTable.Probe(native, profile, overrides);
    }

    public ChineseProfile Profile { get; }

    /// <summary>True for the project configuration (override dictionary ahead of the standard ones).</summary>
    public bool UsesOverrides { get; }

    /// <summary>The opened native configuration (for differential tests and benchmarks).</summary>
    public OpenCcConverter Native => _native;

    /// <summary>Writes this converter's configuration (with the project overrides when it uses them) into
    /// <paramref name="directory"/> and returns its path, so the <c>opencc</c> tool can run the same conversion.</summary>
    public string WriteOpenCcConfig(string directory) =>
        UsesOverrides ? ProjectConfig.Write(Profile, directory) : OpenCcData.File(Profile.ConfigName() + ".json");

    /// <summary>The shared converter for <paramref name="profile"/>, opened on first use. With
    /// <paramref name="overrides"/> false it is exactly Debian's configuration (for comparison only).
    /// Throws <see cref="OpenCcUnavailableException"/> when OpenCC is missing.</summary>
    public static ChineseConverter Open(ChineseProfile profile = ChineseProfile.T2S, bool overrides = true)
    {
        var lazy = Cache.GetOrAdd((profile, overrides),
            key => new Lazy<ChineseConverter>(() => new ChineseConverter(key.Item1, key.Item2, ProjectConfig.Open(key.Item1, key.Item2))));
        try
        {
            return lazy.Value;
        }
        catch (OpenCcUnavailableException)
        {
            Cache.TryRemove(new KeyValuePair<(ChineseProfile, bool), Lazy<ChineseConverter>>((profile, overrides), lazy));
            throw;
        }
    }

    /// <summary>Converts text (no offset map). Equivalent to <c>opencc -c &lt;profile&gt;</c> with the project configuration.</summary>
    public string Convert(string text) => Convert(text, out _).Text;

    /// <summary>Converts a stream (for <c>pipeline convert &lt; in.txt</c>): reads blocks cut after a line break, so
    /// memory stays bounded and the result equals converting the whole text at once. Line endings are kept.</summary>
    public void Convert(TextReader reader, TextWriter writer, int blockChars = 1 << 20)
    {
        var buffer = new char[Math.Max(blockChars, 1024)];
        var filled = 0;
        while (true)
        {
            var read = reader.ReadBlock(buffer, filled, buffer.Length - filled);
            filled += read;
            var eof = filled < buffer.Length; // ReadBlock returns short only at the end of the input
            if (filled == 0) break;
            var cut = eof ? filled : Array.LastIndexOf(buffer, '\n', filled - 1) + 1;
            if (cut == 0)
            {
                // One line longer than the buffer: grow and read on.
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }
            writer.Write(Convert(new string(buffer, 0, cut)));
            Array.Copy(buffer, cut, buffer, 0, filled - cut);
            filled -= cut;
            if (eof && filled == 0) break;
        }
        writer.Flush();
    }

    /// <summary>Converts text and returns the output with its map into <paramref name="input"/>.</summary>
    public StageText ConvertMapped(string input) => Convert(input, out _);

    /// <summary>True when <paramref name="text"/> holds a character this profile may change (or an ideograph outside the BMP).</summary>
    public bool NeedsConversion(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (_table.IsTrigger(c)) return true;
        return false;
    }

    /// <summary>Every BMP character this profile changes on its own, with its conversion.</summary>
    public IEnumerable<KeyValuePair<char, string>> CharMappings => _table.Mappings;

    /// <summary>The character's own conversion (what OpenCC does to it alone), or null when it is unchanged.</summary>
    public string? ConvertChar(char c) => _table.Map(c);

    public StageText Convert(string input, out ConversionStats stats)
    {
        // A text with no character this profile changes (all of it Simplified, or no Chinese at all) passes through
        // with the identity map: no copy, no map to compose.
        if (!NeedsConversion(input))
        {
            stats = new ConversionStats(CountParagraphs(input), 0, 0, 0);
            return StageText.Original(input);
        }
        var builder = new OffsetMapBuilder(input.Length + 16);
        int paragraphs = 0, converted = 0, calls = 0, changed = 0;
        var batchStart = -1;          // start of the pending run of paragraphs that need conversion
        var batchEnd = -1;            // end of that run (exclusive)
        var i = 0;
        while (i <= input.Length)
        {
            // One piece: up to the next line feed, NUL or unpaired surrogate (the "hard stops").
            var start = i;
            var needs = false;
            var stop = -1;
            while (i < input.Length)
            {
                var c = input[i];
                if (c == '\n' || c == '\0') { stop = i; break; }
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                    {
                        if (!needs && _table.IsTrigger(c)) needs = true;
                        i += 2;
                        continue;
                    }
                    stop = i; break;
                }
                if (!needs && _table.IsTrigger(c)) needs = true;
                i++;
            }
            var end = stop < 0 ? input.Length : stop;
            if (end > start) paragraphs++;
            if (needs)
            {
                converted++;
                if (batchStart < 0) batchStart = start;
                batchEnd = end;
            }
            var hard = stop >= 0 && input[stop] != '\n';
            // A paragraph that needs nothing, or a hard stop, closes the pending run.
            if (batchStart >= 0 && (!needs && end > start || hard || stop < 0))
            {
                Flush(input, batchStart, batchEnd, builder, ref calls, ref changed);
                batchStart = -1;
            }
            if (stop < 0) break;
            i = stop + 1;
        }
        if (batchStart >= 0) Flush(input, batchStart, batchEnd, builder, ref calls, ref changed);
        builder.CopyTo(input, input.Length);
        stats = new ConversionStats(paragraphs, converted, calls, changed);
        return builder.Build(input.Length);
    }

    private static int CountParagraphs(string input)
    {
        int count = 0, start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] is not ('\n' or '\0') && !(char.IsSurrogate(input[i]) && !IsPairedAt(input, i))) continue;
            if (i > start) count++;
            start = i + 1;
        }
        return count;
    }

    private static bool IsPairedAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>Largest run sent to OpenCC in one call: bounds the native buffers; per-call overhead (~30 µs) is
    /// negligible at this size. Longer runs are cut at a separator, which no phrase spans.</summary>
    internal const int MaxBatchChars = 32 * 1024;

    private void Flush(string input, int start, int end, OffsetMapBuilder builder, ref int calls, ref int changed)
    {
        builder.CopyTo(input, start);
        while (start < end)
        {
            var cut = end;
            if (end - start > MaxBatchChars)
            {
                // Prefer a line break, then any separator, before the limit; else the first separator after it.
                var limit = start + MaxBatchChars;
                var window = input.AsSpan(start, MaxBatchChars);
                var nl = window.LastIndexOf('\n');
                if (nl > 0) cut = start + nl + 1;
                else
                {
                    cut = -1;
                    for (var k = limit - 1; k > start; k--) if (IsSeparator(input[k])) { cut = k + 1; break; }
                    if (cut < 0)
                    {
                        cut = limit;
                        while (cut < end && !IsSeparator(input[cut])) cut++;
                        cut = Math.Min(end, cut + 1);
                    }
                }
            }
            var source = input.AsSpan(start, cut - start);
            var output = _native.Convert(source);
            calls++;
            changed += Align(source, output, builder);
            start = cut;
        }
    }

    /// <summary>Writes <paramref name="output"/> (OpenCC's conversion of <paramref name="source"/>) into the builder,
    /// piece by piece between separators. Returns the number of pieces that changed.</summary>
    internal int Align(ReadOnlySpan<char> source, string output, OffsetMapBuilder builder)
    {
        var outSpan = output.AsSpan();
        if (source.SequenceEqual(outSpan)) { builder.Replace(source.Length, source); return 0; }
        if (!SameSeparators(source, outSpan))
        {
            // Never seen with OpenCC's dictionaries; stay correct (one block) rather than guess.
            builder.ReplaceBlock(source.Length, outSpan);
            return 1;
        }
        var changed = 0;
        int si = 0, oi = 0;
        while (si < source.Length || oi < outSpan.Length)
        {
            var sEnd = si; while (sEnd < source.Length && !IsSeparator(source[sEnd])) sEnd++;
            var oEnd = oi; while (oEnd < outSpan.Length && !IsSeparator(outSpan[oEnd])) oEnd++;
            var s = source[si..sEnd];
            var o = outSpan[oi..oEnd];
            if (s.SequenceEqual(o)) builder.Replace(s.Length, s);
            else { AlignPiece(s, o, builder); changed++; }
            if (sEnd < source.Length) builder.Replace(1, source.Slice(sEnd, 1)); // the separator itself
            si = sEnd + 1;
            oi = oEnd + 1;
            if (sEnd >= source.Length) break;
        }
        return changed;
    }

    // One phrase-level piece: character for character when the lengths agree; otherwise the common prefix and suffix
    // (each input character matching its own conversion) exactly and the rest as one block.
    private void AlignPiece(ReadOnlySpan<char> s, ReadOnlySpan<char> o, OffsetMapBuilder builder)
    {
        if (s.Length == o.Length && SameSurrogateLayout(s, o)) { builder.Replace(s.Length, o); return; }
        int ps = 0, po = 0;
        while (ps < s.Length && po < o.Length && Step(s, ps, o, po, forward: true, out var sl, out var ol)) { ps += sl; po += ol; }
        int ss = s.Length, so = o.Length;
        while (ss > ps && so > po && Step(s, ss, o, so, forward: false, out var sl, out var ol)) { ss -= sl; so -= ol; }
        // Prefix, block, suffix: replay the prefix one character at a time so a length change stays local.
        int a = 0, b = 0;
        while (a < ps)
        {
            Step(s, a, o, b, forward: true, out var sl, out var ol);
            builder.Replace(sl, o.Slice(b, ol));
            a += sl; b += ol;
        }
        if (ss > ps || so > po) builder.ReplaceBlock(ss - ps, o[po..so]);
        a = ss; b = so;
        while (a < s.Length)
        {
            Step(s, a, o, b, forward: true, out var sl, out var ol);
            builder.Replace(sl, o.Slice(b, ol));
            a += sl; b += ol;
        }
    }

    // Whether the input character at (or, backwards, just before) index i converts to the output text at j.
    private bool Step(ReadOnlySpan<char> s, int i, ReadOnlySpan<char> o, int j, bool forward, out int sLen, out int oLen)
    {
        sLen = 1;
        if (forward)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sLen = 2;
        }
        else if (char.IsLowSurrogate(s[i - 1]) && i >= 2 && char.IsHighSurrogate(s[i - 2])) sLen = 2;
        var ch = forward ? s.Slice(i, sLen) : s.Slice(i - sLen, sLen);
        ReadOnlySpan<char> expected = sLen == 1 && _table.Map(ch[0]) is { } mapped ? mapped : ch;
        oLen = expected.Length;
        if (forward) return j + oLen <= o.Length && o.Slice(j, oLen).SequenceEqual(expected);
        return j - oLen >= 0 && o.Slice(j - oLen, oLen).SequenceEqual(expected);
    }

    // Same length and surrogates at the same places: code points correspond one for one.
    private static bool SameSurrogateLayout(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var k = 0; k < a.Length; k++)
            if (char.IsSurrogate(a[k]) != char.IsSurrogate(b[k])) return false;
        return true;
    }

    private static bool SameSeparators(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !IsSeparator(a[i])) i++;
            while (j < b.Length && !IsSeparator(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (a[i] != b[j]) return false;
            i++; j++;
        }
    }

    /// <summary>Characters no OpenCC phrase spans: whitespace and punctuation (ASCII, general, CJK, full-width).</summary>
    internal static bool IsSeparator(char c) =>
        c <= ' ' || c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~')
            or (>= '\u2000' and <= '\u206F') or (>= '\u3000' and <= '\u3003') or (>= '\u3008' and <= '\u3011')
            or (>= '\u3014' and <= '\u301F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
            or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65');

    /// <summary>The characters OpenCC changes under the configuration, with what it makes of each: kept from an
    /// earlier process when it probed the same installation (<see cref="OpenCcProbeCache"/>), else probed.</summary>
    internal static IReadOnlyList<(char From, string To)> ProbedMappings(OpenCcConverter native, ChineseProfile profile, bool overrides)
    {
        string? folder = null, key = null;
        try
        {
            folder = OpenCcProbeCache.Folder();
            key = folder is null ? null : OpenCcProbeCache.Key(profile, overrides);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folder = null;
        }
        if (folder is not null && key is not null && OpenCcProbeCache.TryLoad(folder, key) is { } kept) return kept;
        var probed = ProbeNative(native);
        if (folder is not null && key is not null) OpenCcProbeCache.TrySave(folder, key, probed);
        return probed;
    }

    /// <summary>Sends every character OpenCC's dictionaries can hold through the configuration, one per line.</summary>
    internal static List<(char From, string To)> ProbeNative(OpenCcConverter native)
    {
        var probe = new StringBuilder(2 * 65536);
        var chars = new List<char>(65536);
        // OpenCC's dictionaries hold Chinese characters and punctuation: no key below U+2E80 (CJK radicals), in the
        // surrogate/private-use areas, or in the blocks of other scripts that share the range (kana, bopomofo and
        // Hangul jamo U+3040-31FF, Yi to Cyrillic U+A000-ABFF, Hangul syllables U+AC00-D7FF, Latin to Arabic
        // presentation forms U+FB00-FDFF). Left out, they are a third of the probe (t2s on Debian's OpenCC 1.1:
        // all of its 3,751 converting characters are CJK Unified Ideographs or Extension A).
        for (var c = 0x2E80; c <= 0xFFFF; c++)
        {
            if (c is >= 0x3040 and <= 0x31FF or >= 0xA000 and < 0xF900 or >= 0xFB00 and <= 0xFDFF || IsSeparator((char)c)) continue;
            chars.Add((char)c);
            probe.Append((char)c).Append('\n');
        }
        var result = native.Convert(probe.ToString()).Split('\n');
        if (result.Length < chars.Count)
            throw new OpenCcUnavailableException($"OpenCC returned {result.Length} lines for {chars.Count} probe characters.");
        var mappings = new List<(char, string)>();
        for (var k = 0; k < chars.Count; k++)
            if (result[k].Length != 1 || result[k][0] != chars[k]) mappings.Add((chars[k], result[k]));
        return mappings;
    }

    /// <summary>What OpenCC does to each BMP character on its own, found once per configuration by converting every
    /// character (one per line) in a single call, plus the characters that change only inside phrases.</summary>
    private sealed class CharTable
    {
        private readonly ulong[] _trigger = new ulong[65536 / 64];
        private readonly Dictionary<char, string> _map = new();

        public bool IsTrigger(char c) => (_trigger[c >> 6] & (1UL << (c & 63))) != 0;
        public string? Map(char c) => _map.TryGetValue(c, out var s) ? s : null;
        public IEnumerable<KeyValuePair<char, string>> Mappings => _map;

        private void Set(char c) => _trigger[c >> 6] |= 1UL << (c & 63);

        public static CharTable Probe(OpenCcConverter native, ChineseProfile profile, bool overrides)
        {
            var table = new CharTable();
            foreach (var (from, to) in ProbedMappings(native, profile, overrides))
            {
                table.Set(from);
                table._map[from] = to;
            }
            // Ideographs of planes 2-3 (CJK extensions B-H; high surrogates D840-D8BF) are always sent: some convert
            // (𠁞→𠀾, 𡻕→岁). Emoji and other supplementary characters are not Chinese and never are.
            for (var c = 0xD840; c <= 0xD8BF; c++) table.Set((char)c);
            foreach (var c in ResourceChars(ProjectConfig.PhraseTriggersResource)) table.Set(c);
            // Override entries trigger on the characters they change (著 in 意味著), not on their context (意味).
            if (overrides)
                foreach (var (from, to, _) in ProjectConfig.OverridesFor(profile))
                    for (var k = 0; k < from.Length; k++)
                        if (from.Length != to.Length || from[k] != to[k]) table.Set(from[k]);
            return table;
        }

        private static IEnumerable<char> ResourceChars(string resource)
        {
            foreach (var line in LexiconResources.ReadText(resource).Split('\n'))
            {
                var t = line.Trim();
                if (t.Length == 0 || t.StartsWith('#')) continue;
                foreach (var c in t) if (!char.IsWhiteSpace(c)) yield return c;
            }
        }
    }
}
