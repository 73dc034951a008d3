using System.Text;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>
/// Bytes to text: a byte-order mark, then a declared <c>&lt;meta charset&gt;</c> for HTML, then strict UTF-8, then
/// the legacy Chinese encoding (GB18030 or Big5/CP950) that decodes with the fewest errors.
/// Undecodable bytes become a diagnostic, never a silent '?'.
/// </summary>
public sealed class TextDecoder : IDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Decode(byte[] bytes, DocumentFormat format, List<Diagnostic> diagnostics)
    {
        if (bytes.Length == 0) { diagnostics.Add(Diagnostic.Error("decode.empty", "file is empty")); return ""; }
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) return Strict(new UTF8Encoding(false, true), bytes, 3, diagnostics, "utf-8");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (LooksBinary(bytes)) { diagnostics.Add(Diagnostic.Error("decode.binary", "content is binary, not text")); return ""; }
        var utf8 = new UTF8Encoding(false, true);
        try { return utf8.GetString(bytes); }
        catch (DecoderFallbackException) { }
        var gb = Encoding.GetEncoding("GB18030");
        var big5 = Encoding.GetEncoding(950);
        var gbErrors = CountErrors(gb, bytes);
        var big5Errors = CountErrors(big5, bytes);
        return big5Errors < gbErrors ? Strict(big5, bytes, 0, diagnostics, "big5") : Strict(gb, bytes, 0, diagnostics, "gb18030");
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 8192);
        var control = 0;
        for (var i = 0; i < n; i++) if (bytes[i] < 0x09 || (bytes[i] > 0x0D && bytes[i] < 0x20 && bytes[i] != 0x1B)) control++;
        return control > n / 10;
    }

    private static int CountErrors(Encoding encoding, byte[] bytes)
    {
        var e = (Encoding)encoding.Clone();
        var counter = new CountingFallback();
        e.DecoderFallback = counter;
        e.GetCharCount(bytes);
        return counter.Count;
    }

    private static string Strict(Encoding encoding, byte[] bytes, int offset, List<Diagnostic> diagnostics, string name)
    {
        var e = (Encoding)encoding.Clone();
        var fallback = new CountingFallback();
        e.DecoderFallback = fallback;
        var text = e.GetString(bytes, offset, bytes.Length - offset);
        if (fallback.Count > 0)
            diagnostics.Add(Diagnostic.Warning("decode.undecodable-bytes",
                $"{fallback.Count} byte sequence(s) are not valid {name}; replaced with U+FFFD"));
        return text;
    }

    private sealed class CountingFallback : DecoderFallback
    {
        public int Count;
        public override int MaxCharCount => 1;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private bool _pending;
            public override int Remaining => _pending ? 1 : 0;
            public override bool Fallback(byte[] bytesUnknown, int index) { owner.Count++; _pending = true; return true; }
            public override char GetNextChar() { if (!_pending) return '\0'; _pending = false; return '\uFFFD'; }
            public override bool MovePrevious() => false;
        }
    }
}
