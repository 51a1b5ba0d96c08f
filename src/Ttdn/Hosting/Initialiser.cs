using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;

namespace Ttdn.Hosting;

/// <summary>
/// First start and every start: migrate the database, load reference data, make sure the roles and the
/// administrator exist, and in demo mode a user for each role. Safe to run any number of times.
/// </summary>
public static class Initialiser
{
    public const string AdminUserName = "admin";
    public const string DefaultDemoPassword = "TtdnDemo2026";

    public sealed record Outcome(IReadOnlyList<string> AppliedMigrations, string? NewAdminPassword, bool AdminPasswordFromConfig, IReadOnlyList<string> DemoUsers);

    public static async Task<Outcome> RunAsync(IServiceProvider root, CancellationToken ct = default)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDb>();
        var config = services.GetRequiredService<IConfiguration>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        services.GetRequiredService<Audit.AuditTrail>().BackgroundActor = "system";

        // Asking a brand-new database for its applied migrations makes EF log a failed query: say "all pending" instead.
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        var pending = await history.ExistsAsync(ct)
            ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList()
            : db.Database.GetMigrations().ToList();
        await db.Database.MigrateAsync(ct);
        await Monitoring.Search.SearchIndexCatchUp.RunAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger("Ttdn.Search"), ct);
        await OrganisationSeed.EnsureAsync(db, ct);
        await Calendar.AnniversarySeed.EnsureAsync(db, ct);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r.Name)))
            await roles.CreateAsync(new IdentityRole(role.Name));

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var configured = config["Admin:Password"];
        string? newAdminPassword = null;
        if (await users.FindByNameAsync(AdminUserName) is null)
        {
            newAdminPassword = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
            var org = await HomeProvinceAsync(db, config, ct);
            var (_, errors) = await UserAdmin.CreateAsync(users, db,
                new UserAdmin.UserInput(AdminUserName, "Quản trị hệ thống", null, org.Id, [Roles.Administrator], newAdminPassword), clock);
            if (errors.Count > 0)
                throw new InvalidOperationException("Không tạo được tài khoản quản trị: " + string.Join(" ", errors));
        }

        var demoUsers = new List<string>();
        var demo = config.GetValue<bool?>("Demo:Enabled") ?? settings.Provider == DatabaseProvider.Sqlite;
        if (demo)
        {
            demoUsers = await DemoUsersAsync(db, users, config["Demo:Password"] ?? DefaultDemoPassword, config, clock, ct);
            await Plans.DemoPlans.EnsureAsync(db, (await HomeProvinceAsync(db, config, ct)).Id, clock, ct);
            await Monitoring.Demo.DemoMedia.EnsureAsync(db, services.GetRequiredService<Monitoring.Ingestion.MediaIngest>(), services.GetRequiredService<Monitoring.Alerts.AlertRules>(), clock, ct);
        }
        await Reports.ReportSetup.EnsureAsync(db, demo, ct);
        return new Outcome(pending, newAdminPassword, !string.IsNullOrEmpty(configured), demoUsers);
    }

    /// <summary>The province this installation serves (configuration Province:Name, default the seed province).</summary>
    public static async Task<Organisation> HomeProvinceAsync(AppDb db, IConfiguration config, CancellationToken ct = default)
    {
        var name = config["Province:Name"] ?? "Thái Nguyên";
        var matches = await OrganisationDirectory.FindAsync(db, name, ct: ct);
        var id = matches.FirstOrDefault(m => m.Kind == OrganisationKind.Province && m.ValidTo is null)?.Id
            ?? throw new InvalidOperationException($"Không tìm thấy tỉnh \"{name}\" trong danh mục tổ chức (Province:Name).");
        return await db.Organisations.SingleAsync(o => o.Id == id, ct);
    }

    private static async Task<List<string>> DemoUsersAsync(AppDb db, UserManager<AppUser> users, string password, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var province = await HomeProvinceAsync(db, config, ct);
        async Task<int> Org(string name) =>
            (await OrganisationDirectory.FindAsync(db, name, province.Id, ct: ct)).First(m => m.Exact && m.ValidTo is null).Id;

        // One account per role, each in the organisation a real holder of that role would sit in.
        var wanted = new (string UserName, string FullName, string Role, int Org)[]
        {
            ("lanhdao", "Nguyễn Văn Lãnh (Phó Chủ tịch UBND tỉnh)", Roles.Leader, province.Id),
            ("chuyenvien", "Trần Thị Minh (Chuyên viên Sở VHTTDL)", Roles.LeadOfficer, await Org("Sở Văn hóa, Thể thao và Du lịch")),
            ("canbo", "Lê Văn Hùng (Cán bộ Báo Thái Nguyên)", Roles.AgencyOfficer, await Org("Báo Thái Nguyên")),
            ("theodoi", "Phạm Thu Hà (Theo dõi dư luận)", Roles.MonitoringOfficer, await Org("Sở Văn hóa, Thể thao và Du lịch")),
            ("khach", "Khách tham quan", Roles.Viewer, province.Id),
            // The national office that consolidates the provinces' reports (Reports/National).
            ("trunguong", "Đỗ Thị Hoa (Chuyên viên Cục TTCS&TTĐN)", Roles.LeadOfficer,
                await db.Organisations.Where(o => o.Name == "Cục Thông tin cơ sở và Thông tin đối ngoại" && o.ValidTo == null).Select(o => o.Id).FirstAsync(ct)),
        };
        var names = new List<string>();
        foreach (var (userName, fullName, role, org) in wanted)
        {
            names.Add(userName);
            if (await users.FindByNameAsync(userName) is not null) continue;
            var (_, errors) = await UserAdmin.CreateAsync(users, db, new UserAdmin.UserInput(userName, fullName, null, org, [role], password), clock);
            if (errors.Count > 0)
                throw new InvalidOperationException($"Không tạo được tài khoản mẫu {userName}: " + string.Join(" ", errors));
        }
        return names;
    }

    /// <summary>16 characters that satisfy the password policy and are easy to read aloud (no 0/O, 1/l).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
