using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Tasks;

namespace Ttdn.Plans;

/// <summary>
/// Demo content: the real Thái Nguyên 2022 plan (241/KH-UBND, from a hand-written fixture of the seed document)
/// with its year of follow-up, and this year's plan copied from it, half-way through, so a newcomer sees a living
/// plan at once. Progress is deterministic, so screenshots and tests see the same picture.
/// </summary>
public static class DemoPlans
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PlanDocument ThaiNguyen2022()
    {
        using var stream = typeof(DemoPlans).Assembly.GetManifestResourceStream("Ttdn.Plans.Demo.thai-nguyen-2022.json")
            ?? throw new InvalidOperationException("Demo fixture thai-nguyen-2022.json is not embedded.");
        return JsonSerializer.Deserialize<PlanDocument>(stream, Json)!;
    }

    public static async Task<bool> EnsureAsync(AppDb db, int provinceId, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Plans.AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = TaskActions.Today(clock);

        var ict2022 = (await PlanBuilder.TryMatchAsync(db, "Sở Thông tin và Truyền thông", provinceId, new DateOnly(2021, 12, 28), ct))!.Value;
        var plan2022 = await PlanBuilder.BuildAsync(db, ThaiNguyen2022(), provinceId, ict2022, now, ct);
        plan2022.Submit();
        plan2022.Approve();
        plan2022.IssueAs("241/KH-UBND", new DateOnly(2021, 12, 28), "Thái Nguyên");
        await db.SaveChangesAsync(ct);
        await ProgressAsync(db, plan2022.Id, new DateOnly(2022, 12, 31), now, ct);
        plan2022.Close(); // the year is over: its unfinished duties stay on record but leave everyone's to-do list
        await db.SaveChangesAsync(ct);

        var year = today.Year;
        if (year > 2022)
        {
            var current = await PlanCopier.CopyAsync(db, plan2022.Id, year, now, ct);
            current.SetSigner("Lê Quang Tiến", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
            current.Submit();
            current.Approve();
            current.IssueAs($"15/KH-UBND (mẫu {year})", new DateOnly(year - 1, 12, 26), "Thái Nguyên");
            await db.SaveChangesAsync(ct);
            await ProgressAsync(db, current.Id, today, now, ct);
        }
        return true;
    }

    /// <summary>Realistic follow-up up to <paramref name="asOf"/>: most duties on time, some late, a few overdue.</summary>
    private static async Task ProgressAsync(AppDb db, int planId, DateOnly asOf, DateTime nowUtc, CancellationToken ct)
    {
        var tasks = await db.PlanTasks.Include(t => t.Occurrences).Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(ct);
        foreach (var task in tasks)
        {
            foreach (var o in task.Occurrences.Where(o => o.Start <= asOf).OrderBy(o => o.Start))
            {
                var roll = (task.Order * 37 + o.Index * 11) % 100;
                var (percent, completedOn, note) = o.Due <= asOf
                    ? roll switch
                    {
                        < 68 => (100, Min(o.Due.AddDays(-(roll % 9)), asOf), "Đã hoàn thành theo kế hoạch."),
                        < 80 => (100, Min(o.Due.AddDays(3 + roll % 8), asOf), "Hoàn thành chậm do lịch tổ chức sự kiện thay đổi."),
                        < 92 => (40 + roll % 4 * 10, (DateOnly?)null, "Đang triển khai, chưa đạt tiến độ; đơn vị sẽ báo cáo bổ sung."),
                        _ => (0, (DateOnly?)null, null),
                    }
                    : roll switch
                    {
                        < 45 => (30 + roll % 5 * 10, (DateOnly?)null, "Đang triển khai theo kế hoạch."),
                        < 55 => (100, (DateOnly?)Min(asOf, o.Due), "Đã hoàn thành sớm."),
                        _ => (0, (DateOnly?)null, null),
                    };
                if (note is null) continue;
                var on = completedOn ?? Min(asOf, o.Start.AddDays(10));
                o.RecordProgress(percent, null, completedOn is not null, on);
                db.ProgressUpdates.Add(new ProgressUpdate
                {
                    PlanTaskId = task.Id, OccurrenceId = o.Id, AtUtc = nowUtc, OnDate = on, UserName = "demo", OrganisationId = task.LeadAgencyId,
                    Percent = percent, Narrative = note, Completed = completedOn is not null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
