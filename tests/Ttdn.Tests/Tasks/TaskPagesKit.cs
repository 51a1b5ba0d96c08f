using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Plans;
using Ttdn.Tasks;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Tasks;

/// <summary>
/// Helpers for the task-page tests: the demo organisations and tasks they act on, browser-like form posts
/// (multipart with files, as the progress form sends them), and "did anything change" snapshots.
/// </summary>
internal static partial class TaskPagesKit
{
    /// <summary>Today under the test clock (2026-11-23 02:00 UTC = 09:00 in Vietnam).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static Task<int> OrganisationIdAsync(TestApp app, string name) => app.WithDbAsync(db =>
        db.Organisations.Where(o => o.Name == name && o.ValidTo == null).Select(o => o.Id).SingleAsync());

    /// <summary>The organisation of the demo agency officer "canbo".</summary>
    public static Task<int> BaoThaiNguyenAsync(TestApp app) => OrganisationIdAsync(app, "Báo Thái Nguyên");

    public static Task<int> PlanOfYearAsync(TestApp app, int year) => app.WithDbAsync(db =>
        db.Plans.Where(p => p.PeriodStart.Year == year).Select(p => p.Id).SingleAsync());

    public sealed record OccurrenceInfo(int TaskId, int OccurrenceId, int Version, DateOnly Due, DateOnly? CompletedOn, int LeadAgencyId);

    /// <summary>A one-off duty of the given plan led by <paramref name="agencyId"/> whose occurrence matches <paramref name="where"/>.</summary>
    public static Task<OccurrenceInfo> OccurrenceAsync(TestApp app, int planId, int agencyId, Func<OccurrenceInfo, bool> where) => app.WithDbAsync(async db =>
    {
        var all = await db.TaskOccurrences.AsNoTracking()
            .Where(o => o.Task!.PlanId == planId && o.Task.LeadAgencyId == agencyId && o.Task.Recurrence == Recurrence.None)
            .OrderBy(o => o.Task!.Order)
            .Select(o => new OccurrenceInfo(o.PlanTaskId, o.Id, o.Version, o.ExtendedTo ?? o.Due, o.CompletedOn, o.Task!.LeadAgencyId))
            .ToListAsync();
        return all.First(where);
    });

    /// <summary>A one-off duty of the plan led by an agency other than <paramref name="notAgencyId"/> and not co-ordinated by it.</summary>
    public static Task<OccurrenceInfo> OtherAgencysOccurrenceAsync(TestApp app, int planId, int notAgencyId) => app.WithDbAsync(async db =>
        await db.TaskOccurrences.AsNoTracking()
            .Where(o => o.Task!.PlanId == planId && o.Task.LeadAgencyId != notAgencyId && o.Task.Coordinators.All(c => c.OrganisationId != notAgencyId)
                && o.Task.Recurrence == Recurrence.None && o.CompletedOn == null)
            .OrderBy(o => o.Task!.Order)
            .Select(o => new OccurrenceInfo(o.PlanTaskId, o.Id, o.Version, o.ExtendedTo ?? o.Due, o.CompletedOn, o.Task!.LeadAgencyId))
            .FirstAsync());

    public static Task<TaskOccurrence> LoadOccurrenceAsync(TestApp app, int occurrenceId) => app.WithDbAsync(db =>
        db.TaskOccurrences.AsNoTracking().SingleAsync(o => o.Id == occurrenceId));

    /// <summary>Counts of every follow-up table a task page could write; equal snapshots mean nothing was saved.</summary>
    public sealed record Snapshot(int Updates, int Attachments, int Extensions, int Explanations, int Comments, string Occurrences);

    public static Task<Snapshot> FollowUpSnapshotAsync(TestApp app) => app.WithDbAsync(async db => new Snapshot(
        await db.ProgressUpdates.CountAsync(), await db.Attachments.CountAsync(), await db.ExtensionRequests.CountAsync(),
        await db.ExplanationRequests.CountAsync(), await db.TaskComments.CountAsync(),
        string.Join(",", await db.TaskOccurrences.OrderBy(o => o.Id).Select(o => o.Id + ":" + o.Version + ":" + o.Percent).ToListAsync())));

    public sealed record Upload(string FileName, string ContentType, byte[] Content);

    /// <summary>Posts a multipart form the way a browser sends the progress form: GET the page for its antiforgery token, then POST.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<Upload>? files = null, string? formPage = null)
    {
        var token = await TokenAsync(client, formPage ?? url);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var file in files ?? [])
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, "Files", file.FileName);
        }
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The progress form fields for one occurrence, as the page renders them.</summary>
    public static Dictionary<string, string> ProgressForm(OccurrenceInfo o, string? percent = null, string? narrative = null, string? links = null, bool completed = false)
    {
        var form = new Dictionary<string, string> { ["OccurrenceId"] = o.OccurrenceId.ToString(), ["Version"] = o.Version.ToString() };
        if (percent is not null) form["Percent"] = percent;
        if (narrative is not null) form["Narrative"] = narrative;
        if (links is not null) form["Links"] = links;
        if (completed) form["Completed"] = "true";
        return form;
    }

    /// <summary>A successful form post: redirected back to the task page (post/redirect/get).</summary>
    public static void AssertBackOnTaskPage(HttpResponseMessage response, int taskId)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        Assert.StartsWith($"/Tasks/{taskId}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The hidden Version the page's progress form carries.</summary>
    public static int FormVersion(string html) => int.Parse(VersionPattern().Match(html).Groups[1].Value);

    /// <summary>Task ids linked from a page's rows (links to /Tasks/{id}, not to /Tasks/Mine).</summary>
    public static HashSet<int> LinkedTaskIds(string html) => TaskLinkPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();

    /// <summary>Row links of the task list: (task id, occurrence id) in page order.</summary>
    public static List<(int TaskId, int OccurrenceId)> ListedOccurrences(string html) =>
        RowLinkPattern().Matches(html).Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value))).ToList();

    /// <summary>The text inside &lt;main&gt;, so the layout's own forms and links do not count.</summary>
    public static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return start < 0 || end < 0 ? html : html[start..end];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("href=\"/Tasks/(\\d+)[\"?#]")]
    private static partial Regex TaskLinkPattern();

    [GeneratedRegex("<td><a href=\"/Tasks/(\\d+)\\?occurrence=(\\d+)\">")]
    private static partial Regex RowLinkPattern();
}
