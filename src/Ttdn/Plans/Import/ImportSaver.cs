using System.Security.Claims;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>Saves a matched import as a draft plan (<see cref="PlanBuilder"/>), in one transaction: all of it or nothing.</summary>
public static class ImportSaver
{
    public static async Task<Plan> SaveAsync(AppDb db, ClaimsPrincipal user, ImportResult matched, int provinceId, TimeProvider clock, CancellationToken ct = default)
    {
        if (!user.CanEditPlans())
            throw new DomainException("Chỉ Sở đầu mối hoặc quản trị được nhập kế hoạch. (Only the lead department imports plans.)", 403);
        if (!matched.Matched) throw new InvalidOperationException("Match the agencies (ImportMatcher.MatchAsync) before saving.");
        if (matched.LooksLikeNews)
            throw new DomainException("Tệp này giống một bài báo, không phải kế hoạch: không lưu. Hãy tải lên văn bản kế hoạch gốc. (A news article is not saved as a plan.)");
        var leads = matched.Plan.Assignments.Select(a => a.Agency).Where(matched.UnmatchedAgencies.Contains).Distinct().ToList();
        if (leads.Count > 0)
            throw new DomainException($"Chưa xác định được cơ quan chủ trì: {string.Join("; ", leads)}. Hãy chọn cơ quan trong danh mục rồi lưu lại. (Unmatched lead agencies.)");
        if (matched.Plan.TaskCount == 0)
            throw new DomainException("Không có nhiệm vụ nào để lưu: kiểm tra phần \"Tổ chức thực hiện\". (No tasks to save.)");

        // Unmatched co-ordinators were reported in the review; the plan keeps only those the directory knows.
        var doc = matched.Plan with
        {
            Assignments = matched.Plan.Assignments.Select(a => a with
            {
                Tasks = a.Tasks.Select(t => t with { CoordinatingAgencies = (t.CoordinatingAgencies ?? []).Where(c => !matched.UnmatchedAgencies.Contains(c)).Distinct().ToList() }).ToList(),
            }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await PlanBuilder.BuildAsync(db, doc, provinceId, user.OrganisationId() ?? provinceId, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return plan;
    }
}
