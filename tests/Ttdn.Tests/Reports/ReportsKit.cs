using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Reports;

internal static class ReportsKit
{
    public static Task<int> Plan2022Async(TestApp app) => app.WithDbAsync(db => db.Plans.Where(p => p.Number == "241/KH-UBND").Select(p => p.Id).SingleAsync());

    /// <summary>This year's demo plan, copied from the 2022 one.</summary>
    public static Task<int> CurrentPlanAsync(TestApp app) => app.WithDbAsync(db => db.Plans.Where(p => p.CopiedFromId != null).Select(p => p.Id).SingleAsync());

    public static Task<int> OrganisationAsync(TestApp app, string name) => app.WithDbAsync(db =>
        db.Organisations.Where(o => o.Name == name && o.ValidTo == null).Select(o => o.Id).FirstAsync());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static JsonElement Indicator(JsonElement consolidation, string code) =>
        consolidation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    public static decimal Part(JsonElement indicator, string part) =>
        indicator.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("part").GetString() == part).GetProperty("total").GetDecimal();

    public static IEnumerable<string> Names(JsonElement list) => list.EnumerateArray().Select(s => s.GetProperty("name").GetString()!);

    public static Task<HttpResponseMessage> OpenAsync(HttpClient client, int planId, string period, int? organisationId = null, string template = "ttdn-annual") =>
        client.PostAsJsonAsync("/api/reports/open", new { planId, template, period, organisationId });
}
