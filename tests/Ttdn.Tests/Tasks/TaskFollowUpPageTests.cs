using System.Net;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tasks;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;
using static Ttdn.Tests.Tasks.TaskPagesKit;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tests.Tasks;

/// <summary>Extension and explanation requests and comments, through the task page, between the agency and the lead department.</summary>
public sealed class TaskFollowUpPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Extension_asked_by_the_agency_and_approved_by_the_lead_department_moves_the_deadline_and_the_status(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        // Demo data: a 2022 duty of Báo Thái Nguyên never finished, so overdue today; extended past today it is on time again.
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2022), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        Assert.Equal(TaskStatus.InProgressOverdue, (await LoadOccurrenceAsync(app, o.OccurrenceId)).StatusOn(Today));

        using var asked = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Extension", new Dictionary<string, string>
        {
            ["OccurrenceId"] = o.OccurrenceId.ToString(), ["NewDue"] = "31/12/2026", ["Reason"] = "Chờ bản dịch tiếng Trung của đối tác.",
        }, formPage: $"/Tasks/{o.TaskId}");
        AssertBackOnTaskPage(asked, o.TaskId);
        var request = await app.WithDbAsync(db => db.ExtensionRequests.AsNoTracking().SingleAsync(r => r.OccurrenceId == o.OccurrenceId));
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Contains("Đang chờ xử lý", MainOf(await canbo.GetStringAsync($"/Tasks/{o.TaskId}")));
        Assert.DoesNotContain("handler=Decide", await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));

        var leadPage = await chuyenvien.GetStringAsync($"/Tasks/{o.TaskId}");
        Assert.Contains("handler=Decide", leadPage);
        using var approved = await TestApp.PostFormAsync(chuyenvien, $"/Tasks/{o.TaskId}?handler=Decide", new Dictionary<string, string>
        {
            ["RequestId"] = request.Id.ToString(), ["Decision"] = "approve", ["DecisionNote"] = "",
        }, formPage: $"/Tasks/{o.TaskId}");

        AssertBackOnTaskPage(approved, o.TaskId);
        var after = await LoadOccurrenceAsync(app, o.OccurrenceId);
        Assert.Equal(new DateOnly(2026, 12, 31), after.ExtendedTo);
        Assert.Equal(TaskStatus.InProgressOnTime, after.StatusOn(Today));
        var page = MainOf(await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));
        Assert.Contains("Đã đồng ý", page);
        Assert.Contains("31/12/2026", page);
        Assert.Contains("Đang thực hiện – trong hạn", page);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Refusing_an_extension_without_a_note_is_refused_and_the_request_stays_pending(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        using var asked = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Extension", new Dictionary<string, string>
        {
            ["OccurrenceId"] = o.OccurrenceId.ToString(), ["NewDue"] = "15/01/2027", ["Reason"] = "Số cuối năm phát hành sau Tết dương lịch.",
        }, formPage: $"/Tasks/{o.TaskId}");
        AssertBackOnTaskPage(asked, o.TaskId);
        var requestId = await app.WithDbAsync(db => db.ExtensionRequests.Where(r => r.OccurrenceId == o.OccurrenceId).Select(r => r.Id).SingleAsync());

        using var refused = await TestApp.PostFormAsync(chuyenvien, $"/Tasks/{o.TaskId}?handler=Decide", new Dictionary<string, string>
        {
            ["RequestId"] = requestId.ToString(), ["Decision"] = "refuse", ["DecisionNote"] = "  ",
        }, formPage: $"/Tasks/{o.TaskId}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Hãy ghi lý do không đồng ý gia hạn", page);
        Assert.Contains($"href=\"#DecisionNote-{requestId}\"", page);
        var request = await app.WithDbAsync(db => db.ExtensionRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null((await LoadOccurrenceAsync(app, o.OccurrenceId)).ExtendedTo);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_cannot_decide_an_extension(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        using var asked = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Extension", new Dictionary<string, string>
        {
            ["OccurrenceId"] = o.OccurrenceId.ToString(), ["NewDue"] = "15/01/2027", ["Reason"] = "Cần thêm thời gian.",
        }, formPage: $"/Tasks/{o.TaskId}");
        var requestId = await app.WithDbAsync(db => db.ExtensionRequests.Where(r => r.OccurrenceId == o.OccurrenceId).Select(r => r.Id).SingleAsync());

        using var selfApproved = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Decide", new Dictionary<string, string>
        {
            ["RequestId"] = requestId.ToString(), ["Decision"] = "approve",
        }, formPage: $"/Tasks/{o.TaskId}");

        Assert.True(IsAccessDeniedRedirect(selfApproved), $"Expected access denied, got {Describe(selfApproved)}");
        Assert.Null((await LoadOccurrenceAsync(app, o.OccurrenceId)).ExtendedTo);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Extension_with_an_unreadable_date_says_how_to_type_it(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);

        using var response = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Extension", new Dictionary<string, string>
        {
            ["OccurrenceId"] = o.OccurrenceId.ToString(), ["NewDue"] = "31-13-2026", ["Reason"] = "",
        }, formPage: $"/Tasks/{o.TaskId}");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#NewDue\"", page);
        Assert.Contains("hãy gõ ngày/tháng/năm", page);
        Assert.Contains("href=\"#Reason\"", page);
        Assert.Equal(0, await app.WithDbAsync(db => db.ExtensionRequests.CountAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Explanation_asked_by_the_lead_department_is_answered_by_the_agency(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2022), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);
        Assert.DoesNotContain("handler=Explain", await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));

        using var asked = await TestApp.PostFormAsync(chuyenvien, $"/Tasks/{o.TaskId}?handler=Explain", new Dictionary<string, string>
        {
            ["Question"] = "Đề nghị giải trình lý do chưa hoàn thành nhiệm vụ năm 2022.", ["AnswerBy"] = "30/11/2026",
        }, formPage: $"/Tasks/{o.TaskId}");
        AssertBackOnTaskPage(asked, o.TaskId);
        var request = await app.WithDbAsync(db => db.ExplanationRequests.AsNoTracking().SingleAsync(r => r.PlanTaskId == o.TaskId));
        Assert.Equal(new DateOnly(2026, 11, 30), request.AnswerDueOn);
        var agencyPage = await canbo.GetStringAsync($"/Tasks/{o.TaskId}");
        Assert.Contains("Chờ giải trình", agencyPage);
        Assert.Contains("handler=Answer", agencyPage);

        using var answered = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Answer", new Dictionary<string, string>
        {
            ["RequestId"] = request.Id.ToString(), ["Answer"] = "Bản dịch tiếng Trung chưa được thẩm định; sẽ hoàn thành trong tháng 12.",
        }, formPage: $"/Tasks/{o.TaskId}");

        AssertBackOnTaskPage(answered, o.TaskId);
        var after = await app.WithDbAsync(db => db.ExplanationRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal("canbo", after.AnsweredBy);
        Assert.StartsWith("Bản dịch tiếng Trung", after.Answer);
        var page = MainOf(await chuyenvien.GetStringAsync($"/Tasks/{o.TaskId}"));
        Assert.Contains("Đã giải trình", page);
        Assert.Contains("sẽ hoàn thành trong tháng 12", page);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Comment_posted_on_the_page_is_shown_with_its_author(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var o = await OccurrenceAsync(app, await PlanOfYearAsync(app, 2026), await BaoThaiNguyenAsync(app), x => x.CompletedOn is null);

        using var response = await TestApp.PostFormAsync(canbo, $"/Tasks/{o.TaskId}?handler=Comment",
            new Dictionary<string, string> { ["Comment"] = "Đã gửi bản thảo chuyên mục cho Sở xem trước." }, formPage: $"/Tasks/{o.TaskId}");

        AssertBackOnTaskPage(response, o.TaskId);
        var page = MainOf(await canbo.GetStringAsync($"/Tasks/{o.TaskId}"));
        Assert.Contains("Đã gửi bản thảo chuyên mục cho Sở xem trước.", page);
        Assert.Contains("Lê Văn Hùng", page);
    }
}
