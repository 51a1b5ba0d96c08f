using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// <c>POST /api/plans/import</c> (multipart, field <c>file</c>): the parsed plan as <see cref="ImportJson"/> — the same JSON as
/// <c>ttdn plan import --json</c>. With <c>dryRun=true</c> nothing is saved; otherwise a draft plan is created and its address returned.
/// Antiforgery is off for this one form endpoint (API clients send no form token); the auth cookie is SameSite=Lax, so a cross-site
/// form cannot carry it.
/// </summary>
public static class PlanImportApi
{
    public static void MapPlanImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/plans/import", Import).WithTags("Plans").DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes });

    private static async Task<Results<Ok<ImportJson>, Created<ImportJson>>> Import(IFormFile file, bool? dryRun, ClaimsPrincipal user, AppDb db,
        IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        if (!user.CanEditPlans())
            throw new DomainException("Chỉ Sở đầu mối hoặc quản trị được nhập kế hoạch. (Only the lead department imports plans.)", 403);
        ImportResult result;
        await using (var stream = file.OpenReadStream())
            result = PlanImporter.Import(stream, file.FileName, null, MaxBytes(config));
        var province = await Initialiser.HomeProvinceAsync(db, config, ct);
        result = await ImportMatcher.MatchAsync(db, result, province.Id, ct);
        if (dryRun == true) return TypedResults.Ok(ImportJson.From(result));
        var plan = await ImportSaver.SaveAsync(db, user, result, province.Id, clock, ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", ImportJson.From(result));
    }

    /// <summary>What the server accepts for an import request: more than the importer's limit, so that limit's message is the one seen.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>Configuration Import:MaxMegabytes (default 20).</summary>

    public static long MaxBytes(IConfiguration config) =>
        (long.TryParse(config["Import:MaxMegabytes"], out var mb) && mb > 0 ? mb : PlanImporter.DefaultMaxBytes / 1024 / 1024) * 1024 * 1024;
}
