using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Data;

/// <summary>
/// The migrations are hand-written SQL (no EF design-time tools here). This proves, on each provider, that a
/// database built by the migrations has exactly the schema EF Core derives from the model.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Migrated_schema_equals_the_models_schema(Db provider)
    {
        await using var migrated = TestDb.Create(provider);
        await migrated.Database.MigrateAsync();
        await using var modelled = TestDb.Create(provider);
        await modelled.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(modelled, provider);
        var actual = await DescribeAsync(migrated, provider);

        Assert.NotEmpty(expected);
        Assert.Contains(expected, line => line.StartsWith("column Organisations.NameKey", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Migrating_twice_changes_nothing(Db provider)
    {
        await using var db = TestDb.Create(provider);
        await db.Database.MigrateAsync();
        var before = await DescribeAsync(db, provider);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(before, await DescribeAsync(db, provider));
    }

    private static async Task<List<string>> DescribeAsync(AppDb db, Db provider)
    {
        var sql = provider == Db.Sqlite ? SqliteSchema : PostgresSchema;
        var lines = new List<string>();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        await db.Database.CloseConnectionAsync();
        // The full-text index (MediaSearch and FTS5's shadow tables) is created by the migration only: EF does not model it (decision 0016).
        return lines.Where(l => !l.Contains("__EFMigrations", StringComparison.Ordinal) && !l.Contains("MediaSearch", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }

    private const string SqliteSchema = """
        SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk || ' default=' || ifnull(c.dflt_value, '')
          FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        UNION ALL
        SELECT 'index ' || m.name || '.' || i.name || ' unique=' || i."unique" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(i.name) ii) || ')'
          FROM sqlite_master m, pragma_index_list(m.name) i WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """;

    private const string PostgresSchema = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
               || ' nullable=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
          FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        """;
}
