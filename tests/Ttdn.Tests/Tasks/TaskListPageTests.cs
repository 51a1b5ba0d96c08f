using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Ttdn.Plans;
using Ttdn.Tasks;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Tasks.TaskPagesKit;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tests.Tasks;

/// <summary>The task list: filters, scoping, sorting and the Excel export of exactly what is listed.</summary>
public sealed class TaskListPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Excel_export_has_the_header_and_one_row_per_listed_task_with_status_words_and_real_dates(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await PlanOfYearAsync(app, 2026);
        var listed = ListedOccurrences(await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}"));
        Assert.NotEmpty(listed);
        var expected = await app.WithDbAsync(db => TaskQueries.ListAsync(db, new TaskQueries.Filter(PlanId: plan), Today));

        using var response = await chuyenvien.GetAsync($"/Tasks?Plan={plan}&handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaskSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Nhiệm vụ", sheet.Name?.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Equal(["STT", "Kế hoạch", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Hạn", "Trạng thái", "Tỷ lệ (%)", "Ngày hoàn thành"],
            rows[0].Elements<Cell>().Select(TextOf).ToList());
        Assert.Equal(listed.Count, rows.Count - 1);
        Assert.Equal(expected.Count, rows.Count - 1);
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal("A2", pane.TopLeftCell?.Value);

        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToList();
            Assert.Equal(i + 1, int.Parse(cells[0].CellValue!.Text));
            Assert.Equal(expected[i].Text, TextOf(cells[2]));
            Assert.Equal(TaskStatusRules.Vietnamese(expected[i].Status), TextOf(cells[7]));
            Assert.Equal(expected[i].Percent, int.Parse(cells[8].CellValue!.Text));
            // The due date is a number (a date serial) formatted dd/mm/yyyy, not text.
            var due = cells[6];
            Assert.True(due.DataType is null || due.DataType.Value == CellValues.Number);
            Assert.Equal(expected[i].Due, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
            var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)due.StyleIndex!.Value);
            var numberFormat = styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
            Assert.Equal("dd/mm/yyyy", numberFormat.FormatCode?.Value);
        }
        Assert.Contains(expected, r => r.Status == TaskStatus.InProgressOverdue);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Status_filter_lists_only_that_status_and_the_export_follows_it(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await PlanOfYearAsync(app, 2026);
        var overdue = (await app.WithDbAsync(db => TaskQueries.ListAsync(db, new TaskQueries.Filter(PlanId: plan), Today)))
            .Where(r => r.Status == TaskStatus.InProgressOverdue).Select(r => r.OccurrenceId).ToList();
        Assert.NotEmpty(overdue);

        var html = MainOf(await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}&Status=InProgressOverdue"));

        Assert.Equal(overdue.Order().ToList(), ListedOccurrences(html).Select(x => x.OccurrenceId).Order().ToList());
        Assert.DoesNotContain("Hoàn thành đúng hạn</span>", html);
        Assert.Contains("href=\"/Tasks?Plan=" + plan + "&amp;Status=InProgressOverdue&amp;handler=Export\"", html);
        using var export = await chuyenvien.GetAsync($"/Tasks?Plan={plan}&Status=InProgressOverdue&handler=Export");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(overdue.Count + 1, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Text_search_without_diacritics_finds_the_task(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await PlanOfYearAsync(app, 2026);
        // Demo data: the monthly press-briefing duty of the 2026 plan ("Hội nghị giao ban báo chí").
        var briefing = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == plan && t.Text.Contains("giao ban báo chí")).Select(t => t.Id).FirstAsync());
        var publication = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == plan && !t.Text.Contains("giao ban")).Select(t => t.Id).FirstAsync());

        var listed = ListedOccurrences(MainOf(await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}&Q={Uri.EscapeDataString("hoi nghi giao ban bao chi")}")));

        Assert.NotEmpty(listed);
        Assert.Contains(listed, x => x.TaskId == briefing);
        Assert.DoesNotContain(listed, x => x.TaskId == publication);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_is_held_to_their_own_organisation_whatever_the_query_says(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var bao = await BaoThaiNguyenAsync(app);
        // Sở VHTTDL of the province: the demo lead-department officer's organisation, which leads many duties.
        var other = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.OrganisationId).SingleAsync());
        var allowed = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadAgencyId == bao || t.Coordinators.Any(c => c.OrganisationId == bao)).Select(t => t.Id).ToListAsync());

        var listed = ListedOccurrences(MainOf(await canbo.GetStringAsync($"/Tasks?Agency={other}")));
        using var export = await canbo.GetAsync($"/Tasks?Agency={other}&handler=Export");

        Assert.NotEmpty(listed);
        Assert.All(listed, x => Assert.Contains(x.TaskId, allowed));
        Assert.NotEqual(bao, other);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(listed.Count + 1, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Columns_sort_on_the_server_and_a_wrong_date_is_explained(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await PlanOfYearAsync(app, 2026);
        var rows = await app.WithDbAsync(db => TaskQueries.ListAsync(db, new TaskQueries.Filter(PlanId: plan), Today));

        var byDueDesc = ListedOccurrences(await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}&Sort=due&Dir=desc"));
        var byStatus = ListedOccurrences(await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}&Sort=status"));

        var dueOf = rows.ToDictionary(r => r.OccurrenceId, r => r.Due);
        Assert.Equal(byDueDesc.Select(x => dueOf[x.OccurrenceId]).OrderDescending().ToList(), byDueDesc.Select(x => dueOf[x.OccurrenceId]).ToList());
        var statusOf = rows.ToDictionary(r => r.OccurrenceId, r => r.Status);
        Assert.Equal(TaskStatus.InProgressOverdue, statusOf[byStatus[0].OccurrenceId]);

        var wrong = await chuyenvien.GetStringAsync($"/Tasks?Plan={plan}&From=32/01/2026");
        Assert.Contains("href=\"#From\"", wrong);
        Assert.Contains("không phải ngày", wrong);
    }

    /// <summary>The text of a cell, inline or shared.</summary>
    private static string TextOf(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
}
