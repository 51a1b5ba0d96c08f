using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Plans;
using Ttdn.Tests.Infrastructure;
using Ttdn.Tests.Organisations;

namespace Ttdn.Tests.Plans;

/// <summary>Authoring sections I–IV of a plan by hand (the way a plan known only from a news summary is entered).</summary>
public sealed class PlanContentTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_plan_known_only_from_a_summary_is_entered_by_hand_through_the_page(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("chuyenvien");
        var culture = await OrganisationsApiTests.IdOfAsync(officer, "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Thái Nguyên");
        var created = await TestApp.PostFormAsync(officer, "/Plans/Edit", [
            new("Kind", "AnnualPlan"), new("Title", "Hoạt động thông tin đối ngoại năm 2019"), new("PeriodStart", "01/01/2019"),
            new("PeriodEnd", "31/12/2019"), new("LeadOrganisationId", culture.ToString()), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var version = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync());

        var saved = await TestApp.PostFormAsync(officer, $"/Plans/{planId}/Content", [
            new("Version", version.ToString()),
            new("BaseKind", "Decision"), new("BaseNumber", "925/QĐ-UBND"), new("BaseDate", "06/5/2014"), new("BaseIssuer", "UBND tỉnh Thái Bình"),
            new("BaseTitle", "Chương trình hành động về thông tin đối ngoại giai đoạn 2014 - 2020"), new("BaseProposal", "false"),
            new("Purposes", "Quảng bá hình ảnh tỉnh\nThu hút đầu tư"),
            new("Requirements", "Bảo vệ bí mật nhà nước"),
            new("Themes", "1. Xây dựng văn bản\n- Rà soát quy chế\n2. Đào tạo, bồi dưỡng\n- Tập huấn cán bộ\n  làm công tác TTĐN"),
            new("Channels", "1. Tuyên truyền trên hệ thống báo chí\n2. Xuất bản ấn phẩm song ngữ"),
            new("Funding", "Ngân sách tỉnh"), new("Recipients", "Bộ Thông tin và Truyền thông\nLưu: VT")],
            formPage: $"/Plans/{planId}/Content");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var plan = await officer.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Equal("925/QĐ-UBND", plan.GetProperty("legalBases")[0].GetProperty("number").GetString());
        Assert.Equal("2014-05-06", plan.GetProperty("legalBases")[0].GetProperty("date").GetString());
        Assert.Equal(2, plan.GetProperty("purposes").GetArrayLength());
        var themes = plan.GetProperty("themes");
        Assert.Equal(2, themes.GetArrayLength());
        Assert.Equal("Tập huấn cán bộ làm công tác TTĐN", themes[1].GetProperty("items")[0].GetString());
        Assert.Equal("PUBLISHING", plan.GetProperty("channels")[1].GetProperty("catalogueCode").GetString());
        Assert.Equal(["Bộ Thông tin và Truyền thông", "Lưu: VT"], plan.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_theme_still_used_by_a_task_cannot_be_removed(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("chuyenvien");
        var culture = await OrganisationsApiTests.IdOfAsync(officer, "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Thái Nguyên");
        var plan = await (await officer.PostAsJsonAsync("/api/plans", new { kind = "AnnualPlan", title = "KH 2027", periodStart = "2027-01-01", periodEnd = "2027-12-31", leadOrganisationId = culture }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = plan.GetProperty("id").GetInt32();
        var withThemes = await (await officer.PutAsJsonAsync($"/api/plans/{id}/content", new
        {
            themes = new[] { new { number = "1", title = "Quảng bá du lịch", items = Array.Empty<string>() }, new { number = "2", title = "Biên giới", items = Array.Empty<string>() } },
            version = plan.GetProperty("version").GetInt32(),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var border = withThemes.GetProperty("themes")[1].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/plans/{id}/tasks", new { text = "Tuyên truyền pháp luật biên giới", leadAgencyId = culture, themeIds = new[] { border } })).StatusCode);
        var version = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        var removed = await officer.PutAsJsonAsync($"/api/plans/{id}/content", new { themes = new[] { new { number = "1", title = "Quảng bá du lịch", items = Array.Empty<string>() } }, version });

        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Contains("đang gắn với 1 nhiệm vụ", await removed.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.Themes.CountAsync(t => t.PlanId == id)));
    }

    [Fact]
    public void Section_text_joins_lines_broken_by_page_breaks()
    {
        var sections = ContentModel.ParseSections("1. Tuyên truyền về\nchủ quyền biển đảo\n- Ý thứ nhất\n  tiếp theo\n2. Khác");
        Assert.Equal("Tuyên truyền về chủ quyền biển đảo", sections[0].Title);
        Assert.Equal(["Ý thứ nhất tiếp theo"], sections[0].Items);
        Assert.Equal(("2", "Khác"), (sections[1].Number, sections[1].Title));
    }
}
