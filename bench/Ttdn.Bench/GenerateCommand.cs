using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;

namespace Ttdn.Bench;

public static class GenerateCommand
{
    public static GeneratorOptions Options(Args a) => new(
        Provinces: a.Int("provinces", 34), Years: a.Int("years", 5), TasksPerPlan: a.Int("tasks", 300), Scale: a.Double("scale", 1.0),
        Seed: a.Int("seed", 2026), Today: a.Date("today", new DateOnly(2026, 11, 23)), PastPlansClosed: a.Get("past-plans", "closed") != "issued");

    public static async Task<int> RunAsync(Args a)
    {
        var target = Target.From(a);
        var generated = await GenerateAsync(target, Options(a), Console.Out, skipIfPresent: false);
        return generated ? 0 : 1;
    }

    /// <summary>
    /// Migrates and seeds through the app's own <see cref="Initialiser"/> (so the schema is exactly the app's), then bulk-inserts.
    /// Returns false when the database already holds plans (and <paramref name="skipIfPresent"/> is false: that is an error).
    /// </summary>
    public static async Task<bool> GenerateAsync(Target target, GeneratorOptions options, TextWriter log, bool skipIfPresent)
    {
        var total = Stopwatch.StartNew();
        await using var app = AppHost.Build(target.Settings());
        var outcome = await Initialiser.RunAsync(app.Services);
        log.WriteLine($"migrated ({string.Join(", ", outcome.AppliedMigrations.DefaultIfEmpty("up to date"))}) in {total.Elapsed.TotalSeconds:F1} s");
        var connectionString = app.Services.GetRequiredService<DatabaseSettings>().ConnectionString;

        await using (var writer = await BulkWriter.OpenAsync(target, connectionString))
        {
            var plans = await BulkWriter.ScalarAsync(writer.Connection, "SELECT COUNT(*) FROM \"Plans\"");
            if (plans > 0)
            {
                log.WriteLine($"the database already holds {plans:N0} plans: not generating again" + (skipIfPresent ? "" : " (use an empty --data-dir or database)"));
                return skipIfPresent;
            }
            log.WriteLine($"generating {options.Provinces} provinces × {options.Years} years × ~{options.Tasks} tasks (seed {options.Seed}, today {options.Today:yyyy-MM-dd})");
            await new Generator(options with { JsonDecimalAsString = !target.IsPostgres }, log).RunAsync(writer);
        }

        await VerifyAsync(app.Services, log);
        await using (var c = await OpenAsync(target, connectionString))
            foreach (var (table, count) in await CountsAsync(c))
                log.WriteLine($"  {table,-18} {count,12:N0}");
        log.WriteLine($"done in {total.Elapsed.TotalSeconds:F1} s");
        return true;
    }

    /// <summary>The app reads what we wrote: entities of every generated table materialise, and a generated user's password checks.</summary>
    private static async Task VerifyAsync(IServiceProvider services, TextWriter log)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var tasks = await db.PlanTasks.AsNoTracking().Include(t => t.Occurrences).Include(t => t.Coordinators).Include(t => t.Themes)
            .Include(t => t.Channels).OrderByDescending(t => t.Id).Take(50).ToListAsync();
        var updates = await db.ProgressUpdates.AsNoTracking().OrderByDescending(u => u.Id).Take(50).ToListAsync();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Themes).Include(p => p.Channels).Include(p => p.Assignments)
            .OrderByDescending(p => p.Id).Take(3).AsSplitQuery().ToListAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync("cb-01-01") ?? throw new BenchException("generated user cb-01-01 not found");
        if (!await users.CheckPasswordAsync(user, Generator.Password)) throw new BenchException("generated password does not check");
        log.WriteLine($"verified: EF Core reads {tasks.Count} tasks ({tasks.Sum(t => t.Occurrences.Count)} occurrences), {updates.Count} updates, " +
            $"{plans.Count} plans ({plans.Sum(p => p.Themes.Count)} themes); cb-01-01 signs in with the bench password");
    }

    public static async Task<DbConnection> OpenAsync(Target target, string connectionString)
    {
        DbConnection c = target.IsPostgres ? new Npgsql.NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await c.OpenAsync();
        return c;
    }

    public static async Task<List<(string Table, long Rows)>> CountsAsync(DbConnection c)
    {
        var list = new List<(string, long)>();
        foreach (var t in Schema.Reported)
            list.Add((t, await BulkWriter.ScalarAsync(c, $"SELECT COUNT(*) FROM \"{t}\"")));
        return list;
    }
}
