using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Plans;
using Ttdn.Tasks;

namespace Ttdn.Cli;

/// <summary><c>ttdn plan list</c>, <c>ttdn plan show</c> (plans and their tasks with status as of a date) and <c>ttdn plan import</c>.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var list = new Command("list", "Danh sách kế hoạch — list plans") { json };
        list.SetAction(async (parse, ct) =>
        {
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var plans = await PlanQueries.ListAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(plans, DemoPlans.Json));
            else foreach (var p in plans)
                Console.WriteLine($"{p.Id,4}  {p.Number ?? "(chưa có số)",-24} {p.PeriodStart:dd/MM/yyyy}–{p.PeriodEnd:dd/MM/yyyy}  {p.Status,-9} {p.TaskCount,3} nhiệm vụ  {p.Title}");
            return 0;
        });

        var which = new Argument<string>("number-or-id") { Description = "Số ký hiệu (241/KH-UBND) hoặc mã kế hoạch (plan number or id)" };
        var asOf = new Option<string?>("--as-of") { Description = "Tính trạng thái đến ngày yyyy-MM-dd (status as of; default today, Vietnam time)" };
        var showJson = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var show = new Command("show", "Xem kế hoạch và nhiệm vụ — show a plan with its tasks") { which, asOf, showJson };
        show.SetAction(async (parse, ct) =>
        {
            DateOnly? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    Console.Error.WriteLine($"Ngày \"{text}\" không đúng dạng yyyy-MM-dd, ví dụ 2022-12-31. (Use yyyy-MM-dd.)");
                    return 2;
                }
                date = d;
            }
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var key = parse.GetValue(which)!.Trim();
            var id = int.TryParse(key, out var n) ? n
                : await db.Plans.Where(p => p.Number == key).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) ?? 0;
            var plan = await PlanQueries.DetailAsync(db, id, date ?? TaskActions.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()), ct);
            if (plan is null)
            {
                Console.Error.WriteLine($"Không tìm thấy kế hoạch \"{key}\". Xem danh sách: ttdn plan list. (Plan not found.)");
                return 2;
            }
            if (parse.GetValue(showJson))
            {
                Console.WriteLine(JsonSerializer.Serialize(plan, DemoPlans.Json));
                return 0;
            }
            Console.WriteLine($"{plan.Number} — {plan.Title} ({PlanLabels.Of(plan.Status)}), trạng thái đến {plan.AsOf:dd/MM/yyyy}");
            foreach (var t in plan.Tasks)
                Console.WriteLine($"{t.Order,3}. [{t.StatusText}] {t.LeadAgency.Name}: {(t.Text.Length > 90 ? t.Text[..90] + "…" : t.Text)}");
            return 0;
        });
        return new Command("plan", "Kế hoạch — plans") { list, show, PlanImportCommand.Create() };
    }
}
