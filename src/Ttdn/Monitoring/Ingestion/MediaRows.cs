using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Monitoring.Ingestion;

/// <summary>Bulk inserts of items with their mentions and themes: prepared statements on SQLite, binary COPY on PostgreSQL.</summary>
internal static class MediaRows
{
    public sealed record Row(long Id, string Url, string UrlKey, string Title, string Text, string Language, DateTime PublishedAt,
        bool Foreign, string Provinces, long Fingerprint, long ClusterId, Tone Tone, IReadOnlyList<MentionHit> Mentions, IReadOnlyList<long> Themes);

    public static Task InsertAsync(AppDb db, DbConnection connection, DbTransaction tx, MediaSource source, DateTime now, IReadOnlyList<Row> rows, CancellationToken ct) =>
        db.Database.IsNpgsql() ? PostgresAsync(connection, source, now, rows, ct) : SqliteAsync(connection, tx, source, now, rows, ct);

    private static async Task SqliteAsync(DbConnection connection, DbTransaction tx, MediaSource source, DateTime now, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await using var item = Prepared(connection, tx, """
            INSERT INTO MediaItems (Id, SourceId, Url, UrlKey, Title, Text, Language, PublishedAt, CollectedAt, "Foreign", Provinces,
                                    Fingerprint, ClusterId, DetectedTone, Tone, Version)
            VALUES (@id, @source, @url, @key, @title, @text, @language, @published, @collected, @foreign, @provinces, @fingerprint, @cluster, @tone, @tone, 0)
            """, "id", "source", "url", "key", "title", "text", "language", "published", "collected", "foreign", "provinces", "fingerprint", "cluster", "tone");
        await using var mention = Prepared(connection, tx,
            "INSERT INTO MediaMentions (ItemId, EntryKey, ProvinceKey, Start, Length) VALUES (@item, @entry, @province, @start, @length)",
            "item", "entry", "province", "start", "length");
        await using var theme = Prepared(connection, tx, "INSERT INTO MediaItemThemes (ItemId, ThemeId) VALUES (@item, @theme)", "item", "theme");
        foreach (var r in rows)
        {
            Set(item, r.Id, source.Id, r.Url, r.UrlKey, r.Title, r.Text, r.Language, r.PublishedAt, now, r.Foreign, r.Provinces, r.Fingerprint, r.ClusterId, (int)r.Tone);
            await item.ExecuteNonQueryAsync(ct);
            foreach (var m in r.Mentions)
            {
                Set(mention, r.Id, m.EntryKey, m.ProvinceKey, m.Start, m.Length);
                await mention.ExecuteNonQueryAsync(ct);
            }
            foreach (var t in r.Themes)
            {
                Set(theme, r.Id, (int)t);
                await theme.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task PostgresAsync(DbConnection connection, MediaSource source, DateTime now, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await BinaryCopy.WriteAsync(connection, "\"MediaItems\"", """
            "Id", "SourceId", "Url", "UrlKey", "Title", "Text", "Language", "PublishedAt", "CollectedAt", "Foreign",
            "Provinces", "Fingerprint", "ClusterId", "DetectedTone", "Tone", "Version"
            """, rows, async (copy, r) =>
            {
                await copy.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(source.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Url, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.UrlKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Text, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Language, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.PublishedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(source.IsForeign, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(r.Provinces, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Fingerprint, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.ClusterId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync((int)r.Tone, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)r.Tone, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }, ct);
        await BinaryCopy.WriteAsync(connection, "\"MediaMentions\"", "\"ItemId\", \"EntryKey\", \"ProvinceKey\", \"Start\", \"Length\"",
            rows.SelectMany(r => r.Mentions.Select(m => (r.Id, m))), async (copy, x) =>
            {
                await copy.WriteAsync(x.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(x.m.EntryKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(x.m.ProvinceKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(x.m.Start, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(x.m.Length, NpgsqlDbType.Integer, ct);
            }, ct);
        await BinaryCopy.WriteAsync(connection, "\"MediaItemThemes\"", "\"ItemId\", \"ThemeId\"",
            rows.SelectMany(r => r.Themes.Select(t => (r.Id, Theme: (int)t))), async (copy, x) =>
            {
                await copy.WriteAsync(x.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(x.Theme, NpgsqlDbType.Integer, ct);
            }, ct);
    }

    private static DbCommand Prepared(DbConnection connection, DbTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) Parameter(command, name, DBNull.Value);
        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }

    public static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
