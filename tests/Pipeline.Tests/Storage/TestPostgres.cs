using System;
using NUnit.Framework;
using Npgsql;
using Pipeline.Storage;

namespace Pipeline.Tests.Storage;

/// <summary>
/// The throwaway PostgreSQL server test.sh starts (its URL in PIPELINE_TEST_POSTGRES). Each test gets a database of
/// its own, dropped afterwards; without the server, tests skip with a message saying how to get one.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PIPELINE_TEST_POSTGRES";

    /// <summary>The server's URL, or skips the test.</summary>
    public static string RequireServer()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
            Assert.Ignore($"no PostgreSQL server for this test: {Variable} is not set (./test.sh starts a throwaway one; " +
                          "or run scripts/postgres.sh start and export its URL)");
        return url;
    }

    /// <summary>A new empty database on the test server; returns its store URL. Dropped by <see cref="Drop"/>.</summary>
    public static string CreateDatabase()
    {
        var server = RequireServer();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var c = Connect(server))
        using (var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c))
            cmd.ExecuteNonQuery();
        return WithDatabase(server, name);
    }

    public static void Drop(string? url)
    {
        if (url is null) return;
        var name = new Uri(url).AbsolutePath.Trim('/');
        NpgsqlConnection.ClearAllPools();
        using var c = Connect(RequireServer());
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A query's single value in the database at <paramref name="url"/>.</summary>
    public static object? Scalar(string url, string sql)
    {
        using var c = Connect(url);
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    private static string WithDatabase(string url, string database)
    {
        var b = new UriBuilder(url) { Path = "/" + database };
        return b.Uri.ToString().TrimEnd('/');
    }

    private static NpgsqlConnection Connect(string url)
    {
        var c = new NpgsqlConnection(((PostgresDialect)StoreLocation.Parse(url).Dialect).ConnectionString);
        c.Open();
        return c;
    }
}
