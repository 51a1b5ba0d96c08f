using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Hosting;
using Ttdn.Organisations;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Plans.Export;

/// <summary>A plan's documents are read by whoever reads the plan, and no one else.</summary>
public sealed class PlanExportAccessTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_officer_of_another_province_can_neither_read_nor_download_the_plan(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await PlanExportTests.Plan2022IdAsync(app);
        var elsewhere = await app.WithDbAsync(async db =>
        {
            var home = (await Initialiser.HomeProvinceAsync(db, app.App.Configuration)).Id;
            return await db.Organisations.Where(o => o.ProvinceId != null && o.ProvinceId != home && o.ValidTo == null && o.Province!.ValidTo == null
                && o.Kind == OrganisationKind.Department).Select(o => o.Id).FirstAsync();
        });
        var admin = await app.SignedInAsync("admin");
        using (var created = await admin.PostAsJsonAsync("/api/users", NewUser("canbo.tinhkhac", elsewhere, "LeadOfficer"), Json))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outsider = await app.SignedInAsync("canbo.tinhkhac", NewUserPassword);

        foreach (var url in (string[])[$"/api/plans/{id}/document.docx", $"/api/plans/{id}/document.pdf", $"/api/plans/{id}"])
        {
            using var response = await outsider.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }
        foreach (var url in (string[])[$"/Plans/{id}?handler=Docx", $"/Plans/{id}?handler=Pdf", $"/Plans/{id}"])
        {
            using var response = await outsider.GetAsync(url);
            Assert.True(IsAccessDeniedRedirect(response), $"{url}: expected the access-denied page, got {Describe(response)}");
        }

        using var anonymous = await app.Client().GetAsync($"/api/plans/{id}/document.docx");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var missing = await admin.GetAsync("/api/plans/999999/document.docx");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The province's own agency officer reads it (the demo "canbo" works for Báo Thái Nguyên).
        var own = await app.SignedInAsync("canbo");
        using var docx = await own.GetAsync($"/api/plans/{id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var page = await own.GetAsync($"/Plans/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tải về DOCX", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
