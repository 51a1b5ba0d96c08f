using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Reports;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Reports.ReportsKit;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Reports;

/// <summary>The report pages as browsers use them: forms with antiforgery tokens, Vietnamese numbers, errors that change nothing.</summary>
public sealed partial class ReportPagesTests
{
    [Fact]
    public async Task An_agency_writes_and_submits_its_report_and_the_lead_department_returns_it_with_a_comment()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await CurrentPlanAsync(app);

        var home = await canbo.GetStringAsync("/Reports");
        Assert.Contains("Lập báo cáo năm 2026", home);
        var opened = await TestApp.PostFormAsync(canbo, "/Reports?handler=Open", [new("plan", $"{plan}"), new("template", "ttdn-annual"), new("period", "2026")], "/Reports");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var url = opened.Headers.Location!.ToString();
        var id = int.Parse(IdPattern().Match(url).Groups[1].Value);
        var page = await canbo.GetStringAsync(url);
        Assert.Contains("Báo Thái Nguyên chủ trì", page);
        var articles = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "articles-language").Select(i => i.Id).SingleAsync());

        var bad = await TestApp.PostFormAsync(canbo, $"{url}?handler=Save", [new($"Figures[{articles}:1]", "nhiều"), new("Narratives[results]", "Đăng tin.")], url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("phải là một số", await bad.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(db => db.ReportFigures.Where(f => f.AgencyReportId == id).ToListAsync()));

        var submitted = await TestApp.PostFormAsync(canbo, $"{url}?handler=Submit",
            [new($"Figures[{articles}:0]", "1.250"), new($"Figures[{articles}:1]", "12,5"), new("Narratives[results]", "Đăng 1.262 tin, bài.")], url);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var figures = await app.WithDbAsync(db => db.ReportFigures.Where(f => f.AgencyReportId == id).OrderBy(f => f.Part).Select(f => new { f.Part, f.Value }).ToListAsync());
        Assert.Equal([("Tiếng Anh", 12.5m), ("Tiếng Việt", 1250m)], figures.Select(f => (f.Part, f.Value)));

        var overview = await chuyenvien.GetStringAsync($"/Reports/Overview?plan={plan}&template=ttdn-annual&period=2026");
        var row = Regex.Match(overview, "data-organisation=\"Báo Thái Nguyên\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"/Reports/Agency/{id}", row);
        Assert.Contains("Đã gửi đúng hạn", row);
        Assert.True(IsAccessDeniedRedirect(await canbo.GetAsync($"/Reports/Overview?plan={plan}&template=ttdn-annual&period=2026")));
        Assert.True(IsAccessDeniedRedirect(await canbo.GetAsync($"/Reports/Consolidation?plan={plan}&template=ttdn-annual&period=2026")));

        var returned = await TestApp.PostFormAsync(chuyenvien, $"{url}?handler=Return", [new("Comment", "Thiếu số liệu tiếng Trung.")], url);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var again = await canbo.GetStringAsync(url);
        Assert.Contains("Thiếu số liệu tiếng Trung.", again);
        Assert.Contains("Bị trả lại", again);
    }

    [Fact]
    public async Task The_consolidation_page_lists_the_missing_agency_saves_the_final_text_and_only_administrators_edit_templates()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var admin = await app.SignedInAsync("admin");
        var plan = await Plan2022Async(app);
        var url = $"/Reports/Consolidation?plan={plan}&template=ttdn-annual&period=2022";

        var page = await chuyenvien.GetStringAsync(url);
        Assert.Contains($"Còn 1 cơ quan, đơn vị chưa gửi báo cáo: {DemoReports.MissingAgency}.", page);
        Assert.Contains("1.348", page);
        Assert.Contains("Số: …/BC-UBND", page);
        var bad = await TestApp.PostFormAsync(chuyenvien, url + "&handler=Save", [new("Number", "350/KH-UBND")], url);
        Assert.Contains("350/BC-UBND", await bad.Content.ReadAsStringAsync());
        var saved = await TestApp.PostFormAsync(chuyenvien, url + "&handler=Save", [new("Number", "350/BC-UBND"), new("IssuedOn", "26/12/2022"), new("Texts[next]", "Tập trung quảng bá du lịch.")], url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Số: 350/BC-UBND", await chuyenvien.GetStringAsync(url));

        Assert.True(IsAccessDeniedRedirect(await chuyenvien.GetAsync("/Reports/Templates")));
        Assert.Contains("Tin, bài, phóng sự về thông tin đối ngoại (theo ngôn ngữ)", await admin.GetStringAsync("/Reports/Templates"));
        var annual = await app.WithDbAsync(db => db.ReportTemplates.Where(t => t.Code == "ttdn-annual").Select(t => t.Id).SingleAsync());
        var edited = await TestApp.PostFormAsync(admin, "/Reports/Templates?handler=Template",
            [new("id", $"{annual}"), new("name", "Báo cáo năm"), new("deadlineOffsetDays", "-10"), new("receivers", "UBND tỉnh\nLưu: VT"), new("active", "true")], "/Reports/Templates");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var template = await app.WithDbAsync(db => db.ReportTemplates.SingleAsync(t => t.Id == annual));
        Assert.Equal(("Báo cáo năm", -10), (template.Name, template.DeadlineOffsetDays));
        Assert.Equal(["UBND tỉnh", "Lưu: VT"], template.Receivers);
    }

    [GeneratedRegex(@"/Reports/Agency/(\d+)")]
    private static partial Regex IdPattern();
}
