using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Facts;

/// <summary>A stock code written in a text: where, and its normalised form.</summary>
public readonly record struct TickerSpan(TextSpan Span, string Normalized);

/// <summary>
/// Stock codes in their many spellings, normalised to <c>EXCHANGE:code</c> with Hong Kong codes stripped of leading
/// zeros: <c>02513.HK</c>, <c>2513.HK</c>, <c>HK02513</c>, <c>HK:2513</c>, <c>HKG: 2513</c>, <c>2513 HK</c>, <c>2513</c>
/// (with a default exchange) → <c>HK:2513</c>; <c>300750.SZ</c> → <c>SZ:300750</c>; <c>600519.SS</c> → <c>SH:600519</c>;
/// <c>BIDU.US</c>, <c>BABA.N</c>, <c>PDD.O</c>, <c>NASDAQ: NIO</c> → <c>US:…</c>; Tokyo <c>7203.T</c>, Taipei
/// <c>2330.TW</c>, Seoul <c>005930.KS</c>.
/// </summary>
public static partial class Tickers
{
    /// <summary>Exchange suffixes (<c>.HK</c>; Reuters' <c>.N</c>, <c>.O</c>, <c>.SS</c>) by the exchange they mean.</summary>
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.Ordinal)
    {
        ["HK"] = "HK", ["SH"] = "SH", ["SS"] = "SH", ["SZ"] = "SZ", ["BJ"] = "BJ",
        ["US"] = "US", ["N"] = "US", ["O"] = "US", ["OQ"] = "US",
        ["T"] = "T", ["TW"] = "TW", ["KS"] = "KS",
    };

    /// <summary>Exchange names written before a code (<c>HKG: 1211</c>, <c>NASDAQ: NIO</c>, <c>SH600519</c>).</summary>
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["HK"] = "HK", ["HKG"] = "HK", ["HKEX"] = "HK", ["SEHK"] = "HK", ["SH"] = "SH", ["SHA"] = "SH", ["SSE"] = "SH",
        ["SZ"] = "SZ", ["SHE"] = "SZ", ["SZSE"] = "SZ", ["BJ"] = "BJ", ["NASDAQ"] = "US", ["NYSE"] = "US",
        ["TYO"] = "T", ["TPE"] = "TW", ["KRX"] = "KS",
    };

    /// <summary>Normalises a ticker; <paramref name="defaultExchange"/> applies to a bare 4–5 digit code.</summary>
    public static bool TryNormalize(string? text, out string normalized, string? defaultExchange = null)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().ToUpperInvariant().Replace("：", ":");
        var t = trimmed.Replace(" ", "");
        string? exchange = null, code = null;
        var dot = t.LastIndexOf('.');
        var colon = t.IndexOf(':');
        var letters = 0;
        while (letters < t.Length && char.IsAsciiLetter(t[letters])) letters++;
        if (dot > 0 && Suffixes.TryGetValue(t[(dot + 1)..], out var bySuffix)) { exchange = bySuffix; code = t[..dot]; }
        else if (colon > 0 && Prefixes.TryGetValue(t[..colon], out var byName)) { exchange = byName; code = t[(colon + 1)..]; }
        else if (letters == 2 && Prefixes.TryGetValue(t[..2], out var byLetters)) { exchange = byLetters; code = t[2..]; }
        // Bloomberg's 9992 HK: digits, a space, an exchange.
        else if (trimmed.Split(' ') is [{ Length: 4 or 5 } digits, "HK"] && digits.All(char.IsAsciiDigit)) { exchange = "HK"; code = digits; }
        else if (t.Length is 4 or 5 && t.All(char.IsAsciiDigit) && defaultExchange is not null) { exchange = defaultExchange; code = t; }
        if (exchange is null || string.IsNullOrEmpty(code)) return false;
        if (!ValidCode(exchange, ref code)) return false;
        normalized = $"{exchange}:{code}";
        return true;
    }

    private static bool ValidCode(string exchange, ref string code)
    {
        if (exchange == "US") return code.All(char.IsAsciiLetter) && code.Length <= 5;
        if (!code.All(char.IsAsciiDigit)) return false;
        switch (exchange)
        {
            case "HK":
                if (code.Length > 5) return false;
                code = code.TrimStart('0');
                return code.Length > 0;
            case "T" or "TW": return code.Length == 4;
            default: return code.Length == 6;
        }
    }

    /// <summary>
    /// The stock codes written in a text, in their lettered spellings only (<c>(1810.HK)</c>, <c>HKG: 1211</c>,
    /// <c>(NASDAQ: NIO)</c>, <c>SZ300750</c>, <c>9992 HK</c>): their digits are a code, never a year or an amount.
    /// A bare number (<c>（02097）</c>) is not found here; it is a code only where a definition says so.
    /// </summary>
    public static IReadOnlyList<TickerSpan> FindAll(string text)
    {
        var found = new List<TickerSpan>();
        foreach (Match m in TickerPattern().Matches(text))
            if (TryNormalize(m.Value, out var n)) found.Add(new TickerSpan(new TextSpan(m.Index, m.Index + m.Length), n));
        return found;
    }

    // ASCII digits, not \d: a code is never written in other digits (TryNormalize would refuse them), and a scan
    // for Unicode digits asks every Chinese character its category.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9.])(?:" +
        @"[0-9]{4,6}\.(?:HK|SH|SS|SZ|BJ|TW|KS|T)" +
        @"|[A-Z]{1,5}\.(?:US|OQ|N|O)" +
        @"|(?:HKG|HKEX|SEHK|SHA|SSE|SHE|SZSE|NASDAQ|Nasdaq|NYSE|TYO|TPE|KRX)\s?[:：]\s?(?:[0-9]{4,6}|[A-Z]{1,5})" +
        @"|(?:HK|SH|SZ|BJ)[:：]?[0-9]{4,6}" +
        @"|[0-9]{4,5} HK" +
        @")(?![A-Za-z0-9])")]
    private static partial Regex TickerPattern();
}
