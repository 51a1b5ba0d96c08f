using System.CommandLine;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Hosting;
using Ttdn.Plans;
using Ttdn.Plans.Export;
using Ttdn.Plans.Import;
using Ttdn.Shared;

namespace Ttdn.Cli;

/// <summary>
/// <c>ttdn plan import &lt;file&gt; [--dry-run] [--json] [--docx out.docx] [--as user] [--map "as written=directory name"]</c>: reads a plan document,
/// matches its agencies to the directory as of the plan's date, and prints it or saves it as a draft plan acting as a real account
/// (default admin), so the same role check as the web applies. Exit 0 saved/printed, 2 unreadable or refused, 3 not a plan.
/// </summary>
internal static class PlanImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch .txt, .md hoặc .docx (plan file)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ đọc và in kết quả, không lưu (parse only, save nothing)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var asUser = new Option<string>("--as") { Description = "Lưu với tư cách tài khoản này (save as this account; default admin)", DefaultValueFactory = _ => "admin" };
        var map = new Option<string[]>("--map") { Description = "Chỉ định cơ quan: \"tên trong văn bản=tên trong danh mục\" (map an agency), có thể lặp lại", AllowMultipleArgumentsPerToken = false };
        var docx = new Option<FileInfo?>("--docx") { Description = "Ghi kế hoạch đã đọc ra tệp Word theo thể thức Nghị định 30/2020 (render the parsed plan as DOCX)" };
        var import = new Command("import", "Nhập kế hoạch từ tệp — import a plan from a file") { file, dryRun, json, asUser, map, docx };
        import.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                Console.Error.WriteLine($"Không tìm thấy tệp \"{info.FullName}\". (File not found.)");
                return 2;
            }
            ImportResult result;
            try
            {
                await using var stream = info.OpenRead();
                result = PlanImporter.Import(stream, info.Name);
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDb>();
            var province = await Initialiser.HomeProvinceAsync(db, services.GetRequiredService<IConfiguration>(), ct);
            result = ApplyMaps(result, parse.GetValue(map) ?? []);
            result = await ImportMatcher.MatchAsync(db, result, province.Id, ct);

            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(ImportJson.From(result), DemoPlans.Json));
            else PrintSummary(result);
            if (parse.GetValue(docx) is { } output && !result.LooksLikeNews)
            {
                await File.WriteAllBytesAsync(output.FullName, DocxRenderer.Render(PlanExport.From(result.Plan)), ct);
                Console.Error.WriteLine($"Đã ghi văn bản: {output.FullName} (DOCX written)");
            }
            if (result.LooksLikeNews)
            {
                Console.Error.WriteLine(result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Message);
                return 3;
            }
            if (parse.GetValue(dryRun)) return 0;

            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(parse.GetValue(asUser)!);
            if (user is null)
            {
                Console.Error.WriteLine($"Không có tài khoản \"{parse.GetValue(asUser)}\" (--as). (No such account.)");
                return 2;
            }
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            services.GetRequiredService<Audit.AuditTrail>().BackgroundActor = "cli:" + user.UserName;
            try
            {
                var plan = await ImportSaver.SaveAsync(db, principal, result, province.Id, services.GetRequiredService<TimeProvider>(), ct);
                Console.Error.WriteLine($"Đã lưu bản nháp kế hoạch #{plan.Id} với {result.Plan.TaskCount} nhiệm vụ. (Saved draft plan {plan.Id}.)");
                return 0;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine(e.Message + (result.UnmatchedAgencies.Count > 0 ? " Dùng --map \"tên trong văn bản=tên trong danh mục\"." : ""));
                return 2;
            }
        });
        return import;
    }

    /// <summary>"--map 'Các sở, ban, ngành, UBND các huyện=Các sở, ban, ngành, đoàn thể tỉnh'" renames an agency before matching.</summary>
    private static ImportResult ApplyMaps(ImportResult result, string[] maps)
    {
        var pairs = maps.Select(m => m.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (pairs.Count == 0) return result;
        string Map(string name) => pairs.TryGetValue(name, out var to) ? to : name;
        var doc = result.Plan with
        {
            Assignments = result.Plan.Assignments.Select(a => a with
            {
                Agency = Map(a.Agency),
                Tasks = a.Tasks.Select(t => t with { CoordinatingAgencies = (t.CoordinatingAgencies ?? []).Select(Map).ToList() }).ToList(),
            }).ToList(),
        };
        return result with { Plan = doc };
    }

    private static void PrintSummary(ImportResult r)
    {
        var p = r.Plan;
        Console.WriteLine($"{p.Number ?? "(chưa có số)"} — {p.Title} ({p.IssuedOn:dd/MM/yyyy}, {p.Place}); mã hóa: {r.Encoding}");
        Console.WriteLine($"{p.LegalBases.Count} căn cứ, {p.Purposes.Count} mục đích, {p.Requirements.Count} yêu cầu, {p.Themes.Count} nội dung, {p.Channels.Count} hình thức, {p.Funding.Count} kinh phí, {p.Assignments.Count} cơ quan, {p.TaskCount} nhiệm vụ, {p.Recipients.Count} nơi nhận");
        foreach (var a in p.Assignments)
            Console.WriteLine($"  {a.Number,3}. {(r.UnmatchedAgencies.Contains(a.Agency) ? "?? " : "")}{a.Agency}: {a.Tasks.Count} nhiệm vụ");
        foreach (var d in r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            Console.WriteLine($"  [{d.Severity}] {d.Location}: {d.Message}");
    }
}
