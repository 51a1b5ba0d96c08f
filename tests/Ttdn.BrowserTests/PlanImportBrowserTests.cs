using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>Importing the real seed plan through the browser: upload, review, fix one agency match, save, see the 43 tasks.</summary>
public sealed class PlanImportBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output)
{
    [Fact]
    public Task Lead_officer_uploads_the_seed_plan_fixes_an_agency_and_saves_a_draft_with_43_tasks() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "chuyenvien", AppServer.DemoPassword);
        var import = await PlanImportPage.OpenFromPlansAsync(page);
        await import.UploadAsync(SeedPath("004_88f8ee31d7dc3369.txt"));

        await Expect(import.TaskCount).ToHaveTextAsync("43");
        await Expect(import.Encoding).ToHaveTextAsync("UTF-8");
        await Expect(import.Diagnostics.Filter(new() { HasText = "khớp gần đúng" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#src-0")).ToContainTextAsync("Số: 241 /KH-UBND");

        // "Các sở, ban, ngành, UBND các huyện, thành phố, thị xã" was matched on its first part only: the officer gives it to the districts.
        var lead = import.LeadAgencyOf("14");
        await Expect(lead.Locator("option:checked")).ToHaveTextAsync("Các sở, ban, ngành, đoàn thể tỉnh");
        await lead.SelectOptionAsync(new SelectOptionValue { Label = "UBND các huyện, thành phố, thị xã" });

        var planId = await import.SaveAsync();
        Output.WriteLine($"Imported as plan {planId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "V. Tổ chức thực hiện — 43 nhiệm vụ" })).ToBeVisibleAsync();
        await Expect(page.GetByText("UBND các huyện, thành phố, thị xã").First).ToBeVisibleAsync();
    });

    private static string SeedPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds", name);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException($"Seed {name} not found above {AppContext.BaseDirectory}.");
    }
}
