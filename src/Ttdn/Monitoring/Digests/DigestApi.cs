using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Digests;

/// <summary>
/// <c>/digest/{token}.docx</c> opens a digest without an account (the 48-hex-digit token is the key, as in a shared
/// document link); the list, creating a day's digest and the recipients are under /api/monitor/digests for signed-in users.
/// </summary>
public static class DigestApi
{
    public static void MapDigests(this IEndpointRouteBuilder app)
    {
        app.MapGet("/digest/{token}.docx", Docx).AllowAnonymous().WithTags("Monitoring");
        var api = app.MapGroup("/api/monitor/digests").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/recipients", Recipients);
        api.MapPost("/recipients", AddRecipient);
        api.MapDelete("/recipients/{id:int}", RemoveRecipient);
    }

    public static async Task<(Digest Digest, DigestContent Content)?> OpenAsync(AppDb db, string token, DigestJob job, CancellationToken ct)
    {
        if (token.Length != 48 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Token == token, ct);
        if (digest is null) return null;
        return (digest, await DigestContent.BuildAsync(db, digest.Day, digest.ProvinceKey, job.ProvinceName, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Docx(string token, AppDb db, DigestJob job, CancellationToken ct)
    {
        var opened = await OpenAsync(db, token, job, ct);
        if (opened is not { } o) return TypedResults.NotFound();
        return TypedResults.File(job.Render(o.Content), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"diem-bao-{o.Digest.Day:yyyy-MM-dd}.docx");
    }

    public sealed record DigestView(int Id, DateOnly Day, int ItemCount, DateTime CreatedAt, DateTime? SentAt, string? SendError, string Link);

    public static async Task<List<DigestView>> ListAsync(AppDb db, CancellationToken ct) =>
        (await db.Digests.AsNoTracking().OrderByDescending(d => d.Day).Take(60).ToListAsync(ct))
        .Select(d => new DigestView(d.Id, d.Day, d.ItemCount, d.CreatedAt, d.SentAt, d.SendError, $"/digest/{d.Token}.docx")).ToList();

    private static async Task<Ok<List<DigestView>>> List(AppDb db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct));

    public sealed record CreateInput(DateOnly Day, bool? Send);

    private static async Task<Ok<DigestView>> Create(CreateInput input, ClaimsPrincipal user, AppDb db, DigestJob job, TimeProvider clock, CancellationToken ct)
    {
        var digest = await CreateAsync(db, user, input.Day, input.Send == true, job, clock, ct);
        return TypedResults.Ok((await ListAsync(db, ct)).Single(d => d.Id == digest.Id));
    }

    public static async Task<Digest> CreateAsync(AppDb db, ClaimsPrincipal user, DateOnly day, bool send, DigestJob job, TimeProvider clock, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var today = Lang.VietnamDay(clock.GetUtcNow().UtcDateTime);
        if (day > today)
            throw new DomainException("Không lập được bản tin cho ngày chưa tới. (The day has not come yet.)");
        var digest = await job.CreateAsync(db, day, ct);
        if (send) await job.SendAsync(db, digest, ct);
        return digest;
    }

    private static async Task<Ok<List<DigestRecipient>>> Recipients(AppDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.DigestRecipients.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct));

    public sealed record RecipientInput(string Name, string Email);

    private static async Task<Created<DigestRecipient>> AddRecipient(RecipientInput input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        var r = await AddRecipientAsync(db, user, input, ct);
        return TypedResults.Created($"/api/monitor/digests/recipients/{r.Id}", r);
    }

    public static async Task<DigestRecipient> AddRecipientAsync(AppDb db, ClaimsPrincipal user, RecipientInput input, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        if (string.IsNullOrWhiteSpace(input.Name))
            throw new DomainException("Nhập họ tên người nhận (Enter the recipient's name).");
        if (!MailAddress.TryCreate(input.Email?.Trim(), out _))
            throw new DomainException("Địa chỉ e-mail không hợp lệ, ví dụ: lanhdao@thainguyen.gov.vn (Enter a valid e-mail address).");
        var organisation = user.OrganisationId() ?? throw new DomainException("Tài khoản chưa thuộc cơ quan nào. (Your account has no organisation.)", 403);
        var r = new DigestRecipient { Name = input.Name.Trim(), Email = input.Email!.Trim(), OrganisationId = organisation };
        db.DigestRecipients.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    private static async Task<NoContent> RemoveRecipient(int id, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var r = await db.DigestRecipients.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Không tìm thấy người nhận. (Recipient not found.)", 404);
        db.DigestRecipients.Remove(r);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
