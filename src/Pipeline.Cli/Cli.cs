using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Pipeline.Batch;
using Pipeline.Cli.Commands;
using Pipeline.Output;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command: parses arguments and maps outcomes to exit codes (see <see cref="ExitCodes"/>).
/// Every failure ends in one line on standard error naming the path and the cause; never a stack trace.
/// Commands hold no logic of their own.</summary>
public static class Cli
{
    public const int Ok = ExitCodes.Ok;
    public const int Quarantined = ExitCodes.Quarantined;
    public const int UsageError = ExitCodes.Usage;
    public const int IoError = ExitCodes.Io;

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Pipeline: Chinese and English news articles in, one audited table of numeric facts out.");
        root.Add(RunCommand.Create());
        root.Add(CleanCommand.Create());
        root.Add(ConvertCommand.Create());
        root.Add(RecognizeCommand.Create());
        root.Add(ReconcileCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(WorkerCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"pipeline: {ConsoleText.Escape(parse.Errors[0].Message)} (run 'pipeline --help' for usage)");
            return UsageError;
        }
        // An unknown option given where a command takes paths (`run --bogus`) is read as a path by the parser: it is a
        // usage error, not an input that does not exist.
        if (parse.Tokens.FirstOrDefault(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && LooksLikeOption(t.Value)
                                             && !File.Exists(t.Value) && !Directory.Exists(t.Value)) is { } unknown)
        {
            error.WriteLine($"pipeline: unknown option '{ConsoleText.Escape(unknown.Value)}' (run 'pipeline {parse.CommandResult.Command.Name} --help' for usage)");
            return UsageError;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (System.Data.Common.DbException e) when (e is not Microsoft.Data.Sqlite.SqliteException)
        {
            // A shared store that cannot be reached or refuses us.
            error.WriteLine($"pipeline: store error: {ConsoleText.Escape(e.Message.Split('\n')[0].Trim())}");
            return UsageError;
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            error.WriteLine($"pipeline: {ConsoleText.Escape(message)}");
            return code;
        }
    }

    /// <summary>The exit code and the one line for a failure.</summary>
    internal static (int Code, string Message) Describe(Exception e) => e switch
    {
        UsageException or InvalidInputException => (UsageError, e.Message),
        PipelineConfigurationException => (UsageError, $"configuration error: {e.Message}"),
        InvalidDataException => (UsageError, $"configuration error: {e.Message}"),
        YamlDotNet.Core.YamlException y => (UsageError, $"configuration error: a lexicon at line {y.Start.Line}: {y.Message}"),
        StoreBusyException => (UsageError, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted; outputs left as they were before this run"),
        UnauthorizedAccessException => (IoError, $"permission denied: {e.Message}"),
        SqliteException s => (IoError, $"store error: {s.Message.Replace("SQLite Error ", "SQLite error ")}"),
        IOException => (IoError, $"I/O error: {e.Message}"),
        AggregateException { InnerExceptions.Count: > 0 } a => Describe(a.InnerExceptions[0]),
        _ when e.InnerException is IOException or UnauthorizedAccessException or SqliteException => Describe(e.InnerException),
        _ => (ExitCodes.Internal, $"internal error ({e.GetType().Name}): {e.Message}"),
    };

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && (char.IsLetter(token[1]) || (token[1] == '-' && token.Length > 2));
}

/// <summary>A command was given arguments it cannot use (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
