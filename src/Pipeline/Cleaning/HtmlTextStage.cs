using System.Net;
using Pipeline.Documents;
using Pipeline.Text;

namespace Pipeline.Cleaning;

/// <summary>HTML to text: drops markup, scripts and styles, decodes entities, breaks lines at block elements.</summary>
public sealed class HtmlTextStage : ITextStage
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer", "title" };

    public string Name => "html";

    public StagePhase Phase => StagePhase.Markup;

    public StageText Apply(string input, DocumentContext context)
    {
        var b = new OffsetMapBuilder(input.Length / 2);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '<')
            {
                var close = input.IndexOf('>', i + 1);
                if (close < 0) { b.CopyTo(input, i); b.Skip(input.Length - i); i = input.Length; break; }
                var tag = TagName(input, i + 1, close);
                b.CopyTo(input, i);
                var end = close + 1;
                if (tag is "script" or "style" or "!--")
                {
                    var terminator = tag == "!--" ? "-->" : $"</{tag}";
                    var t = input.IndexOf(terminator, i + 1, StringComparison.OrdinalIgnoreCase);
                    end = t < 0 ? input.Length : Math.Min(input.Length, input.IndexOf('>', t) is var g and >= 0 ? g + 1 : input.Length);
                }
                b.SkipTo(end);
                if (Blocks.Contains(tag.TrimStart('/')) && b.Length > 0 && b.LastChar != '\n') b.Insert("\n");
                i = end;
            }
            else if (c == '&')
            {
                var semi = input.IndexOf(';', i + 1, Math.Min(12, input.Length - i - 1));
                if (semi > i)
                {
                    var entity = input.Substring(i, semi - i + 1);
                    var decoded = WebUtility.HtmlDecode(entity);
                    b.CopyTo(input, i);
                    if (decoded != entity) { b.ReplaceBlock(entity.Length, decoded); i = semi + 1; continue; }
                }
                i++;
            }
            else i++;
        }
        b.CopyTo(input, input.Length);
        return b.Build(input.Length);
    }

    private static string TagName(string s, int from, int to)
    {
        if (from < to && s.AsSpan(from).StartsWith("!--")) return "!--";
        var j = from;
        if (j < to && s[j] == '/') j++;
        while (j < to && (char.IsAsciiLetterOrDigit(s[j]))) j++;
        return s[from..j].ToLowerInvariant();
    }
}
