using System.CommandLine;
using System.Text.Json;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Output;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline recognize [--as-of YYYY-MM-DD]</c>: JSON lines <c>{"id", "text", "asOf"?}</c> in, one line of
/// mentions per input line out (offsets in UTF-16 code units into the given text, end exclusive).</summary>
public static class RecognizeCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Reference date for relative expressions (今年, 去年 7 月) when a line has no asOf" };
        var command = new Command("recognize", "Recognize money, percentages, multiples, numbers, dates and periods in JSON lines read from standard input.")
        {
            asOf,
        };
        command.SetAction(parse =>
        {
            LocalDate? defaultDate = null;
            if (parse.GetValue(asOf) is { } text)
                defaultDate = ManifestReader.ParseDate(text) ?? throw new UsageException($"--as-of '{text}' is not a date (YYYY-MM-DD)");
            var model = PipelineFactory.CreatePipeline().Recognition;
            var output = parse.InvocationConfiguration.Output;
            var input = Console.In;
            var lineNo = 0;
            var failures = 0;
            while (input.ReadLine() is { } line)
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (!TryRead(line, out var id, out var content, out var date))
                {
                    parse.InvocationConfiguration.Error.WriteLine($"pipeline: line {lineNo}: not a JSON object with a string \"text\"");
                    failures++;
                    continue;
                }
                var context = Recognition.RecognitionContext.Chinese(date ?? defaultDate);
                var mentions = model.Recognize(content, context).Select(m =>
                {
                    var row = MentionRow.From(id, m with { SourceSpan = m.Span });
                    return new
                    {
                        kind = row.Kind, text = row.Text, start = row.Start, end = row.End, value = row.Value, unit = row.Unit,
                        qualifier = row.Qualifier, period_start = row.PeriodStart, period_end = row.PeriodEnd,
                    };
                });
                output.WriteLine(JsonSerializer.Serialize(new { id, mentions }, DatasetWriter.Json));
            }
            return failures > 0 ? Cli.Quarantined : Cli.Ok;
        });
        return command;
    }

    private static bool TryRead(string line, out string id, out string text, out LocalDate? asOf)
    {
        id = ""; text = ""; asOf = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                return false;
            text = t.GetString()!;
            id = root.TryGetProperty("id", out var i) ? i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText() : "";
            if (root.TryGetProperty("asOf", out var a) && a.ValueKind == JsonValueKind.String) asOf = ManifestReader.ParseDate(a.GetString());
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
