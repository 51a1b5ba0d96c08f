using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Plans;
using Ttdn.Plans.Import;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Plans.Import;

/// <summary>The import through the API and the review page, on both databases: matching, saving, refusing, authorisation.</summary>
public sealed partial class PlanImportApiTests
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] SeedBytes => File.ReadAllBytes(SeedVariants.SeedPath());

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_dry_run_gives_the_plan_with_canonical_agencies_and_saves_nothing_then_a_real_import_saves_a_draft(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("chuyenvien");
        var plansBefore = await app.WithDbAsync(db => db.Plans.CountAsync());

        var dry = await client.PostAsync("/api/plans/import?dryRun=true", Upload(SeedBytes, SeedVariants.SeedName));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var json = JsonDocument.Parse(await dry.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("241/KH-UBND", json.GetProperty("number").GetString());
        var assignments = json.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal([2, 1, 8, 4, 2, 4, 3, 3, 1, 3, 2, 2, 1, 7], assignments.Select(a => a.GetProperty("tasks").GetArrayLength()));
        Assert.Equal("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", assignments[1].GetProperty("agency").GetString());
        Assert.Equal("Văn phòng Ủy ban nhân dân tỉnh", assignments[4].GetProperty("agency").GetString());
        Assert.Equal("Văn phòng UBND tỉnh", assignments[4].GetProperty("agencyAsWritten").GetString());
        Assert.Equal("Các sở, ban, ngành, đoàn thể tỉnh", assignments[13].GetProperty("agency").GetString());
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("khớp gần đúng", StringComparison.Ordinal));
        Assert.Equal(plansBefore, await app.WithDbAsync(db => db.Plans.CountAsync()));

        var saved = await client.PostAsync("/api/plans/import", Upload(SeedBytes, SeedVariants.SeedName));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Include(p => p.LegalBases).Include(p => p.Tasks).ThenInclude(t => t.LeadAgency).SingleAsync(p => p.Id == id);
            Assert.Equal(PlanStatus.Draft, plan.Status);
            Assert.Equal("241/KH-UBND", plan.Number);
            Assert.Equal(43, plan.Tasks.Count);
            Assert.Equal(8, plan.Tasks.Count(t => t.LeadAgency!.Name == "Sở Thông tin và Truyền thông"));
            Assert.Equal(new DateOnly(2022, 12, 31), plan.Tasks.Single(t => t.DeadlineText == "trước ngày 31/12/2022").DueTo);
            Assert.Contains(plan.Tasks, t => t.Recurrence == Recurrence.Monthly);
            Assert.Equal(4, plan.LegalBases.Count);
            return 0;
        });
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agencies_are_matched_as_of_the_plan_date_so_a_historical_name_follows_its_successor(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(async db =>
        {
            var province = await Initialiser.HomeProvinceAsync(db, app.App.Services.GetRequiredService<IConfiguration>());
            var seed = SeedVariants.Import(SeedBytes);
            var in2021 = await ImportMatcher.MatchAsync(db, seed, province.Id);
            Assert.Equal("Sở Thông tin và Truyền thông", in2021.Plan.Assignments[2].Agency);
            Assert.DoesNotContain(in2021.Diagnostics, d => d.Message.Contains("không còn", StringComparison.Ordinal));

            var text = SeedVariants.SeedText.Replace("ngày 28 tháng 12 năm 2021", "ngày 26 tháng 12 năm 2025", StringComparison.Ordinal)
                .Replace("năm 2022**", "năm 2026**", StringComparison.Ordinal);
            var in2025 = await ImportMatcher.MatchAsync(db, SeedVariants.Import(Encoding.UTF8.GetBytes(text)), province.Id);
            Assert.Equal(new DateOnly(2025, 12, 26), in2025.Plan.IssuedOn);
            Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", in2025.Plan.Assignments[2].Agency);
            Assert.Contains(in2025.Diagnostics, d => d.Message.Contains("\"Sở Thông tin và Truyền thông\" không còn", StringComparison.Ordinal));
            return 0;
        });
    }

    [Fact]
    public async Task Malformed_uploads_are_refused_with_clear_messages_and_nothing_is_saved()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("chuyenvien");
        var plansBefore = await app.WithDbAsync(db => db.Plans.CountAsync());
        var docx = TestDocx.FromSeed(SeedVariants.SeedText);
        var cases = new (byte[] Bytes, string Name, HttpStatusCode Status, string Message)[]
        {
            ([], "trong.txt", HttpStatusCode.BadRequest, "Tệp trống"),
            ([0x00, 0x01, 0x02, 0x03, 0xFF, 0x00], "nhi-phan.txt", HttpStatusCode.BadRequest, "không phải văn bản"),
            (docx[..(docx.Length / 3)], "cat.docx", HttpStatusCode.BadRequest, "bị hỏng hoặc không đầy đủ"),
            (new byte[50 * 1024 * 1024], "lon.txt", HttpStatusCode.RequestEntityTooLarge, "lớn hơn giới hạn"),
        };
        foreach (var (bytes, name, status, message) in cases)
        {
            var response = await client.PostAsync("/api/plans/import", Upload(bytes, name));
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        var news = await client.PostAsync("/api/plans/import", Upload(File.ReadAllBytes(SeedVariants.SeedPath("003_d6453e487489abdc.txt")), "tin.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, news.StatusCode);
        Assert.Contains("bài báo", await news.Content.ReadAsStringAsync());
        Assert.Equal(plansBefore, await app.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task Only_those_who_draft_plans_may_import()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var plansBefore = await app.WithDbAsync(db => db.Plans.CountAsync());
        foreach (var user in new[] { "khach", "canbo" })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/plans/import", Upload(SeedBytes, "kh.txt"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/plans/import?dryRun=true", Upload(SeedBytes, "kh.txt"))).StatusCode);
            var page = await client.GetAsync("/Plans/Import");
            Assert.Equal(HttpStatusCode.Found, page.StatusCode);
            Assert.Contains("/Accounts/AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsync("/api/plans/import", Upload(SeedBytes, "kh.txt"))).StatusCode);
        Assert.Equal(plansBefore, await app.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task The_review_page_shows_the_parse_beside_the_source_and_saves_the_officers_corrections()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("chuyenvien");
        var page = await client.GetStringAsync("/Plans/Import");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(SeedBytes);
        upload.Add(file, "Upload", SeedVariants.SeedName);
        var review = await client.PostAsync("/Plans/Import?handler=Upload", upload);
        var html = await review.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("id=\"task-count\">43<", html);
        Assert.Contains("Xuất bản 700 cuốn Thái Nguyên Hội nhập", html);
        Assert.Contains("id=\"src-", html);
        Assert.Contains("khớp gần đúng", html);

        // Take the last agency's first duty out and give assignment 14 to "UBND các huyện, thành phố, thị xã" instead.
        var state = WebUtility.HtmlDecode(Regex.Match(html, "name=\"State\" value=\"([^\"]+)\"").Groups[1].Value);
        var districts = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "UBND các huyện, thành phố, thị xã").Select(o => o.Id).SingleAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), new("State", state),
            new("Title", "Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022 (nhập)"), new("RemoveTasks", "36"),
        };
        // As the browser posts the form: every select, the unchanged ones empty (keep the match), the last one chosen.
        for (int i = 0; i < 14; i++)
            fields.Add(new($"AgencyIds[{i}]", i == 13 ? districts.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
        var saved = await client.PostAsync("/Plans/Import?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.LeadAgency).SingleAsync(p => p.Id == id);
            Assert.Equal("Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022 (nhập)", plan.Title);
            Assert.Equal(42, plan.Tasks.Count);
            Assert.Equal(6, plan.Tasks.Count(t => t.LeadAgency!.Name == "UBND các huyện, thành phố, thị xã"));
            return 0;
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
