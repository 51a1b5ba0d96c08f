using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data;

/// <summary>
/// A migration whose body is a hand-written SQL file per provider, embedded next to it:
/// <c>Data/Migrations/{ClassName}.sqlite.sql</c> and <c>{ClassName}.postgres.sql</c>.
/// EF Core's design-time tools are not available here, and plain SQL is easier to review anyway.
/// </summary>
public abstract class SqlMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var provider = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true ? "postgres" : "sqlite";
        migrationBuilder.Sql(ReadScript(GetType().Name, provider));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("TTĐN migrations only go forward: restore a backup to go back.");

    internal static string ReadScript(string name, string provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var suffix = $".{name}.{provider}.sql";
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Migration script {name}.{provider}.sql is not embedded.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
