using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>
/// Turns chosen anniversaries of the year list into plan tasks ("Tuyên truyền kỷ niệm 75 năm …"), due a number of
/// days before the day, in one step: all of them are added or none.
/// </summary>
public static class AnniversaryDrafting
{
    /// <param name="Keys">Year-list keys ("12:2022-05-20", see <see cref="AnniversaryQueries.YearItem.Key"/>).</param>
    /// <param name="LeadAgencyId">Null: the suggestion for each anniversary (<see cref="SuggestLeadAsync"/>).</param>
    public sealed record Input(int PlanId, IReadOnlyList<string> Keys, int? LeadAgencyId, int? LeadDays);

    public sealed record Drafted(int TaskId, string Text, DateOnly Due, int LeadAgencyId);

    public sealed record Outcome(IReadOnlyList<Drafted> Added, IReadOnlyList<string> AlreadyInPlan);

    /// <summary>"Kỷ niệm 75 năm Ngày …" → "Tuyên truyền kỷ niệm 75 năm Ngày …"; a festival's name → "Tuyên truyền Lễ hội …".</summary>
    public static string TaskText(string occurrenceText) =>
        "Tuyên truyền " + (occurrenceText.StartsWith("Kỷ niệm ", StringComparison.Ordinal) ? "kỷ niệm " + occurrenceText["Kỷ niệm ".Length..] : occurrenceText);

    /// <summary>Plans the user may add tasks to now: drafts and plans under amendment, for a lead-department officer.</summary>
    public static async Task<List<(int Id, string Label, DateOnly Start, DateOnly End)>> EditablePlansAsync(AppDb db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.CanEditPlans()) return [];
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Draft || p.Status == PlanStatus.Amended)
            .OrderByDescending(p => p.PeriodStart).Select(p => new { p.Id, p.Number, p.Title, p.PeriodStart, p.PeriodEnd, p.Status }).ToListAsync(ct);
        return plans.Select(p => (p.Id, $"{(p.Number is null ? "" : p.Number + " – ")}{p.Title} ({PlanLabels.Of(p.Status)})", p.PeriodStart, p.PeriodEnd)).ToList();
    }

    /// <summary>Diplomatic anniversaries go to the province's foreign-affairs department when it has one; the rest to the plan's lead department.</summary>
    public static async Task<int> SuggestLeadAsync(AppDb db, Plan plan, AnniversaryKind kind, CancellationToken ct = default)
    {
        if (kind == AnniversaryKind.Diplomatic)
        {
            var province = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.LeadOrganisationId)
                .Select(o => o.Kind == OrganisationKind.Province ? o.Id : o.ProvinceId).SingleOrDefaultAsync(ct);
            var foreignAffairs = (await OrganisationDirectory.FindAsync(db, "Sở Ngoại vụ", province, plan.PeriodStart, ct: ct)).FirstOrDefault(m => m.Exact);
            if (foreignAffairs is not null) return foreignAffairs.Id;
        }
        return plan.LeadOrganisationId;
    }

    public static async Task<Outcome> DraftAsync(AppDb db, ClaimsPrincipal user, Input input, CalendarSettings settings, CancellationToken ct = default)
    {
        if (!user.CanEditPlans())
            throw new DomainException("Chỉ Sở đầu mối hoặc quản trị được thêm nhiệm vụ vào kế hoạch. (Only the lead department adds tasks to plans.)", 403);
        if (input.Keys.Count == 0)
            throw new DomainException("Hãy đánh dấu ít nhất một ngày kỷ niệm để lập nhiệm vụ. (Tick at least one anniversary.)");
        var leadDays = input.LeadDays ?? settings.LeadDays;
        if (leadDays is < 0 or > 365)
            throw new DomainException("Số ngày chuẩn bị trước phải từ 0 đến 365. (Lead days must be 0–365.)");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PlanId, ct)
            ?? throw new DomainException("Không tìm thấy kế hoạch đã chọn. (Plan not found.)", 404);
        if (!plan.IsEditable)
            throw DomainException.Conflict($"Kế hoạch \"{plan.Title}\" đang ở trạng thái \"{PlanLabels.Of(plan.Status)}\": không thêm được nhiệm vụ. " +
                "Hãy chọn một kế hoạch dự thảo, hoặc mở sửa đổi, bổ sung kế hoạch đã ban hành. (Only a draft or an amendment accepts new tasks.)");

        var wanted = new List<(int EntryId, DateOnly Date)>();
        foreach (var key in input.Keys.Distinct())
        {
            var parts = key.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var id) || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                throw new DomainException($"Mục \"{key}\" không đúng dạng mã:yyyy-MM-dd. (Bad item key.)");
            wanted.Add((id, date));
        }

        var provinceId = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.LeadOrganisationId)
            .Select(o => o.Kind == OrganisationKind.Province ? (int?)o.Id : o.ProvinceId).SingleOrDefaultAsync(ct);
        var items = new List<AnniversaryQueries.YearItem>();
        foreach (var year in wanted.Select(w => w.Date.Year).Distinct())
        {
            var list = await AnniversaryQueries.ForYearAsync(db, year, provinceId, settings.RoundYears, ct);
            foreach (var (id, date) in wanted.Where(w => w.Date.Year == year))
                items.Add(list.SingleOrDefault(i => i.EntryId == id && i.Date == date)
                    ?? throw new DomainException($"Ngày kỷ niệm đã chọn không rơi vào ngày {Lang.Date(date)} (hoặc không thuộc phạm vi tỉnh của kế hoạch): hãy tải lại danh sách. (Not in the year list.)"));
        }
        foreach (var item in items.Where(i => i.Date < plan.PeriodStart || i.Date > plan.PeriodEnd))
            throw new DomainException($"Ngày {Lang.Date(item.Date)} ({item.Name}) nằm ngoài kỳ của kế hoạch ({Lang.Date(plan.PeriodStart)} – {Lang.Date(plan.PeriodEnd)}): hãy chọn kế hoạch của năm đó. (Outside the plan's period.)");

        var existing = (await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == plan.Id).Select(t => t.Text).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = new List<Drafted>();
        var skipped = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var item in items.OrderBy(i => i.Date))
        {
            var text = Vietnamese.Text.VietnameseText.Normalize(TaskText(item.Text));
            if (existing.Contains(text))
            {
                skipped.Add(text);
                continue;
            }
            var due = item.Date.AddDays(-leadDays);
            if (due < plan.PeriodStart) due = plan.PeriodStart;
            var lead = input.LeadAgencyId ?? await SuggestLeadAsync(db, plan, item.Kind, ct);
            var task = await PlanChanges.AddTaskAsync(db, user, plan.Id,
                new PlanChanges.TaskInput(text, lead, [], null, due, [], [], [], null, null), ct);
            added.Add(new(task.Id, task.Text, due, lead));
        }
        await transaction.CommitAsync(ct);
        return new(added, skipped);
    }
}
