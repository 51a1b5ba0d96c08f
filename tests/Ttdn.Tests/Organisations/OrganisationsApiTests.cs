using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Organisations;

/// <summary>The organisation API through the whole HTTP pipeline, on both databases.</summary>
public sealed class OrganisationsApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Administrator_creates_an_organisation_adds_an_alias_and_finds_it_without_diacritics(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var province = await IdOfAsync(admin, "UBND tỉnh Thái Nguyên");

        var created = await admin.PostAsJsonAsync("/api/organisations", new { name = "Trung tâm Văn hóa Nghệ thuật tỉnh", kind = "ProvincialAgency", provinceId = province, parentId = province });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var alias = await admin.PostAsJsonAsync($"/api/organisations/{id}/aliases", new { text = "Trung tâm VHNT Thái Nguyên", kind = "Abbreviation" });
        Assert.Equal(HttpStatusCode.Created, alias.StatusCode);

        var found = await admin.GetFromJsonAsync<JsonElement>("/api/organisations?q=trung%20tam%20vhnt%20thai%20nguyen");
        var first = found.EnumerateArray().First();
        Assert.Equal(id, first.GetProperty("id").GetInt32());
        Assert.True(first.GetProperty("exact").GetBoolean());
        Assert.Equal("Trung tâm VHNT Thái Nguyên", first.GetProperty("matchedText").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_people_editing_the_same_organisation_never_silently_overwrite_each_other(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var id = await IdOfAsync(admin, "Sở Ngoại vụ");
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        var version = read.GetProperty("version").GetInt32();
        var province = read.GetProperty("provinceId").GetInt32();

        var first = await admin.PutAsJsonAsync($"/api/organisations/{id}", new { name = "Sở Ngoại vụ", shortName = "SNgV", kind = "Department", provinceId = province, parentId = province, version });
        var second = await admin.PutAsJsonAsync($"/api/organisations/{id}", new { name = "Sở Ngoại vụ tỉnh", shortName = "SNV", kind = "Department", provinceId = province, parentId = province, version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("tải lại", problem.GetProperty("detail").GetString());
        var now = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        Assert.Equal("SNgV", now.GetProperty("shortName").GetString());
        Assert.Equal("Sở Ngoại vụ", now.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Bad_input_gets_a_message_that_says_what_to_fix_and_saves_nothing(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var before = await app.WithDbAsync(db => db.Organisations.CountAsync());

        var empty = await admin.PostAsJsonAsync("/api/organisations", new { name = "  ", kind = "Department" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Hãy nhập tên tổ chức", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var badProvince = await admin.PostAsJsonAsync("/api/organisations", new { name = "Sở mới", kind = "Department", provinceId = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, badProvince.StatusCode);
        Assert.Contains("Tỉnh được chọn không tồn tại", await badProvince.Content.ReadAsStringAsync());

        var malformed = await admin.PostAsync("/api/organisations", new StringContent("{\"name\": \"Sở", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        var badKind = await admin.PostAsJsonAsync("/api/organisations", new { name = "Sở mới", kind = "Castle" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);

        var badDate = await admin.GetAsync("/api/organisations/1/carrier?on=31-31-2025");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        Assert.Equal(before, await app.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_carrier_endpoint_answers_who_carries_the_duties_on_a_date(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var viewer = await app.SignedInAsync("khach");
        var ict = await IdOfAsync(viewer, "Sở TT&TT", "UBND tỉnh Thái Nguyên");

        var carrier = await viewer.GetFromJsonAsync<JsonElement>($"/api/organisations/{ict}/carrier?on=2026-01-01&duty=th%C3%B4ng%20tin%20%C4%91%E1%BB%91i%20ngo%E1%BA%A1i");

        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", carrier.GetProperty("name").GetString());
        Assert.Equal(3, carrier.GetProperty("path").GetArrayLength());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_change_is_in_the_audit_trail_with_who_and_before_and_after(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var id = await IdOfAsync(admin, "Sở Công Thương");
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        var province = read.GetProperty("provinceId").GetInt32();
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var put = await admin.PutAsJsonAsync($"/api/organisations/{id}", new
        {
            name = "Sở Công Thương", shortName = "SCT", kind = "Department", provinceId = province, parentId = province,
            note = "Đầu mối xúc tiến thương mại", version = read.GetProperty("version").GetInt32(),
        });
        put.EnsureSuccessStatusCode();

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Organisation&entityId={id}");
        var entry = trail.GetProperty("entries").EnumerateArray().First();
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
        Assert.Equal("Updated", entry.GetProperty("action").GetString());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.GetProperty("atUtc").GetDateTime().ToUniversalTime());
        var changes = JsonDocument.Parse(entry.GetProperty("changes").GetString()!).RootElement;
        Assert.Equal("Sở CT", changes.GetProperty("ShortName").GetProperty("from").GetString());
        Assert.Equal("SCT", changes.GetProperty("ShortName").GetProperty("to").GetString());
        Assert.Equal("Đầu mối xúc tiến thương mại", changes.GetProperty("Note").GetProperty("to").GetString());
        Assert.False(changes.TryGetProperty("Name", out _), "unchanged values are not recorded");
    }

    internal static async Task<int> IdOfAsync(HttpClient client, string name, string? provinceName = null)
    {
        int? province = provinceName is null ? null : await IdOfAsync(client, provinceName);
        var url = $"/api/organisations?q={Uri.EscapeDataString(name)}" + (province is null ? "" : $"&provinceId={province}");
        var matches = await client.GetFromJsonAsync<JsonElement>(url);
        return matches.EnumerateArray().First(m => m.GetProperty("exact").GetBoolean()).GetProperty("id").GetInt32();
    }
}
