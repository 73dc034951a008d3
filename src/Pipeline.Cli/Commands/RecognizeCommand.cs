using System;
using System.CommandLine;
using System.IO;
using NodaTime;
using Pipeline.Documents;
using Pipeline.Recognition;

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
            LocalDate? reference = null;
            if (parse.GetValue(asOf) is { } text)
                reference = ManifestReader.ParseDate(text) ?? throw new UsageException($"--as-of '{text}' is not a date (YYYY-MM-DD)");
            var output = parse.InvocationConfiguration.Output;
            if (!ReferenceEquals(output, Console.Out) || !Console.IsInputRedirected)
                return Run(Console.In, output, reference) > 0 ? Cli.Quarantined : Cli.Ok;
            // Piped input: UTF-8 bytes straight from standard input to standard output, written in blocks.
            using var stdin = Console.OpenStandardInput();
            using var stdout = Console.OpenStandardOutput();
            return Lines().Process(stdin, stdout, reference) > 0 ? Cli.Quarantined : Cli.Ok;
        });
        return command;
    }

    /// <summary>What the command does once its options are read: the standard pipeline's recognizers over JSON lines
    /// (built alone: the cleaning and conversion stages, OpenCC included, are not loaded).
    /// Returns the number of lines that could not be read. Public so the spec tests score exactly this path.</summary>
    public static int Run(TextReader input, TextWriter output, LocalDate? asOf) => Lines().Process(input, output, asOf);

    /// <summary>The same over byte streams (what the command does with piped standard input and output).</summary>
    public static int Run(Stream input, Stream output, LocalDate? asOf) => Lines().Process(input, output, asOf);

    private static MentionJsonLines Lines() => new(RecognitionExtensions.CreateStandardModel());
}
