using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tasks;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;
using static Ttdn.Tests.Tasks.TaskPagesKit;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tests.Tasks;

/// <summary>The task page's progress form: evidence links and files, completion, scoping and concurrent edits.</summary>
public sealed class TaskProgressPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_records_progress_with_an_evidence_link_and_completes_the_task_on_time(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        // Báo Thái Nguyên's 2026 duty still in progress, due 31/12/2026: finishing today is on time.
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        const string link = "https://baothainguyen.vn/doi-ngoai/chuyen-muc-quoc-te-so-48";

        using var response = await PostMultipartAsync(canbo, $"/Tasks/{o.TaskId}?handler=Progress",
            ProgressForm(o, narrative: "Đã đăng 48 số chuyên mục Quốc tế trong năm.", links: link + "\n", completed: true));

        AssertBackOnTaskPage(response, o.TaskId);
        var after = await LoadOccurrenceAsync(app, o.OccurrenceId);
        Assert.Equal(Today, after.CompletedOn);
        Assert.Equal(100, after.Percent);
        Assert.Equal(TaskStatus.DoneOnTime, after.StatusOn(Today));
        var update = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().Where(u => u.OccurrenceId == o.OccurrenceId).OrderByDescending(u => u.Id).FirstAsync());
        Assert.Equal("canbo", update.UserName);
        Assert.True(update.Completed);
        Assert.Equal([link], update.Links);
        var page = MainOf(await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));
        Assert.Contains($"<a href=\"{link}\"", page);
        Assert.Contains("Hoàn thành đúng hạn", page);
        Assert.Contains("Mở lại", page);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Uploaded_evidence_file_downloads_back_byte_identical_to_those_who_may_see_the_task(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        const string name = "Báo cáo tháng 11.pdf";

        using var response = await PostMultipartAsync(canbo, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, percent: "80"),
            [new Upload(name, "application/pdf", bytes)]);

        AssertBackOnTaskPage(response, o.TaskId);
        var attachmentId = await app.WithDbAsync(db => db.Attachments.Where(a => a.FileName == name).Select(a => a.Id).SingleAsync());
        var url = $"/Tasks/{o.TaskId}?handler=Attachment&attachmentId={attachmentId}";
        Assert.Contains(url.Replace("&", "&amp;"), await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));

        using var download = await canbo.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        // A monitoring officer of Sở VHTTDL sees only that department's tasks, so not this file.
        var theodoi = await app.SignedInAsync("theodoi");
        using var refused = await theodoi.GetAsync(url);
        Assert.True(IsAccessDeniedRedirect(refused), $"Expected access denied, got {Describe(refused)}");
        // Someone who may see the task still cannot fetch another task's file through it.
        var other = await OtherAgencysOccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app));
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        using var wrongTask = await chuyenvien.GetAsync($"/Tasks/{other.TaskId}?handler=Attachment&attachmentId={attachmentId}");
        Assert.Equal(HttpStatusCode.NotFound, wrongTask.StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite, "video-le-hoi.mp4", 25 * 1024 * 1024, "lớn hơn 20 MB")]
    [InlineData(Db.Sqlite, "setup.exe", 2048, "Không nhận tệp loại")]
    [InlineData(Db.Postgres, "video-le-hoi.mp4", 25 * 1024 * 1024, "lớn hơn 20 MB")]
    [InlineData(Db.Postgres, "setup.exe", 2048, "Không nhận tệp loại")]
    public async Task Too_large_or_forbidden_file_is_refused_with_the_reason_and_nothing_is_saved(Db provider, string fileName, int size, string message)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var before = await FollowUpSnapshotAsync(app);

        using var response = await PostMultipartAsync(canbo, $"/Tasks/{o.TaskId}?handler=Progress",
            ProgressForm(o, percent: "90", narrative: "Kèm tệp minh chứng."), [new Upload(fileName, "application/octet-stream", new byte[size])]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", page);
        Assert.Contains(message, page);
        Assert.Contains("href=\"#Files\"", page);
        Assert.Contains("Kèm tệp minh chứng.", page); // what was typed stays in the form
        Assert.Equal(before, await FollowUpSnapshotAsync(app));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_cannot_post_progress_on_another_agencys_task(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var plan = await PlanOfYearAsync(app, 2026);
        var own = await OccurrenceAsync(app, plan, await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var other = await OtherAgencysOccurrenceAsync(app, plan, await BaoThaiNguyenAsync(app));
        var before = await FollowUpSnapshotAsync(app);

        using var page = await canbo.GetAsync($"/Tasks/{other.TaskId}");
        Assert.True(IsAccessDeniedRedirect(page), $"Expected access denied, got {Describe(page)}");
        using var response = await PostMultipartAsync(canbo, $"/Tasks/{other.TaskId}?handler=Progress",
            ProgressForm(other, percent: "100", completed: true), formPage: $"/Tasks/{own.TaskId}");

        Assert.True(IsAccessDeniedRedirect(response), $"Expected access denied, got {Describe(response)}");
        using var denied = await canbo.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(before, await FollowUpSnapshotAsync(app));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Second_of_two_concurrent_updates_gets_the_conflict_message_and_the_first_is_kept(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = await app.SignedInAsync("canbo");
        var second = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var url = $"/Tasks/{o.TaskId}?occurrence={o.OccurrenceId}";
        // Both open the page before either saves: their forms carry the same Version.
        var versionSeenByFirst = FormVersion(await first.GetStringAsync(url));
        var versionSeenBySecond = FormVersion(await second.GetStringAsync(url));
        Assert.Equal(o.Version, versionSeenByFirst);
        Assert.Equal(versionSeenByFirst, versionSeenBySecond);
        var updatesBefore = await app.WithDbAsync(db => db.ProgressUpdates.CountAsync());

        using var saved = await PostMultipartAsync(first, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, percent: "85", narrative: "Bản của người thứ nhất"), formPage: url);
        using var conflict = await PostMultipartAsync(second, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, percent: "10", narrative: "Bản của người thứ hai"), formPage: url);

        AssertBackOnTaskPage(saved, o.TaskId);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("vừa được người khác cập nhật", page);
        Assert.Contains("Bản của người thứ hai", page); // kept in the form, not saved
        var after = await LoadOccurrenceAsync(app, o.OccurrenceId);
        Assert.Equal(85, after.Percent);
        var narratives = await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.OccurrenceId == o.OccurrenceId).Select(u => u.Narrative).ToListAsync());
        Assert.Contains("Bản của người thứ nhất", narratives);
        Assert.DoesNotContain("Bản của người thứ hai", narratives);
        Assert.Equal(updatesBefore + 1, await app.WithDbAsync(db => db.ProgressUpdates.CountAsync()));
        // After the conflict the form carries the current Version, so a deliberate second save goes through.
        Assert.Equal(after.Version, FormVersion(page));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Completed_occurrence_can_be_reopened_from_the_page(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        // Demo data: one of Báo Thái Nguyên's 2026 duties is already done.
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is not null);

        using var response = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Reopen",
            new Dictionary<string, string> { ["OccurrenceId"] = o.OccurrenceId.ToString() }, formPage: $"/Tasks/{o.TaskId}");

        AssertBackOnTaskPage(response, o.TaskId);
        var after = await LoadOccurrenceAsync(app, o.OccurrenceId);
        Assert.Null(after.CompletedOn);
        Assert.Contains("Lưu tiến độ", await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Viewer_sees_the_task_without_any_form_and_cannot_post(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var khach = await app.SignedInAsync("khach");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var before = await FollowUpSnapshotAsync(app);

        var page = MainOf(await khach.GetStringAsync($"/Tasks/{o.TaskId}"));
        Assert.Contains("Các kỳ thực hiện", page);
        Assert.DoesNotContain("<form method=\"post\"", page);
        Assert.DoesNotContain("<textarea", page);

        using var progress = await PostMultipartAsync(khach, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, percent: "100", completed: true));
        using var comment = await TestApp.PostFormAsync(khach, $"/Tasks/{o.TaskId}?handler=Comment", new Dictionary<string, string> { ["Comment"] = "Xin chào" });
        using var explain = await TestApp.PostFormAsync(khach, $"/Tasks/{o.TaskId}?handler=Explain", new Dictionary<string, string> { ["Question"] = "Vì sao?" });

        Assert.True(IsAccessDeniedRedirect(progress), $"Expected access denied, got {Describe(progress)}");
        Assert.True(IsAccessDeniedRedirect(comment), $"Expected access denied, got {Describe(comment)}");
        Assert.True(IsAccessDeniedRedirect(explain), $"Expected access denied, got {Describe(explain)}");
        Assert.Equal(before, await FollowUpSnapshotAsync(app));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Unreadable_percent_and_bad_link_are_explained_next_to_their_fields(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        var before = await FollowUpSnapshotAsync(app);

        using var badPercent = await PostMultipartAsync(canbo, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, percent: "tám mươi"));
        using var badLink = await PostMultipartAsync(canbo, $"/Tasks/{o.TaskId}?handler=Progress", ProgressForm(o, links: "baothainguyen.vn/bai-viet"));

        var percentPage = await badPercent.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Percent\"", percentPage);
        Assert.Contains("không phải số", percentPage);
        var linkPage = await badLink.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Links\"", linkPage);
        Assert.Contains("bắt đầu bằng http:// hoặc https://", linkPage);
        Assert.Equal(before, await FollowUpSnapshotAsync(app));
    }
}
