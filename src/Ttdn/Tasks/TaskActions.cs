using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Tasks;

/// <summary>The follow-up writes shared by pages and API, each checking role and organisation first.</summary>
public static class TaskActions
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public static readonly string[] AllowedExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".jpg", ".jpeg", ".png", ".txt", ".odt", ".ods", ".mp4", ".zip"];

    public sealed record FileInput(string FileName, string ContentType, byte[] Content);
    public sealed record ProgressInput(int? Percent, decimal? Quantity, string? Narrative, IReadOnlyList<string>? Links, bool Completed,
        IReadOnlyList<FileInput>? Files, int? OccurrenceId, int? Version);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Lang.VietnamTime).DateTime);

    public static async Task<ProgressUpdate> RecordProgressAsync(AppDb db, ClaimsPrincipal user, int taskId, ProgressInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.Include(t => t.Occurrences).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        if (!user.CanUpdateTask(task.LeadAgencyId))
            throw new DomainException("Chỉ cơ quan chủ trì nhiệm vụ (hoặc Sở đầu mối) được cập nhật tiến độ. (Only the lead agency may report progress.)", 403);
        var today = Today(clock);
        var occurrence = input.OccurrenceId is { } oid
            ? task.Occurrences.SingleOrDefault(o => o.Id == oid) ?? throw new DomainException("Kỳ thực hiện không thuộc nhiệm vụ này. (Occurrence not found.)", 404)
            : CurrentOf(task.Occurrences, today);
        if (input.Version is { } v && v != occurrence.Version)
            throw DomainException.Conflict("Tiến độ nhiệm vụ vừa được người khác cập nhật. Hãy tải lại trang để xem, rồi nhập lại. (Someone updated this task just now: reload and redo.)");
        var links = (input.Links ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var link in links)
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new DomainException($"Đường dẫn minh chứng \"{link}\" không hợp lệ: hãy dán địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://. (Invalid evidence link.)");
        var files = (input.Files ?? []).ToList();
        foreach (var f in files) CheckFile(f);
        if (input.Percent is null && input.Quantity is null && !input.Completed && string.IsNullOrWhiteSpace(input.Narrative) && links.Count == 0 && files.Count == 0)
            throw new DomainException("Hãy nhập ít nhất một nội dung: tỷ lệ, số lượng, mô tả kết quả hoặc minh chứng. (Enter some progress.)");

        db.Entry(occurrence).Property(o => o.Version).OriginalValue = occurrence.Version;
        occurrence.RecordProgress(input.Percent, input.Quantity, input.Completed, today);
        task.Touch();
        var update = new ProgressUpdate
        {
            PlanTaskId = task.Id, OccurrenceId = occurrence.Id, AtUtc = clock.GetUtcNow().UtcDateTime, OnDate = today,
            UserName = user.Identity?.Name ?? "", OrganisationId = user.OrganisationId() ?? 0, Percent = input.Percent ?? (input.Completed ? 100 : null),
            Quantity = input.Quantity, Narrative = string.IsNullOrWhiteSpace(input.Narrative) ? null : input.Narrative.Trim(), Links = links,
            Completed = input.Completed,
            Attachments = files.Select(f => new Attachment
            {
                FileName = Path.GetFileName(f.FileName), ContentType = string.IsNullOrWhiteSpace(f.ContentType) ? "application/octet-stream" : f.ContentType,
                Size = f.Content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)), Content = f.Content,
            }).ToList(),
        };
        db.ProgressUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        return update;
    }

    public static void CheckFile(FileInput f)
    {
        var ext = Path.GetExtension(f.FileName).ToLowerInvariant();
        if (f.Content.LongLength == 0) throw new DomainException($"Tệp \"{f.FileName}\" rỗng: hãy chọn lại tệp. (Empty file.)");
        if (f.Content.LongLength > MaxFileBytes)
            throw new DomainException($"Tệp \"{f.FileName}\" lớn hơn 20 MB: hãy nén lại hoặc gửi đường dẫn thay cho tệp. (File over 20 MB.)");
        if (!AllowedExtensions.Contains(ext))
            throw new DomainException($"Không nhận tệp loại \"{ext}\". Các loại được nhận: {string.Join(", ", AllowedExtensions)}. (File type not accepted.)");
    }

    /// <summary>The occurrence to report on today: the one running now, else the earliest unfinished one already due, else the next.</summary>
    public static TaskOccurrence CurrentOf(IEnumerable<TaskOccurrence> occurrences, DateOnly today)
    {
        var list = occurrences.OrderBy(o => o.Start).ToList();
        if (list.Count == 0) throw new DomainException("Nhiệm vụ chưa có kỳ thực hiện: hãy đặt thời hạn cho nhiệm vụ. (No deadline set.)", 409);
        return list.FirstOrDefault(o => o.CompletedOn is null && o.EffectiveDue < today)
            ?? list.FirstOrDefault(o => o.Start <= today && today <= o.End)
            ?? list.FirstOrDefault(o => o.Start > today)
            ?? list[^1];
    }

    public static async Task ReopenAsync(AppDb db, ClaimsPrincipal user, int taskId, int occurrenceId, CancellationToken ct = default)
    {
        var (task, occurrence) = await LoadAsync(db, taskId, occurrenceId, ct);
        if (!user.CanUpdateTask(task.LeadAgencyId)) throw new DomainException("Bạn không được mở lại nhiệm vụ này. (Not allowed.)", 403);
        occurrence.Reopen();
        task.Touch();
        await db.SaveChangesAsync(ct);
    }

    public static async Task<ExtensionRequest> RequestExtensionAsync(AppDb db, ClaimsPrincipal user, int taskId, int? occurrenceId, DateOnly newDue, string reason,
        TimeProvider clock, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.Include(t => t.Occurrences).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        if (!user.CanUpdateTask(task.LeadAgencyId))
            throw new DomainException("Chỉ cơ quan chủ trì được xin gia hạn nhiệm vụ. (Only the lead agency may ask for an extension.)", 403);
        var occurrence = occurrenceId is { } id ? task.Occurrences.Single(o => o.Id == id) : CurrentOf(task.Occurrences, Today(clock));
        if (await db.ExtensionRequests.AnyAsync(r => r.OccurrenceId == occurrence.Id && r.Status == RequestStatus.Pending, ct))
            throw DomainException.Conflict("Đã có đề nghị gia hạn đang chờ xử lý cho kỳ này. (An extension request is already pending.)");
        var request = new ExtensionRequest(task.Id, occurrence, newDue, reason, user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public static async Task<ExtensionRequest> DecideExtensionAsync(AppDb db, ClaimsPrincipal user, int requestId, bool approve, string? note, TimeProvider clock, CancellationToken ct = default)
    {
        if (!user.CanFollowUp()) throw new DomainException("Chỉ Sở đầu mối được quyết định gia hạn. (Only the lead department decides extensions.)", 403);
        var request = await db.ExtensionRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new DomainException("Không tìm thấy đề nghị gia hạn. (Request not found.)", 404);
        var occurrence = await db.TaskOccurrences.SingleAsync(o => o.Id == request.OccurrenceId, ct);
        if (approve) request.Approve(occurrence, user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, note);
        else request.Refuse(user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, note);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public static async Task<ExplanationRequest> RequestExplanationAsync(AppDb db, ClaimsPrincipal user, int taskId, string question, DateOnly? answerBy,
        TimeProvider clock, CancellationToken ct = default)
    {
        if (!user.CanFollowUp()) throw new DomainException("Chỉ Sở đầu mối được yêu cầu giải trình. (Only the lead department asks for explanations.)", 403);
        if (!await db.PlanTasks.AnyAsync(t => t.Id == taskId, ct)) throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        var request = new ExplanationRequest(taskId, question, answerBy, user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        db.ExplanationRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public static async Task<ExplanationRequest> AnswerExplanationAsync(AppDb db, ClaimsPrincipal user, int requestId, string answer, TimeProvider clock, CancellationToken ct = default)
    {
        var request = await db.ExplanationRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new DomainException("Không tìm thấy yêu cầu giải trình. (Request not found.)", 404);
        var lead = await db.PlanTasks.Where(t => t.Id == request.PlanTaskId).Select(t => t.LeadAgencyId).SingleAsync(ct);
        if (!user.CanUpdateTask(lead)) throw new DomainException("Chỉ cơ quan chủ trì nhiệm vụ được giải trình. (Only the lead agency answers.)", 403);
        request.AnswerWith(answer, user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public static async Task<TaskComment> CommentAsync(AppDb db, ClaimsPrincipal user, int taskId, string text, TimeProvider clock, CancellationToken ct = default)
    {
        if (!user.CanEditAnything()) throw new DomainException("Tài khoản chỉ xem không được bình luận. (Viewers cannot comment.)", 403);
        var task = await db.PlanTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { t.LeadAgencyId, Coordinators = t.Coordinators.Select(c => c.OrganisationId).ToList() }).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        var org = user.OrganisationId();
        if (!user.SeesAllOrganisations() && org != task.LeadAgencyId && !task.Coordinators.Contains(org ?? 0))
            throw new DomainException("Bạn chỉ bình luận được nhiệm vụ đơn vị mình chủ trì hoặc phối hợp. (Not your organisation's task.)", 403);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Hãy nhập nội dung bình luận. (Enter a comment.)");
        var comment = new TaskComment { PlanTaskId = taskId, AtUtc = clock.GetUtcNow().UtcDateTime, UserName = user.Identity?.Name ?? "", OrganisationId = org ?? 0, Text = text.Trim() };
        db.TaskComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    private static async Task<(Plans.PlanTask Task, TaskOccurrence Occurrence)> LoadAsync(AppDb db, int taskId, int occurrenceId, CancellationToken ct)
    {
        var task = await db.PlanTasks.Include(t => t.Occurrences).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        var occurrence = task.Occurrences.SingleOrDefault(o => o.Id == occurrenceId)
            ?? throw new DomainException("Kỳ thực hiện không thuộc nhiệm vụ này. (Occurrence not found.)", 404);
        return (task, occurrence);
    }
}
