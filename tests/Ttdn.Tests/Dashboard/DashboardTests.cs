using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Dashboard;

/// <summary>
/// /Plans/{id}/Dashboard on the demo data of both databases: every number on the page is checked against a count made
/// directly from the task occurrences, independently of the query code behind the page.
/// </summary>
public sealed partial class DashboardTests
{
    private const string Plan2022 = "241/KH-UBND";
    private const string Ict = "Sở Thông tin và Truyền thông"; // leads 8 duties of 2022, several monthly: many occurrences
    private const string Newspaper = "Báo Thái Nguyên";         // leads 3 one-off duties: a small agency
    private const string Red = "Đỏ – có việc quá hạn", Amber = "Vàng – có việc hoàn thành chậm", Green = "Xanh – đúng tiến độ";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_2022_dashboard_shows_the_counts_of_the_database_traffic_lights_in_words_and_a_known_overdue_task(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var leader = await app.SignedInAsync("lanhdao");
        var planId = await PlanIdAsync(app, Plan2022);
        var today = new DateOnly(2026, 11, 23);

        var response = await leader.GetAsync($"/Plans/{planId}/Dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        foreach (var agency in new[] { Ict, Newspaper })
        {
            var expected = await FromDatabaseAsync(app, planId, today, agency: agency);
            Assert.True(expected.Total > 0, $"{agency} has duties in the 2022 plan");
            Assert.Equal(expected, RowOf(html, "agencies-table", agency));
            Assert.Contains(LightOf(expected), LightCellOf(html, "agencies-table", agency), StringComparison.Ordinal);
        }
        var all = await FromDatabaseAsync(app, planId, today);
        Assert.Equal([all.Total, (int)Math.Round(100.0 * (all.DoneOnTime + all.DoneLate) / all.Total), all.Overdue], Headline(html));
        Assert.Contains(Red, html, StringComparison.Ordinal);
        Assert.Contains("class=\"light red\"", html, StringComparison.Ordinal);

        // A theme's row counts the duties classified under it.
        var theme = await app.WithDbAsync(db => db.Themes.Where(t => t.PlanId == planId).OrderBy(t => t.Order).Select(t => new { t.Id, t.Number, t.Title }).FirstAsync());
        var themeName = $"{theme.Number}. {theme.Title}";
        Assert.Equal(await FromDatabaseAsync(app, planId, today, themeId: theme.Id), RowOf(html, "themes-table", themeName.Length <= 140 ? themeName : themeName[..139].TrimEnd() + "…"));

        // The oldest unfinished duty of the plan is on the overdue list, linked, with its due date and days overdue.
        var known = await app.WithDbAsync(db => db.TaskOccurrences.AsNoTracking()
            .Where(o => o.Task!.PlanId == planId && o.CompletedOn == null)
            .OrderBy(o => o.Due).ThenBy(o => o.Task!.Order)
            .Select(o => new { o.PlanTaskId, o.Due, o.Task!.Text, Agency = o.Task.LeadAgency!.Name }).FirstAsync());
        var overdue = Section(html, "<table class=\"dash-table\" id=\"overdue-table\">", "</table>");
        var row = Regex.Match(overdue, $"<tr>\\s*<td><a href=\"/Tasks/{known.PlanTaskId}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.NotEqual("", row);
        Assert.Contains(known.Text[..40], WebUtility.HtmlDecode(row), StringComparison.Ordinal);
        Assert.Contains($">{known.Agency}</td>", row, StringComparison.Ordinal);
        Assert.Contains($">{known.Due:dd/MM/yyyy}</td>", row, StringComparison.Ordinal);
        Assert.Contains($">{(today.DayNumber - known.Due.DayNumber).ToString("N0", Lang.Vietnamese)} ngày</td>", row, StringComparison.Ordinal);
        Assert.Equal(all.Overdue, Regex.Matches(overdue, "<a href=\"/Tasks/\\d+\">").Count);

        // Every chart is well-formed XML, an image for screen readers with a title and a description.
        var charts = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => XDocument.Parse(m.Value)).ToList();
        Assert.Equal(3, charts.Count);
        XNamespace svg = "http://www.w3.org/2000/svg";
        foreach (var chart in charts)
        {
            Assert.Equal("img", (string?)chart.Root!.Attribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(chart.Root.Element(svg + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(chart.Root.Element(svg + "desc")?.Value));
        }
        Assert.Contains(Newspaper, charts[1].Root!.Element(svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_overdue_list_shows_the_50_longest_overdue_and_links_to_the_task_list_for_all()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var planId = await PlanIdAsync(app, Plan2022);
        // 60 more unfinished weekly periods of one duty in 2023–2024, all past due: more than the dashboard lists.
        var before = await app.WithDbAsync(async db =>
        {
            var taskId = await db.PlanTasks.Where(t => t.PlanId == planId).OrderBy(t => t.Order).Select(t => t.Id).FirstAsync();
            for (var i = 0; i < 60; i++)
            {
                var start = new DateOnly(2023, 1, 1).AddDays(7 * i);
                var occurrence = new Ttdn.Tasks.TaskOccurrence(1000 + i, start, start.AddDays(6), start.AddDays(6));
                db.Add(occurrence);
                db.Entry(occurrence).Property(o => o.PlanTaskId).CurrentValue = taskId;
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var all = await FromDatabaseAsync(app, planId, new DateOnly(2026, 11, 23));
        Assert.True(all.Overdue > 60);

        var leader = await app.SignedInAsync("lanhdao");
        var html = await (await leader.GetAsync($"/Plans/{planId}/Dashboard")).Content.ReadAsStringAsync();
        var overdue = Section(html, "<table class=\"dash-table\" id=\"overdue-table\">", "</table>");
        Assert.Equal(50, Regex.Matches(overdue, "<a href=\"/Tasks/\\d+\">").Count);
        Assert.Contains($"href=\"/Tasks?Plan={planId}&amp;Status=InProgressOverdue\"", html, StringComparison.Ordinal);
        Assert.Contains($"Xem cả {all.Overdue.ToString("N0", Lang.Vietnamese)} việc quá hạn", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Tasks?Plan={planId}&Status=InProgressOverdue")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_asOf_date_gives_the_numbers_as_they_stood_on_that_day(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var leader = await app.SignedInAsync("lanhdao");
        var planId = await PlanIdAsync(app, Plan2022);
        var midYear = new DateOnly(2022, 6, 30);
        var yearEnd = new DateOnly(2022, 12, 31);

        var mid = await leader.GetStringAsync($"/Plans/{planId}/Dashboard?asOf=30/06/2022");
        var end = await leader.GetStringAsync($"/Plans/{planId}/Dashboard?asOf=31%2F12%2F2022");

        Assert.Contains("Tình hình đến ngày 30/06/2022", mid, StringComparison.Ordinal);
        Assert.Contains("Tình hình đến ngày 31/12/2022", end, StringComparison.Ordinal);
        var (allMid, allEnd) = (await FromDatabaseAsync(app, planId, midYear), await FromDatabaseAsync(app, planId, yearEnd));
        Assert.NotEqual(Headline(mid), Headline(end));
        Assert.Equal(allMid.Total, Headline(mid)[0]);
        Assert.Equal(allEnd.Total, Headline(end)[0]);
        Assert.True(allMid.Total < allEnd.Total, "monthly duties have fewer occurrences begun by mid-year");
        Assert.Equal(await FromDatabaseAsync(app, planId, midYear, agency: Ict), RowOf(mid, "agencies-table", Ict));
        Assert.Equal(await FromDatabaseAsync(app, planId, yearEnd, agency: Ict), RowOf(end, "agencies-table", Ict));
        Assert.NotEqual(RowOf(mid, "agencies-table", Ict), RowOf(end, "agencies-table", Ict));
        // Mid-year some agencies were on schedule, one had finished late without anything overdue.
        Assert.Contains(Green, mid, StringComparison.Ordinal);
        Assert.Contains(Amber, mid, StringComparison.Ordinal);
        Assert.Contains(Red, mid, StringComparison.Ordinal);

        // The read model behind the page (and the JSON API) gives the same numbers.
        var view = await app.WithDbAsync(db => DashboardApi.LoadAsync(db, planId, midYear, null));
        Assert.NotNull(view);
        var ict = view.ByAgency.Single(g => g.Name == Ict).Tally;
        Assert.Equal(RowOf(mid, "agencies-table", Ict), new Counts(ict.DoneOnTime, ict.DoneLate, ict.Overdue, ict.InProgressOnTime, ict.NotStarted, ict.Total));
        Assert.Equal(allMid.Overdue, view.Overdue.Count);
        Assert.All(view.Overdue, o => Assert.Equal(midYear.DayNumber - o.Due.DayNumber, o.DaysOverdue));
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_gets_a_message_saying_how_to_type_it_and_the_page_still_works()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var leader = await app.SignedInAsync("lanhdao");
        var planId = await PlanIdAsync(app, Plan2022);

        foreach (var bad in new[] { "hôm qua", "31/02/2022", "<b>2022</b>" })
        {
            var response = await leader.GetAsync($"/Plans/{planId}/Dashboard?asOf={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#AsOf\"", html, StringComparison.Ordinal);
            Assert.Contains($"Ngày &quot;{Html(bad)}&quot; không đúng dạng: hãy gõ ngày/tháng/năm, ví dụ 30/06/2022",
                html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>2022</b>", html, StringComparison.Ordinal);
            // The figures fall back to today and say so.
            Assert.Contains("Tình hình đến ngày 23/11/2026", html, StringComparison.Ordinal);
            Assert.Equal(3, Headline(html).Count);
        }
    }

    [Fact]
    public async Task Every_signed_in_role_may_read_it_others_are_sent_to_sign_in_and_an_unknown_plan_is_not_found()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var planId = await PlanIdAsync(app, Plan2022);
        foreach (var user in new[] { "lanhdao", "chuyenvien", "canbo", "khach", "admin" })
        {
            var client = await app.SignedInAsync(user);
            var response = await client.GetAsync($"/Plans/{planId}/Dashboard");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {response.StatusCode}");
        }
        var anonymous = await app.Client().GetAsync($"/Plans/{planId}/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Accounts/Login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var leader = await app.SignedInAsync("lanhdao");
        var missing = await leader.GetAsync("/Plans/987654/Dashboard");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Tables_sort_by_overdue_or_by_name_and_the_plan_picker_moves_between_plans()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var leader = await app.SignedInAsync("lanhdao");
        var planId = await PlanIdAsync(app, Plan2022);
        var current = await app.WithDbAsync(db => db.Plans.Where(p => p.CopiedFromId == planId).Select(p => p.Id).SingleAsync());

        var byOverdue = await leader.GetStringAsync($"/Plans/{planId}/Dashboard");
        var overdueCounts = RowNames(byOverdue, "agencies-table").Select(n => RowOf(byOverdue, "agencies-table", n).Overdue).ToList();
        Assert.Equal(overdueCounts.OrderByDescending(c => c), overdueCounts);
        Assert.Contains("aria-sort=\"descending\"", byOverdue, StringComparison.Ordinal);

        var byName = await leader.GetStringAsync($"/Plans/{planId}/Dashboard?sort=name&asOf=30/06/2022");
        var names = RowNames(byName, "agencies-table");
        Assert.Equal(names.Order(StringComparer.Create(Lang.Vietnamese, ignoreCase: true)), names);
        Assert.Contains("aria-sort=\"ascending\"", byName, StringComparison.Ordinal);
        // Switching the order keeps the date.
        Assert.Contains($"href=\"/Plans/{planId}/Dashboard?asOf=30%2F06%2F2022#agencies\"", byName, StringComparison.Ordinal);

        // The picker lists both demo plans and sends the browser to the chosen one's dashboard.
        Assert.Contains($"<option value=\"{current}\">", byOverdue, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{planId}\" selected=\"selected\">", byOverdue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Plans/{planId}\"", byOverdue, StringComparison.Ordinal);
        var moved = await leader.GetAsync($"/Plans/{planId}/Dashboard?plan={current}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/Plans/{current}/Dashboard", moved.Headers.Location!.ToString());
        var currentPage = await leader.GetStringAsync($"/Plans/{current}/Dashboard");
        Assert.Contains("Tình hình đến ngày 23/11/2026", currentPage, StringComparison.Ordinal);
        Assert.Contains(Newspaper, currentPage, StringComparison.Ordinal);
    }

    // ---- helpers ----

    /// <summary>Done on time, done late, overdue, in progress on time, not started, total: the order of the table's number columns.</summary>
    public sealed record Counts(int DoneOnTime, int DoneLate, int Overdue, int InProgress, int NotStarted, int Total);

    private static Task<int> PlanIdAsync(TestApp app, string number) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync());

    /// <summary>
    /// Counts straight from the occurrences, written out here rather than reusing the app's query code: an occurrence
    /// counts once it has begun; progress recorded after <paramref name="asOf"/> had not happened yet on that day.
    /// </summary>
    private static Task<Counts> FromDatabaseAsync(TestApp app, int planId, DateOnly asOf, string? agency = null, int? themeId = null) =>
        app.WithDbAsync(async db =>
        {
            var q = db.TaskOccurrences.AsNoTracking().Where(o => o.Task!.PlanId == planId && o.Start <= asOf);
            if (agency is not null) q = q.Where(o => o.Task!.LeadAgency!.Name == agency);
            if (themeId is not null) q = q.Where(o => o.Task!.Themes.Any(t => t.ThemeId == themeId));
            var rows = await q.Select(o => new { Due = o.ExtendedTo ?? o.Due, o.StartedOn, o.CompletedOn }).ToListAsync();
            int onTime = 0, late = 0, overdue = 0, inProgress = 0, notStarted = 0;
            foreach (var o in rows)
            {
                if (o.CompletedOn is { } done && done <= asOf)
                {
                    if (done <= o.Due) onTime++;
                    else late++;
                }
                else if (asOf > o.Due) overdue++;
                else if (o.StartedOn is { } started && started <= asOf) inProgress++;
                else notStarted++;
            }
            return new Counts(onTime, late, overdue, inProgress, notStarted, rows.Count);
        });

    /// <summary>What Razor writes for a text: markup characters encoded, Vietnamese letters as themselves.</summary>
    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal);

    private static string LightOf(Counts c) => c.Overdue > 0 ? Red : c.DoneLate > 0 ? Amber : Green;

    private static string Section(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"Not on the page: {start}");
        return html[from..(html.IndexOf(end, from, StringComparison.Ordinal) + end.Length)];
    }

    private static string TableOf(string html, string id) => Section(html, $"id=\"{id}\"", "</table>");

    private static string RowHtml(string html, string tableId, string name)
    {
        var row = Regex.Match(TableOf(html, tableId), $"<th scope=\"row\">{Regex.Escape(Html(name))}</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row \"{name}\" in {tableId}");
        return row.Groups[1].Value;
    }

    private static Counts RowOf(string html, string tableId, string name)
    {
        var n = Regex.Matches(RowHtml(html, tableId, name), "<td class=\"num\"[^>]*>([^<]*)</td>")
            .Select(m => int.Parse(m.Groups[1].Value.Trim(), NumberStyles.AllowThousands, Lang.Vietnamese)).ToList();
        Assert.Equal(6, n.Count);
        return new Counts(n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    private static string LightCellOf(string html, string tableId, string name) =>
        Regex.Match(RowHtml(html, tableId, name), "<td class=\"light-cell\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;

    private static List<string> RowNames(string html, string tableId) =>
        Regex.Matches(TableOf(html, tableId), "<th scope=\"row\">([^<]*)</th>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The three headline numbers: items begun, percent done, overdue.</summary>
    private static List<int> Headline(string html) =>
        Regex.Matches(Section(html, "<ul class=\"dash-headline\">", "</ul>"), "<strong>([0-9.]+)%?</strong>")
            .Select(m => int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, Lang.Vietnamese)).ToList();
}

/// <summary>The SVG writer on its own: escaping, empty data, culture-proof coordinates.</summary>
public sealed class SvgTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static readonly Svg.Series[] Series =
    [
        new("Hoàn thành đúng hạn", Svg.Palette.Ok, Svg.Fill.Solid),
        new("Quá hạn <khẩn> & \"gấp\"", Svg.Palette.Error, Svg.Fill.CrossHatch),
        new("Chưa thực hiện", Svg.Palette.Grey, Svg.Fill.Light, Svg.Palette.Text),
    ];

    [Fact]
    public void Labels_titles_and_descriptions_with_markup_characters_are_escaped_and_read_back_unchanged()
    {
        const string label = "Sở <Văn hóa> & \"Du lịch\" 'mới'";
        var text = Svg.StackedBars("a<&>\"", "Tiêu đề <&>", "Mô tả <script>alert(1)</script> & hết", Series, [new Svg.Row(label, [2, 1, 0])], "việc");

        var doc = XDocument.Parse(text);
        Assert.Equal("Tiêu đề <&>", doc.Root!.Element(Ns + "title")!.Value);
        Assert.StartsWith("Mô tả <script>alert(1)</script> & hết", doc.Root.Element(Ns + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(Ns + "text"), t => t.Nodes().OfType<XText>().Any(n => n.Value == label));
        Assert.Contains(doc.Descendants(Ns + "text"), t => t.Value == "Quá hạn <khẩn> & \"gấp\"");
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("a-----title", (string?)doc.Root.Element(Ns + "title")!.Attribute("id"));
        Assert.Equal("&lt;&amp;&gt;&quot;&apos;", Svg.Escape("<&>\"'"));
        Assert.Equal("ab", Svg.Escape("a\u0001b"));
    }

    [Fact]
    public void Zero_totals_draw_empty_charts_without_dividing_by_zero()
    {
        var bars = Svg.StackedBars("z", "Trống", "", Series, [new Svg.Row("Sở A", [0, 0, 0]), new Svg.Row("Sở B", [0, 0, 0])], "việc");
        var donut = Svg.Donut("d", "Trống", "", Series, [0, 0, 0], "0%", "đã hoàn thành", "việc");
        var none = Svg.StackedBars("n", "Không có dòng", "", Series, [], "việc");

        foreach (var text in new[] { bars, donut, none })
        {
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
            var doc = XDocument.Parse(text);
            Assert.Equal("img", (string?)doc.Root!.Attribute("role"));
        }
        Assert.Contains("0 (0%)", donut, StringComparison.Ordinal);
        Assert.Equal("0%", Svg.Percent(0, 0));
        Assert.Contains("Chưa có số liệu", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinates_use_a_decimal_point_even_when_the_page_is_Vietnamese()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Lang.Vietnamese;
            var text = Svg.StackedBars("c", "T", "", Series, [new Svg.Row("A", [1, 2, 4]), new Svg.Row("B", [1234, 1, 1])], "việc");
            var doc = XDocument.Parse(text);
            foreach (var attr in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" && !a.Value.EndsWith('%')))
                Assert.True(double.TryParse(attr.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{attr.Name}=\"{attr.Value}\"");
            // Counts, on the other hand, are written the Vietnamese way.
            Assert.Contains(doc.Descendants(Ns + "text"), t => t.Value == "1.236 việc");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Colour_is_never_the_only_cue_each_series_has_a_pattern_and_a_legend_entry()
    {
        var doc = XDocument.Parse(Svg.StackedBars("p", "T", "", Series, [new Svg.Row("A", [3, 2, 1])], "việc"));
        var patterns = doc.Descendants(Ns + "pattern").ToList();
        Assert.Equal(Series.Length, patterns.Count);
        Assert.Equal(patterns.Count, patterns.Select(p => (string?)p.Attribute("id")).Distinct().Count());
        Assert.True(patterns.Count(p => p.Elements().Count() > 1) >= 2, "striped, hatched or dotted fills besides colour");
        foreach (var s in Series)
            Assert.Contains(doc.Descendants(Ns + "text"), t => t.Value == s.Label);
        // Each segment says what it is when pointed at.
        Assert.Contains(doc.Descendants(Ns + "rect").Elements(Ns + "title"), t => t.Value == "A – Hoàn thành đúng hạn: 3");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Svg.StackedBars("x", "T", "", Series, [new Svg.Row("A", [1, 2])], "việc"));
        Assert.Throws<ArgumentException>(() => Svg.Donut("x", "T", "", Series, [1, -1, 0], "", "", "việc"));
    }
}
