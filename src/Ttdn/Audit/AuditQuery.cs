using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;

namespace Ttdn.Audit;

/// <summary>Browsing the trail: newest first, filtered by who, what, which record and when.</summary>
public static class AuditQuery
{
    public sealed record Filter(string? User = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);
    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int Total, int PageNumber, int PageSize);

    public const int PageSize = 50;

    public static async Task<Page> RunAsync(AppDb db, Filter f, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName == f.User.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId.Trim());
        // Dates are Vietnam calendar days (UTC+7).
        if (f.From is { } from) { var start = from.ToDateTime(TimeOnly.MinValue).AddHours(-7); q = q.Where(a => a.AtUtc >= start); }
        if (f.To is { } to) { var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-7); q = q.Where(a => a.AtUtc < end); }
        var total = await q.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var rows = await q.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page(rows, total, page, PageSize);
    }

    public static async Task<List<string>> EntityTypesAsync(AppDb db, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async Task<Ok<Page>> (AppDb db, string? user, string? entityType, string? entityId, DateOnly? from, DateOnly? to, int? page, CancellationToken ct) =>
            TypedResults.Ok(await RunAsync(db, new Filter(user, entityType, entityId, from, to, page ?? 1), ct)))
            .RequireAuthorization(Policies.Admin).WithTags("Audit");
}
