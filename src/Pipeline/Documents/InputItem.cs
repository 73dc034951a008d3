
namespace Pipeline.Documents;

/// <summary>What the reader yields for each input: a document to process, or an input that could not be read.</summary>
public abstract record InputItem(string Path);

public sealed record DocumentInput(RawDocument Document) : InputItem(Document.Path);

/// <summary>An input that never became a document: a missing path, an unreadable file, a broken .jsonl line.</summary>
public sealed record UnreadableInput(string Path, string Id, string Reason) : InputItem(Path);
