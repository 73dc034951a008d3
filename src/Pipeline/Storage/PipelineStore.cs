using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Pipeline.Documents;
using Pipeline.Facts;
using Pipeline.Output;
using Pipeline.Reconciliation;
using Pipeline.Text;

namespace Pipeline.Storage;

/// <summary>What the store knows about a document from an earlier run: its hash, status and version, and the subject
/// the binder read from the document on its own (its company, period, listing day; before any second pass), which a
/// later run's coverage counts without reading the document again.</summary>
public sealed record StoredDocument(string Id, string ContentHash, string Status, string PipelineVersion)
{
    public DocumentSubject? Subject { get; init; }

    /// <summary>The coverage its rows were read with (<see cref="DocumentMetadata.CoverageKey"/>), null for a read without.</summary>
    public string? CoverageKey { get; init; }
}

/// <summary>
/// The store: documents with content hash and status, mentions, claims, facts, conflicts, runs. One implementation
/// over ADO.NET for every database (<see cref="StoreSchema"/> declares the tables once; an <see cref="IStoreDialect"/>
/// says what differs): the embedded SQLite file (<c>out/pipeline.db</c>, WAL mode) or a shared PostgreSQL database.
/// Each document's rows are replaced in one transaction (delete then insert; several documents may share a
/// transaction), so an interrupted run never leaves a half-written document and a document written twice (a retry)
/// never duplicates rows. One instance is one connection: not for concurrent use.
/// </summary>
public sealed class PipelineStore : IDisposable
{
    public const int SchemaVersion = StoreSchema.Version;

    private readonly DbConnection _connection;
    private readonly IStoreDialect _dialect;
    private DbTransaction? _transaction;
    private readonly Dictionary<string, IRowStatement> _rows = new(StringComparer.Ordinal);

    private PipelineStore(DbConnection connection, IStoreDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
    }

    /// <summary>Opens the embedded SQLite store at <paramref name="path"/>.</summary>
    public static PipelineStore Open(string path) => Open(StoreLocation.Sqlite(path));

    public static PipelineStore Open(StoreLocation location)
    {
        var connection = location.Dialect.Open();
        try
        {
            location.Dialect.AfterOpen(connection);
            var store = new PipelineStore(connection, location.Dialect);
            store.CreateSchema();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A second connection to the same store, for reading on another thread while this one is in use.</summary>
    public PipelineStore OpenReader()
    {
        var connection = _dialect.Open();
        _dialect.AfterOpen(connection);
        return new PipelineStore(connection, _dialect);
    }

    /// <summary>Connects to a store whose schema is known to be in place (a worker's connection per batch, after the
    /// worker opened the store once with <see cref="Open(StoreLocation)"/>).</summary>
    public static PipelineStore Connect(StoreLocation location)
    {
        var connection = location.Dialect.Open();
        location.Dialect.AfterOpen(connection);
        return new PipelineStore(connection, location.Dialect);
    }

    /// <summary>Which database this store is on (<c>sqlite</c>, <c>postgres</c>).</summary>
    public string Kind => _dialect.Name;

    /// <summary>Takes the store-wide run lock for as long as this store is open (PostgreSQL: an advisory lock;
    /// SQLite: the output folder's lock file does it). False when another run holds it.</summary>
    public bool TryLockRun() => _dialect.TryLockRun(_connection);

    private void CreateSchema()
    {
        BeginBatch();
        try
        {
            if (_dialect.SchemaLock is { } lockSql) Execute(lockSql);
            // A store of another schema is rebuilt: its documents are reprocessed on the next run (a derived store: the
            // inputs are the record, so dropping it loses nothing).
            if (StoredSchema() is { } stored && stored != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                foreach (var table in StoreSchema.Derived) Execute($"DROP TABLE IF EXISTS {table.Name}");
                Execute("DELETE FROM meta WHERE key = 'schema'");
            }
            foreach (var table in StoreSchema.Tables)
                foreach (var ddl in StoreSchema.Ddl(table, _dialect))
                    Execute(ddl);
            Execute($"INSERT INTO meta(key, value) VALUES ('schema', '{SchemaVersion}') ON CONFLICT (key) DO NOTHING");
            CommitBatch();
        }
        catch
        {
            RollbackBatch();
            throw;
        }
    }

    private string? StoredSchema()
    {
        using var probe = Command(_dialect.TableExists("meta"));
        if (probe.ExecuteScalar() is null) return null;
        using var cmd = Command("SELECT value FROM meta WHERE key = 'schema'");
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Removes everything (for <c>--full</c>).</summary>
    public void Clear() => Execute(string.Concat(StoreSchema.Derived.Select(t => $"DELETE FROM {t.Name};")));

    public long StartRun(IEnumerable<string> inputs, DateTimeOffset started)
    {
        using var cmd = Command("INSERT INTO runs(started, inputs) VALUES ($s, $i) RETURNING id",
            ("$s", started.ToString("O", CultureInfo.InvariantCulture)), ("$i", JsonSerializer.Serialize(inputs)));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void FinishRun(long runId, DateTimeOffset finished, string summaryJson)
    {
        using var cmd = Command("UPDATE runs SET finished = $f, summary = $s WHERE id = $id",
            ("$f", finished.ToString("O", CultureInfo.InvariantCulture)), ("$s", summaryJson), ("$id", runId));
        cmd.ExecuteNonQuery();
    }

    public StoredDocument? FindDocument(string id)
    {
        using var cmd = Command("SELECT id, content_hash, status, pipeline_version, subject, coverage FROM documents WHERE id = $id", ("$id", id));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadStoredDocument(r) : null;
    }

    /// <summary>Every stored document's hash, status, version and subject, keyed by id (read once at the start of a run).</summary>
    public IReadOnlyDictionary<string, StoredDocument> StoredDocuments()
    {
        var result = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, content_hash, status, pipeline_version, subject, coverage FROM documents");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var document = ReadStoredDocument(r);
            result[document.Id] = document;
        }
        return result;
    }

    private StoredDocument ReadStoredDocument(DbDataReader r) =>
        new(Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3)) { Subject = SubjectRow.Parse(Str(r, 4)), CoverageKey = Str(r, 5) };

    /// <summary>The subject stored for a document, null when none is (read before a second pass replaces its rows).</summary>
    private string? StoredSubjectText(string id)
    {
        using var cmd = Command("SELECT subject FROM documents WHERE id = $id", ("$id", id));
        return cmd.ExecuteScalar() is string text ? _dialect.Decode(text) : null;
    }

    public void BeginBatch() => _transaction ??= _connection.BeginTransaction();

    public void CommitBatch()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Drops the open transaction's writes (a worker's batch that failed part-way).</summary>
    public void RollbackBatch()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Replaces everything stored for the document with this result.</summary>
    public void SaveResult(DocumentResult result, string pipelineVersion, long runId)
    {
        var id = result.Document.Id;
        var m = result.Metadata;
        // A second-pass read (the batch's coverage given) keeps the subject the document gave on its own (coverage is
        // counted from what each document says, never from what the batch told it) and notes the coverage it was given.
        var subject = m.IsCoverageRead ? StoredSubjectText(id) : SubjectRow.Format(result.Subject);
        var coverage = m.IsCoverageRead && SubjectRow.Parse(subject) is { } own ? m.CoverageKey(own.Entity) : null;
        DeleteDocumentRows(id);
        Row("""
            INSERT INTO documents(id, path, content_hash, status, duplicate_of, reason, outlet, url, published, published_inferred,
                language, title, clean_text, segments, removals, diagnostics, pipeline_version, run_id, subject, coverage)
            VALUES ($id, $path, $hash, $status, NULL, $reason, $outlet, $url, $published, $inferred, $language, $title, $clean,
                $segments, $removals, $diagnostics, $version, $run, $subject, $coverage)
            """,
            id, result.Document.Path, result.Document.ContentHash, result.Status == DocumentStatus.Processed ? "processed" : "quarantined",
            result.QuarantineReason, m.Outlet, m.Url, m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.PublishedInferred ? 1 : 0, m.Language, m.Title, result.Status == DocumentStatus.Processed ? result.Clean.Text : null,
            StoredJson.Segments(result.Segments), StoredJson.Removals(result.Removals), StoredJson.Diagnostics(result.Diagnostics),
            pipelineVersion, runId, subject, coverage);

        var unbound = new Dictionary<TextSpan, string>();
        for (var i = 0; i < result.Unbound.Count; i++)
            unbound.TryAdd(result.Unbound[i].Span, i < result.UnboundReasons.Count ? result.UnboundReasons[i] : "");
        var seq = 0;
        foreach (var mention in result.Mentions)
        {
            var row = MentionRow.From(id, mention);
            Row("""
                INSERT INTO mentions(document, seq, kind, text, start, "end", value, value_text, unit, qualifier, period_start, period_end,
                    range_end, range_end_text, bound, unbound_reason)
                VALUES ($d, $seq, $kind, $text, $start, $end, $value_n, $value, $unit, $q, $ps, $pe, $re_n, $re, $bound, $why)
                """,
                id, seq++, row.Kind, row.Text, row.Start, row.End, Number(row.Value), row.Value, row.Unit, row.Qualifier, row.PeriodStart,
                row.PeriodEnd, Number(row.RangeEnd), row.RangeEnd, unbound.ContainsKey(mention.Span) ? 0 : 1,
                unbound.TryGetValue(mention.Span, out var why) && why.Length > 0 ? why : null);
        }

        foreach (var claim in result.Claims)
        {
            var row = ClaimRow.From(claim);
            Row("""
                INSERT INTO claims(claim_id, document, outlet, entity, metric, segment, basis, period, period_label, value, value_text, unit,
                    qualifier, precision, precision_text, range_end, range_end_text, equivalent_value, equivalent_value_text, equivalent_unit,
                    as_written, equivalent_of, quote, start, "end")
                VALUES ($id, $d, $o, $e, $m, $seg, $b, $p, $pl, $v_n, $v, $u, $q, $pr_n, $pr, $re_n, $re, $ev_n, $ev, $eu, $aw, $eo, $quote, $s, $end)
                ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document, outlet = excluded.outlet, entity = excluded.entity,
                    metric = excluded.metric, segment = excluded.segment, basis = excluded.basis, period = excluded.period,
                    period_label = excluded.period_label, value = excluded.value, value_text = excluded.value_text, unit = excluded.unit,
                    qualifier = excluded.qualifier, precision = excluded.precision, precision_text = excluded.precision_text,
                    range_end = excluded.range_end, range_end_text = excluded.range_end_text, equivalent_value = excluded.equivalent_value,
                    equivalent_value_text = excluded.equivalent_value_text,
                    equivalent_unit = excluded.equivalent_unit, as_written = excluded.as_written, equivalent_of = excluded.equivalent_of,
                    quote = excluded.quote, start = excluded.start, "end" = excluded."end"
                """,
                row.ClaimId, id, result.Metadata.Outlet, row.Entity, row.Metric, row.Segment, row.Basis, row.Period, row.PeriodLabel,
                Number(row.Value), row.Value, row.Unit, row.Qualifier, Number(row.Precision), row.Precision, Number(row.RangeEnd), row.RangeEnd,
                Number(row.EquivalentValue), row.EquivalentValue, row.EquivalentUnit, row.AsWritten, row.EquivalentOf, row.Quote, row.Start,
                row.End);
        }

        seq = 0;
        foreach (var e in result.Entities)
            Row("""
                INSERT INTO entities(document, seq, canonical, full_name, short_name, latin_name, tickers)
                VALUES ($d, $seq, $c, $f, $s, $l, $t)
                """, id, seq++, e.Canonical, e.FullName, e.ShortName, e.LatinName, string.Join(' ', e.Tickers));
    }

    /// <summary>The entity definitions of the given documents (what links their canonical names across documents),
    /// ordered by document and position.</summary>
    public IEnumerable<EntityDefinitionFound> EntityDefinitions(IReadOnlySet<string> documents)
    {
        using var cmd = Command("SELECT document, canonical, full_name, short_name, latin_name, tickers FROM entities ORDER BY document, seq");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!documents.Contains(Text(r, 0))) continue;
            yield return new EntityDefinitionFound(Text(r, 1), Str(r, 2), Str(r, 3), Str(r, 4),
                Text(r, 5).Split(' ', StringSplitOptions.RemoveEmptyEntries), default);
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
        foreach (var (table, column) in StoreSchema.PerDocument)
            Row($"DELETE FROM {table.Name} WHERE {column} = $id", id);
    }

    /// <summary>Documents with the given ids, ordered by id, streamed; the clean text only when asked for.</summary>
    public IEnumerable<DocumentRow> Documents(IReadOnlySet<string> ids, bool withText = false)
    {
        using var cmd = Command($"SELECT id, path, status, duplicate_of, reason, outlet, published, published_inferred, title, {(withText ? "clean_text" : "NULL")} FROM documents ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = Text(r, 0);
            if (!ids.Contains(id)) continue;
            yield return new DocumentRow(id, Text(r, 1), Text(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6),
                !r.IsDBNull(7) && Int(r, 7) == 1, Str(r, 8), Str(r, 9));
        }
    }

    public IEnumerable<MentionRow> Mentions(IReadOnlySet<string> documents)
    {
        using var cmd = Command("""SELECT document, kind, text, start, "end", value_text, unit, qualifier, period_start, period_end, range_end_text FROM mentions ORDER BY document, start, seq""");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var d = Text(r, 0);
            if (!documents.Contains(d)) continue;
            yield return new MentionRow(d, Text(r, 1), Text(r, 2), Int(r, 3), Int(r, 4), Str(r, 5), Str(r, 6),
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
            if (!documents.Contains(Text(r, 0))) continue;
            if (Int(r, 1) == 1) bound += Int(r, 2); else unbound += Int(r, 2);
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
            if (documents.Contains(Text(r, 0))) counts[Text(r, 1)] = counts.GetValueOrDefault(Text(r, 1)) + Int(r, 2);
        return counts;
    }

    public IEnumerable<ClaimRow> Claims(IReadOnlySet<string> documents) => ReadClaims(documents, withQuotes: true);

    /// <summary>The reconciler's view of every claim of the given documents: compact, without quotes (see
    /// <see cref="Quotes"/>) and with repeated strings shared, so a large batch reconciles in bounded memory.</summary>
    public IEnumerable<Observation> Observations(IReadOnlySet<string> documents) => Observations(ReadClaims(documents, withQuotes: false));

    /// <summary>The reconciler's view of the claims of one key (its entity as the documents wrote it) in the given documents,
    /// with their quotes when <paramref name="withQuotes"/>.</summary>
    public IEnumerable<Observation> Observations(IReadOnlySet<string> documents, FactKey key, bool withQuotes = false) =>
        Observations(ReadClaims(documents, withQuotes,
            "WHERE entity = $entity AND metric = $metric AND segment = $segment AND basis = $basis AND period = $period",
            ("$entity", key.Entity), ("$metric", key.Metric), ("$segment", key.Segment), ("$basis", key.Basis), ("$period", key.Period)));

    /// <summary>The reconciler's view of the claims that state an amount in a second currency (the stated exchange rates).</summary>
    public IEnumerable<Observation> EquivalentObservations(IReadOnlySet<string> documents) =>
        Observations(ReadClaims(documents, withQuotes: false, "WHERE equivalent_value_text IS NOT NULL"));

    /// <summary>Every key claims are stated for (in any document), entities as the documents wrote them.</summary>
    public IReadOnlyList<FactKey> ClaimKeys()
    {
        using var cmd = Command("SELECT DISTINCT entity, metric, period, segment, basis FROM claims");
        using var r = cmd.ExecuteReader();
        var keys = new List<FactKey>();
        while (r.Read()) keys.Add(new FactKey(Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4)));
        return keys;
    }

    /// <summary>Observations of claims, one key object per key (their strings are shared already: see <see cref="ReadClaims"/>).</summary>
    private static IEnumerable<Observation> Observations(IEnumerable<ClaimRow> claims)
    {
        var keys = new Dictionary<FactKey, FactKey>();
        foreach (var claim in claims)
        {
            // The shared key is looked up before the observation is made: copying each observation to swap its key
            // made a second 224-byte record per claim read.
            var read = claim.KeyOf();
            if (!keys.TryGetValue(read, out var key)) keys[read] = key = read;
            yield return claim.ToObservation(key);
        }
    }

    private IEnumerable<ClaimRow> ReadClaims(IReadOnlySet<string> documents, bool withQuotes, string where = "",
        params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command($"""
            SELECT claim_id, document, outlet, entity, metric, period, period_label, value_text, unit, qualifier, precision_text,
                   range_end_text, equivalent_value_text, equivalent_unit, {(withQuotes ? "quote" : "''")}, start, "end", segment, basis, as_written,
                   equivalent_of
            FROM claims {where} ORDER BY document, start, claim_id
            """, parameters);
        using var r = cmd.ExecuteReader();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal); // one copy of each repeated string
        string Intern(string v) => strings.TryGetValue(v, out var x) ? x : strings[v] = v;
        string? InternOrNull(string? v) => v is null ? null : Intern(v);
        while (r.Read())
        {
            var d = Text(r, 1);
            if (!documents.Contains(d)) continue;
            yield return new ClaimRow(Text(r, 0), Intern(d), InternOrNull(Str(r, 2)), Intern(Text(r, 3)), Intern(Text(r, 4)),
                Intern(Text(r, 5)), Intern(Text(r, 6)), Intern(Text(r, 7)), Intern(Text(r, 8)), Intern(Text(r, 9)),
                Text(r, 10), Str(r, 11), Str(r, 12), InternOrNull(Str(r, 13)), Text(r, 14), Int(r, 15), Int(r, 16))
            {
                Segment = Intern(Text(r, 17)), Basis = Intern(Text(r, 18)), AsWritten = Intern(Text(r, 19)), EquivalentOf = Str(r, 20),
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


    /// <summary>The output files (relative to the output folder) the last run wrote: the only files a run may delete.</summary>
    public IReadOnlyList<string> WrittenFiles()
    {
        var list = new List<string>();
        using var cmd = Command("SELECT path FROM written_files ORDER BY path");
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    public void ReplaceWrittenFiles(IEnumerable<string> paths)
    {
        BeginBatch();
        Execute("DELETE FROM written_files;");
        foreach (var p in paths) Row("INSERT INTO written_files(path) VALUES ($p) ON CONFLICT (path) DO NOTHING", p);
        CommitBatch();
    }

    /// <summary>The fact rows the store holds (as the last reconciliation wrote them, checks included), in key order.</summary>
    public IReadOnlyList<FactRow> Facts() => ReadFacts().ToList();

    private IEnumerable<FactRow> ReadFacts()
    {
        using var cmd = Command("SELECT entity, metric, segment, basis, period, period_label, value_text, unit, qualifier, status, sources, documents, " +
                                "confidence_text, checks, note FROM facts ORDER BY entity, metric, segment, basis, period");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new FactRow(Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Str(r, 5) ?? "",
                Str(r, 6) ?? "", Str(r, 7) ?? "", Str(r, 8) ?? "", Text(r, 9), Str(r, 10) ?? "", Str(r, 11) ?? "", Str(r, 12) ?? "",
                Str(r, 14) ?? "") { Checks = Str(r, 13) ?? "" };
    }

    /// <summary>Replaces the facts and conflicts, read once each, in order; returns how many fact rows changed (added,
    /// removed or different in any column, checks included). Rows are compared by digest, so that neither table is held.</summary>
    public int ReplaceFacts(IEnumerable<FactRow> facts, IEnumerable<ConflictRow> conflicts)
    {
        var before = ReadFacts().Select(FactDigest).ToHashSet();
        var after = new HashSet<UInt128>();

        BeginBatch();
        Execute("DELETE FROM facts; DELETE FROM conflicts;");
        foreach (var f in facts)
        {
            after.Add(FactDigest(f));
            Row("""
                INSERT INTO facts(entity, metric, segment, basis, period, period_label, value, value_text, unit, qualifier, status, sources,
                    documents, confidence, confidence_text, checks, note)
                VALUES ($e, $m, $seg, $b, $p, $pl, $v_n, $v, $u, $q, $s, $src, $d, $c_n, $c, $k, $n)
                """,
                f.Entity, f.Metric, f.Segment, f.Basis, f.Period, f.PeriodLabel, Number(f.Value), f.Value, f.Unit, f.Qualifier, f.Status,
                f.Sources, f.Documents, Number(f.Confidence), f.Confidence, f.Checks, f.Note);
        }
        foreach (var c in conflicts)
            Row("""
                INSERT INTO conflicts(entity, metric, segment, basis, period, value, value_text, unit, qualifier, documents, diagnosis, chosen)
                VALUES ($e, $m, $seg, $b, $p, $v_n, $v, $u, $q, $d, $diag, $c)
                """,
                c.Entity, c.Metric, c.Segment, c.Basis, c.Period, Number(c.Value), c.Value, c.Unit, c.Qualifier, c.Documents, c.Diagnosis,
                c.Chosen ? 1 : 0);
        CommitBatch();
        return before.Count(f => !after.Contains(f)) + after.Count(f => !before.Contains(f));
    }

    /// <summary>A fact row's every column, hashed (SHA-256, first 128 bits; each column behind its length, so that no two
    /// different rows write the same bytes).</summary>
    private static UInt128 FactDigest(FactRow f)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var column in (ReadOnlySpan<string>)[f.Entity, f.Metric, f.Segment, f.Basis, f.Period, f.PeriodLabel, f.Value, f.Unit,
                     f.Qualifier, f.Status, f.Sources, f.Documents, f.Confidence, f.Note, f.Checks])
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(column);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    /// <summary>The numeric column beside a decimal's exact text: the decimal, or null when the text is not a number
    /// (SQLite stores it as an integer or a real by the column's NUMERIC affinity; PostgreSQL as an exact NUMERIC).</summary>
    private static object? Number(string? text) =>
        text is { Length: > 0 } && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>A text column, as the dialect stored it (PostgreSQL text cannot hold NUL: see <see cref="IStoreDialect.Encode"/>).</summary>
    private string Text(DbDataReader r, int i) => _dialect.Decode(r.GetString(i));

    private string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string s => _dialect.Decode(s),
        double d => d.ToString(CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A command; parameters are written <c>$name</c> in this file's SQL and sent as <c>@name</c>, which both
    /// SQLite and Npgsql read.</summary>
    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = ParameterPattern.Replace(sql, "@$1");
        cmd.Transaction = _transaction;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name.TrimStart('$');
            p.Value = Db(value);
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>Runs one row of a statement that is prepared on first use and kept (<see cref="IRowStatement"/>): the values
    /// are given in the order their <c>$name</c> parameters first appear in <paramref name="sql"/>.</summary>
    private void Row(string sql, params object?[] values)
    {
        if (!_rows.TryGetValue(sql, out var statement))
        {
            var names = ParameterPattern.Matches(sql).Select(m => m.Groups[1].Value).Distinct().ToArray();
            _rows[sql] = statement = _dialect.Prepare(_connection, ParameterPattern.Replace(sql, "@$1"), names);
        }
        for (var i = 0; i < values.Length; i++)
            if (values[i] is string text) values[i] = _dialect.Encode(text);
        statement.Run(_transaction, values);
    }

    private static readonly System.Text.RegularExpressions.Regex ParameterPattern =
        new(@"\$([a-z_]+)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private void Set(DbCommand cmd, string name, object? value) => cmd.Parameters["@" + name.TrimStart('$')].Value = Db(value);

    private object Db(object? value) => value switch { null => DBNull.Value, string s => _dialect.Encode(s), _ => value };

    public void Dispose()
    {
        try
        {
            CommitBatch();
            _dialect.BeforeClose(_connection);
        }
        finally
        {
            foreach (var statement in _rows.Values) statement.Dispose();
            _rows.Clear();
            _connection.Dispose();
        }
    }
}
