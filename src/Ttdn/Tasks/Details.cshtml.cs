using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks;

/// <summary>
/// The task page: what the duty is, its occurrences and their status, and every follow-up action on it
/// (progress with evidence, reopening, extension and explanation requests, comments). Each action goes through
/// <see cref="TaskActions"/>, which checks role and organisation; this page checks who may see the task at all.
/// </summary>
// Razor Pages ignore filter attributes on handler methods, so the upload limits sit on the page: ~60 MB a request
// (several evidence files of at most TaskActions.MaxFileBytes each).
[RequestSizeLimit(DetailsModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DetailsModel.MaxRequestBytes)]
public sealed class DetailsModel(AppDb db, TimeProvider clock) : PageModel
{
    public const long MaxRequestBytes = 60L * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>The occurrence the progress and extension forms act on (query ?occurrence=); default the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "occurrence")] public int? SelectedOccurrence { get; set; }

    // Progress form.
    [BindProperty] public int? OccurrenceId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Percent { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? Links { get; set; }
    [BindProperty] public bool Completed { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    // Extension request and decision.
    [BindProperty] public string? NewDue { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? RequestId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? DecisionNote { get; set; }

    // Explanation request and answer.
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? AnswerBy { get; set; }
    [BindProperty] public string? Answer { get; set; }

    [BindProperty] public string? Comment { get; set; }

    public sealed record OccurrenceView(int Id, int Index, DateOnly Start, DateOnly End, DateOnly Due, DateOnly? ExtendedTo, DateOnly EffectiveDue,
        int Percent, decimal? Quantity, DateOnly? CompletedOn, int Version, TaskStatus Status);

    public sealed record AttachmentView(int Id, string FileName, long Size);

    public sealed record UpdateView(int Id, int OccurrenceId, DateTime AtUtc, DateOnly OnDate, string Who, string Organisation, int? Percent,
        decimal? Quantity, string? Narrative, IReadOnlyList<string> Links, bool Completed, IReadOnlyList<AttachmentView> Attachments);

    public PlanTask Duty { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public List<OccurrenceView> Occurrences { get; private set; } = [];
    public OccurrenceView? Selected { get; private set; }
    public List<string> Themes { get; private set; } = [];
    public List<string> Channels { get; private set; } = [];
    public List<UpdateView> Updates { get; private set; } = [];
    public List<ExtensionRequest> Extensions { get; private set; } = [];
    public List<ExplanationRequest> Explanations { get; private set; } = [];
    public List<TaskComment> Comments { get; private set; } = [];
    public Dictionary<string, string> People { get; private set; } = [];
    public Dictionary<int, string> OrganisationNames { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The Version the progress form carries: the one the user saw, or the current one after a conflict was shown.</summary>
    public int FormVersion { get; private set; }
    public bool Conflict { get; private set; }

    public bool CanUpdate => User.CanUpdateTask(Duty.LeadAgencyId);
    public bool CanFollowUp => User.CanFollowUp();
    public bool IsLeadAgency => User.OrganisationId() == Duty.LeadAgencyId && User.CanUpdateTask(Duty.LeadAgencyId);
    public bool CanComment => User.CanEditAnything();
    public bool HasPendingExtension(int occurrenceId) => Extensions.Any(e => e.OccurrenceId == occurrenceId && e.Status == RequestStatus.Pending);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostProgressAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var percent = ParsePercent();
        var quantity = ParseQuantity();
        var files = new List<TaskActions.FileInput>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files.Add(new TaskActions.FileInput(file.FileName, file.ContentType, buffer.ToArray()));
        }
        var links = (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // Every field's problem at once (GOV.UK error summary); TaskActions checks the same rules again when saving.
        foreach (var link in links.Where(l => !TaskText.IsWebLink(l)))
            ModelState.AddModelError(nameof(Links), Lang.T($"Đường dẫn minh chứng \"{link}\" không hợp lệ: hãy dán địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.",
                $"Evidence link \"{link}\" is not valid: paste the full address starting with http:// or https://."));
        foreach (var file in files)
        {
            try { TaskActions.CheckFile(file); }
            catch (DomainException e) { ModelState.AddModelError(nameof(Files), e.Message); }
        }
        if (!ModelState.IsValid) return false;
        await TaskActions.RecordProgressAsync(db, User, Id, new TaskActions.ProgressInput(percent, quantity, Narrative, links, Completed, files, OccurrenceId, Version), clock, ct);
        TempData["Notice"] = Completed
            ? Lang.T("Đã ghi nhận hoàn thành nhiệm vụ.", "Completion recorded.")
            : Lang.T("Đã cập nhật tiến độ.", "Progress recorded.");
        return true;
    }, ProgressField, "#history", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (OccurrenceId is not { } occurrenceId) return Missing("", Lang.T("Hãy chọn kỳ cần mở lại.", "Choose the occurrence to reopen."));
        await TaskActions.ReopenAsync(db, User, Id, occurrenceId, ct);
        TempData["Notice"] = Lang.T("Đã mở lại nhiệm vụ: có thể cập nhật tiến độ tiếp.", "Reopened: progress can be updated again.");
        return true;
    }, _ => "", "#progress", ct);

    public Task<IActionResult> OnPostExtensionAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var newDue = ParseDate(NewDue, nameof(NewDue), required: true);
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), Lang.T("Hãy nêu lý do xin gia hạn.", "Give a reason."));
        if (!ModelState.IsValid) return false;
        await TaskActions.RequestExtensionAsync(db, User, Id, OccurrenceId, newDue!.Value, Reason!, clock, ct);
        TempData["Notice"] = Lang.T("Đã gửi đề nghị gia hạn tới Sở đầu mối.", "Extension request sent to the lead department.");
        return true;
    }, e => e.Message.StartsWith("Hạn", StringComparison.Ordinal) ? nameof(NewDue) : e.Message.Contains("lý do", StringComparison.Ordinal) ? nameof(Reason) : "", "#extensions", ct);

    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (RequestId is not { } requestId || Decision is not ("approve" or "refuse"))
            return Missing("", Lang.T("Hãy chọn Đồng ý hoặc Không đồng ý.", "Choose approve or refuse."));
        await EnsureRequestBelongsAsync(db.ExtensionRequests.Where(r => r.Id == requestId).Select(r => r.PlanTaskId), ct);
        var request = await TaskActions.DecideExtensionAsync(db, User, requestId, Decision == "approve", DecisionNote, clock, ct);
        TempData["Notice"] = request.Status == RequestStatus.Approved
            ? Lang.T($"Đã đồng ý gia hạn đến {Lang.Date(request.RequestedDue)}.", $"Extension to {Lang.Date(request.RequestedDue)} approved.")
            : Lang.T("Đã không đồng ý gia hạn; đơn vị sẽ thấy lý do.", "Extension refused; the agency will see why.");
        return true;
    }, _ => $"DecisionNote-{RequestId}", "#extensions", ct);

    public Task<IActionResult> OnPostExplainAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var by = ParseDate(AnswerBy, nameof(AnswerBy), required: false);
        if (string.IsNullOrWhiteSpace(Question)) ModelState.AddModelError(nameof(Question), Lang.T("Hãy nêu nội dung cần giải trình.", "Say what needs explaining."));
        if (!ModelState.IsValid) return false;
        await TaskActions.RequestExplanationAsync(db, User, Id, Question!, by, clock, ct);
        TempData["Notice"] = Lang.T("Đã gửi yêu cầu giải trình tới cơ quan chủ trì.", "Explanation requested from the lead agency.");
        return true;
    }, _ => nameof(Question), "#explanations", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (RequestId is not { } requestId) return Missing("", Lang.T("Không rõ yêu cầu giải trình nào.", "Which request?"));
        if (string.IsNullOrWhiteSpace(Answer)) return Missing($"Answer-{requestId}", Lang.T("Hãy nhập nội dung giải trình.", "Enter the explanation."));
        await EnsureRequestBelongsAsync(db.ExplanationRequests.Where(r => r.Id == requestId).Select(r => r.PlanTaskId), ct);
        await TaskActions.AnswerExplanationAsync(db, User, requestId, Answer!, clock, ct);
        TempData["Notice"] = Lang.T("Đã gửi nội dung giải trình.", "Explanation sent.");
        return true;
    }, _ => $"Answer-{RequestId}", "#explanations", ct);

    public Task<IActionResult> OnPostCommentAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(Comment)) return Missing(nameof(Comment), Lang.T("Hãy nhập nội dung bình luận.", "Enter a comment."));
        await TaskActions.CommentAsync(db, User, Id, Comment!, clock, ct);
        TempData["Notice"] = Lang.T("Đã gửi bình luận.", "Comment posted.");
        return true;
    }, _ => nameof(Comment), "#comments", ct);

    /// <summary>An evidence file, downloaded as it was uploaded, to anyone who may see the task.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int attachmentId, CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking().Where(t => t.Id == Id)
            .Select(t => new { t.LeadAgencyId, Coordinators = t.Coordinators.Select(c => c.OrganisationId).ToList() }).SingleOrDefaultAsync(ct);
        if (task is null) return NotFound();
        if (!MaySee(task.LeadAgencyId, task.Coordinators)) return Forbid();
        var file = await (from a in db.Attachments.AsNoTracking()
                          join u in db.ProgressUpdates on a.ProgressUpdateId equals u.Id
                          where a.Id == attachmentId && u.PlanTaskId == Id
                          select new { a.FileName, a.Content }).SingleOrDefaultAsync(ct);
        if (file is null) return NotFound();
        // The type follows the (allowed) extension, never what the uploading browser claimed.
        if (!new FileExtensionContentTypeProvider().TryGetContentType(file.FileName, out var contentType)) contentType = "application/octet-stream";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, contentType, file.FileName);
    }

    /// <summary>Runs an action; on success redirects back to the page (post/redirect/get), on a refused rule shows the page with the reason.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<bool>> action, Func<DomainException, string> fieldOf, string anchor, CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking().Where(t => t.Id == Id)
            .Select(t => new { t.LeadAgencyId, Coordinators = t.Coordinators.Select(c => c.OrganisationId).ToList() }).SingleOrDefaultAsync(ct);
        if (task is null) return NotFound();
        if (!MaySee(task.LeadAgencyId, task.Coordinators)) return Forbid();
        try
        {
            if (await action())
            {
                var query = OccurrenceId is { } o ? $"?occurrence={o}" : "";
                return Redirect($"/Tasks/{Id}{query}{anchor}");
            }
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e)
        {
            Conflict = e.StatusCode == 409 && e.Message.Contains("người khác", StringComparison.Ordinal);
            ModelState.AddModelError(Conflict ? "progress" : fieldOf(e), Conflict ? ConflictMessage(e.Message) : e.Message);
        }
        catch (DbUpdateConcurrencyException e)
        {
            Conflict = true;
            ModelState.AddModelError("progress", ConflictMessage(ErrorHandling.Describe(e).Detail));
        }
        db.ChangeTracker.Clear();
        if (OccurrenceId is { } selected) SelectedOccurrence = selected;
        return await LoadAsync(ct) ?? Page();
    }

    private static string ConflictMessage(string reason) => reason + " " + Lang.T(
        "Trang đã hiện tiến độ mới nhất (xem Lịch sử cập nhật); nội dung bạn vừa nhập chưa được lưu và vẫn còn trong ô nhập, tệp đính kèm cần chọn lại.",
        "The page now shows the latest progress (see the history); what you typed was not saved and is still in the form; choose the files again.");

    private bool Missing(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return false;
    }

    private async Task EnsureRequestBelongsAsync(IQueryable<int> taskIdOfRequest, CancellationToken ct)
    {
        if (await taskIdOfRequest.SingleOrDefaultAsync(ct) != Id)
            throw new DomainException("Không tìm thấy đề nghị này trong nhiệm vụ. (Request not found on this task.)", 404);
    }

    private bool MaySee(int leadAgencyId, IReadOnlyCollection<int> coordinators) =>
        User.SeesAllTasks() || (User.OrganisationId() is { } org && (org == leadAgencyId || coordinators.Contains(org)));

    private string ProgressField(DomainException e) =>
        e.Message.StartsWith("Tệp", StringComparison.Ordinal) || e.Message.StartsWith("Không nhận tệp", StringComparison.Ordinal) ? nameof(Files)
        : e.Message.StartsWith("Đường dẫn", StringComparison.Ordinal) ? nameof(Links)
        : e.Message.StartsWith("Tỷ lệ", StringComparison.Ordinal) ? nameof(Percent)
        : e.Message.StartsWith("Số lượng", StringComparison.Ordinal) ? nameof(Quantity)
        : e.Message.StartsWith("Hãy nhập ít nhất", StringComparison.Ordinal) ? nameof(Percent)
        : "";

    private int? ParsePercent()
    {
        var text = Percent?.Trim().TrimEnd('%').Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
        ModelState.AddModelError(nameof(Percent), Lang.T($"Tỷ lệ \"{Percent}\" không phải số: hãy gõ một số nguyên từ 0 đến 100, ví dụ 60.",
            $"\"{Percent}\" is not a number: type a whole number from 0 to 100, e.g. 60."));
        return null;
    }

    private decimal? ParseQuantity()
    {
        var text = Quantity?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (decimal.TryParse(text, NumberStyles.Number, Lang.Vietnamese, out var q)) return q;
        ModelState.AddModelError(nameof(Quantity), Lang.T($"Số lượng \"{Quantity}\" không phải số: hãy gõ số, ví dụ 700 hoặc 1.250 hoặc 12,5.",
            $"\"{Quantity}\" is not a number: type e.g. 700, 1.250 or 12,5."));
        return null;
    }

    private DateOnly? ParseDate(string? text, string field, bool required)
    {
        if (!DateInput.TryParse(text, out var date))
        {
            ModelState.AddModelError(field, Lang.T($"\"{text}\" không phải ngày: hãy gõ ngày/tháng/năm, ví dụ 31/12/2026.",
                $"\"{text}\" is not a date: type day/month/year, e.g. 31/12/2026."));
            return null;
        }
        if (date is null && required)
            ModelState.AddModelError(field, Lang.T("Hãy nhập ngày, dạng ngày/tháng/năm, ví dụ 31/12/2026.", "Enter a date as day/month/year, e.g. 31/12/2026."));
        return date;
    }

    /// <summary>Loads everything the page shows; null when the user may see it, else the refusal.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking()
            .Include(t => t.Plan)
            .Include(t => t.LeadAgency)
            .Include(t => t.Coordinators).ThenInclude(c => c.Organisation)
            .Include(t => t.Themes)
            .Include(t => t.Channels)
            .Include(t => t.Occurrences)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (task is null) return NotFound();
        if (!MaySee(task.LeadAgencyId, task.Coordinators.Select(c => c.OrganisationId).ToList())) return Forbid();
        (Duty, Plan, Today) = (task, task.Plan!, TaskActions.Today(clock));

        Occurrences = task.Occurrences.OrderBy(o => o.Start)
            .Select(o => new OccurrenceView(o.Id, o.Index, o.Start, o.End, o.Due, o.ExtendedTo, o.EffectiveDue, o.Percent, o.QuantityAchieved, o.CompletedOn,
                o.Version, o.StatusOn(Today)))
            .ToList();
        if (Occurrences.Count > 0)
        {
            var currentId = SelectedOccurrence is { } wanted && Occurrences.Any(o => o.Id == wanted)
                ? wanted
                : TaskActions.CurrentOf(task.Occurrences, Today).Id;
            Selected = Occurrences.Single(o => o.Id == currentId);
            FormVersion = Conflict || Version is null || OccurrenceId != Selected.Id ? Selected.Version : Version.Value;
        }

        var themeIds = task.Themes.Select(t => t.ThemeId).ToList();
        var channelIds = task.Channels.Select(c => c.PlanChannelId).ToList();
        Themes = await db.Themes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).OrderBy(t => t.Order).Select(t => t.Number + ". " + t.Title).ToListAsync(ct);
        Channels = await db.PlanChannels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).OrderBy(c => c.Order).Select(c => c.Number + ". " + c.Title).ToListAsync(ct);

        var updates = await db.ProgressUpdates.AsNoTracking().Where(u => u.PlanTaskId == Id).OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id)
            .Select(u => new
            {
                u.Id, u.OccurrenceId, u.AtUtc, u.OnDate, u.UserName, u.OrganisationId, u.Percent, u.Quantity, u.Narrative, u.Links, u.Completed,
                Attachments = u.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.Size)).ToList(),
            })
            .ToListAsync(ct);
        Extensions = await db.ExtensionRequests.AsNoTracking().Where(r => r.PlanTaskId == Id).OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        Explanations = await db.ExplanationRequests.AsNoTracking().Where(r => r.PlanTaskId == Id).OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        Comments = await db.TaskComments.AsNoTracking().Where(c => c.PlanTaskId == Id).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync(ct);

        var userNames = updates.Select(u => u.UserName).Concat(Extensions.Select(e => e.RequestedBy)).Concat(Extensions.Select(e => e.DecidedBy ?? ""))
            .Concat(Explanations.Select(e => e.RequestedBy)).Concat(Explanations.Select(e => e.AnsweredBy ?? "")).Concat(Comments.Select(c => c.UserName))
            .Where(n => n.Length > 0).Distinct().ToList();
        People = (await db.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName!)).Select(u => new { u.UserName, u.FullName }).ToListAsync(ct))
            .ToDictionary(u => u.UserName!, u => u.FullName.Length > 0 ? u.FullName : u.UserName!);
        var orgIds = updates.Select(u => u.OrganisationId).Concat(Comments.Select(c => c.OrganisationId)).Distinct().ToList();
        OrganisationNames = (await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.Name);
        Updates = updates.Select(u => new UpdateView(u.Id, u.OccurrenceId, u.AtUtc, u.OnDate, Person(u.UserName), OrganisationNames.GetValueOrDefault(u.OrganisationId) ?? "",
            u.Percent, u.Quantity, u.Narrative, u.Links, u.Completed, u.Attachments)).ToList();
        return null;
    }

    public string Person(string? userName) => userName is null ? "" : People.GetValueOrDefault(userName) ?? userName;

    /// <summary>"Name (Organisation)", unless the name already says the organisation (demo names do).</summary>
    public static string WithOrganisation(string who, string? organisation) =>
        string.IsNullOrEmpty(organisation) || who.Contains(organisation, StringComparison.Ordinal) ? who : $"{who} ({organisation})";

    /// <summary>The first error for a field, shown next to it (the summary at the top lists them all).</summary>
    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string OccurrenceLabel(OccurrenceView o) => TaskText.Period(o.Start, o.End);
}

/// <summary>Small pieces of wording the task pages share.</summary>
public static class TaskText
{
    /// <summary>"Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026", or the two dates.</summary>
    public static string Period(DateOnly start, DateOnly end)
    {
        var wholeMonths = start.Day == 1 && end.AddDays(1).Day == 1 && start.Year == end.Year;
        var months = (end.Month - start.Month) + 1;
        if (wholeMonths && months == 1) return Lang.T($"Tháng {start.Month}/{start.Year}", $"{start:MMMM yyyy}");
        if (wholeMonths && months == 3 && start.Month % 3 == 1)
        {
            var q = (start.Month + 2) / 3;
            string[] roman = ["I", "II", "III", "IV"];
            return Lang.T($"Quý {roman[q - 1]}/{start.Year}", $"Q{q} {start.Year}");
        }
        if (wholeMonths && months == 6 && start.Month is 1 or 7)
            return start.Month == 1 ? Lang.T($"6 tháng đầu năm {start.Year}", $"First half of {start.Year}") : Lang.T($"6 tháng cuối năm {start.Year}", $"Second half of {start.Year}");
        if (wholeMonths && months == 12) return Lang.T($"Năm {start.Year}", $"Year {start.Year}");
        return $"{Lang.Date(start)} – {Lang.Date(end)}";
    }

    /// <summary>"700 cuốn — tiếng Việt, tiếng Anh".</summary>
    public static string Target(Target t)
    {
        var text = $"{Number(t.Quantity)} {t.Unit}";
        return t.Languages.Count == 0 ? text : $"{text} — {string.Join(", ", t.Languages.Select(Language))}";
    }

    /// <summary>Vietnamese number format: 1.234,5.</summary>
    public static string Number(decimal n) => n.ToString("#,##0.##", Lang.Vietnamese);

    public static string Language(string code) => code.ToLowerInvariant() switch
    {
        "vi" => Lang.T("tiếng Việt", "Vietnamese"),
        "en" => Lang.T("tiếng Anh", "English"),
        "zh" => Lang.T("tiếng Trung", "Chinese"),
        "ko" => Lang.T("tiếng Hàn", "Korean"),
        "lo" => Lang.T("tiếng Lào", "Lao"),
        "ja" => Lang.T("tiếng Nhật", "Japanese"),
        "fr" => Lang.T("tiếng Pháp", "French"),
        "ru" => Lang.T("tiếng Nga", "Russian"),
        "km" => Lang.T("tiếng Khmer", "Khmer"),
        _ => code,
    };

    public static string Status(TaskStatus s) => PlanLabels.Of(s);

    public static string Request(RequestStatus s) => s switch
    {
        RequestStatus.Pending => Lang.T("Đang chờ xử lý", "Pending"),
        RequestStatus.Approved => Lang.T("Đã đồng ý", "Approved"),
        RequestStatus.Refused => Lang.T("Không đồng ý", "Refused"),
        _ => s.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", Lang.Vietnamese)} KB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.#", Lang.Vietnamese)} MB",
    };

    /// <summary>Only web addresses become links; anything else is shown as text.</summary>
    public static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
