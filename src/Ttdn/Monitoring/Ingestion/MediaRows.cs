using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Monitoring.Ingestion;

/// <summary>Bulk inserts of items with their mentions and themes: prepared statements on SQLite, arrays through unnest on PostgreSQL.</summary>
internal static class MediaRows
{
    public sealed record Row(long Id, string Url, string UrlKey, string Title, string Text, string Language, DateTime PublishedAt,
        bool Foreign, string Provinces, long Fingerprint, long ClusterId, Tone Tone, IReadOnlyList<MentionHit> Mentions, IReadOnlyList<long> Themes);

    public static Task InsertAsync(AppDb db, DbConnection connection, DbTransaction tx, MediaSource source, DateTime now, IReadOnlyList<Row> rows, CancellationToken ct) =>
        db.Database.IsNpgsql() ? PostgresAsync(connection, tx, source, now, rows, ct) : SqliteAsync(connection, tx, source, now, rows, ct);

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

    private static async Task PostgresAsync(DbConnection connection, DbTransaction tx, MediaSource source, DateTime now, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO "MediaItems" ("Id", "SourceId", "Url", "UrlKey", "Title", "Text", "Language", "PublishedAt", "CollectedAt", "Foreign",
                                          "Provinces", "Fingerprint", "ClusterId", "DetectedTone", "Tone", "Version")
                SELECT r.id, @source, r.url, r.key, r.title, r.text, r.language, r.published, @collected, @foreign, r.provinces, r.fingerprint, r.cluster, r.tone, r.tone, 0
                FROM unnest(@ids, @urls, @keys, @titles, @texts, @languages, @published, @provinces, @fingerprints, @clusters, @tones)
                     AS r(id, url, key, title, text, language, published, provinces, fingerprint, cluster, tone)
                """;
            Parameter(command, "source", source.Id);
            Parameter(command, "collected", now);
            Parameter(command, "foreign", source.IsForeign);
            Parameter(command, "ids", rows.Select(r => r.Id).ToArray());
            Parameter(command, "urls", rows.Select(r => r.Url).ToArray());
            Parameter(command, "keys", rows.Select(r => r.UrlKey).ToArray());
            Parameter(command, "titles", rows.Select(r => r.Title).ToArray());
            Parameter(command, "texts", rows.Select(r => r.Text).ToArray());
            Parameter(command, "languages", rows.Select(r => r.Language).ToArray());
            Parameter(command, "published", rows.Select(r => r.PublishedAt).ToArray());
            Parameter(command, "provinces", rows.Select(r => r.Provinces).ToArray());
            Parameter(command, "fingerprints", rows.Select(r => r.Fingerprint).ToArray());
            Parameter(command, "clusters", rows.Select(r => r.ClusterId).ToArray());
            Parameter(command, "tones", rows.Select(r => (int)r.Tone).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
        var mentions = rows.SelectMany(r => r.Mentions.Select(m => (r.Id, m))).ToList();
        if (mentions.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO "MediaMentions" ("ItemId", "EntryKey", "ProvinceKey", "Start", "Length")
                SELECT * FROM unnest(@items, @entries, @provinces, @starts, @lengths)
                """;
            Parameter(command, "items", mentions.Select(x => x.Id).ToArray());
            Parameter(command, "entries", mentions.Select(x => x.m.EntryKey).ToArray());
            Parameter(command, "provinces", mentions.Select(x => x.m.ProvinceKey).ToArray());
            Parameter(command, "starts", mentions.Select(x => x.m.Start).ToArray());
            Parameter(command, "lengths", mentions.Select(x => x.m.Length).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
        var themes = rows.SelectMany(r => r.Themes.Select(t => (r.Id, Theme: (int)t))).ToList();
        if (themes.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT INTO \"MediaItemThemes\" (\"ItemId\", \"ThemeId\") SELECT * FROM unnest(@items, @themes)";
            Parameter(command, "items", themes.Select(x => x.Id).ToArray());
            Parameter(command, "themes", themes.Select(x => x.Theme).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
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
