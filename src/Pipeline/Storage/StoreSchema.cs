using System.Collections.Generic;
using System.Linq;

namespace Pipeline.Storage;

/// <summary>The column types the schema uses; each dialect spells them its own way.</summary>
/// <remarks><see cref="Number"/> is <c>NUMERIC</c> in both stores (SQLite keeps it as an integer or a real, PostgreSQL exactly),
/// so SQL sums and compares it without a cast; where the exact decimal text matters (the datasets are written from the
/// store and must not drift by a float's rounding), a <c>…_text</c> column beside it keeps it as written.</remarks>
public enum ColumnType { Text, Integer, Serial, Number }

/// <summary>One column: name, type, whether it may be null.</summary>
public sealed record Column(string Name, ColumnType Type, bool Nullable = true);

/// <summary>One table with its key and secondary indexes.</summary>
public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<(string Name, string[] Columns)> Indexes);

/// <summary>
/// The store's one schema, for every database it runs on (<see cref="SqliteDialect"/>, <see cref="PostgresDialect"/>):
/// tables are declared once here and rendered into each dialect's DDL, so the two stores cannot drift apart.
/// </summary>
public static class StoreSchema
{
    /// <summary>Bumped when a table changes: a store of another version is rebuilt (it is derived from the inputs).</summary>
    public const int Version = 8;

    private static Column T(string name, bool nullable = true) => new(name, ColumnType.Text, nullable);
    private static Column I(string name, bool nullable = true) => new(name, ColumnType.Integer, nullable);

    /// <summary>A number: <paramref name="name"/> as <c>NUMERIC</c> (null when the value is not a number, e.g. a text value
    /// given to <c>reconcile</c>) and <c>name_text</c>, its exact decimal text, the one read back.</summary>
    private static Column[] N(string name, bool nullable = true) =>
        [new(name, ColumnType.Number), new(name + "_text", ColumnType.Text, nullable)];

    public static readonly Table Meta = new("meta", [T("key", false), T("value", false)], ["key"], []);

    public static readonly Table Runs = new("runs",
        [new Column("id", ColumnType.Serial, false), T("started", false), T("finished"), T("inputs", false), T("summary")], ["id"], []);

    public static readonly Table Documents = new("documents",
        [T("id", false), T("path", false), T("content_hash", false), T("status", false), T("duplicate_of"), T("reason"), T("outlet"),
         T("url"), T("published"), I("published_inferred"), T("language"), T("title"), T("clean_text"), T("segments"), T("removals"),
         T("diagnostics"), T("pipeline_version", false), I("run_id"), T("subject"), T("coverage")],
        ["id"], [("documents_hash", ["content_hash"])]);

    public static readonly Table Mentions = new("mentions",
        [T("document", false), I("seq", false), T("kind", false), T("text", false), I("start", false), I("end", false), ..N("value"),
         T("unit"), T("qualifier"), T("period_start"), T("period_end"), ..N("range_end"), I("bound", false), T("unbound_reason")],
        ["document", "seq"], []);

    public static readonly Table Claims = new("claims",
        [T("claim_id", false), T("document", false), T("outlet"), T("entity", false), T("metric", false), T("segment", false),
         T("basis", false), T("period", false), T("period_label", false), ..N("value", false), T("unit", false), T("qualifier", false),
         ..N("precision", false), ..N("range_end"), ..N("equivalent_value"), T("equivalent_unit"), T("as_written", false), T("equivalent_of"),
         T("quote", false), I("start", false), I("end", false)],
        ["claim_id"], [("claims_document", ["document"]), ("claims_key", ["entity", "metric", "segment", "basis", "period"])]);

    /// <summary>Value and confidence are read back from their text as written in <c>facts.csv</c>, and checks as written
    /// there too, so a fact read back compares equal.</summary>
    public static readonly Table Facts = new("facts",
        [T("entity", false), T("metric", false), T("segment", false), T("basis", false), T("period", false), T("period_label"),
         ..N("value"), T("unit"), T("qualifier"), T("status", false), T("sources"), T("documents"), ..N("confidence"), T("checks"), T("note")],
        ["entity", "metric", "segment", "basis", "period"], []);

    public static readonly Table Conflicts = new("conflicts",
        [T("entity", false), T("metric", false), T("segment", false), T("basis", false), T("period", false), ..N("value"), T("unit"),
         T("qualifier"), T("documents"), T("diagnosis"), I("chosen", false)],
        [], [("conflicts_key", ["entity", "metric", "segment", "basis", "period"])]);

    public static readonly Table Entities = new("entities",
        [T("document", false), I("seq", false), T("canonical", false), T("full_name"), T("short_name"), T("latin_name"),
         T("tickers", false)],
        ["document", "seq"], []);

    /// <summary>The files a run wrote into its output folder: the only ones a later run may delete.</summary>
    public static readonly Table WrittenFiles = new("written_files", [T("path", false)], ["path"], []);

    /// <summary>Every table, in creation order.</summary>
    public static readonly IReadOnlyList<Table> Tables = [Meta, Runs, Documents, Mentions, Claims, Facts, Conflicts, Entities, WrittenFiles];

    /// <summary>The tables holding what documents produced (dropped when the schema version changes; runs are kept).</summary>
    public static readonly IReadOnlyList<Table> Derived = [Documents, Mentions, Claims, Facts, Conflicts, Entities];

    /// <summary>The tables with one row set per document, replaced whole when the document is written again.</summary>
    public static readonly IReadOnlyList<(Table Table, string DocumentColumn)> PerDocument =
        [(Documents, "id"), (Mentions, "document"), (Claims, "document"), (Entities, "document")];

    /// <summary><c>CREATE TABLE IF NOT EXISTS</c> and <c>CREATE INDEX IF NOT EXISTS</c> for one table in a dialect.</summary>
    public static IEnumerable<string> Ddl(Table table, IStoreDialect dialect)
    {
        var columns = table.Columns.Select(c =>
            $"{dialect.Quote(c.Name)} {dialect.TypeName(c.Type)}{(c.Nullable || c.Type == ColumnType.Serial ? "" : " NOT NULL")}");
        var key = table.PrimaryKey.Count == 0 || table.Columns.Any(c => c.Type == ColumnType.Serial)
            ? [] : new[] { $"PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(dialect.Quote))})" };
        yield return $"CREATE TABLE IF NOT EXISTS {table.Name} ({string.Join(", ", columns.Concat(key))})";
        foreach (var (name, cols) in table.Indexes)
            yield return $"CREATE INDEX IF NOT EXISTS {name} ON {table.Name} ({string.Join(", ", cols.Select(dialect.Quote))})";
    }
}
