using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Pipeline.Cleaning;
using Pipeline.Documents;
using Pipeline.Output;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline clean FILE [--json]</c>: the cleaned text of one article, or everything the cleaning found.</summary>
public static class CleanCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .txt or .html/.htm article" };
        var json = new Option<bool>("--json") { Description = "Print title, published, author, outlet, segments, text, removed spans and diagnostics as JSON (offsets into the decoded original)" };
        var command = new Command("clean", "Clean one article: decode, extract the body from HTML, strip spam and boilerplate, repair, convert to Simplified.")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var input = new CorpusReader().Read([path]).ToList();
            var document = input.OfType<DocumentInput>().FirstOrDefault()?.Document;
            if (document is null)
                throw new UsageException(input.OfType<UnreadableInput>().FirstOrDefault()?.Reason is { } reason ? $"{path}: {reason}" : $"{path}: not an article file");
            var result = PipelineFactory.CreatePipeline().Process(document);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(CleaningReport.Create(result), new JsonSerializerOptions(DatasetWriter.Json) { WriteIndented = true }));
            else
                output.Write(result.Clean.Text);
            if (result.Status == DocumentStatus.Quarantined)
            {
                parse.InvocationConfiguration.Error.WriteLine($"pipeline: quarantined: {result.QuarantineReason}");
                return Cli.Quarantined;
            }
            return Cli.Ok;
        });
        return command;
    }
}
