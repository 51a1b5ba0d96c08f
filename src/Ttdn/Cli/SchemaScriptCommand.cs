using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Ttdn.Audit;
using Ttdn.Data;

namespace Ttdn.Cli;

/// <summary>
/// For developers writing a migration (docs/decisions/0002): prints the model's CREATE script for a provider, the
/// starting point of a hand-written migration. The schema test then proves the migration equals the model.
/// </summary>
internal static class SchemaScriptCommand
{
    public static Command Create()
    {
        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite or Postgres", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var command = new Command("schema-script", "In lệnh tạo lược đồ của mô hình (developers: the model's CREATE script)") { provider };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var settings = parse.GetValue(provider) == DatabaseProvider.Postgres
                ? new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost", ".")
                : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:", ".");
            var options = new DbContextOptionsBuilder<AppDb>();
            settings.Configure(options);
            using var db = new AppDb(options.Options, new AuditTrail(TimeProvider.System));
            Console.WriteLine(db.Database.GenerateCreateScript());
            return 0;
        });
        return command;
    }
}
