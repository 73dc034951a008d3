using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Bytes to text. In order: a byte-order mark; for HTML the charset of the first <c>&lt;meta&gt;</c> that declares one
/// (never a <c>charset=</c> on a script); then a statistical check that compares strict UTF-8, GB18030 and Big5 (CP950)
/// by undecodable sequences and by how common the decoded Han characters are. GB2312/GBK decode as GB18030, Big5 as
/// CP950. Undecodable bytes become U+FFFD and a warning per sequence with its byte offset and text span.
/// </summary>
public sealed class TextDecoder : IDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Diagnostics listed one by one before they are summarised.</summary>
    private const int MaxReported = 20;

    public string Decode(byte[] bytes, DocumentFormat format, List<Diagnostic> diagnostics)
    {
        if (bytes.Length == 0) { diagnostics.Add(Diagnostic.Error("decode.empty", "file is empty")); return ""; }
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) return Strict(Encoding.UTF8, "utf-8", bytes, 3, diagnostics);
        if (bytes is [0xFF, 0xFE, ..]) return Strict(Encoding.Unicode, "utf-16le", bytes, 2, diagnostics);
        if (bytes is [0xFE, 0xFF, ..]) return Strict(Encoding.BigEndianUnicode, "utf-16be", bytes, 2, diagnostics);
        if (LooksBinary(bytes)) { diagnostics.Add(Diagnostic.Error("decode.binary", "content is binary, not text")); return ""; }

        var declared = format == DocumentFormat.Html ? CharsetSniffer.DeclaredCharset(bytes) : null;
        var declaredEncoding = declared is null ? null : ForName(declared);
        var chosen = Choose(bytes, declaredEncoding);
        if (declared is not null && declaredEncoding is null)
            diagnostics.Add(Diagnostic.Info("decode.unknown-charset", $"declared charset '{declared}' is not supported; detected {chosen.Name}"));
        else if (declaredEncoding is not null && chosen.Name != declaredEncoding.Value.Name)
            diagnostics.Add(Diagnostic.Warning("decode.charset-mismatch", $"declared charset '{declared}' does not fit the bytes; decoded as {chosen.Name}"));
        return Strict(chosen.Encoding, chosen.Name, bytes, 0, diagnostics);
    }

    private readonly record struct Candidate(Encoding Encoding, string Name);

    private static Candidate Utf8 => new(Encoding.UTF8, "utf-8");
    private static Candidate Gb => new(Encoding.GetEncoding("GB18030"), "gb18030");
    private static Candidate Big5 => new(Encoding.GetEncoding(950), "big5");

    /// <summary>Maps a declared charset label to the encoding we decode it with; null when unknown.</summary>
    private static Candidate? ForName(string label) => label.Trim().Trim('"', '\'').ToLowerInvariant() switch
    {
        "utf-8" or "utf8" or "unicode-1-1-utf-8" => Utf8,
        "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "euc-cn" or "csgb2312" or "chinese" => Gb,
        "big5" or "big5-hkscs" or "x-x-big5" or "cp950" or "windows-950" or "cn-big5" or "csbig5" => Big5,
        _ => null,
    };

    /// <summary>Strict UTF-8 wins outright; a declared charset that decodes cleanly wins; otherwise each candidate
    /// scores its common Han characters minus three per undecodable sequence (the declared one gets a small bonus).</summary>
    private static Candidate Choose(byte[] bytes, Candidate? declared)
    {
        if (IsValidUtf8(bytes)) return Utf8;
        if (declared is { } d0 && CountErrors(d0.Encoding, bytes) == 0) return d0;
        Candidate best = Gb;
        var bestScore = double.NegativeInfinity;
        foreach (var c in new[] { Utf8, Gb, Big5 })
        {
            var score = -CountErrors(c.Encoding, bytes) * 3.0 + CommonHanScore(c.Encoding, bytes);
            if (declared is { } d && d.Name == c.Name) score += 10;
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>How many of the decoded characters are among the most frequent Han characters of either script.</summary>
    private static double CommonHanScore(Encoding encoding, byte[] bytes)
    {
        var text = encoding.GetString(bytes, 0, Math.Min(bytes.Length, 65536));
        var common = 0;
        foreach (var ch in text) if (CommonHan.Contains(ch)) common++;
        return common;
    }

    private const string CommonHanChars =
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奥恩讓對國們這個說時來會過發後經還進點現開聯員義實變體當從關應學兩問長車區與動無產電業為東麼樣總頭間見種線結設報務師驗資難條術團種進發際營價錢樂導廣龍權萬聲雖屬歷陽陰體萬處戰爭開對於鄉齊";

    private static readonly HashSet<char> CommonHan = [.. CommonHanChars];

    private static bool LooksBinary(byte[] bytes)
    {
        // Images and archives are full of NULs and control bytes; an article with a few stray NULs is still text
        // (they are kept and passed through), so NULs count by their share, not by their presence.
        var n = Math.Min(bytes.Length, 8192);
        int control = 0, nul = 0;
        for (var i = 0; i < n; i++)
        {
            var b = bytes[i];
            if (b == 0) nul++;
            else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return nul * 100 > n || (control + nul) * 20 > n;
    }

    private static int CountErrors(Encoding encoding, byte[] bytes)
    {
        var fallback = new RecordingFallback();
        var e = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, fallback);
        e.GetCharCount(bytes);
        return fallback.Offsets.Count;
    }

    private static string Strict(Encoding encoding, string name, byte[] bytes, int offset, List<Diagnostic> diagnostics)
    {
        var fallback = new RecordingFallback();
        var e = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, fallback);
        var text = e.GetString(bytes, offset, bytes.Length - offset);
        if (encoding.CodePage is 950 or 54936) ReportPrivateUse(text, name, diagnostics);
        if (fallback.Offsets.Count == 0) return text;

        // Each undecodable sequence became one U+FFFD. The fallback may run twice (count, then decode), so the
        // sequences are the last ones it saw; byte offsets are recomputed by re-encoding the text between them.
        var positions = new List<int>();
        for (var i = text.IndexOf('\uFFFD'); i >= 0; i = text.IndexOf('\uFFFD', i + 1)) positions.Add(i);
        var sequences = fallback.Offsets.Skip(Math.Max(0, fallback.Offsets.Count - positions.Count)).ToList();
        var paired = sequences.Count == positions.Count;
        long byteOffset = offset;
        var textPos = 0;
        for (var k = 0; k < positions.Count && k < MaxReported; k++)
        {
            var bad = paired ? sequences[k].Bytes : "";
            byteOffset += encoding.GetByteCount(text.AsSpan(textPos, positions[k] - textPos));
            diagnostics.Add(Diagnostic.Warning("decode.undecodable-bytes",
                $"bytes {bad} at byte offset {byteOffset} are not valid {name}; replaced with U+FFFD", TextSpan.FromLength(positions[k], 1)));
            byteOffset += Math.Max(1, bad.Length / 2);
            textPos = positions[k] + 1;
        }
        if (positions.Count > MaxReported)
            diagnostics.Add(Diagnostic.Warning("decode.undecodable-bytes",
                $"{positions.Count - MaxReported} more undecodable {name} sequence(s) not listed"));
        return text;
    }

    /// <summary>Legacy user-defined byte ranges decode to private-use characters that no font shows: report them.</summary>
    private static void ReportPrivateUse(string text, string name, List<Diagnostic> diagnostics)
    {
        var reported = 0;
        for (var i = 0; i < text.Length && reported < MaxReported; i++)
        {
            if (text[i] is < '\uE000' or > '\uF8FF') continue;
            diagnostics.Add(Diagnostic.Warning("decode.private-use",
                $"U+{(int)text[i]:X4} comes from the user-defined area of {name}: the bytes are not standard text", TextSpan.FromLength(i, 1)));
            reported++;
        }
    }

    /// <summary>Replaces each undecodable sequence with U+FFFD and records where it was.</summary>
    private sealed class RecordingFallback : DecoderFallback
    {
        public List<(int Offset, string Bytes)> Offsets { get; } = new();
        public override int MaxCharCount => 1;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(RecordingFallback owner) : DecoderFallbackBuffer
        {
            private bool _pending;
            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Offsets.Add((index, Convert.ToHexString(bytesUnknown)));
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending) return '\0';
                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;
            public override void Reset() => _pending = false;
        }
    }
}

/// <summary>Finds the charset declared by the first <c>&lt;meta&gt;</c> tag that declares one, scanning bytes as ASCII.</summary>
internal static class CharsetSniffer
{
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var limit = Math.Min(bytes.Length, 64 * 1024);
        var i = 0;
        while (i < limit)
        {
            var lt = bytes[i..limit].IndexOf((byte)'<');
            if (lt < 0) return null;
            i += lt;
            var end = bytes[i..limit].IndexOf((byte)'>');
            if (end < 0) return null;
            var tag = bytes.Slice(i, end + 1);
            i += end + 1;
            if (tag.Length < 6 || !StartsWithIgnoreCase(tag[1..], "meta"u8) || IsNameChar(tag[5])) continue;
            var charset = FindCharset(tag);
            if (charset is not null) return charset;
        }
        return null;
    }

    private static string? FindCharset(ReadOnlySpan<byte> tag)
    {
        for (var j = 0; j + 8 <= tag.Length; j++)
        {
            if (!StartsWithIgnoreCase(tag[j..], "charset"u8)) continue;
            var k = j + 7;
            while (k < tag.Length && tag[k] == ' ') k++;
            if (k >= tag.Length || tag[k] != '=') continue;
            k++;
            while (k < tag.Length && (tag[k] is (byte)' ' or (byte)'"' or (byte)'\'')) k++;
            var s = k;
            while (k < tag.Length && (IsNameChar(tag[k]) || tag[k] is (byte)'-' or (byte)'_' or (byte)'.' or (byte)':')) k++;
            if (k > s) return System.Text.Encoding.ASCII.GetString(tag[s..k]);
        }
        return null;
    }

    private static bool IsNameChar(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> prefix)
    {
        if (s.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if ((s[i] | 0x20) != prefix[i]) return false;
        return true;
    }
}
