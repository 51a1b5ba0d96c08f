using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using NpgsqlTypes;
using Ttdn.Data;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// Keeps "MediaSearchPairs" (migration M0008, decision 0028) in step with "MediaSearch". A block is written whole once
/// an id above it exists, so its rows come out one per bucket instead of one per bucket and batch of 500. Items below
/// "Below" are covered; a search checks newer ones through the tsvector index.
/// An item can commit after its block was written (its transaction took its id earlier). An advisory lock keeps that
/// honest: each index write holds it shared until it commits and, holding it, adds rows of its own for items below
/// "Below"; writing a block holds it alone, so it sees every item whose writer had read the old "Below".
/// </summary>
internal static class PostgresSearchPairs
{
    private const long LockKey = 0x7474_646E_7061_6972; // "ttdnpair"

    /// <summary>
    /// Buckets of items this process indexed whose block is not written yet, per database: writing the block then reads
    /// its ids, not ~40 MB of tsvectors (at 1 M items the read-back cost ~2 % of the import's CPU). Anything not here
    /// (another process's items, a restart, more than <see cref="MaxKnown"/>) is read back from the index.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<long, int[]>> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 4 * SearchPairs.BlockSize;

    private static ConcurrentDictionary<long, int[]> KnownIn(DbConnection connection) =>
        Known.GetOrAdd(connection.DataSource + "/" + connection.Database, _ => new());

    /// <summary>
    /// In an index write's transaction, after its rows are in "MediaSearch": pairs for items below "Below" go in now,
    /// the others wait for their block. <paramref name="built"/>: tsvectors made in C#, to take the pairs from.
    /// </summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> ids,
        IReadOnlyList<(long Id, byte[] Vector)> built, CancellationToken ct)
    {
        // Two statements: the lock first, then "Below" read with a snapshot taken after the lock was granted.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock_shared({LockKey})", ct);
        var below = await ScalarAsync<long>(connection, transaction, "SELECT \"Below\" FROM \"MediaSearchPairsSealed\"", ct);
        var known = KnownIn(connection);
        if (known.Count + built.Count <= MaxKnown) // Count takes every lock of the dictionary: once per batch, not per item
            foreach (var (id, vector) in built.Where(b => b.Id >= below))
                known[id] = SearchPairs.OfTsVector(vector);
        var late = ids.Where(id => id < below).ToArray();
        if (late.Length == 0) return;
        var items = await ReadAsync(connection, transaction, "\"ItemId\" = ANY(@ids)", ("ids", late), ct);
        foreach (var block in items.GroupBy(i => i.Id >> SearchPairs.BlockBits))
            await WriteAsync(connection, block.Key, block.ToList(), ct);
    }

    /// <summary>Writes every block whose ids are all taken, oldest first; returns how many. Logs progress when given a logger.</summary>
    public static async Task<int> SealAsync(DbConnection connection, ILogger? logger, CancellationToken ct)
    {
        var sealedBlocks = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
            var below = await ScalarAsync<long>(connection, transaction, "SELECT \"Below\" FROM \"MediaSearchPairsSealed\"", ct);
            var top = await ScalarAsync<long>(connection, transaction, "SELECT COALESCE(max(\"ItemId\"), -1) FROM \"MediaSearch\"", ct);
            if (top < below + SearchPairs.BlockSize) return sealedBlocks; // the block's ids are not all taken yet
            if (sealedBlocks == 0 && logger is not null && top >= below + 4 * SearchPairs.BlockSize)
                logger.LogInformation("Chỉ mục cụm từ: {Blocks} khối (phrase index blocks to write)", (top - below) >> SearchPairs.BlockBits);
            var items = await BlockAsync(connection, transaction, below, ct);
            await WriteAsync(connection, below >> SearchPairs.BlockBits, items, ct);
            await ExecuteAsync(connection, transaction, $"UPDATE \"MediaSearchPairsSealed\" SET \"Below\" = {below + SearchPairs.BlockSize}", ct);
            await transaction.CommitAsync(ct);
            var known = KnownIn(connection);
            foreach (var id in known.Keys.Where(id => id < below + SearchPairs.BlockSize)) known.TryRemove(id, out _); // also ids rolled back
            sealedBlocks++;
            if (logger is not null && sealedBlocks % 8 == 0)
                logger.LogInformation("Chỉ mục cụm từ: {Items} tin (phrase index)", below + SearchPairs.BlockSize);
        }
    }

    /// <summary>Before the search index is filled again from nothing: its pairs go too.</summary>
    public static async Task ClearAsync(DbConnection connection, CancellationToken ct) =>
        await ExecuteAsync(connection, null, "TRUNCATE \"MediaSearchPairs\"; UPDATE \"MediaSearchPairsSealed\" SET \"Below\" = 0", ct);

    /// <summary>The block's items in id order with their buckets: those this process knows, the others read back.</summary>
    private static async Task<List<(long Id, int[] Buckets)>> BlockAsync(DbConnection connection, DbTransaction transaction, long first, CancellationToken ct)
    {
        var ids = new List<long>(SearchPairs.BlockSize);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT \"ItemId\" FROM \"MediaSearch\" WHERE \"ItemId\" >= {first} AND \"ItemId\" < {first + SearchPairs.BlockSize} ORDER BY \"ItemId\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        }
        var known = KnownIn(connection);
        var (items, unknown) = (new List<(long Id, int[] Buckets)>(ids.Count), new List<long>());
        foreach (var id in ids)
            if (known.TryGetValue(id, out var buckets)) items.Add((id, buckets));
            else unknown.Add(id);
        if (unknown.Count == 0) return items;
        items.AddRange(await ReadAsync(connection, transaction, "\"ItemId\" = ANY(@ids)", ("ids", unknown.ToArray()), ct));
        items.Sort((a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    private static async Task<List<(long Id, int[] Buckets)>> ReadAsync(DbConnection connection, DbTransaction transaction, string where,
        (string Name, long[] Value)? parameter, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"ItemId\", tsvectorsend(\"Document\") FROM \"MediaSearch\" WHERE {where} ORDER BY \"ItemId\"";
        if (parameter is var (name, value)) command.Parameters.Add(new Npgsql.NpgsqlParameter(name, value));
        var items = new List<(long, int[])>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            items.Add((reader.GetInt64(0), SearchPairs.OfTsVector(reader.GetFieldValue<byte[]>(1))));
        return items;
    }

    private static Task WriteAsync(DbConnection connection, long block, IReadOnlyList<(long Id, int[] Buckets)> items, CancellationToken ct) =>
        BinaryCopy.WriteAsync(connection, "\"MediaSearchPairs\"", "\"Block\", \"Bucket\", \"Offsets\"", SearchPairs.Rows(items), async (copy, row) =>
        {
            await copy.WriteAsync((int)block, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Bucket, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Offsets, NpgsqlDbType.Array | NpgsqlDbType.Smallint, ct);
        }, ct);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
