using System;
using System.IO;
using Npgsql;

namespace Pipeline.Storage;

/// <summary>
/// Where the store lives, as given to <c>--store</c>: <c>sqlite:PATH</c> (or a bare path) for the embedded store, or
/// <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DB</c> (also <c>postgresql://</c>) for a shared PostgreSQL database.
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(IStoreDialect dialect, string display)
    {
        Dialect = dialect;
        Display = display;
    }

    public IStoreDialect Dialect { get; }
    /// <summary>The location without its password, for messages.</summary>
    public string Display { get; }
    public bool IsShared => Dialect is PostgresDialect;

    public static StoreLocation Sqlite(string path) => new(new SqliteDialect(path), "sqlite:" + Path.GetFullPath(path));

    /// <summary>Parses a store URL; throws <see cref="FormatException"/> with a one-line reason when it is not one.</summary>
    public static StoreLocation Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url)) throw new FormatException("the store location is empty");
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = url["sqlite:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal)) path = path[2..];
            if (path.Length == 0) throw new FormatException("sqlite: needs a file path (sqlite:out/pipeline.db)");
            return Sqlite(path);
        }
        if (url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return Postgres(url);
        if (url.Contains("://", StringComparison.Ordinal))
            throw new FormatException($"unknown store scheme in '{url.Split("://")[0]}://' (use sqlite:PATH or postgres://USER@HOST:PORT/DB)");
        return Sqlite(url);
    }

    private static StoreLocation Postgres(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new FormatException($"not a PostgreSQL URL: {Redact(url)} (postgres://USER[:PASSWORD]@HOST[:PORT]/DB)");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0) throw new FormatException($"the PostgreSQL URL names no database: {Redact(url)}");
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            // Workers keep a few connections each; a run needs one.
            MaxPoolSize = 20,
        };
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) builder.Password = Uri.UnescapeDataString(user[1]);
        return new StoreLocation(new PostgresDialect(builder.ConnectionString), Redact(url));
    }

    /// <summary>A URL with its password replaced by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var at = url.IndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return url;
        var colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }

    /// <summary>Opens (and creates or migrates) the store.</summary>
    public PipelineStore Open() => PipelineStore.Open(this);

    public override string ToString() => Display;
}
