using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Reports;

/// <summary>The national office's page: who sent, the sums by province, the national documents; provincial officers see none of it.</summary>
public sealed partial class NationalPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_national_office_sees_which_provinces_sent_and_their_sums_by_province_and_a_provincial_officer_is_refused(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var trunguong = await app.SignedInAsync("trunguong");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var lanhdao = await app.SignedInAsync("lanhdao");
        const string url = "/Reports/National?template=ttdn-national&period=2022";

        var home = await trunguong.GetStringAsync("/Reports");
        Assert.Contains("/Reports/National?template=ttdn-national&period=2022", home);
        var page = await trunguong.GetStringAsync(url);

        Assert.Contains("2 tỉnh đã gửi báo cáo tổng hợp", page);
        Assert.Contains("Thái Nguyên</td><td>241/KH-UBND</td><td>chưa cấp số</td><td>28/12/2022</td>", Row(page, "Ủy ban nhân dân tỉnh Thái Nguyên"));
        Assert.Contains("<td>45/CTr-UBND</td><td>chưa cấp số</td><td>27/12/2022</td>", Row(page, "Ủy ban nhân dân tỉnh Điện Biên"));
        Assert.Contains("Ủy ban nhân dân tỉnh Hưng Yên", page); // among those that did not send
        var byProvince = Regex.Match(page, "<table id=\"by-province\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var header = Regex.Matches(Regex.Match(byProvince, "<thead>(.*?)</thead>", RegexOptions.Singleline).Value, "<th scope=\"col\">(.*?)</th>").Select(m => m.Groups[1].Value).ToList();
        var articles = Cells(byProvince, "articles-language", null);
        Assert.Equal("1.560", articles[0]); // Thái Nguyên 1.348 + Điện Biên 212
        Assert.Equal("1.348", articles[header.IndexOf("Ủy ban nhân dân tỉnh Thái Nguyên") - 1]);
        Assert.Equal("212", articles[header.IndexOf("Ủy ban nhân dân tỉnh Điện Biên") - 1]);
        var lao = Cells(byProvince, "articles-language", "Tiếng Lào");
        Assert.Equal(("20", "", "20"), (lao[0], lao[header.IndexOf("Ủy ban nhân dân tỉnh Thái Nguyên") - 1], lao[header.IndexOf("Ủy ban nhân dân tỉnh Điện Biên") - 1]));
        Assert.Contains("/api/national-reports/ttdn-national/2022/consolidation.docx", page);
        Assert.Contains("/api/national-reports/ttdn-national/2022/consolidation.xlsx", page);
        using var docx = await trunguong.GetAsync("/api/national-reports/ttdn-national/2022/consolidation.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        // Provincial officers and leaders see neither the page nor the link; the national officer reviews no agency report.
        Assert.True(IsAccessDeniedRedirect(await chuyenvien.GetAsync(url)));
        Assert.True(IsAccessDeniedRedirect(await lanhdao.GetAsync(url)));
        Assert.DoesNotContain("/Reports/National", await chuyenvien.GetStringAsync("/Reports"));
        var agencyReport = await app.WithDbAsync(db => db.AgencyReports.Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await trunguong.GetAsync($"/api/reports/{agencyReport}")).StatusCode);
    }

    private static string Row(string page, string province) =>
        Regex.Match(page, $"<tr data-province=\"{Regex.Escape(province)}\">(.*?)</tr>", RegexOptions.Singleline).Value;

    /// <summary>The numbers of one row of the by-province table: the total, then one per province.</summary>
    private static List<string> Cells(string table, string code, string? part)
    {
        var attributes = part is null ? $"<tr data-code=\"{code}\">" : $"<tr data-code=\"{code}\" data-part=\"{part}\">";
        var row = Regex.Match(table, Regex.Escape(attributes) + "(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return [.. Regex.Matches(row, "<td>(.*?)</td>").Select(m => m.Groups[1].Value).Where(v => !v.StartsWith("- ", StringComparison.Ordinal))];
    }
}
