using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Npgsql;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Pipeline.Cluster;

/// <summary>
/// Orleans' membership table in the pipeline's own PostgreSQL database (our schema and queries, written from the
/// <see cref="IMembershipTable"/> contract). One version row per cluster carries the table version and its etag; each
/// silo's row carries its own etag. Every change checks both etags and writes both rows in one transaction, which is
/// the optimistic concurrency the membership protocol relies on.
/// </summary>
public sealed class PostgresMembershipTable(string connectionString, string clusterId) : IMembershipTable
{
    private const long SchemaLockKey = 0x50_49_50_45_10;

    private const string Columns = "m.address, m.status, m.proxy_port, m.host_name, m.silo_name, m.role_name, m.update_zone, m.fault_zone, " +
                                   "m.suspect_times, m.start_time, m.i_am_alive, m.etag";

    public string ClusterId { get; } = clusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await using var connection = await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
        await ExecuteAsync(connection, tx, """
            CREATE TABLE IF NOT EXISTS cluster_versions (
                cluster_id TEXT PRIMARY KEY, version INTEGER NOT NULL, etag INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS cluster_members (
                cluster_id TEXT NOT NULL, address TEXT NOT NULL, status INTEGER NOT NULL, proxy_port INTEGER NOT NULL,
                host_name TEXT, silo_name TEXT, role_name TEXT, update_zone INTEGER NOT NULL, fault_zone INTEGER NOT NULL,
                suspect_times TEXT NOT NULL, start_time TIMESTAMPTZ NOT NULL, i_am_alive TIMESTAMPTZ NOT NULL, etag INTEGER NOT NULL,
                PRIMARY KEY (cluster_id, address));
            """);
        if (tryInitTableVersion)
            await ExecuteAsync(connection, tx,
                "INSERT INTO cluster_versions(cluster_id, version, etag) VALUES (@c, 0, 0) ON CONFLICT (cluster_id) DO NOTHING", ("c", ClusterId));
        await tx.CommitAsync();
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, null, "DELETE FROM cluster_members WHERE cluster_id = @c; DELETE FROM cluster_versions WHERE cluster_id = @c",
            ("c", clusterId));
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, null, "DELETE FROM cluster_members WHERE cluster_id = @c AND status = @dead AND i_am_alive < @before",
            ("c", ClusterId), ("dead", (int)SiloStatus.Dead), ("before", beforeDate.UtcDateTime));
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    /// <summary>The version and the rows in one statement: one snapshot, as the contract asks.</summary>
    private async Task<MembershipTableData> ReadAsync(SiloAddress? only)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            SELECT v.version, v.etag, {Columns}
            FROM cluster_versions v LEFT JOIN cluster_members m ON m.cluster_id = v.cluster_id {(only is null ? "" : "AND m.address = @a")}
            WHERE v.cluster_id = @c ORDER BY m.address
            """, connection);
        cmd.Parameters.AddWithValue("c", ClusterId);
        if (only is not null) cmd.Parameters.AddWithValue("a", only.ToParsableString());
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<Tuple<MembershipEntry, string>>();
        var version = new TableVersion(0, "0");
        while (await r.ReadAsync())
        {
            version = new TableVersion(r.GetInt32(0), r.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (r.IsDBNull(2)) continue;
            rows.Add(Tuple.Create(ReadEntry(r, 2), r.GetInt32(13).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new MembershipTableData(rows, version);
    }

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var connection = await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await BumpVersionAsync(connection, tx, tableVersion)) return false;
        var inserted = await ExecuteAsync(connection, tx, """
            INSERT INTO cluster_members(cluster_id, address, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone,
                suspect_times, start_time, i_am_alive, etag)
            VALUES (@c, @a, @status, @proxy, @host, @silo, @role, @uz, @fz, @suspects, @start, @alive, 0)
            ON CONFLICT (cluster_id, address) DO NOTHING
            """, EntryParameters(entry));
        if (inserted != 1) return false;
        await tx.CommitAsync();
        return true;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        await using var connection = await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await BumpVersionAsync(connection, tx, tableVersion)) return false;
        var updated = await ExecuteAsync(connection, tx, """
            UPDATE cluster_members SET status = @status, proxy_port = @proxy, host_name = @host, silo_name = @silo, role_name = @role,
                update_zone = @uz, fault_zone = @fz, suspect_times = @suspects, start_time = @start, i_am_alive = @alive, etag = etag + 1
            WHERE cluster_id = @c AND address = @a AND etag = @etag
            """, [.. EntryParameters(entry), ("etag", int.Parse(etag, System.Globalization.CultureInfo.InvariantCulture))]);
        if (updated != 1) return false;
        await tx.CommitAsync();
        return true;
    }

    /// <summary>A silo's heartbeat: its own column only; the etags stay as they are.</summary>
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, null, "UPDATE cluster_members SET i_am_alive = @alive WHERE cluster_id = @c AND address = @a",
            ("alive", Utc(entry.IAmAliveTime)), ("c", ClusterId), ("a", entry.SiloAddress.ToParsableString()));
    }

    /// <summary>The gateways clients may use: active silos, at their proxy port.</summary>
    public async Task<IList<Uri>> ActiveGateways()
    {
        var data = await ReadAll();
        return data.Members.Select(m => m.Item1)
            .Where(e => e.Status == SiloStatus.Active && e.ProxyPort > 0)
            .Select(e => SiloAddress.New(new IPEndPoint(e.SiloAddress.Endpoint.Address, e.ProxyPort), e.SiloAddress.Generation).ToGatewayUri())
            .ToList();
    }

    private async Task<bool> BumpVersionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, TableVersion next) =>
        await ExecuteAsync(connection, tx, "UPDATE cluster_versions SET version = @v, etag = etag + 1 WHERE cluster_id = @c AND etag = @e",
            ("v", next.Version), ("c", ClusterId), ("e", int.Parse(next.VersionEtag, System.Globalization.CultureInfo.InvariantCulture))) == 1;

    private (string, object?)[] EntryParameters(MembershipEntry e) =>
    [
        ("c", ClusterId), ("a", e.SiloAddress.ToParsableString()), ("status", (int)e.Status), ("proxy", e.ProxyPort),
        ("host", e.HostName), ("silo", e.SiloName), ("role", e.RoleName), ("uz", e.UpdateZone), ("fz", e.FaultZone),
        ("suspects", JsonSerializer.Serialize((e.SuspectTimes ?? []).Select(s => new[] { s.Item1.ToParsableString(), Utc(s.Item2).ToString("O") }))),
        ("start", Utc(e.StartTime)), ("alive", Utc(e.IAmAliveTime)),
    ];

    private static MembershipEntry ReadEntry(NpgsqlDataReader r, int i)
    {
        var suspects = JsonSerializer.Deserialize<string[][]>(r.GetString(i + 8)) ?? [];
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(r.GetString(i)),
            Status = (SiloStatus)r.GetInt32(i + 1),
            ProxyPort = r.GetInt32(i + 2),
            HostName = r.IsDBNull(i + 3) ? null! : r.GetString(i + 3),
            SiloName = r.IsDBNull(i + 4) ? null! : r.GetString(i + 4),
            RoleName = r.IsDBNull(i + 5) ? null! : r.GetString(i + 5),
            UpdateZone = r.GetInt32(i + 6),
            FaultZone = r.GetInt32(i + 7),
            SuspectTimes = suspects.Select(s => Tuple.Create(SiloAddress.FromParsableString(s[0]),
                DateTime.Parse(s[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind))).ToList(),
            StartTime = DateTime.SpecifyKind(r.GetDateTime(i + 9), DateTimeKind.Utc),
            IAmAliveTime = DateTime.SpecifyKind(r.GetDateTime(i + 10), DateTimeKind.Utc),
        };
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Clients find the workers' gateways in the same table.</summary>
public sealed class PostgresGatewayListProvider(PostgresMembershipTable table, TimeSpan refresh) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => refresh;
    public bool IsUpdatable => true;
    public Task InitializeGatewayListProvider() => table.InitializeMembershipTable(tryInitTableVersion: false);
    public Task<IList<Uri>> GetGateways() => table.ActiveGateways();
}
