using System.Net;
using System.Net.Http.Json;

namespace Ttdn.BrowserTests;

/// <summary>
/// Huge uploads through the real Kestrel server (the in-memory test server has no request-size limit): a file over the
/// importer's limit but under the server's (64 MB for imports, not Kestrel's default 30 MB) gets the importer's message.
/// </summary>
public sealed class UploadLimitTests(AppServer server) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_30_MB_plan_passes_the_server_and_gets_the_importers_message_nothing_saved()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(server.BaseUrl) };
        var signIn = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "chuyenvien", password = AppServer.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var plansBefore = (await http.GetStringAsync("/api/plans")).Length;

        var thirty = await http.PostAsync("/api/plans/import", Upload(30));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, thirty.StatusCode);
        Assert.Contains("Tệp lớn hơn giới hạn 20 MB", await thirty.Content.ReadAsStringAsync()); // the importer's own words

        Assert.Equal(plansBefore, (await http.GetStringAsync("/api/plans")).Length);
    }

    private static MultipartFormDataContent Upload(int megabytes)
    {
        var text = new byte[megabytes * 1024 * 1024];
        Array.Fill(text, (byte)'a');
        return new MultipartFormDataContent { { new ByteArrayContent(text), "file", "ke-hoach.txt" } };
    }
}
