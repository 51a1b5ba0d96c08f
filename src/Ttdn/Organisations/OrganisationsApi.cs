using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

public static class OrganisationsApi
{
    public sealed record AliasView(int Id, string Text, AliasKind Kind);
    public sealed record LinkView(int Id, int OrganisationId, string OrganisationName, SuccessionKind Kind, DateOnly EffectiveOn, string? DutyArea, string? Note);
    public sealed record Details(int Id, string Name, string? ShortName, OrganisationKind Kind, int? ProvinceId, string? ProvinceName,
        int? ParentId, string? ParentName, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note, int Version,
        IReadOnlyList<AliasView> Aliases, IReadOnlyList<LinkView> Predecessors, IReadOnlyList<LinkView> Successors);
    public sealed record AliasInput(string Text, AliasKind Kind = AliasKind.Abbreviation);
    public sealed record SuccessionInput(int SuccessorId, SuccessionKind Kind, DateOnly EffectiveOn, string? DutyArea, string? Note);
    public sealed record MergeInput(IReadOnlyList<int> AbsorbedIds, int SurvivorId, DateOnly EffectiveOn, string? Note);

    public static void MapOrganisations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organisations").WithTags("Organisations");
        api.MapGet("/", Search);
        api.MapGet("/{id:int}", Get);
        api.MapGet("/{id:int}/carrier", CarrierOn);
        api.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Admin);
        api.MapPost("/{id:int}/aliases", AddAlias).RequireAuthorization(Policies.Editor);
        api.MapDelete("/{id:int}/aliases/{aliasId:int}", RemoveAlias).RequireAuthorization(Policies.Editor);
        api.MapPost("/{id:int}/successions", AddSuccession).RequireAuthorization(Policies.Admin);
        api.MapPost("/merge", Merge).RequireAuthorization(Policies.Admin);
    }

    /// <summary>Find organisations by any name, insensitive to diacritics, đ, tone placement and punctuation.</summary>
    private static async Task<Ok<List<OrganisationDirectory.Match>>> Search(AppDb db, string? q, int? provinceId, DateOnly? on, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await OrganisationDirectory.FindAsync(db, q, provinceId, on, limit ?? 50, ct));

    private static async Task<Results<Ok<Details>, NotFound>> Get(int id, AppDb db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    /// <summary>Which organisation carries this one's duties on a date (default today), optionally for one duty area.</summary>
    private static async Task<Ok<OrganisationDirectory.Carrier>> CarrierOn(int id, DateOnly? on, string? duty, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var date = on ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Lang.VietnamTime).DateTime);
        return TypedResults.Ok(await OrganisationDirectory.CarrierOnAsync(db, id, date, duty, ct));
    }

    private static async Task<Created<Details>> Create(OrganisationChanges.Input input, AppDb db, CancellationToken ct)
    {
        var org = await OrganisationChanges.CreateAsync(db, input, ct);
        return TypedResults.Created($"/api/organisations/{org.Id}", (await LoadAsync(db, org.Id, ct))!);
    }

    private static async Task<Ok<Details>> Update(int id, OrganisationChanges.Input input, AppDb db, CancellationToken ct)
    {
        await OrganisationChanges.UpdateAsync(db, id, input, ct);
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    private static async Task<Results<Created<AliasView>, ForbidHttpResult>> AddAlias(int id, AliasInput input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        if (!user.CanEditOrganisationData(id)) return TypedResults.Forbid();
        var alias = await OrganisationChanges.AddAliasAsync(db, id, input.Text, input.Kind, ct);
        return TypedResults.Created($"/api/organisations/{id}", new AliasView(alias.Id, alias.Text, alias.Kind));
    }

    private static async Task<Results<NoContent, ForbidHttpResult>> RemoveAlias(int id, int aliasId, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        if (!user.CanEditOrganisationData(id)) return TypedResults.Forbid();
        await OrganisationChanges.RemoveAliasAsync(db, id, aliasId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Details>> AddSuccession(int id, SuccessionInput input, AppDb db, CancellationToken ct)
    {
        await OrganisationChanges.AddSuccessionAsync(db, id, input.SuccessorId, input.Kind, input.EffectiveOn, input.DutyArea, input.Note, ct);
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    private static async Task<Ok<Details>> Merge(MergeInput input, AppDb db, CancellationToken ct)
    {
        var survivor = await Merger.MergeAsync(db, input.AbsorbedIds ?? [], input.SurvivorId, input.EffectiveOn, input.Note, ct);
        return TypedResults.Ok((await LoadAsync(db, survivor.Id, ct))!);
    }

    public static async Task<Details?> LoadAsync(AppDb db, int id, CancellationToken ct = default)
    {
        var o = await db.Organisations.AsNoTracking().Include(x => x.Aliases).Include(x => x.Province).Include(x => x.Parent)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var predecessors = await db.Successions.AsNoTracking().Where(s => s.SuccessorId == id)
            .Select(s => new LinkView(s.Id, s.PredecessorId, s.Predecessor!.Name, s.Kind, s.EffectiveOn, s.DutyArea, s.Note)).ToListAsync(ct);
        var successors = await db.Successions.AsNoTracking().Where(s => s.PredecessorId == id)
            .Select(s => new LinkView(s.Id, s.SuccessorId, s.Successor!.Name, s.Kind, s.EffectiveOn, s.DutyArea, s.Note)).ToListAsync(ct);
        return new Details(o.Id, o.Name, o.ShortName, o.Kind, o.ProvinceId, o.Province?.Name, o.ParentId, o.Parent?.Name, o.ValidFrom, o.ValidTo,
            o.Note, o.Version, [.. o.Aliases.OrderBy(a => a.Text).Select(a => new AliasView(a.Id, a.Text, a.Kind))],
            [.. predecessors.OrderBy(l => l.EffectiveOn)], [.. successors.OrderBy(l => l.EffectiveOn)]);
    }
}
