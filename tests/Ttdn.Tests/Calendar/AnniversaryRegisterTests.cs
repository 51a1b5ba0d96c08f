using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Calendar;
using Ttdn.Tests.Infrastructure;
using Ttdn.Vietnamese.Calendar;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Tests.Calendar;

/// <summary>The anniversary register in the database: seeding, the year list read from it, who may change it, bad input.</summary>
public sealed class AnniversaryRegisterTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_register_is_seeded_once_and_the_2022_list_reproduces_the_seed_plan(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        Assert.Equal(AnniversaryRegister.All.Count, await app.WithDbAsync(db => db.Anniversaries.CountAsync()));
        await app.WithDbAsync(async db => { await AnniversarySeed.EnsureAsync(db); return 0; });
        Assert.Equal(AnniversaryRegister.All.Count, await app.WithDbAsync(db => db.Anniversaries.CountAsync()));

        var viewer = await app.SignedInAsync("khach");
        var list = await CalendarKit.YearAsync(viewer, 2022, kit.ThaiNguyen);
        int Years(string name) => CalendarKit.Find(list, name).GetProperty("years").GetInt32();
        Assert.Equal(
            [92, 47, 68, 132, 75, 111, 75, 30, 60],
            [Years("thành lập Đảng"), Years("giải phóng miền Nam"), Years("Điện Biên Phủ"), Years("Ngày sinh Chủ tịch"), Years("ATK Định Hóa"),
             Years("ra đi tìm đường"), Years("Thương binh"), Years("Việt Nam - Hàn Quốc"), Years("Việt Nam - Lào")]);
        var atk = CalendarKit.Find(list, "ATK Định Hóa");
        Assert.True(atk.GetProperty("round").GetBoolean());
        Assert.Equal("2022-05-20", atk.GetProperty("date").GetString());
        var hung = CalendarKit.Find(list, "Giỗ Tổ Hùng Vương");
        Assert.Equal("2022-04-10", hung.GetProperty("date").GetString()); // 10/3 âm lịch Nhâm Dần
        Assert.True(hung.GetProperty("lunar").GetBoolean());
        Assert.DoesNotContain(await CalendarKit.YearAsync(viewer, 2022, null), i => i.GetProperty("name").GetString()!.Contains("ATK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Changes_to_the_register_reach_the_year_list_and_a_removed_entry_is_not_seeded_again(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("chuyenvien");
        var created = await officer.PostAsJsonAsync("/api/calendar/anniversaries", new
        {
            name = "Ngày thành lập tỉnh Thái Nguyên", kind = "Provincial", calendar = "Solar", baseYear = 1831, month = 11, day = 9, provinceId = kit.ThaiNguyen,
            sourceNote = "chưa đối chiếu nguồn",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var founding = CalendarKit.Find(await CalendarKit.YearAsync(officer, 2026, kit.ThaiNguyen), "thành lập tỉnh Thái Nguyên");
        Assert.Equal(195, founding.GetProperty("years").GetInt32());
        Assert.True(founding.GetProperty("round").GetBoolean());

        var atk = CalendarKit.Find(await officer.GetFromJsonAsync<List<JsonElement>>($"/api/calendar/anniversaries?text=atk%20dinh%20hoa") ?? [], "Ngày Chủ tịch Hồ Chí Minh về ATK");
        var id = atk.GetProperty("id").GetInt32();
        var removed = await officer.DeleteAsync($"/api/calendar/anniversaries/{id}?version={atk.GetProperty("version").GetInt32()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await app.WithDbAsync(async db => { await AnniversarySeed.EnsureAsync(db); return 0; });
        Assert.DoesNotContain(await CalendarKit.YearAsync(officer, 2022, kit.ThaiNguyen), i => i.GetProperty("name").GetString()!.Contains("ATK", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("Anniversar") && a.UserName == "chuyenvien")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Only_administrators_change_national_entries_and_lead_officers_their_own_province(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var admin = await app.SignedInAsync("admin");
        var officer = await app.SignedInAsync("chuyenvien");
        var agency = await app.SignedInAsync("canbo");
        var otherProvince = await CalendarKit.UserAsync(app, "chuyenvienhy", kit.HungYen, Roles.LeadOfficer);
        var entries = await admin.GetFromJsonAsync<List<JsonElement>>("/api/calendar/anniversaries") ?? [];
        var national = CalendarKit.Find(entries, "Quốc khánh");
        var provincial = CalendarKit.Find(entries, "Ngày Chủ tịch Hồ Chí Minh về ATK");

        object Body(JsonElement e, string name, int? province) => new
        {
            name, kind = e.GetProperty("kind").GetString(), calendar = "Solar", baseYear = e.GetProperty("baseYear").GetInt32(),
            month = e.GetProperty("month").GetInt32(), day = e.GetProperty("day").GetInt32(), provinceId = province,
            sourceNote = e.GetProperty("sourceNote").GetString(), version = e.GetProperty("version").GetInt32(),
        };
        var nationalId = national.GetProperty("id").GetInt32();
        var provincialId = provincial.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"/api/calendar/anniversaries/{nationalId}", Body(national, "Quốc khánh (sửa)", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PutAsJsonAsync($"/api/calendar/anniversaries/{provincialId}", Body(provincial, "ATK (sửa)", kit.ThaiNguyen))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherProvince.PutAsJsonAsync($"/api/calendar/anniversaries/{provincialId}", Body(provincial, "ATK (sửa)", kit.ThaiNguyen))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherProvince.DeleteAsync($"/api/calendar/anniversaries/{provincialId}")).StatusCode);
        // Moving one's own entry to another province, or making it national, is refused too.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"/api/calendar/anniversaries/{provincialId}", Body(provincial, "ATK", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/calendar/anniversaries", Body(national, "Ngày mới", null))).StatusCode);
        Assert.True(CalendarKit.IsAccessDenied(await officer.GetAsync($"/calendar/register/edit/{nationalId}")));
        Assert.True(CalendarKit.IsAccessDenied(await agency.GetAsync("/calendar/register/edit")));
        Assert.Equal(provincial.GetProperty("name").GetString(), await app.WithDbAsync(db => db.Anniversaries.Where(a => a.Id == provincialId).Select(a => a.Name).SingleAsync()));

        var byOfficer = await officer.PutAsJsonAsync($"/api/calendar/anniversaries/{provincialId}", Body(provincial, "Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa", kit.ThaiNguyen));
        Assert.Equal(HttpStatusCode.OK, byOfficer.StatusCode);
        var byAdmin = await admin.PutAsJsonAsync($"/api/calendar/anniversaries/{nationalId}", Body(national, "Ngày Quốc khánh", null));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        // A stale version is a conflict, not a silent overwrite.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/calendar/anniversaries/{nationalId}", Body(national, "Quốc khánh", null))).StatusCode);
    }

    public static TheoryData<string, object, string> BadEntries()
    {
        // A lunar month of 29 days, found by the calendar itself rather than assumed.
        var (year, month) = Enumerable.Range(1990, 20).SelectMany(y => Enumerable.Range(1, 12).Select(m => (y, m)))
            .First(x => LunarCalendar.DaysInMonth(x.y, x.m, false) == 29);
        var noLeapYear = Enumerable.Range(1990, 20).First(y => LunarCalendar.LeapMonth(y) is null);
        return new()
        {
            { "lunar day 30 of a 29-day month", new { name = "Lễ hội thử", kind = "Festival", calendar = "Lunar", baseYear = year, month, day = 30 }, $"chỉ có 29 ngày, không có ngày 30" },
            { "31 February", new { name = "Ngày thử", kind = "National", calendar = "Solar", baseYear = 2022, month = 2, day = 31 }, "không có thật" },
            { "29 February of a common year", new { name = "Ngày thử", kind = "National", calendar = "Solar", baseYear = 2023, month = 2, day = 29 }, "tháng 2/2023 có 28 ngày" },
            { "month 13", new { name = "Ngày thử", kind = "National", calendar = "Solar", baseYear = 2022, month = 13, day = 1 }, "tháng phải từ 1 đến 12" },
            { "solar date without a year", new { name = "Ngày thử", kind = "National", calendar = "Solar", month = 5, day = 1 }, "cần có năm gốc" },
            { "leap month the year does not have", new { name = "Lễ hội thử", kind = "Festival", calendar = "Lunar", baseYear = noLeapYear, month = 3, day = 1, leapMonth = true }, "không có tháng nhuận" },
            { "lunar day 31", new { name = "Lễ hội thử", kind = "Festival", calendar = "Lunar", month = 1, day = 31 }, "từ 1 đến 30" },
            { "no name", new { name = " ", kind = "National", calendar = "Solar", baseYear = 2022, month = 1, day = 1 }, "Hãy nhập tên" },
            { "no day", new { name = "Ngày thử", kind = "National", calendar = "Lunar", month = 1 }, "Hãy nhập ngày và tháng" },
        };
    }

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Bad_input_is_refused_with_a_message_saying_what_to_fix(string why, object body, string message)
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var admin = await app.SignedInAsync("admin");
        var before = await app.WithDbAsync(db => db.Anniversaries.CountAsync());
        var response = await admin.PostAsJsonAsync("/api/calendar/anniversaries", body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Anniversaries.CountAsync()));
    }

    [Fact]
    public async Task The_register_form_shows_the_error_beside_the_field_and_keeps_the_input()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("chuyenvien");
        var response = await TestApp.PostFormAsync(officer, "/calendar/register/edit", new Dictionary<string, string>
        {
            ["Name"] = "Ngày giải phóng tỉnh Thái Nguyên", ["Kind"] = "Provincial", ["Calendar"] = "Solar", ["Day"] = "31", ["Month"] = "4", ["BaseYear"] = "1945",
            ["ProvinceId"] = kit.ThaiNguyen.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SourceNote"] = "chưa đối chiếu nguồn",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", page, StringComparison.Ordinal);
        Assert.Contains("tháng 4/1945 có 30 ngày", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ngày giải phóng tỉnh Thái Nguyên\"", page, StringComparison.Ordinal);

        var fixedUp = await TestApp.PostFormAsync(officer, "/calendar/register/edit", new Dictionary<string, string>
        {
            ["Name"] = "Ngày giải phóng tỉnh Thái Nguyên", ["Kind"] = "Provincial", ["Calendar"] = "Solar", ["Day"] = "20", ["Month"] = "8", ["BaseYear"] = "1945",
            ["ProvinceId"] = kit.ThaiNguyen.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SourceNote"] = "chưa đối chiếu nguồn",
        });
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        var list = await officer.GetStringAsync("/calendar/register?Scope=" + kit.ThaiNguyen);
        Assert.Contains("Ngày giải phóng tỉnh Thái Nguyên", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Quốc khánh", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_years_follow_configuration()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, new() { ["Calendar:RoundYears"] = "25" });
        var kit = await CalendarKit.OfAsync(app);
        var list = await CalendarKit.YearAsync(await app.SignedInAsync("khach"), 2022, kit.ThaiNguyen);
        Assert.True(CalendarKit.Find(list, "ATK Định Hóa").GetProperty("round").GetBoolean()); // 75
        Assert.False(CalendarKit.Find(list, "Việt Nam - Lào").GetProperty("round").GetBoolean()); // 60
        Assert.False(CalendarKit.Find(list, "Việt Nam - Hàn Quốc").GetProperty("round").GetBoolean()); // 30
    }
}
