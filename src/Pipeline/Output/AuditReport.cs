using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Pipeline.Reconciliation;

namespace Pipeline.Output;

public sealed record AuditReportOptions
{
    /// <summary>Largest number of agreed/single facts listed (conflicts and checks are always listed in full).</summary>
    public int MaxAgreedRows { get; init; } = 20_000;
    public string Title { get; init; } = "Reconciliation audit";
    /// <summary>Sources and quotes listed in full up to this many; the rest collapse behind "N more".</summary>
    public int MaxListed { get; init; } = 5;
    /// <summary>Competing values a conflict lists (the chosen one first, then by confidence); the rest are counted, and
    /// <c>conflicts.csv</c> has every one. A key that thousands of documents give thousands of figures stays readable.</summary>
    public int MaxCandidates { get; init; } = 20;
    /// <summary>Where each document can be read (document id → URL), for documents whose observations carry none.</summary>
    public IReadOnlyDictionary<string, string> DocumentUrls { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The audit an analyst reads and checks: conflicts first (every competing value with its sources, quoted sentences
/// and diagnosis), then the arithmetic checks, then agreed and single-source facts, then source reliability.
/// Markdown for review in a repository, and a self-contained HTML page (no external assets) that sorts and filters
/// by entity and metric.
/// </summary>
public static class AuditReport
{
    public static void WriteMarkdown(ReconciliationResult result, TextWriter w, AuditReportOptions? options = null)
    {
        using var sections = Sections(result, options);
        sections.WriteMarkdown(result.Checks, result.SourceReliability, w);
    }

    public static void WriteHtml(ReconciliationResult result, TextWriter w, AuditReportOptions? options = null)
    {
        using var sections = Sections(result, options);
        sections.WriteHtml(result.Checks, result.SourceReliability, w);
    }

    private static AuditSections Sections(ReconciliationResult result, AuditReportOptions? options)
    {
        var sections = new AuditSections(options);
        foreach (var f in result.Facts) sections.Add(f);
        return sections;
    }

    /// <summary>A conflict's section of the Markdown audit (<paramref name="n"/>: its number).</summary>
    internal static void WriteMdConflict(TextWriter w, ReconciledFact f, int n, AuditReportOptions options)
    {
        w.WriteLine($"### {n}. {Md(f.Key.Entity)} · {Md(f.Key.Metric)} · {Md(f.PeriodLabel)}");
        w.WriteLine();
        w.WriteLine($"Chosen: **{Md(ValueFormat.Candidate(f.Chosen))}** (confidence {f.Confidence:0.00}) — {Md(f.Chosen.Explanation)}");
        w.WriteLine();
        w.WriteLine("| | value | as written | confidence | diagnosis | sources | why |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        var listed = Listed(f, options);
        foreach (var c in listed)
            w.WriteLine($"| {(c.Chosen ? "✔" : "")} | {Md(ValueFormat.Candidate(c))} | {Md(Written(c))} | {c.Confidence:0.00} | {DiagnosisCell(c)} | {Md(Collapse(SourceList(c), options.MaxListed * 2))} | {Md(c.Chosen ? "chosen (see above)" : c.Explanation)} |");
        if (f.Candidates.Count > listed.Count) w.WriteLine($"\n{NotListed(f, listed)}");
        w.WriteLine();
        foreach (var c in listed)
        {
            var quotes = Quotes(c).ToList();
            foreach (var (o, alike) in quotes.Take(options.MaxListed))
                w.WriteLine($"> {Md(o.Quote)} — *{Md(o.Source)}*{(o.Document.Length > 0 && o.Document != o.Source ? $", {Md(o.Document)}" : "")}{(alike > 1 ? $" and {alike - 1} more alike" : "")} ({Md(ValueFormat.Candidate(c))})");
            if (quotes.Count > options.MaxListed) w.WriteLine($"> … {quotes.Count - options.MaxListed} more quotes for {Md(ValueFormat.Candidate(c))}");
        }
        w.WriteLine();
    }

    internal static void WriteMdChecks(TextWriter w, IReadOnlyList<ArithmeticCheck> checks)
    {
        w.WriteLine("## Arithmetic checks");
        w.WriteLine();
        if (checks.Count == 0) w.WriteLine("None applicable.");
        else
        {
            w.WriteLine("| id | result | kind | check | facts | detail |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var c in OrderChecks(checks))
                w.WriteLine($"| {c.Id} | {(c.Passed ? "pass" : "**FAIL**")} | {c.Kind} | {Md(c.Description)} | {Md(string.Join("; ", c.Facts.Select(KeyText)))} | {Md(c.Detail)} |");
        }
        w.WriteLine();
    }

    internal static void WriteMdReliability(TextWriter w, IReadOnlyDictionary<string, double> reliability,
        Dictionary<string, (int Observations, int Chosen, int Overruled)> counts, int max)
    {
        w.WriteLine("## Source reliability");
        w.WriteLine();
        w.WriteLine(ReliabilityNote);
        w.WriteLine();
        w.WriteLine("| source | reliability | observations | chosen | overruled |");
        w.WriteLine("|---|---|---|---|---|");
        foreach (var (source, r) in reliability.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(max))
        {
            var sc = counts.GetValueOrDefault(source);
            w.WriteLine($"| {Md(source)} | {r:0.000} | {sc.Observations} | {sc.Chosen} | {sc.Overruled} |");
        }
        w.WriteLine();
    }

    internal static void WriteMdCatalogue(TextWriter w, Dictionary<Diagnosis, int> used)
    {
        w.WriteLine("## Diagnoses");
        w.WriteLine();
        w.WriteLine("| code | meaning | values |");
        w.WriteLine("|---|---|---|");
        foreach (var (d, code, meaning) in DiagnosisCatalogue.All)
            w.WriteLine($"| {code} | {Md(meaning)} | {used.GetValueOrDefault(d)} |");
    }

    /// <summary>Heading and table head of a Markdown fact list (null body: "None.").</summary>
    internal static void WriteMdFactsHead(TextWriter w, string title, int count)
    {
        w.WriteLine($"## {title}");
        w.WriteLine();
        if (count == 0) { w.WriteLine("None."); w.WriteLine(); return; }
        w.WriteLine("| entity | metric | period | value | confidence | sources | note |");
        w.WriteLine("|---|---|---|---|---|---|---|");
    }

    internal static void WriteMdFactRow(TextWriter w, ReconciledFact f) =>
        w.WriteLine($"| {Md(f.Key.Entity)} | {Md(KeyMetric(f.Key))} | {Md(f.PeriodLabel)} | {Md(ValueFormat.Candidate(f.Chosen))} | {f.Confidence:0.00} | {Md(Collapse(f.Sources.ToList(), 10))} | {Md(f.Note)} |");

    internal static void WriteMdFactsTail(TextWriter w, int count, int max)
    {
        if (count == 0) return;
        if (count > max) w.WriteLine($"\n… {count - max} more not listed.");
        w.WriteLine();
    }

    internal static void WriteHtmlHead(TextWriter w, AuditReportOptions options, string summary, IEnumerable<string> entities, IEnumerable<string> metrics)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>{H(options.Title)}</title>");
        w.WriteLine("<style>");
        w.WriteLine(Css);
        w.WriteLine("</style></head><body>");
        w.WriteLine($"<h1>{H(options.Title)}</h1>");
        w.WriteLine($"<p class=\"summary\">{H(summary)}</p>");
        w.WriteLine("<div class=\"filters\">Entity <select id=\"f-entity\"><option value=\"\">all</option>");
        foreach (var e in entities) w.WriteLine($"<option>{H(e)}</option>");
        w.WriteLine("</select> Metric <select id=\"f-metric\"><option value=\"\">all</option>");
        foreach (var m in metrics) w.WriteLine($"<option>{H(m)}</option>");
        w.WriteLine("</select> Search <input id=\"f-text\" type=\"search\" placeholder=\"value, source, words…\"> <span id=\"f-count\"></span></div>");
    }

    internal static void WriteHtmlConflict(TextWriter w, ReconciledFact f, int n, AuditReportOptions options)
    {
        w.WriteLine($"<section class=\"fact conflict\" data-entity=\"{H(f.Key.Entity)}\" data-metric=\"{H(f.Key.Metric)}\">");
        w.WriteLine($"<h3>{n}. {H(f.Key.Entity)} · <code>{H(KeyMetric(f.Key))}</code> · {H(f.PeriodLabel)} <span class=\"tag\">{H(f.Note)}</span></h3>");
        w.WriteLine($"<p>Chosen: <b>{H(ValueFormat.Candidate(f.Chosen))}</b> (confidence {f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}) — {H(f.Chosen.Explanation)}</p>");
        w.WriteLine("<table class=\"sortable\"><thead><tr><th></th><th>value</th><th>as written</th><th>confidence</th><th>diagnosis</th><th>sources</th><th>why</th><th>quoted</th></tr></thead><tbody>");
        var listed = Listed(f, options);
        foreach (var c in listed)
        {
            var quotes = Quotes(c).Select(q =>
                $"<blockquote>{Highlight(q.O.Quote, Figure(q.O))}<cite>{SourceLink(q.O, options)}{(q.O.Document.Length > 0 && q.O.Document != q.O.Source ? " · " + H(q.O.Document) : "")}{(q.Alike > 1 ? $" · and {q.Alike - 1} more alike" : "")}</cite></blockquote>").ToList();
            var sources = c.Support.DistinctBy(o => o.Source).OrderBy(o => o.Source, StringComparer.Ordinal).Select(o => SourceLink(o, options)).ToList();
            w.WriteLine($"<tr class=\"{(c.Chosen ? "chosen" : "d-" + c.Diagnosis.ToCode())}\"><td>{(c.Chosen ? "✔" : "")}</td><td data-sort=\"{Num(c.Value)}\">{H(ValueFormat.Candidate(c))}</td>" +
                        $"<td>{H(Written(c))}</td><td>{c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}</td><td><span class=\"diag\" title=\"{H(c.Chosen ? "" : DiagnosisCatalogue.Meaning(c.Diagnosis))}\">{DiagnosisCell(c)}</span></td>" +
                        $"<td>{More(sources, options.MaxListed, ", ")}</td><td>{H(c.Chosen ? "chosen (see above)" : c.Explanation)}</td><td>{More(quotes, options.MaxListed, "")}</td></tr>");
        }
        w.WriteLine($"</tbody></table>{(f.Candidates.Count > listed.Count ? $"<p>{H(NotListed(f, listed))}</p>" : "")}</section>");
    }

    /// <summary>The competing values a conflict's section lists (<see cref="AuditReportOptions.MaxCandidates"/>, in the
    /// fact's order: the chosen one first, then by confidence).</summary>
    internal static IReadOnlyList<Candidate> Listed(ReconciledFact f, AuditReportOptions options) =>
        f.Candidates.Count <= options.MaxCandidates ? f.Candidates : f.Candidates.Take(Math.Max(1, options.MaxCandidates)).ToList();

    private static string NotListed(ReconciledFact f, IReadOnlyList<Candidate> listed) =>
        string.Create(CultureInfo.InvariantCulture, $"… {f.Candidates.Count - listed.Count:N0} more competing values ({f.Candidates.Skip(listed.Count).Sum(c => c.Support.Count):N0} claims) not listed; conflicts.csv has every one.");

    internal static void WriteHtmlChecks(TextWriter w, IReadOnlyList<ArithmeticCheck> checks)
    {
        w.WriteLine($"<h2 id=\"checks\">Arithmetic checks ({checks.Count(c => c.Passed)} pass, {checks.Count(c => !c.Passed)} fail)</h2>");
        w.WriteLine("<table class=\"sortable rows\"><thead><tr><th>id</th><th>result</th><th>kind</th><th>check</th><th>facts</th><th>detail</th></tr></thead><tbody>");
        foreach (var c in OrderChecks(checks))
        {
            var first = c.Facts.FirstOrDefault();
            w.WriteLine($"<tr class=\"fact {(c.Passed ? "pass" : "fail")}\" data-entity=\"{H(first?.Entity ?? "")}\" data-metric=\"{H(string.Join(" ", c.Facts.Select(k => k.Metric).Distinct()))}\">" +
                        $"<td id=\"{H(c.Id)}\">{H(c.Id)}</td><td>{(c.Passed ? "pass" : "FAIL")}</td><td>{H(c.Kind)}</td><td>{H(c.Description)}</td><td>{H(string.Join("; ", c.Facts.Select(KeyText)))}</td><td>{H(c.Detail)}</td></tr>");
        }
        w.WriteLine("</tbody></table>");
    }

    internal static void WriteHtmlTail(TextWriter w, IReadOnlyDictionary<string, double> reliability,
        Dictionary<string, (int Observations, int Chosen, int Overruled)> counts, Dictionary<Diagnosis, int> used, int max)
    {
        w.WriteLine($"<h2 id=\"sources\">Source reliability ({reliability.Count})</h2><p>{H(ReliabilityNote)}</p>");
        w.WriteLine("<table class=\"sortable\"><thead><tr><th>source</th><th>reliability</th><th>observations</th><th>chosen</th><th>overruled</th></tr></thead><tbody>");
        foreach (var (source, r) in reliability.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(max))
        {
            var c = counts.GetValueOrDefault(source);
            w.WriteLine($"<tr><td>{H(source)}</td><td>{r.ToString("0.000", CultureInfo.InvariantCulture)}</td><td>{c.Observations}</td><td>{c.Chosen}</td><td>{c.Overruled}</td></tr>");
        }
        w.WriteLine("</tbody></table>");
        w.WriteLine("<h2 id=\"diagnoses\">Diagnoses</h2><table><thead><tr><th>code</th><th>meaning</th><th>values</th></tr></thead><tbody>");
        foreach (var (d, code, meaning) in DiagnosisCatalogue.All)
            w.WriteLine($"<tr><td><code>{code}</code></td><td>{H(meaning)}</td><td>{used.GetValueOrDefault(d)}</td></tr>");
        w.WriteLine("</tbody></table>");
        w.WriteLine("<script>");
        w.WriteLine(Script);
        w.WriteLine("</script></body></html>");
    }

    /// <summary>Heading and table head of an HTML fact list.</summary>
    internal static void WriteHtmlFactsHead(TextWriter w, string id, string title, int count)
    {
        w.WriteLine($"<h2 id=\"{id}\">{H(title)}</h2>");
        if (count == 0) { w.WriteLine("<p>None.</p>"); return; }
        w.WriteLine("<table class=\"sortable rows\"><thead><tr><th>entity</th><th>metric</th><th>period</th><th>value</th><th>confidence</th><th>sources</th><th>note</th></tr></thead><tbody>");
    }

    internal static void WriteHtmlFactRow(TextWriter w, ReconciledFact f) =>
        w.WriteLine($"<tr class=\"fact\" data-entity=\"{H(f.Key.Entity)}\" data-metric=\"{H(f.Key.Metric)}\" title=\"{H(string.Join(" | ", f.Candidates.SelectMany(c => c.Support).Select(o => o.Quote).Where(q => q.Length > 0).Distinct().Take(3)))}\">" +
                    $"<td>{H(f.Key.Entity)}</td><td>{H(KeyMetric(f.Key))}</td><td>{H(f.PeriodLabel)}</td><td data-sort=\"{Num(f.Chosen.Value)}\">{H(ValueFormat.Candidate(f.Chosen))}</td>" +
                    $"<td>{f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}</td><td>{More(f.Sources.Select(H).ToList(), 5, ", ")}</td><td>{H(f.Note)}{Checks(f)}</td></tr>");

    internal static void WriteHtmlFactsTail(TextWriter w, int count, int max)
    {
        if (count == 0) return;
        w.WriteLine("</tbody></table>");
        if (count > max) w.WriteLine($"<p>… {count - max} more not listed.</p>");
    }

    internal static IEnumerable<ArithmeticCheck> OrderChecks(IEnumerable<ArithmeticCheck> checks) =>
        checks.OrderBy(c => c.Passed).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Description, StringComparer.Ordinal).ThenBy(c => c.Detail, StringComparer.Ordinal);

    /// <summary>Distinct quotes of a candidate, near-identical ones (same text once spaces are ignored) counted together.</summary>
    private static IEnumerable<(Observation O, int Alike)> Quotes(Candidate c) =>
        c.Support.Where(o => o.Quote.Length > 0).GroupBy(o => string.Concat(o.Quote.Where(ch => !char.IsWhiteSpace(ch))), StringComparer.Ordinal)
            .Select(g => (g.OrderBy(o => o.Source, StringComparer.Ordinal).First(), g.Select(o => o.Source).Distinct(StringComparer.Ordinal).Count()));

    /// <summary>The first <paramref name="max"/> items, the rest behind a "N more" that opens in place.</summary>
    private static string More(IReadOnlyList<string> items, int max, string separator) =>
        items.Count <= max
            ? string.Join(separator, items)
            : string.Join(separator, items.Take(max)) + $"<details><summary>{items.Count - max} more</summary>{string.Join(separator, items.Skip(max))}</details>";

    private static string Collapse(IReadOnlyList<string> items, int max) =>
        items.Count <= max ? string.Join(", ", items) : string.Join(", ", items.Take(max)) + $", … {items.Count - max} more";

    private static List<string> SourceList(Candidate c) => c.Support.Select(o => o.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string SourceLink(Observation o, AuditReportOptions options)
    {
        var url = o.Url.Length > 0 ? o.Url : options.DocumentUrls.GetValueOrDefault(o.Document) ?? "";
        return Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{H(u.AbsoluteUri)}\" rel=\"noopener noreferrer\">{H(o.Source)}</a>"
            : H(o.Source);
    }

    private static string Checks(ReconciledFact f) => f.Checks.Count == 0 ? "" :
        " " + string.Join(" ", f.Checks.Select(c => $"<a class=\"{(c.Passed ? "ck-pass" : "ck-fail")}\" href=\"#{H(c.Id)}\">{(c.Passed ? "✓" : "✗")}{H(c.Id)}</a>"));

    /// <summary>The metric with the key's segment and basis, when it has them.</summary>
    private static string KeyMetric(FactKey k) =>
        k.Metric + (k.Segment.Length > 0 ? $" [{k.Segment}]" : "") + (k.Basis.Length > 0 ? $" ({k.Basis})" : "");

    /// <summary>The figure as written in its quote, else the value text.</summary>
    private static string? Figure(Observation o) => o.AsWritten.Length > 0 ? o.AsWritten : o.Text;

    private static string DiagnosisCell(Candidate c) => c.Chosen && c.Diagnosis == Diagnosis.None ? "chosen" : c.Diagnosis.ToCode();

    private const string ReliabilityNote =
        "How often each source's values agree with what the other sources choose without it (near values earn partial credit; claims the extraction is unsure of count less), smoothed towards a prior; sources seen only once share the pooled record of such sources. It weighs the votes, and a value only one source states carries that source's reliability as its confidence. \"chosen\" and \"overruled\" count the source's values on facts in conflict.";

    private static string Written(Candidate c) => string.Join(" / ", c.Support.Select(Figure).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Take(10));

    private static string KeyText(FactKey k) => k.ToString();

    private static string Num(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Text from articles made inert in Markdown: HTML is escaped as entities (a <c>&lt;script&gt;</c> stays
    /// text), the characters of links and code are backslash-escaped (no <c>[x](javascript:…)</c>
    /// link can form), pipes are escaped for tables, control characters dropped and line breaks flattened.</summary>
    internal static string Md(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\\' or '`' or '[' or ']' or '|': sb.Append('\\').Append(c); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Highlight(string quote, string? text)
    {
        if (string.IsNullOrEmpty(text)) return H(quote);
        var at = ValueFormat.IndexOfFigure(quote, text);
        if (at < 0) return H(quote);
        var sb = new StringBuilder();
        sb.Append(H(quote[..at])).Append("<mark>").Append(H(text)).Append("</mark>").Append(H(quote[(at + text.Length)..]));
        return sb.ToString();
    }

    private const string Css = """
        body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222}
        h1{margin-bottom:.2em} .summary{color:#555}
        .filters{position:sticky;top:0;background:#f7f7f7;padding:.5em;border:1px solid #ddd;z-index:2}
        section.fact{border:1px solid #e0c0c0;border-left:5px solid #c33;padding:.3em .8em;margin:1em 0;background:#fffafa}
        h3{font-size:1.05em;margin:.4em 0} .tag{font-size:.8em;background:#c33;color:#fff;border-radius:3px;padding:0 .4em;margin-left:.5em}
        table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}
        th,td{border:1px solid #ddd;padding:.25em .4em;vertical-align:top;text-align:left}
        th{background:#eee;cursor:pointer;user-select:none} th.asc::after{content:" ▲"} th.desc::after{content:" ▼"}
        tr.chosen{background:#eef8ee} tr.fail{background:#fff0f0} tr.pass td:first-child{color:#272} tr.fail td:first-child{color:#c00;font-weight:bold}
        .diag{font-family:monospace} tr.d-magnitude-slip .diag,tr.d-unexplained .diag,tr.d-period-mismatch .diag,tr.d-basis-difference .diag,tr.d-currency-mismatch .diag,tr.d-entity-mismatch .diag,tr.d-rounding .diag,tr.d-digit-slip .diag,tr.d-stale-period .diag,tr.d-timestamp .diag,tr.d-segment-mismatch .diag,tr.d-invented .diag{color:#b00;font-weight:bold}
        blockquote{margin:.2em 0;padding:.1em .5em;border-left:3px solid #bbb;background:#fafafa} cite{display:block;font-size:.85em;color:#666}
        mark{background:#ffe08a} details{display:inline} summary{cursor:pointer;color:#246} a.ck-fail{color:#c00;font-weight:bold} a.ck-pass{color:#272}
        """;

    private const string Script = """
        (function(){
          var fe=document.getElementById('f-entity'),fm=document.getElementById('f-metric'),ft=document.getElementById('f-text'),fc=document.getElementById('f-count');
          function apply(){
            var e=fe.value,m=fm.value,t=ft.value.toLowerCase(),shown=0,all=document.querySelectorAll('.fact');
            all.forEach(function(el){
              var ok=(!e||el.dataset.entity===e)&&(!m||(' '+el.dataset.metric+' ').indexOf(' '+m+' ')>=0)&&(!t||el.textContent.toLowerCase().indexOf(t)>=0);
              el.style.display=ok?'':'none'; if(ok)shown++;
            });
            fc.textContent=shown+' of '+all.length+' shown';
          }
          [fe,fm].forEach(function(x){x.addEventListener('change',apply)}); ft.addEventListener('input',apply);
          document.querySelectorAll('table.sortable').forEach(function(table){
            table.querySelectorAll('th').forEach(function(th,i){
              th.addEventListener('click',function(){
                var asc=!th.classList.contains('asc');
                table.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc')});
                th.classList.add(asc?'asc':'desc');
                var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
                function key(r){var c=r.cells[i];if(!c)return '';var s=c.getAttribute('data-sort');if(s!==null&&s!==''){return parseFloat(s)}var x=c.textContent.trim();var f=parseFloat(x.replace(/,/g,''));return isNaN(f)||!/^[-+<>=~ ]*[0-9]/.test(x)?x:f}
                rows.sort(function(a,b){var x=key(a),y=key(b);var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y));return asc?r:-r});
                rows.forEach(function(r){body.appendChild(r)});
              });
            });
          });
          apply();
        })();
        """;
}
