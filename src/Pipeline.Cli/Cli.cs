using System.CommandLine;
using Pipeline.Batch;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command: parses arguments and maps outcomes to exit codes
/// (0 success, 1 some document quarantined, 2 usage or configuration error). Commands hold no logic of their own.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Quarantined = 1;
    public const int UsageError = 2;

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
            foreach (var e in parse.Errors) error.WriteLine($"pipeline: {e.Message}");
            error.WriteLine("Run 'pipeline --help' for usage.");
            return UsageError;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (PipelineConfigurationException e)
        {
            error.WriteLine($"pipeline: configuration error: {e.Message}");
            return UsageError;
        }
        catch (StoreBusyException e)
        {
            error.WriteLine($"pipeline: {e.Message}");
            return UsageError;
        }
        catch (UsageException e)
        {
            error.WriteLine($"pipeline: {e.Message}");
            return UsageError;
        }
        catch (System.Data.Common.DbException e) when (e is not Microsoft.Data.Sqlite.SqliteException)
        {
            // A shared store that cannot be reached or refuses us (a SQLite error stays a bug report with its trace).
            error.WriteLine($"pipeline: store error: {e.Message.Split('\n')[0].Trim()}");
            return UsageError;
        }
    }
}

/// <summary>A command was given arguments it cannot use (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
