using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Ttdn.Bench;

public enum Col { Int, Text, Date, TimestampTz, Numeric, Bool, TextArray, Jsonb }

/// <summary>A table of the app's schema (names exactly as in src/Ttdn/Data/Migrations/*.sql) and the columns we fill.</summary>
public sealed record Table(string Name, (string Name, Col Type)[] Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// <summary>Rows of several tables, written together in one batch (one transaction, parents before children).</summary>
public sealed class Batch
{
    private readonly List<(Table Table, List<object?[]> Rows)> _tables = [];

    public List<object?[]> For(Table table)
    {
        foreach (var (t, rows) in _tables)
            if (ReferenceEquals(t, table)) return rows;
        var list = new List<object?[]>();
        _tables.Add((table, list));
        return list;
    }

    public void Add(Table table, params object?[] row)
    {
        if (row.Length != table.Columns.Length) throw new InvalidOperationException($"{table.Name}: {row.Length} values for {table.Columns.Length} columns");
        For(table).Add(row);
    }

    public IReadOnlyList<(Table Table, List<object?[]> Rows)> Tables => _tables;
    public int RowCount => _tables.Sum(t => t.Rows.Count);
}

/// <summary>Fast raw inserts: prepared INSERTs in one transaction per batch (SQLite), binary COPY (PostgreSQL).</summary>
public abstract class BulkWriter : IAsyncDisposable
{
    public abstract DbConnection Connection { get; }
    /// <summary>Before the first batch: SQLite loads in WAL mode without syncing (set back by <see cref="FinishAsync"/>).</summary>
    public virtual Task PrepareAsync() => Task.CompletedTask;
    public abstract Task WriteAsync(Batch batch);
    public abstract Task FinishAsync(IEnumerable<string> identityTables);
    public abstract ValueTask DisposeAsync();

    public static async Task<BulkWriter> OpenAsync(Target target, string appConnectionString)
    {
        if (target.IsPostgres)
        {
            var pg = new NpgsqlConnection(appConnectionString);
            await pg.OpenAsync();
            return new PostgresWriter(pg);
        }
        var sqlite = new SqliteConnection(appConnectionString);
        await sqlite.OpenAsync();
        return new SqliteWriter(sqlite);
    }

    public static async Task Exec(DbConnection c, string sql, DbTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        var v = await cmd.ExecuteScalarAsync();
        return v is null or DBNull ? 0 : Convert.ToInt64(v, CultureInfo.InvariantCulture);
    }

    private sealed class SqliteWriter(SqliteConnection connection) : BulkWriter
    {
        public override DbConnection Connection => connection;

        public override Task PrepareAsync() =>
            Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");

        public override async Task WriteAsync(Batch batch)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var (table, rows) in batch.Tables)
            {
                if (rows.Count == 0) continue;
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
                var ps = table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
                cmd.Prepare();
                foreach (var row in rows)
                {
                    for (var i = 0; i < ps.Length; i++) ps[i].Value = ToSqlite(row[i], table.Columns[i].Type);
                    cmd.ExecuteNonQuery();
                }
            }
            await tx.CommitAsync();
        }

        /// <summary>The representations EF Core's SQLite provider writes (and reads back).</summary>
        private static object ToSqlite(object? v, Col type) => v switch
        {
            null => DBNull.Value,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            string[] a when type == Col.TextArray => JsonSerializer.Serialize(a),
            _ => v,
        };

        public override async Task FinishAsync(IEnumerable<string> identityTables)
        {
            // Leave the file as the app creates it (rollback journal), so the benchmark measures the default set-up.
            await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
        }

        public override async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private sealed class PostgresWriter(NpgsqlConnection connection) : BulkWriter
    {
        public override DbConnection Connection => connection;

        public override async Task WriteAsync(Batch batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            foreach (var (table, rows) in batch.Tables)
            {
                if (rows.Count == 0) continue;
                await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in rows)
                {
                    await importer.StartRowAsync();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null) await importer.WriteNullAsync();
                        else await importer.WriteAsync(row[i], PgType(table.Columns[i].Type));
                    }
                }
                await importer.CompleteAsync();
            }
            await tx.CommitAsync();
        }

        private static NpgsqlDbType PgType(Col c) => c switch
        {
            Col.Int => NpgsqlDbType.Integer,
            Col.Text => NpgsqlDbType.Text,
            Col.Date => NpgsqlDbType.Date,
            Col.TimestampTz => NpgsqlDbType.TimestampTz,
            Col.Numeric => NpgsqlDbType.Numeric,
            Col.Bool => NpgsqlDbType.Boolean,
            Col.TextArray => NpgsqlDbType.Array | NpgsqlDbType.Text,
            Col.Jsonb => NpgsqlDbType.Jsonb,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };

        public override async Task FinishAsync(IEnumerable<string> identityTables)
        {
            // Ids were given explicitly: move each identity past them, as the app will insert more.
            foreach (var t in identityTables)
                await Exec(connection, $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), GREATEST((SELECT max(\"Id\") FROM \"{t}\"), 1))");
            // A live server's autovacuum analyses tables after a load like this; do it now rather than mid-benchmark.
            await Exec(connection, "ANALYZE");
        }

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
