using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Digests;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Tests.Documents;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The daily digest: made once after the digest hour, mailed with a link that opens the DOCX and the page without an account.</summary>
public sealed partial class DigestTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Yesterdays_digest_is_mailed_once_and_opens_without_an_account(Db provider)
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(provider, new()
        {
            ["Smtp:Host"] = smtp.Host, ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:BaseUrl"] = "https://ttdn.example.vn", ["Reminders:Enabled"] = "false",
        });
        // The test clock is 23/11/2026 09:00 in Vietnam: the corpus is moved to the day before, 08:00–16:00 Vietnam time.
        var yesterday = MediaCorpus.Items.Select((i, n) => i with { PublishedAt = new DateTime(2026, 11, 22, 1 + n, 0, 0, DateTimeKind.Utc), Url = i.Url + "?d=22" }).ToList();
        await app.WithDbAsync(async db =>
        {
            var source = new MediaSource { Name = "Điểm báo (test)", Format = SourceFormat.Import, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.MediaSources.Add(source);
            await db.SaveChangesAsync();
            return (await new MediaIngest(app.Clock).IngestAsync(db, source, yesterday)).Imported;
        });

        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/monitor/digests/recipients", new { name = "Lãnh đạo UBND", email = "lanhdao@thainguyen.example" })).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/monitor/digests/recipients", new { name = "X", email = "not-an-address" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("e-mail", await bad.Content.ReadAsStringAsync());
        var officer = await app.SignedInAsync("canbo");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/monitor/digests/recipients", new { name = "Y", email = "y@example.vn" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/monitor/digests", new { day = "2026-11-22" })).StatusCode);

        await using (var scope = app.Scope())
        {
            var job = scope.ServiceProvider.GetRequiredService<DigestJob>();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var digest = await job.RunAsync(db);
            Assert.Equal(new DateOnly(2026, 11, 22), digest!.Day);
            Assert.NotNull(digest.SentAt);
            await job.RunAsync(db); // a second pass the same morning sends nothing more
        }
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("Bản tin điểm báo ngày 22/11/2026", mail.Subject);
        Assert.Contains("Protests over pollution at Thai Nguyen factory", mail.Body); // the negative foreign item is called out
        var link = Link().Match(mail.Body).Value;
        Assert.StartsWith("https://ttdn.example.vn/digest/", link);
        var path = new Uri(link).AbsolutePath;

        var anonymous = app.Client();
        var docx = await anonymous.GetAsync(path + ".docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var reader = new DocxReader(await docx.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", reader.Lines());
        Assert.Contains("BẢN TIN", text);
        Assert.Contains("Điểm báo ngày 22/11/2026", text);
        Assert.Contains("TIN CẦN LƯU Ý", text);
        Assert.Contains("Thái Nguyên đón 2 triệu lượt khách du lịch", text);
        Assert.Contains("越南太原省茶叶出口增长", text);
        Assert.DoesNotContain("Thái Bình khởi công cầu mới", text); // about another province
        Assert.DoesNotContain("Lễ hội Hoa Ban", text); // Điện Biên's news is not in Thái Nguyên's digest

        var page = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bản tin điểm báo ngày 22/11/2026", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/digest/" + new string('0', 48) + ".docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/digest/guess")).StatusCode);
    }

    [GeneratedRegex(@"https://ttdn\.example\.vn/digest/[0-9a-f]{48}(?!\.)")]
    private static partial Regex Link();
}
