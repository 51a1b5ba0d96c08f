using Microsoft.EntityFrameworkCore;
using Ttdn.Data;

namespace Ttdn.Shared;

public static class Health
{
    public sealed record Report(string Status, string Database, string? Error, string Version);

    /// <summary>GET /healthz: 200 when the database answers, 503 with the reason when it does not.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async Task<IResult> (AppDb db, DatabaseSettings settings, CancellationToken ct) =>
        {
            var version = typeof(Health).Assembly.GetName().Version?.ToString() ?? "";
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return TypedResults.Ok(new Report("ok", settings.Describe(), null, version));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return TypedResults.Json(new Report("unavailable", settings.Describe(), e.Message, version), statusCode: 503);
            }
        }).AllowAnonymous().WithTags("Health");
}
