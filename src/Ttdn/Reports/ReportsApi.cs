using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Shared;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;

namespace Ttdn.Reports;

public static class ReportsApi
{
    public sealed record VersionInput(int? Version);

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reports");
        api.MapGet("/report-templates", Templates);
        api.MapPut("/report-templates/{id:int}", TemplateAdmin.UpdateTemplate);
        api.MapPost("/indicators", TemplateAdmin.AddIndicator);
        api.MapPut("/indicators/{id:int}", TemplateAdmin.UpdateIndicator);
        api.MapGet("/reports/mine", Mine);
        api.MapPost("/reports/open", Open);
        api.MapGet("/reports/{id:int}", Get);
        api.MapPut("/reports/{id:int}", Save);
        api.MapPost("/reports/{id:int}/submit", Submit);
        api.MapPost("/reports/{id:int}/return", Return);
        api.MapPost("/reports/{id:int}/accept", Accept);
        api.MapPost("/reports/{id:int}/reopen", Reopen);
        var period = api.MapGroup("/plans/{planId:int}/reports/{template}/{period}");
        period.MapGet("/", Overview);
        period.MapPost("/remind/{organisationId:int}", Remind);
        period.MapGet("/consolidation", Consolidated);
        period.MapPut("/consolidation", Edit);
        period.MapPost("/consolidation/send", Send);
        period.MapPost("/consolidation/reopen", ReopenConsolidation);
        period.MapGet("/consolidation.xlsx", Spreadsheet);
        period.MapGet("/consolidation.docx", Docx);
        period.MapGet("/consolidation.pdf", Pdf).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/national-reports/{template}/{period}", National);
        api.MapGet("/national-reports/{template}/{period}/consolidation.xlsx", NationalSpreadsheet);
        api.MapGet("/national-reports/{template}/{period}/consolidation.docx", NationalDocx);
        api.MapGet("/national-reports/{template}/{period}/consolidation.pdf", NationalPdf).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Ok<List<TemplateAdmin.TemplateView>>> Templates(AppDb db, CancellationToken ct) => TypedResults.Ok(await TemplateAdmin.ListAsync(db, ct));

    /// <summary>The signed-in user's organisation's reports.</summary>
    private static async Task<Ok<List<ReportQueries.MineRow>>> Mine(ClaimsPrincipal user, AppDb db, CancellationToken ct) =>
        TypedResults.Ok(await ReportQueries.MineAsync(db, user.OrganisationId() ?? -1, ct));

    /// <summary>Opens (creating and pre-filling on first use) an organisation's report of a period: its own, or any for the lead department.</summary>
    private static async Task<Ok<ReportQueries.AgencyView>> Open(ReportActions.OpenInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var report = await ReportActions.OpenAsync(db, user, input, clock, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, report.Id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<ReportQueries.AgencyView>> Get(int id, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await EnsureVisibleAsync(db, user, id, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    /// <summary>Saves narratives (by section key, or "theme-{id}") and figures; send the version read to be protected against concurrent edits.</summary>
    private static async Task<Ok<ReportQueries.AgencyView>> Save(int id, ReportActions.SaveInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ReportActions.SaveAsync(db, user, id, input, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<ReportQueries.AgencyView>> Submit(int id, VersionInput? input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ReportActions.SubmitAsync(db, user, id, input?.Version, clock, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<ReportQueries.AgencyView>> Return(int id, ReportActions.CommentInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ReportActions.ReturnAsync(db, user, id, input.Comment, clock, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<ReportQueries.AgencyView>> Accept(int id, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ReportActions.AcceptAsync(db, user, id, clock, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    /// <summary>Unlocks an accepted report; the reason (comment) is recorded.</summary>
    private static async Task<Ok<ReportQueries.AgencyView>> Reopen(int id, ReportActions.CommentInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ReportActions.ReopenAsync(db, user, id, input.Comment, clock, ct);
        return TypedResults.Ok(await ReportQueries.AgencyAsync(db, id, TaskActions.Today(clock), ct));
    }

    /// <summary>Who has submitted the period's report, who is late, who never submitted.</summary>
    private static async Task<Ok<ReportQueries.Overview>> Overview(int planId, string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await ReportAccess.CanSeeAllOfPlanAsync(db, user, planId, ct))
            throw new DomainException("Chỉ Sở đầu mối và lãnh đạo của tỉnh xem được tình hình báo cáo của các đơn vị. (Only the lead department sees all submissions.)", 403);
        var (t, p) = await ConsolidationActions.ResolveAsync(db, template, period, ct);
        return TypedResults.Ok(await ReportQueries.OverviewAsync(db, planId, t, p, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<ReportActions.RemindResult>> Remind(int planId, string template, string period, int organisationId, ClaimsPrincipal user, AppDb db,
        IMailSender mail, SmtpOptions smtp, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ReportActions.RemindAsync(db, user, new ReportActions.OpenInput(planId, template, period, organisationId), mail, smtp, clock, ct));

    private static async Task<Ok<Consolidation.Result>> Consolidated(int planId, string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct));

    /// <summary>The officer's final text per section key ("intro" for the opening paragraph), the report number and date.</summary>
    private static async Task<Ok<Consolidation.Result>> Edit(int planId, string template, string period, ConsolidationActions.EditInput input, ClaimsPrincipal user,
        AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ConsolidationActions.EditAsync(db, user, planId, template, period, input, ct);
        return TypedResults.Ok(await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct));
    }

    /// <summary>Sends the province's consolidated report to the national office, where it then counts; the period's agency reports lock.</summary>
    private static async Task<NoContent> Send(int planId, string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ConsolidationActions.SendAsync(db, user, planId, template, period, clock, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Takes a sent report back for corrections, with the reason (comment); the period's agency reports unlock.</summary>
    private static async Task<Ok<Consolidation.Result>> ReopenConsolidation(int planId, string template, string period, ReportActions.CommentInput input, ClaimsPrincipal user,
        AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await ConsolidationActions.ReopenAsync(db, user, planId, template, period, input.Comment, clock, ct);
        return TypedResults.Ok(await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct));
    }

    private static async Task<FileContentHttpResult> Spreadsheet(int planId, string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var c = await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct);
        return TypedResults.File(IndicatorSpreadsheet.Write(c), IndicatorSpreadsheet.ContentType, $"chi-tieu-{c.Period.Label}.xlsx");
    }

    private static async Task<Ok<Consolidation.Result>> National(string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ConsolidationActions.NationalAsync(db, user, template, period, clock, ct));

    private static async Task<FileContentHttpResult> NationalSpreadsheet(string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var c = await ConsolidationActions.NationalAsync(db, user, template, period, clock, ct);
        return TypedResults.File(IndicatorSpreadsheet.Write(c), IndicatorSpreadsheet.ContentType, $"chi-tieu-cac-tinh-{c.Period.Label}.xlsx");
    }

    /// <summary>The consolidated BÁO CÁO in the Decree 30/2020 layout, with the officer's final text and number.</summary>
    private static async Task<FileContentHttpResult> Docx(int planId, string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        DocxFile(await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct), "bao-cao");

    /// <summary>The same report as PDF (through LibreOffice; 503 with the reason when it is not installed — the DOCX still works).</summary>
    private static async Task<FileContentHttpResult> Pdf(int planId, string template, string period, ClaimsPrincipal user, AppDb db, PdfConverter pdf, TimeProvider clock,
        CancellationToken ct) =>
        await PdfFileAsync(pdf, await ConsolidationActions.ForPlanAsync(db, user, planId, template, period, clock, ct), "bao-cao", ct);

    private static async Task<FileContentHttpResult> NationalDocx(string template, string period, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        DocxFile(await ConsolidationActions.NationalAsync(db, user, template, period, clock, ct), "bao-cao-cac-tinh");

    private static async Task<FileContentHttpResult> NationalPdf(string template, string period, ClaimsPrincipal user, AppDb db, PdfConverter pdf, TimeProvider clock,
        CancellationToken ct) =>
        await PdfFileAsync(pdf, await ConsolidationActions.NationalAsync(db, user, template, period, clock, ct), "bao-cao-cac-tinh", ct);

    private static FileContentHttpResult DocxFile(Consolidation.Result c, string stem) =>
        TypedResults.File(DocxRenderer.Render(ReportDocument.Build(c)), DocxRenderer.ContentType, $"{stem}-{c.Period.Label}.docx");

    private static async Task<FileContentHttpResult> PdfFileAsync(PdfConverter pdf, Consolidation.Result c, string stem, CancellationToken ct) =>
        TypedResults.File(await pdf.ConvertAsync(DocxRenderer.Render(ReportDocument.Build(c)), ct), PdfConverter.ContentType, $"{stem}-{c.Period.Label}.pdf");

    public static async Task EnsureVisibleAsync(AppDb db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var report = await db.AgencyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new DomainException("Không tìm thấy báo cáo. (Report not found.)", 404);
        if (!await ReportAccess.CanSeeAsync(db, user, report, ct))
            throw new DomainException("Bạn chỉ xem được báo cáo của đơn vị mình. (You may only see your own organisation's report.)", 403);
    }
}
