using System.CommandLine;
using Pipeline.Output;

namespace Pipeline.Cli.Commands;

/// <summary>The output options shared by <c>run</c> and <c>reconcile</c>.</summary>
internal static class Formats
{
    public static Option<string?> Option() => new("--format")
    {
        Description = $"Formats every dataset is written in, comma-separated: {string.Join(", ", OutputFormats.Names)} " +
                      "(default: tables as csv, mentions as jsonl)",
    };

    public static Option<bool> ExcelOption() => new("--excel", "--bom")
    {
        Description = "Write CSV files as UTF-8 with a byte-order mark, so spreadsheet programs read Chinese text correctly",
    };
}
