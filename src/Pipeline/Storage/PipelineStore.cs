using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Output;
using Pipeline.Recognition;
using Pipeline.Reconciliation;
using Pipeline.Text;

namespace Pipeline.Storage;

/// <summary>What the store knows about a document from an earlier run.</summary>
public sealed record StoredDocument(string Id, string ContentHash, string Status, string PipelineVersion);

/// <summary>
/// The embedded SQLite store (<c>out/pipeline.db</c>): documents with content hash and status, mentions, claims,
/// facts, conflicts, runs. WAL mode; each document's rows are replaced in one transaction (several documents may
/// share a transaction), so an interrupted run never leaves a half-written document. Single writer: the batch
/// runner owns the connection.
/// </summary>
public sealed class PipelineStore : IDisposable
{
    public const int SchemaVersion = 3;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private PipelineStore(SqliteConnection connection) => _connection = connection;

    public static PipelineStore Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new PipelineStore(connection);
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
        store.CreateSchema();
        return store;
    }

    private void CreateSchema()
    {
        // A store of an older schema is rebuilt: its documents are reprocessed on the next run (a derived store: the
        // inputs are the record, so dropping it loses nothing).
        if (StoredSchema() is { } stored && stored != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            Execute("""
                DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS mentions; DROP TABLE IF EXISTS claims; DROP TABLE IF EXISTS facts;
                DROP TABLE IF EXISTS conflicts; DROP TABLE IF EXISTS entities; DELETE FROM meta WHERE key = 'schema';
                """);
        Execute("""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT,
                inputs TEXT NOT NULL, summary TEXT);
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, status TEXT NOT NULL,
                duplicate_of TEXT, reason TEXT, outlet TEXT, url TEXT, published TEXT, published_inferred INTEGER,
                language TEXT, title TEXT, clean_text TEXT, segments TEXT, removals TEXT, diagnostics TEXT,
                pipeline_version TEXT NOT NULL, run_id INTEGER);
            CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
            CREATE TABLE IF NOT EXISTS mentions (
                document TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, value TEXT, unit TEXT, qualifier TEXT,
                period_start TEXT, period_end TEXT, range_end TEXT, bound INTEGER NOT NULL, unbound_reason TEXT,
                PRIMARY KEY (document, seq));
            CREATE TABLE IF NOT EXISTS claims (
                claim_id TEXT PRIMARY KEY, document TEXT NOT NULL, outlet TEXT, entity TEXT NOT NULL, metric TEXT NOT NULL,
                segment TEXT NOT NULL, basis TEXT NOT NULL,
                period TEXT NOT NULL, period_label TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL,
                qualifier TEXT NOT NULL, precision TEXT NOT NULL, range_end TEXT, equivalent_value TEXT,
                equivalent_unit TEXT, as_written TEXT NOT NULL, equivalent_of TEXT,
                quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
            CREATE INDEX IF NOT EXISTS claims_key ON claims(entity, metric, segment, basis, period);
            CREATE TABLE IF NOT EXISTS facts (
                entity TEXT NOT NULL, metric TEXT NOT NULL, segment TEXT NOT NULL, basis TEXT NOT NULL, period TEXT NOT NULL,
                period_label TEXT, value TEXT, unit TEXT, qualifier TEXT, status TEXT NOT NULL, sources TEXT, documents TEXT,
                confidence REAL, note TEXT, PRIMARY KEY (entity, metric, segment, basis, period));
            CREATE TABLE IF NOT EXISTS conflicts (
                entity TEXT NOT NULL, metric TEXT NOT NULL, segment TEXT NOT NULL, basis TEXT NOT NULL, period TEXT NOT NULL,
                value TEXT, unit TEXT, qualifier TEXT, documents TEXT, diagnosis TEXT, chosen INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS conflicts_key ON conflicts(entity, metric, segment, basis, period);
            CREATE TABLE IF NOT EXISTS entities (
                document TEXT NOT NULL, seq INTEGER NOT NULL, canonical TEXT NOT NULL, full_name TEXT, short_name TEXT,
                latin_name TEXT, tickers TEXT NOT NULL, PRIMARY KEY (document, seq));
            """);
        Execute($"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '{SchemaVersion}')");
    }

    private string? StoredSchema()
    {
        using var probe = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
        if (probe.ExecuteScalar() is null) return null;
        using var cmd = Command("SELECT value FROM meta WHERE key = 'schema'");
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Removes everything (for <c>--full</c>).</summary>
    public void Clear() =>
        Execute("DELETE FROM documents; DELETE FROM mentions; DELETE FROM claims; DELETE FROM facts; DELETE FROM conflicts; DELETE FROM entities;");

    public long StartRun(IEnumerable<string> inputs, DateTimeOffset started)
    {
        using var cmd = Command("INSERT INTO runs(started, inputs) VALUES ($s, $i); SELECT last_insert_rowid();",
            ("$s", started.ToString("O", CultureInfo.InvariantCulture)), ("$i", JsonSerializer.Serialize(inputs)));
        return (long)cmd.ExecuteScalar()!;
    }

    public void FinishRun(long runId, DateTimeOffset finished, string summaryJson)
    {
        using var cmd = Command("UPDATE runs SET finished = $f, summary = $s WHERE id = $id",
            ("$f", finished.ToString("O", CultureInfo.InvariantCulture)), ("$s", summaryJson), ("$id", runId));
        cmd.ExecuteNonQuery();
    }

    public StoredDocument? FindDocument(string id)
    {
        using var cmd = Command("SELECT id, content_hash, status, pipeline_version FROM documents WHERE id = $id", ("$id", id));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoredDocument(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)) : null;
    }

    /// <summary>Every stored document's hash, status and version, keyed by id (read once at the start of a run).</summary>
    public IReadOnlyDictionary<string, StoredDocument> StoredDocuments()
    {
        var result = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, content_hash, status, pipeline_version FROM documents");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = new StoredDocument(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
        return result;
    }

    public void BeginBatch() => _transaction ??= _connection.BeginTransaction();

    public void CommitBatch()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Replaces everything stored for the document with this result.</summary>
    public void SaveResult(DocumentResult result, string pipelineVersion, long runId)
    {
        var id = result.Document.Id;
        DeleteDocumentRows(id);
        var m = result.Metadata;
        using (var cmd = Command("""
            INSERT INTO documents(id, path, content_hash, status, duplicate_of, reason, outlet, url, published, published_inferred,
                language, title, clean_text, segments, removals, diagnostics, pipeline_version, run_id)
            VALUES ($id, $path, $hash, $status, NULL, $reason, $outlet, $url, $published, $inferred, $language, $title, $clean,
                $segments, $removals, $diagnostics, $version, $run)
            """,
            ("$id", id), ("$path", result.Document.Path), ("$hash", result.Document.ContentHash),
            ("$status", result.Status == DocumentStatus.Processed ? "processed" : "quarantined"),
            ("$reason", result.QuarantineReason), ("$outlet", m.Outlet), ("$url", m.Url),
            ("$published", m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$inferred", m.PublishedInferred ? 1 : 0),
            ("$language", m.Language), ("$title", m.Title), ("$clean", result.Status == DocumentStatus.Processed ? result.Clean.Text : null),
            ("$segments", JsonSerializer.Serialize(result.Segments.Select(s => new { s.Title, s.Span.Start, s.Span.End }))),
            ("$removals", JsonSerializer.Serialize(result.Removals.Select(r => new { r.Span.Start, r.Span.End, r.Reason }))),
            ("$diagnostics", JsonSerializer.Serialize(result.Diagnostics.Select(d => d.ToString()))),
            ("$version", pipelineVersion), ("$run", runId)))
            cmd.ExecuteNonQuery();

        var unbound = new Dictionary<TextSpan, string>();
        for (var i = 0; i < result.Unbound.Count; i++)
            unbound.TryAdd(result.Unbound[i].Span, i < result.UnboundReasons.Count ? result.UnboundReasons[i] : "");
        using (var cmd = Command("""
            INSERT INTO mentions(document, seq, kind, text, start, "end", value, unit, qualifier, period_start, period_end, range_end, bound,
                unbound_reason)
            VALUES ($d, $seq, $kind, $text, $start, $end, $value, $unit, $q, $ps, $pe, $re, $bound, $why)
            """, ("$d", id), ("$seq", 0), ("$kind", ""), ("$text", ""), ("$start", 0), ("$end", 0), ("$value", null),
            ("$unit", null), ("$q", null), ("$ps", null), ("$pe", null), ("$re", null), ("$bound", 0), ("$why", null)))
        {
            var seq = 0;
            foreach (var mention in result.Mentions)
            {
                var row = MentionRow.From(id, mention);
                Set(cmd, "$seq", seq++); Set(cmd, "$kind", row.Kind); Set(cmd, "$text", row.Text);
                Set(cmd, "$start", row.Start); Set(cmd, "$end", row.End); Set(cmd, "$value", row.Value);
                Set(cmd, "$unit", row.Unit); Set(cmd, "$q", row.Qualifier); Set(cmd, "$ps", row.PeriodStart);
                Set(cmd, "$pe", row.PeriodEnd); Set(cmd, "$re", row.RangeEnd); Set(cmd, "$bound", unbound.ContainsKey(mention.Span) ? 0 : 1);
                Set(cmd, "$why", unbound.TryGetValue(mention.Span, out var why) && why.Length > 0 ? why : null);
                cmd.ExecuteNonQuery();
            }
        }

        using (var cmd = Command("""
            INSERT OR REPLACE INTO claims(claim_id, document, outlet, entity, metric, segment, basis, period, period_label, value, unit,
                qualifier, precision, range_end, equivalent_value, equivalent_unit, as_written, equivalent_of, quote, start, "end")
            VALUES ($id, $d, $o, $e, $m, $seg, $b, $p, $pl, $v, $u, $q, $pr, $re, $ev, $eu, $aw, $eo, $quote, $s, $end)
            """, ("$id", ""), ("$d", id), ("$o", result.Metadata.Outlet), ("$e", ""), ("$m", ""), ("$seg", ""), ("$b", ""), ("$p", ""),
            ("$pl", ""), ("$v", ""), ("$u", ""), ("$q", ""), ("$pr", ""), ("$re", null), ("$ev", null), ("$eu", null), ("$aw", ""),
            ("$eo", null), ("$quote", ""), ("$s", 0), ("$end", 0)))
        {
            foreach (var claim in result.Claims)
            {
                var row = ClaimRow.From(claim);
                Set(cmd, "$id", row.ClaimId); Set(cmd, "$e", row.Entity); Set(cmd, "$m", row.Metric); Set(cmd, "$p", row.Period);
                Set(cmd, "$pl", row.PeriodLabel); Set(cmd, "$v", row.Value); Set(cmd, "$u", row.Unit); Set(cmd, "$q", row.Qualifier);
                Set(cmd, "$pr", row.Precision); Set(cmd, "$re", row.RangeEnd); Set(cmd, "$ev", row.EquivalentValue);
                Set(cmd, "$eu", row.EquivalentUnit); Set(cmd, "$seg", row.Segment); Set(cmd, "$b", row.Basis);
                Set(cmd, "$aw", row.AsWritten); Set(cmd, "$eo", row.EquivalentOf); Set(cmd, "$quote", row.Quote); Set(cmd, "$s", row.Start); Set(cmd, "$end", row.End);
                cmd.ExecuteNonQuery();
            }
        }

        using (var cmd = Command("""
            INSERT INTO entities(document, seq, canonical, full_name, short_name, latin_name, tickers)
            VALUES ($d, $seq, $c, $f, $s, $l, $t)
            """, ("$d", id), ("$seq", 0), ("$c", ""), ("$f", null), ("$s", null), ("$l", null), ("$t", "")))
        {
            var seq = 0;
            foreach (var e in result.Entities)
            {
                Set(cmd, "$seq", seq++); Set(cmd, "$c", e.Canonical); Set(cmd, "$f", e.FullName); Set(cmd, "$s", e.ShortName);
                Set(cmd, "$l", e.LatinName); Set(cmd, "$t", string.Join(' ', e.Tickers));
                cmd.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The entity definitions of the given documents (what links their canonical names across documents),
    /// ordered by document and position.</summary>
    public IEnumerable<EntityDefinitionFound> EntityDefinitions(IReadOnlySet<string> documents)
    {
        using var cmd = Command("SELECT document, canonical, full_name, short_name, latin_name, tickers FROM entities ORDER BY document, seq");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!documents.Contains(r.GetString(0))) continue;
            yield return new EntityDefinitionFound(r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4),
                r.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries), default);
        }
    }

    /// <summary>Records an input whose content equals an already processed document.</summary>
    public void SaveDuplicate(RawDocument raw, string duplicateOf, string pipelineVersion, long runId)
    {
        DeleteDocumentRows(raw.Id);
        using var cmd = Command("""
            INSERT INTO documents(id, path, content_hash, status, duplicate_of, reason, outlet, url, published, language, pipeline_version, run_id)
            VALUES ($id, $path, $hash, 'duplicate', $of, $reason, $outlet, $url, $published, $language, $version, $run)
            """,
            ("$id", raw.Id), ("$path", raw.Path), ("$hash", raw.ContentHash), ("$of", duplicateOf),
            ("$reason", $"same content as {duplicateOf}"), ("$outlet", raw.Metadata.Outlet), ("$url", raw.Metadata.Url),
            ("$published", raw.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$language", raw.Metadata.Language), ("$version", pipelineVersion), ("$run", runId));
        cmd.ExecuteNonQuery();
    }

    private void DeleteDocumentRows(string id)
    {
        using var cmd = Command("DELETE FROM documents WHERE id = $id; DELETE FROM mentions WHERE document = $id; DELETE FROM claims WHERE document = $id; DELETE FROM entities WHERE document = $id;",
            ("$id", id));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Documents with the given ids, ordered by id, streamed; the clean text only when asked for.</summary>
    public IEnumerable<DocumentRow> Documents(IReadOnlySet<string> ids, bool withText = false)
    {
        using var cmd = Command($"SELECT id, path, status, duplicate_of, reason, outlet, published, published_inferred, title, {(withText ? "clean_text" : "NULL")} FROM documents ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetString(0);
            if (!ids.Contains(id)) continue;
            yield return new DocumentRow(id, r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6),
                !r.IsDBNull(7) && r.GetInt64(7) == 1, Str(r, 8), Str(r, 9));
        }
    }

    public IEnumerable<MentionRow> Mentions(IReadOnlySet<string> documents)
    {
        using var cmd = Command("""SELECT document, kind, text, start, "end", value, unit, qualifier, period_start, period_end, range_end FROM mentions ORDER BY document, start, seq""");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var d = r.GetString(0);
            if (!documents.Contains(d)) continue;
            yield return new MentionRow(d, r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), Str(r, 5), Str(r, 6),
                Str(r, 7), Str(r, 8), Str(r, 9), Str(r, 10));
        }
    }

    public (int Bound, int Unbound) MentionCounts(IReadOnlySet<string> documents)
    {
        using var cmd = Command("SELECT document, bound, count(*) FROM mentions GROUP BY document, bound");
        using var r = cmd.ExecuteReader();
        int bound = 0, unbound = 0;
        while (r.Read())
        {
            if (!documents.Contains(r.GetString(0))) continue;
            if (r.GetInt64(1) == 1) bound += r.GetInt32(2); else unbound += r.GetInt32(2);
        }
        return (bound, unbound);
    }

    /// <summary>Unbound mentions of the given documents counted by the reason the binder recorded.</summary>
    public IReadOnlyDictionary<string, int> UnboundReasons(IReadOnlySet<string> documents)
    {
        using var cmd = Command("SELECT document, coalesce(unbound_reason, 'unknown'), count(*) FROM mentions WHERE bound = 0 GROUP BY document, 2");
        using var r = cmd.ExecuteReader();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        while (r.Read())
            if (documents.Contains(r.GetString(0))) counts[r.GetString(1)] = counts.GetValueOrDefault(r.GetString(1)) + r.GetInt32(2);
        return counts;
    }

    public IEnumerable<ClaimRow> Claims(IReadOnlySet<string> documents) => ReadClaims(documents, withQuotes: true);

    /// <summary>The reconciler's view of every claim of the given documents: compact, without quotes (see
    /// <see cref="Quotes"/>) and with repeated strings shared, so a large batch reconciles in bounded memory.</summary>
    public IEnumerable<Observation> Observations(IReadOnlySet<string> documents) =>
        ReadClaims(documents, withQuotes: false).Select(c => c.ToObservation());

    private IEnumerable<ClaimRow> ReadClaims(IReadOnlySet<string> documents, bool withQuotes)
    {
        using var cmd = Command($"""
            SELECT claim_id, document, outlet, entity, metric, period, period_label, value, unit, qualifier, precision, range_end,
                   equivalent_value, equivalent_unit, {(withQuotes ? "quote" : "''")}, start, "end", segment, basis, as_written,
                   equivalent_of
            FROM claims ORDER BY document, start, claim_id
            """);
        using var r = cmd.ExecuteReader();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal); // one copy of each repeated string
        string Intern(string v) => strings.TryGetValue(v, out var x) ? x : strings[v] = v;
        string? InternOrNull(string? v) => v is null ? null : Intern(v);
        while (r.Read())
        {
            var d = r.GetString(1);
            if (!documents.Contains(d)) continue;
            yield return new ClaimRow(r.GetString(0), Intern(d), InternOrNull(Str(r, 2)), Intern(r.GetString(3)), Intern(r.GetString(4)),
                Intern(r.GetString(5)), Intern(r.GetString(6)), r.GetString(7), Intern(r.GetString(8)), Intern(r.GetString(9)),
                r.GetString(10), Str(r, 11), Str(r, 12), InternOrNull(Str(r, 13)), r.GetString(14), r.GetInt32(15), r.GetInt32(16))
            {
                Segment = Intern(r.GetString(17)), Basis = Intern(r.GetString(18)), AsWritten = r.GetString(19), EquivalentOf = Str(r, 20),
            };
        }
    }

    /// <summary>The quoted sentences of the given claims.</summary>
    public IReadOnlyDictionary<string, string> Quotes(IEnumerable<string> claimIds)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT quote FROM claims WHERE claim_id = $id", ("$id", ""));
        foreach (var id in claimIds.Distinct(StringComparer.Ordinal))
        {
            Set(cmd, "$id", id);
            if (cmd.ExecuteScalar() is string q) result[id] = q;
        }
        return result;
    }

    /// <summary>Replaces the fact table; returns how many fact rows changed (added, removed or different).</summary>
    public int ReplaceFacts(IReadOnlyList<FactRow> facts, IReadOnlyList<ConflictRow> conflicts)
    {
        var before = new HashSet<FactRow>();
        using (var cmd = Command("SELECT entity, metric, segment, basis, period, period_label, value, unit, qualifier, status, sources, documents, confidence, note FROM facts"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                before.Add(new FactRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Str(r, 5) ?? "",
                    Str(r, 6) ?? "", Str(r, 7) ?? "", Str(r, 8) ?? "", r.GetString(9), Str(r, 10) ?? "", Str(r, 11) ?? "", Str(r, 12) ?? "",
                    Str(r, 13) ?? ""));
        var after = facts.ToHashSet();
        var changed = before.Count(f => !after.Contains(f)) + after.Count(f => !before.Contains(f));

        BeginBatch();
        Execute("DELETE FROM facts; DELETE FROM conflicts;");
        using (var cmd = Command("""
            INSERT INTO facts(entity, metric, segment, basis, period, period_label, value, unit, qualifier, status, sources, documents,
                confidence, note)
            VALUES ($e, $m, $seg, $b, $p, $pl, $v, $u, $q, $s, $src, $d, $c, $n)
            """, ("$e", ""), ("$m", ""), ("$seg", ""), ("$b", ""), ("$p", ""), ("$pl", ""), ("$v", ""), ("$u", ""), ("$q", ""), ("$s", ""), ("$src", ""),
            ("$d", ""), ("$c", ""), ("$n", "")))
        {
            foreach (var f in facts)
            {
                Set(cmd, "$e", f.Entity); Set(cmd, "$m", f.Metric); Set(cmd, "$seg", f.Segment); Set(cmd, "$b", f.Basis); Set(cmd, "$p", f.Period); Set(cmd, "$pl", f.PeriodLabel);
                Set(cmd, "$v", f.Value); Set(cmd, "$u", f.Unit); Set(cmd, "$q", f.Qualifier); Set(cmd, "$s", f.Status);
                Set(cmd, "$src", f.Sources); Set(cmd, "$d", f.Documents); Set(cmd, "$c", f.Confidence); Set(cmd, "$n", f.Note);
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = Command("""
            INSERT INTO conflicts(entity, metric, segment, basis, period, value, unit, qualifier, documents, diagnosis, chosen)
            VALUES ($e, $m, $seg, $b, $p, $v, $u, $q, $d, $diag, $c)
            """, ("$e", ""), ("$m", ""), ("$seg", ""), ("$b", ""), ("$p", ""), ("$v", ""), ("$u", ""), ("$q", ""), ("$d", ""), ("$diag", ""), ("$c", 0)))
        {
            foreach (var c in conflicts)
            {
                Set(cmd, "$e", c.Entity); Set(cmd, "$m", c.Metric); Set(cmd, "$seg", c.Segment); Set(cmd, "$b", c.Basis); Set(cmd, "$p", c.Period); Set(cmd, "$v", c.Value);
                Set(cmd, "$u", c.Unit); Set(cmd, "$q", c.Qualifier); Set(cmd, "$d", c.Documents); Set(cmd, "$diag", c.Diagnosis);
                Set(cmd, "$c", c.Chosen ? 1 : 0);
                cmd.ExecuteNonQuery();
            }
        }
        CommitBatch();
        return changed;
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _transaction;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static void Set(SqliteCommand cmd, string name, object? value) => cmd.Parameters[name].Value = value ?? DBNull.Value;

    public void Dispose()
    {
        CommitBatch();
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        _connection.Dispose();
    }
}
