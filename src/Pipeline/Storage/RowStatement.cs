using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pipeline.Storage;

/// <summary>
/// One SQL statement prepared once and run once per row, its values given in the order of the names it was prepared
/// with. The store writes a document's mentions, claims and entities through these: a news batch has tens of
/// thousands of mention rows, and a command built, parsed and bound by name for each of them cost more than the
/// database's own work.
/// </summary>
public interface IRowStatement : IDisposable
{
    /// <summary>Runs the statement with <paramref name="values"/> (null is SQL NULL) inside <paramref name="transaction"/>.</summary>
    void Run(DbTransaction? transaction, ReadOnlySpan<object?> values);
}

/// <summary>Any ADO.NET provider: one command whose parameters are set by position and sent again.</summary>
public sealed class CommandRowStatement : IRowStatement
{
    private readonly DbCommand _command;

    /// <param name="sql">The statement, its parameters written <c>@name</c>.</param>
    /// <param name="names">The parameter names (without <c>@</c>), in the order <see cref="Run"/> gives the values.</param>
    public CommandRowStatement(DbConnection connection, string sql, IReadOnlyList<string> names)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in names)
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + name;
            _command.Parameters.Add(p);
        }
    }

    public void Run(DbTransaction? transaction, ReadOnlySpan<object?> values)
    {
        if (values.Length != _command.Parameters.Count)
            throw new ArgumentException($"{values.Length} values for {_command.Parameters.Count} parameters", nameof(values));
        _command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>
/// SQLite: a statement prepared on the connection's native handle, its parameters looked up by name once and bound
/// by index for each row (Microsoft.Data.Sqlite looks every parameter up by name at every execution). Values are
/// bound as Microsoft.Data.Sqlite binds them, so the stored rows are the same: integers as integers, decimals as their
/// invariant text (which a NUMERIC column turns into an integer or a real), strings as UTF-8 text.
/// </summary>
public sealed class SqliteRowStatement : IRowStatement
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _index;

    public SqliteRowStatement(SqliteConnection connection, string sql, IReadOnlyList<string> names)
    {
        _connection = connection;
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out _statement, out var tail);
        SqliteException.ThrowExceptionForRC(rc, db);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("A row statement is one SQL statement; found more after the first.", nameof(sql));
        }
        _index = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            _index[i] = raw.sqlite3_bind_parameter_index(_statement, "@" + names[i]);
            if (_index[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter @{names[i]}.", nameof(names));
            }
        }
    }

    public void Run(DbTransaction? transaction, ReadOnlySpan<object?> values)
    {
        if (values.Length != _index.Length)
            throw new ArgumentException($"{values.Length} values for {_index.Length} parameters", nameof(values));
        for (var i = 0; i < values.Length; i++) Bind(_index[i], values[i]);
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string s => raw.sqlite3_bind_text(_statement, index, s),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            long n => raw.sqlite3_bind_int64(_statement, index, n),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            decimal d => raw.sqlite3_bind_text(_statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            double d when !double.IsNaN(d) => raw.sqlite3_bind_double(_statement, index, d),
            _ => throw new ArgumentException($"Cannot store a {value.GetType().Name} in a row statement.", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}
