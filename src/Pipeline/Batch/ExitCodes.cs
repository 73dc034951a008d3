using System;

namespace Pipeline.Batch;

/// <summary>The exit codes of the <c>pipeline</c> command, one place (documented in the README's "The CLI").</summary>
public static class ExitCodes
{
    /// <summary>Everything read was processed (or was unchanged, or a duplicate).</summary>
    public const int Ok = 0;
    /// <summary>The command finished and wrote its outputs, but some input was quarantined (listed in quarantine.csv).</summary>
    public const int Quarantined = 1;
    /// <summary>A usage or configuration error: an unknown option, a missing input, a bad lexicon. Nothing was written.</summary>
    public const int Usage = 2;
    /// <summary>An I/O error: the output folder or the store cannot be written. Earlier outputs are left as they were.</summary>
    public const int Io = 3;
    /// <summary>A bug: an exception nothing expected (one line, never a stack trace).</summary>
    public const int Internal = 4;
    /// <summary>Interrupted (Ctrl-C): what was committed stays committed; the datasets are those of the previous run.</summary>
    public const int Interrupted = 130;
}

/// <summary>The inputs or options of a run cannot be used (a missing path, an input inside the output folder):
/// raised before anything is written (exit code 2).</summary>
public sealed class InvalidInputException(string message) : Exception(message);
