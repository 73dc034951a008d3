using Pipeline.Text;

namespace Pipeline.Documents;

public enum Severity { Info, Warning, Error }

/// <summary>Something a stage noticed about a document. Errors quarantine the document; bad input never throws.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>decode.undecodable-bytes</c>.</param>
/// <param name="Span">Where in the decoded original, when it has a place.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, TextSpan? Span = null)
{
    public static Diagnostic Error(string code, string message, TextSpan? span = null) => new(Severity.Error, code, message, span);
    public static Diagnostic Warning(string code, string message, TextSpan? span = null) => new(Severity.Warning, code, message, span);
    public static Diagnostic Info(string code, string message, TextSpan? span = null) => new(Severity.Info, code, message, span);

    public override string ToString() => Span is { } s ? $"{Severity} {Code} at {s}: {Message}" : $"{Severity} {Code}: {Message}";
}
