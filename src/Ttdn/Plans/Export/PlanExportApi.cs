using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ttdn.Data;
using Ttdn.Documents;

namespace Ttdn.Plans.Export;

/// <summary>The plan as an official document: DOCX always, PDF when LibreOffice is installed.</summary>
public static class PlanExportApi
{
    public static void MapPlanExport(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plans").WithTags("Plans");
        api.MapGet("/{id:int}/document.docx", Docx).Produces(StatusCodes.Status200OK, typeof(Stream), DocxRenderer.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/document.pdf", Pdf).Produces(StatusCodes.Status200OK, typeof(Stream), PdfConverter.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The plan in the Decree 30/2020 layout as a Word file, named after its number ("241-KH-UBND.docx").</summary>
    private static async Task<FileContentHttpResult> Docx(int id, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        var (bytes, name) = await DocxAsync(db, user, id, ct);
        return TypedResults.File(bytes, DocxRenderer.ContentType, name);
    }

    /// <summary>The same document as PDF (through LibreOffice); 503 with the reason when it cannot be made.</summary>
    private static async Task<FileContentHttpResult> Pdf(int id, ClaimsPrincipal user, AppDb db, PdfConverter pdf, CancellationToken ct)
    {
        var (bytes, name) = await PdfAsync(db, pdf, user, id, ct);
        return TypedResults.File(bytes, PdfConverter.ContentType, name);
    }

    public static async Task<(byte[] Bytes, string FileName)> DocxAsync(AppDb db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var doc = await PlanExport.ForUserAsync(db, user, id, ct);
        return (DocxRenderer.Render(doc), PlanExport.FileName(doc.Number, id, ".docx"));
    }

    public static async Task<(byte[] Bytes, string FileName)> PdfAsync(AppDb db, PdfConverter pdf, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var (docx, name) = await DocxAsync(db, user, id, ct);
        return (await pdf.ConvertAsync(docx, ct), Path.ChangeExtension(name, ".pdf"));
    }
}
