using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Organisations;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Calendar;

/// <summary>Organisation ids and set-ups the calendar tests share.</summary>
internal sealed record CalendarKit(int ThaiNguyen, int Culture, int ForeignAffairs, int Newspaper, int HungYen)
{
    public static Task<CalendarKit> OfAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var province = await Initialiser.HomeProvinceAsync(db, app.App.Configuration);
        async Task<int> Org(string name, int? within) =>
            (await OrganisationDirectory.FindAsync(db, name, within)).First(m => m.Exact && m.ValidTo is null).Id;
        return new CalendarKit(province.Id, await Org("Sở Văn hóa, Thể thao và Du lịch", province.Id), await Org("Sở Ngoại vụ", province.Id),
            await Org("Báo Thái Nguyên", province.Id), await Org("UBND tỉnh Hưng Yên", null));
    });

    /// <summary>An account in another organisation, signed in.</summary>
    public static async Task<HttpClient> UserAsync(TestApp app, string userName, int organisationId, string role)
    {
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var (user, errors) = await UserAdmin.CreateAsync(users, db, new UserAdmin.UserInput(userName, userName, null, organisationId, [role], TestApp.DemoPassword), app.Clock);
            Assert.True(user is not null, string.Join(" ", errors));
        }
        return await app.SignedInAsync(userName);
    }

    /// <summary>The realistic set-up for 2022: in December 2021 the lead department drafts next year's plan.</summary>
    public async Task<int> DraftPlan2022Async(HttpClient officer)
    {
        var created = await officer.PostAsJsonAsync("/api/plans", new
        {
            kind = "AnnualPlan", title = "Công tác thông tin đối ngoại năm 2022 (dự thảo)", periodStart = "2022-01-01", periodEnd = "2022-12-31", leadOrganisationId = Culture,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<List<JsonElement>> YearAsync(HttpClient client, int year, int? provinceId)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/years/{year}{(provinceId is { } p ? $"?provinceId={p}" : "")}");
        return [.. list.EnumerateArray()];
    }

    /// <summary>A page the user may not use: 302 to the access-denied page.</summary>
    public static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal) == true;

    public static JsonElement Find(IEnumerable<JsonElement> items, string nameContains) =>
        Assert.Single(items, i => i.GetProperty("name").GetString()!.Contains(nameContains, StringComparison.Ordinal));
}
