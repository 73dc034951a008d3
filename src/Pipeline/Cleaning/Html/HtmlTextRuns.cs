using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Html;

namespace Pipeline.Cleaning.Html;

/// <summary>
/// The text of an HTML source as the HTML tokenizer (WHATWG HTML §13.2.5, which AngleSharp implements) emits it in
/// character tokens: the text between tags, with character references decoded; the content of script, style and the
/// other raw-text elements, and of title and textarea (references decoded); nothing of tags, attributes, comments or
/// doctypes. One linear scan, no tree. <see cref="SourceTextMap"/> aligns the parsed page's text nodes with these runs
/// to give every character its place in the source; before, the runs came from the parser's token hook, which turns
/// every token (tags and their attributes included) into objects and made the parse 1.5-2× slower.
/// The scan follows the tokenizer's states that decide what is text: tag and attribute syntax (a quoted value may hold
/// '&gt;'), comments (with their abrupt endings), bogus comments, the raw-text and RCDATA elements the tree builder
/// switches the tokenizer into (not inside svg or math, where CDATA sections are text instead), and script data with
/// its escaped and double-escaped states. Where it still disagreed with the parser, the alignment leaves the node's
/// positions unknown rather than wrong.
/// </summary>
internal static class HtmlTextRuns
{
    private enum Content : byte { Data, RcData, RawText, Script, PlainText, CData }

    /// <param name="capacity">About how many runs to expect (twice the page's start tags is ample).</param>
    public static List<CharacterToken> Scan(string s, int capacity = 0)
    {
        var tokens = new List<CharacterToken>(Math.Max(16, capacity > 0 ? capacity : s.Length / 64));
        var n = s.Length;
        var runStart = 0;
        var foreign = 0;   // depth of open svg/math elements
        var i = 0;
        while (i < n)
        {
            var lt = s.IndexOf('<', i);
            if (lt < 0) break;
            var next = lt + 1 < n ? s[lt + 1] : '\0';
            var atEnd = lt + 1 >= n;
            if (!atEnd && char.IsAsciiLetter(next))
            {
                var end = Tag(s, lt + 1, out var nameEnd, out var selfClosing);
                Emit(tokens, s, runStart, lt, Content.Data);
                if (end < 0) return tokens;   // the page ends inside the tag: the tag and the rest are dropped
                var name = s.AsSpan(lt + 1, nameEnd - lt - 1);
                i = runStart = end;
                if (IsForeignRoot(name)) { if (!selfClosing) foreign++; continue; }
                var content = foreign > 0 ? Content.Data : ContentOf(name);
                if (content == Content.Data) continue;
                var close = content == Content.PlainText ? n : ContentEnd(s, end, name, content);
                Emit(tokens, s, end, close, content);
                i = runStart = close;
                continue;
            }
            if (!atEnd && next == '/')
            {
                var after = lt + 2 < n ? s[lt + 2] : '\0';
                if (lt + 2 >= n) break;   // "</" at the end of the page is text
                Emit(tokens, s, runStart, lt, Content.Data);
                if (char.IsAsciiLetter(after))
                {
                    var end = Tag(s, lt + 2, out var nameEnd, out _);
                    if (end < 0) return tokens;
                    if (foreign > 0 && IsForeignRoot(s.AsSpan(lt + 2, nameEnd - lt - 2))) foreign--;
                    i = runStart = end;
                }
                else if (after == '>') i = runStart = lt + 3;   // "</>" is dropped
                else i = runStart = UntilGreaterThan(s, lt + 2);   // a bogus comment
                continue;
            }
            if (!atEnd && next == '!')
            {
                Emit(tokens, s, runStart, lt, Content.Data);
                if (foreign > 0 && string.CompareOrdinal(s, lt + 2, "[CDATA[", 0, 7) == 0)
                {
                    var close = s.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
                    var stop = close < 0 ? n : close;
                    Emit(tokens, s, lt + 9, stop, Content.CData);
                    i = runStart = close < 0 ? n : close + 3;
                    continue;
                }
                i = runStart = string.CompareOrdinal(s, lt + 2, "--", 0, 2) == 0 ? CommentEnd(s, lt + 4) : UntilGreaterThan(s, lt + 2);
                continue;
            }
            if (!atEnd && next == '?')
            {
                Emit(tokens, s, runStart, lt, Content.Data);
                i = runStart = UntilGreaterThan(s, lt + 1);
                continue;
            }
            i = lt + 1;   // a '<' that opens nothing is text
        }
        Emit(tokens, s, runStart, n, Content.Data);
        return tokens;
    }

    private static bool IsForeignRoot(ReadOnlySpan<char> name) =>
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the tree builder switches the tokenizer to after this start tag (scripting off, as the parser runs).</summary>
    private static Content ContentOf(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[10];
        if (name.Length > lower.Length) return Content.Data;
        name.ToLowerInvariant(lower);
        return lower[..name.Length] switch
        {
            "title" or "textarea" => Content.RcData,
            "style" or "xmp" or "iframe" or "noembed" or "noframes" => Content.RawText,
            "script" => Content.Script,
            "plaintext" => Content.PlainText,
            _ => Content.Data,
        };
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Scans a start or end tag from its name at <paramref name="i"/>: the index after its '&gt;', or -1 when
    /// the page ends inside it; the end of its name and whether it closes itself.</summary>
    private static int Tag(string s, int i, out int nameEnd, out bool selfClosing)
    {
        var n = s.Length;
        selfClosing = false;
        nameEnd = i;
        while (nameEnd < n && s[nameEnd] is not ('>' or '/') && !IsSpace(s[nameEnd])) nameEnd++;
        var j = nameEnd;
        if (j >= n) return -1;
        if (s[j] == '>') return j + 1;
        // Attributes: before name → name → after name → '=' → value (quoted or not) → after value; '/' → self-closing.
        while (true)
        {
            while (j < n && IsSpace(s[j])) j++;   // before an attribute name
            if (j >= n) return -1;
            var c = s[j];
            if (c == '>') return j + 1;
            if (c == '/')
            {
                j++;
                while (j < n && s[j] == '/') j++;
                if (j >= n) return -1;
                if (s[j] == '>') { selfClosing = true; return j + 1; }
                continue;
            }
            // An attribute name (its first character may be anything, '=' and quotes included).
            j++;
            while (j < n && s[j] is not ('=' or '>' or '/') && !IsSpace(s[j])) j++;
            while (j < n && IsSpace(s[j])) j++;   // after the name
            if (j >= n) return -1;
            if (s[j] != '=') continue;   // '>', '/' or the next name
            j++;
            while (j < n && IsSpace(s[j])) j++;   // before the value
            if (j >= n) return -1;
            c = s[j];
            if (c is '"' or '\'')
            {
                var close = s.IndexOf(c, j + 1);
                if (close < 0) return -1;
                j = close + 1;   // after the value: '>', '/', spaces or (unspaced) the next attribute
                continue;
            }
            if (c == '>') return j + 1;
            while (j < n && s[j] != '>' && !IsSpace(s[j])) j++;   // an unquoted value
            if (j >= n) return -1;
            if (s[j] == '>') return j + 1;
        }
    }

    private static int UntilGreaterThan(string s, int from)
    {
        var gt = s.IndexOf('>', from);
        return gt < 0 ? s.Length : gt + 1;
    }

    /// <summary>Where a comment opened by "&lt;!--" (content from <paramref name="i"/>) ends: "&lt;!--&gt;" and
    /// "&lt;!---&gt;" end at once; else at the first "--" (more dashes allowed) followed by "&gt;" or "!&gt;".</summary>
    private static int CommentEnd(string s, int i)
    {
        var n = s.Length;
        if (i < n && s[i] == '>') return i + 1;
        if (i + 1 < n && s[i] == '-' && s[i + 1] == '>') return i + 2;
        while (true)
        {
            var dashes = s.IndexOf("--", i, StringComparison.Ordinal);
            if (dashes < 0) return n;
            var j = dashes + 2;
            while (j < n && s[j] == '-') j++;
            if (j >= n) return n;
            if (s[j] == '>') return j + 1;
            if (s[j] == '!' && j + 1 < n && s[j + 1] == '>') return j + 2;
            i = j;
        }
    }

    /// <summary>Whether an end tag of <paramref name="name"/> starts at <paramref name="i"/> ("&lt;/name" followed by
    /// a space, '/' or '&gt;'), as ends raw text.</summary>
    private static bool IsEndTag(string s, int i, ReadOnlySpan<char> name) =>
        i + 1 < s.Length && s[i] == '<' && s[i + 1] == '/' && IsTagName(s, i + 2, name);

    /// <summary>Whether the tag name <paramref name="name"/> (any case) is written at <paramref name="i"/>, followed by a
    /// space, '/' or '&gt;'.</summary>
    private static bool IsTagName(string s, int i, ReadOnlySpan<char> name) =>
        i + name.Length < s.Length && s.AsSpan(i, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
        && (s[i + name.Length] is '/' or '>' || IsSpace(s[i + name.Length]));

    /// <summary>Where the content of a raw-text, RCDATA or script element that starts at <paramref name="i"/> ends: at
    /// its end tag, or the end of the page.</summary>
    private static int ContentEnd(string s, int i, ReadOnlySpan<char> name, Content content)
    {
        var n = s.Length;
        if (content != Content.Script)
        {
            for (var k = s.IndexOf('<', i); k >= 0; k = s.IndexOf('<', k + 1))
                if (IsEndTag(s, k, name)) return k;
            return n;
        }
        // Script data: "<!--" escapes it, and inside an escape "<script" double-escapes it until "</script"; "-->"
        // ends either; "</script" ends the element except when double-escaped.
        const byte Normal = 0, Escaped = 1, DoubleEscaped = 2;
        var state = Normal;
        var j = i;
        while (j < n)
        {
            var c = s[j];
            if (c == '-' && state != Normal && j + 2 < n && s[j + 1] == '-' && s[j + 2] == '>')
            {
                state = Normal;
                j += 3;
                continue;
            }
            if (c != '<') { j++; continue; }
            if (state == Normal)
            {
                if (string.CompareOrdinal(s, j, "<!--", 0, 4) == 0) { state = Escaped; j += 2; continue; }
                if (IsEndTag(s, j, "script")) return j;
            }
            else if (state == Escaped)
            {
                if (IsEndTag(s, j, "script")) return j;
                if (IsTagName(s, j + 1, "script")) { state = DoubleEscaped; j += 7; continue; }
            }
            else if (IsEndTag(s, j, "script")) { state = Escaped; j += 8; continue; }
            j++;
        }
        return n;
    }

    /// <summary>Adds the characters of [start, end) as one token, decoded as the tokenizer does in that content.</summary>
    private static void Emit(List<CharacterToken> tokens, string s, int start, int end, Content content)
    {
        if (end <= start) return;
        var span = s.AsSpan(start, end - start);
        var decodes = content is Content.Data or Content.RcData;
        // What the tokenizer changes: CR and CRLF become LF (everywhere), references are decoded (data, RCDATA), NUL
        // is dropped (data) or replaced (elsewhere; kept in CDATA).
        var special = content == Content.CData ? "\r" : decodes ? "&\0\r" : "\0\r";
        if (span.IndexOfAny(special) < 0)
        {
            tokens.Add(new CharacterToken(start, end, s.AsMemory(start, end - start)));
            return;
        }
        var data = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == '\r')
            {
                data.Append('\n');
                i += i + 1 < end && s[i + 1] == '\n' ? 2 : 1;
            }
            else if (c == '\0' && content != Content.CData)
            {
                if (content != Content.Data) data.Append('\uFFFD');   // the data state drops NUL; the others replace it
                i++;
            }
            else if (c == '&' && decodes) data.Append(Reference(s, i, end, out i));
            else { data.Append(c); i++; }
        }
        if (data.Length > 0) tokens.Add(new CharacterToken(start, end, data.ToString().AsMemory()));
    }

    /// <summary>Decodes the character reference at <paramref name="amp"/> as the tokenizer does (a named one by the
    /// longest name it knows, with or without ';'; a numeric one by the HTML replacement table): what it stands for, or
    /// "&amp;" alone when it is none; <paramref name="next"/> is where scanning goes on (past the '&amp;' alone when
    /// it is none). <see cref="CharacterToken.Resolve"/> maps decoded characters back to their references with it.</summary>
    internal static string Reference(string s, int amp, int end, out int next)
    {
        var i = amp + 1;
        next = amp + 1;
        if (i >= end || IsSpace(s[i]) || s[i] is '<' or '&') return "&";
        if (s[i] == '#')
        {
            var j = i + 1;
            var hex = j < end && s[j] is 'x' or 'X';
            if (hex) j++;
            var digitsStart = j;
            var value = 0;
            unchecked
            {
                while (j < end && (hex ? char.IsAsciiHexDigit(s[j]) : char.IsAsciiDigit(s[j])))
                {
                    value = value * (hex ? 16 : 10) + HexValue(s[j]);
                    j++;
                }
            }
            if (j == digitsStart) return "&";
            if (j < end && s[j] == ';') j++;
            next = j;
            if (HtmlEntityProvider.IsInCharacterTable(value)) return HtmlEntityProvider.GetSymbolFromTable(value) ?? "";
            if (HtmlEntityProvider.IsInvalidNumber(value) || value is >= 0xD800 and <= 0xDFFF) return "\uFFFD";
            return char.ConvertFromUtf32(value);
        }
        // A named reference: up to 31 name characters; "name;" if that is known, else the longest known prefix.
        var k = i;
        while (k < end && k - i < 31 && s[k] != ';' && IsNameChar(s[k])) k++;
        if (k < end && s[k] == ';')
        {
            if (k == i) { next = k + 1; return "&"; }   // "&;": the tokenizer drops the ';'
            if (HtmlEntityProvider.Resolver.GetSymbol(s.Substring(i, k - i + 1)) is { } full) { next = k + 1; return full; }
        }
        for (var length = k - i; length > 0; length--)
            if (HtmlEntityProvider.Resolver.GetSymbol(s.Substring(i, length)) is { } symbol)
            {
                next = i + length;
                return symbol;
            }
        return "&";
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsNameChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
