namespace Pipeline.Facts;

/// <summary>
/// Stock codes in their many spellings, normalised to <c>EXCHANGE:code</c> with Hong Kong codes stripped of leading
/// zeros: <c>02513.HK</c>, <c>2513.HK</c>, <c>HK02513</c>, <c>HK:2513</c>, <c>2513</c> (with a default exchange) → <c>HK:2513</c>;
/// <c>300750.SZ</c> → <c>SZ:300750</c>; <c>BIDU.US</c> → <c>US:BIDU</c>.
/// </summary>
public static class Tickers
{
    private static readonly string[] Exchanges = ["HK", "SH", "SZ", "US", "BJ"];

    /// <summary>Normalises a ticker; <paramref name="defaultExchange"/> applies to a bare 4–5 digit code.</summary>
    public static bool TryNormalize(string? text, out string normalized, string? defaultExchange = null)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant().Replace("：", ":").Replace(" ", "");
        string? exchange = null, code = null;
        var dot = t.LastIndexOf('.');
        if (dot > 0 && Exchanges.Contains(t[(dot + 1)..])) { exchange = t[(dot + 1)..]; code = t[..dot]; }
        else if (t.Length > 2 && t[..2] is "HK" or "SH" or "SZ" or "BJ")
        {
            exchange = t[..2];
            code = t[2..].TrimStart(':');
        }
        else if (t.Length is 4 or 5 && t.All(char.IsAsciiDigit) && defaultExchange is not null) { exchange = defaultExchange; code = t; }
        if (exchange is null || string.IsNullOrEmpty(code)) return false;
        if (exchange == "US")
        {
            if (!code.All(char.IsAsciiLetter) || code.Length > 5) return false;
        }
        else
        {
            if (!code.All(char.IsAsciiDigit)) return false;
            if (exchange == "HK")
            {
                if (code.Length > 5) return false;
                code = code.TrimStart('0');
                if (code.Length == 0) return false;
            }
            else if (code.Length != 6) return false;
        }
        normalized = $"{exchange}:{code}";
        return true;
    }
}
