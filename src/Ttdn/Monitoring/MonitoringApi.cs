using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Digests;
using Ttdn.Monitoring.Fetching;
using Ttdn.Monitoring.Import;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Polling;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Shared;

namespace Ttdn.Monitoring;

/// <summary>Media monitoring's services and its JSON API under /api/monitor.</summary>
public static class MonitoringApi
{
    /// <summary>An import file may be large (a month of a page's posts); the request limit is set per endpoint.</summary>
    public const long MaxImportBytes = 200L * 1024 * 1024;

    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<MediaIngest>();
        services.AddSingleton<MediaImporter>();
        services.AddSingleton<AlertRules>();
        services.AddSingleton<Digests.DigestJob>();
        services.AddSingleton(new FetchOptions());
        services.AddHttpClient("monitoring").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // PoliteFetcher follows redirects itself, checking robots.txt and limits per hop
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        services.AddSingleton(sp => new PoliteFetcher(sp.GetRequiredService<IHttpClientFactory>().CreateClient("monitoring"),
            sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SourcePoller>();
        services.AddSingleton(MonitoringOptions.From(config));
        services.AddHostedService<MonitoringWorker>();
        return services;
    }

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitor").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/items", Items);
        api.MapGet("/items/{id:long}", Item);
        api.MapPost("/items/{id:long}/tone", OverrideTone);
        api.MapPost("/import", ImportFile).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxImportBytes });
        api.MapGet("/sources", Sources);
        api.MapPost("/sources", AddSource);
        api.MapPut("/sources/{id:int}", UpdateSource);
        api.MapPost("/sources/{id:int}/fetch", FetchNow);
        api.MapGet("/sources/{id:int}/runs", Runs);
        api.MapGet("/alerts", AlertList);
        api.MapPost("/alerts/{id:long}/acknowledge", Acknowledge);
        api.MapPost("/alerts/acknowledge-all", AcknowledgeAll);
        app.MapDigests();
    }

    /// <summary>RankedNewestOnly: more than MediaSearch.RankWindow items matched, so relevance was ranked among the newest of them.</summary>
    public sealed record ItemsPage(int Total, bool TotalIsAtLeast, bool RankedNewestOnly, IReadOnlyList<ItemView> Items);

    /// <summary>Search and filter collected items. q: words, "quoted phrases"; diacritics optional.</summary>
    private static async Task<Ok<ItemsPage>> Items(AppDb db, string? q, DateOnly? from, DateOnly? to, int? source, string? language, string? province,
        Tone? tone, int? theme, bool? foreign, long? cluster, SearchOrder? order, int? limit, int? offset, CancellationToken ct)
    {
        var filter = new MediaFilter(q, from is { } f ? Lang.VietnamMidnightUtc(f) : null, to is { } t ? Lang.VietnamMidnightUtc(t.AddDays(1)) : null, source, language,
            province, tone, theme, foreign, cluster, null, order ?? SearchOrder.Relevance, limit ?? 50, offset ?? 0);
        var hits = await MediaSearch.For(db).SearchAsync(db, filter, ct);
        return TypedResults.Ok(new ItemsPage(hits.Total, hits.TotalIsAtLeast, hits.RankedNewestOnly, await ItemView.LoadAsync(db, hits.Ids, SearchQuery.Parse(q), ct)));
    }

    public sealed record ItemDetail(ItemView Item, string Text, Tone DetectedTone, string? ToneOverriddenBy, DateTime? ToneOverriddenAt, int Version,
        IReadOnlyList<string> Themes, IReadOnlyList<ItemView> SameStory);

    private static async Task<Results<Ok<ItemDetail>, NotFound>> Item(long id, AppDb db, CancellationToken ct)
    {
        var detail = await ItemDetailAsync(db, id, ct);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<ItemDetail?> ItemDetailAsync(AppDb db, long id, CancellationToken ct)
    {
        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var view = (await ItemView.LoadAsync(db, [id], null, ct)).Single();
        var themes = await db.MediaItemThemes.Where(t => t.ItemId == id).Join(db.Themes, t => t.ThemeId, th => th.Id, (t, th) => th.Title).ToListAsync(ct);
        var story = await db.MediaItems.AsNoTracking().Where(i => i.ClusterId == item.ClusterId && i.Id != id).OrderBy(i => i.PublishedAt).Select(i => i.Id).Take(50).ToListAsync(ct);
        return new ItemDetail(view, item.Text, item.DetectedTone, item.ToneOverriddenBy, item.ToneOverriddenAt, item.Version, themes,
            await ItemView.LoadAsync(db, story, null, ct));
    }

    public sealed record ToneInput(Tone Tone, int? Version);

    private static async Task<Ok<ItemDetail>> OverrideTone(long id, ToneInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await SetToneAsync(db, user, id, input.Tone, input.Version, clock, ct);
        return TypedResults.Ok((await ItemDetailAsync(db, id, ct))!);
    }

    public static async Task SetToneAsync(AppDb db, ClaimsPrincipal user, long id, Tone tone, int? version, TimeProvider clock, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException("Không tìm thấy tin. (Item not found.)", 404);
        if (version is { } v && v != item.Version)
            throw new DomainException("Người khác vừa sửa sắc thái của tin này; hãy tải lại trang để xem. (Someone else changed this item; reload.)", 409);
        item.OverrideTone(tone, user.Identity?.Name ?? "?", clock.GetUtcNow().UtcDateTime);
        item.Version++;
        await db.SaveChangesAsync(ct);
    }

    public sealed record ImportOutcome(int Imported, int Duplicates, int RejectedCount, IReadOnlyList<Rejection> Rejected);

    private static async Task<Ok<ImportOutcome>> ImportFile(IFormFile file, string? source, ClaimsPrincipal user, AppDb db, MediaImporter importer, AlertRules alerts,
        IConfiguration config, CancellationToken ct) =>
        TypedResults.Ok(await ImportAsync(db, user, importer, alerts, file, source, MaxImportFileBytes(config), ct));

    /// <summary>Monitoring:MaxImportMegabytes, at most the request limit: a file over it is refused with a message, not by the server.</summary>
    public static long MaxImportFileBytes(IConfiguration config) =>
        long.TryParse(config["Monitoring:MaxImportMegabytes"], out var mb) && mb > 0 && mb * 1024 * 1024 < MaxImportBytes ? mb * 1024 * 1024 : MaxImportBytes - 1024 * 1024;

    /// <summary>The API's and the import page's one path: import, then the alert rules (a negative foreign post alerts at once).</summary>
    public static async Task<ImportOutcome> ImportAsync(AppDb db, ClaimsPrincipal user, MediaImporter importer, AlertRules alerts, IFormFile file, string? source,
        long maxBytes, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        if (file.Length > maxBytes)
            throw new DomainException($"Tệp lớn hơn giới hạn {maxBytes / 1024 / 1024} MB; chưa nhập gì. Hãy chia tệp thành nhiều phần nhỏ hơn rồi nhập lần lượt. (The file exceeds the {maxBytes / 1024 / 1024} MB limit; nothing was imported.)", 413);
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(db, stream, file.FileName, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), null, ct);
        await alerts.EvaluateAsync(db, ct);
        return new ImportOutcome(result.Imported, result.Duplicates, result.Rejected.Count, result.Rejected.Take(500).ToList());
    }

    public sealed record SourceView(int Id, string Name, string? Url, SourceKind Kind, SourceFormat Format, string Country, string Language, string Tags,
        bool Active, int PollMinutes, bool FetchArticles, DateTime? LastSuccessAt, DateTime? LastErrorAt, string? LastError, DateTime? NextFetchAt,
        SourceHealthStatus Health, string HealthReason, double ItemsPerDay, int Items, int Version);

    private static async Task<Ok<List<SourceView>>> Sources(AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SourceViewsAsync(db, clock, ct));

    public static async Task<List<SourceView>> SourceViewsAsync(AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sources = await db.MediaSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var healthOf = await SourceHealthQuery.AssessAsync(db, now, ct);
        var counts = await db.MediaItems.GroupBy(i => i.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return sources.Select(s =>
        {
            var health = s.Format == SourceFormat.Import
                ? new SourceHealthState(SourceHealthStatus.Healthy, null, null, null, 0, "Nguồn nhập từ tệp (filled by imports)")
                : healthOf[s.Id];
            return new SourceView(s.Id, s.Name, s.Url, s.Kind, s.Format, s.Country, s.Language, s.Tags, s.Active, s.PollMinutes, s.FetchArticles,
                s.LastSuccessAt, s.LastErrorAt, s.LastError, s.NextFetchAt, health.Status, health.Reason, health.ItemsPerDay, counts.GetValueOrDefault(s.Id), s.Version);
        }).ToList();
    }

    public sealed record SourceInput(string Name, string? Url, SourceKind Kind, SourceFormat Format, string? Country, string? Language, string? Tags,
        bool? Active, int? PollMinutes, bool? FetchArticles, int? Version);

    private static async Task<Created<SourceView>> AddSource(SourceInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var source = await SaveSourceAsync(db, user, null, input, clock, ct);
        return TypedResults.Created($"/api/monitor/sources/{source.Id}", (await SourceViewsAsync(db, clock, ct)).Single(s => s.Id == source.Id));
    }

    private static async Task<Ok<SourceView>> UpdateSource(int id, SourceInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await SaveSourceAsync(db, user, id, input, clock, ct);
        return TypedResults.Ok((await SourceViewsAsync(db, clock, ct)).Single(s => s.Id == id));
    }

    public static async Task<MediaSource> SaveSourceAsync(AppDb db, ClaimsPrincipal user, int? id, SourceInput input, TimeProvider clock, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var source = id is null ? new MediaSource { CreatedAt = clock.GetUtcNow().UtcDateTime }
            : await db.MediaSources.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException("Không tìm thấy nguồn tin. (Source not found.)", 404);
        if (id is not null && input.Version is { } v && v != source.Version)
            throw new DomainException("Người khác vừa sửa nguồn này; hãy tải lại trang. (Someone else changed this source; reload.)", 409);
        var urlChanged = source.Url != input.Url?.Trim();
        source.Name = input.Name ?? "";
        source.Url = input.Url;
        source.Kind = input.Kind;
        source.Format = input.Format;
        source.Country = string.IsNullOrWhiteSpace(input.Country) ? "VN" : input.Country.Trim();
        source.Language = Languages.Normalise(input.Language) ?? "vi";
        source.Tags = (input.Tags ?? "").Trim();
        source.Active = input.Active ?? true;
        source.PollMinutes = input.PollMinutes ?? 60;
        source.FetchArticles = input.FetchArticles ?? false;
        source.Validate();
        await EnsureNotDuplicateAsync(db, source, ct);
        if (urlChanged) { source.ETag = null; source.LastModified = null; source.NextFetchAt = null; } // a new address is read at the next pass
        source.Version++;
        if (id is null) db.MediaSources.Add(source);
        await db.SaveChangesAsync(ct);
        return source;
    }

    /// <summary>Two sources with one address (or one name, which imports look sources up by) would split a source's items and health.</summary>
    private static async Task EnsureNotDuplicateAsync(AppDb db, MediaSource source, CancellationToken ct)
    {
        var others = await db.MediaSources.AsNoTracking().Where(s => s.Id != source.Id).Select(s => new { s.Name, s.Url }).ToListAsync(ct);
        var key = UrlKey.Of(source.Url);
        if (key is not null && others.FirstOrDefault(o => UrlKey.Of(o.Url) == key) is { } sameUrl)
            throw DomainException.Conflict($"Địa chỉ này đã có trong danh mục, ở nguồn \"{sameUrl.Name}\"; hãy sửa nguồn đó thay vì thêm mới. (This address is already in the directory as \"{sameUrl.Name}\".)");
        var name = Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(source.Name);
        if (others.FirstOrDefault(o => Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(o.Name) == name) is { } sameName)
            throw DomainException.Conflict($"Đã có nguồn tên \"{sameName.Name}\"; hãy đặt tên khác để phân biệt. (A source named \"{sameName.Name}\" already exists.)");
    }

    private static async Task<Ok<PollOutcome>> FetchNow(int id, ClaimsPrincipal user, AppDb db, SourcePoller poller, AlertRules alerts, CancellationToken ct) =>
        TypedResults.Ok(await FetchNowAsync(db, user, poller, alerts, id, ct));

    /// <summary>"Lấy tin ngay" in the API and on the source pages: one poll, then the alert rules, as the scheduler does.</summary>
    public static async Task<PollOutcome> FetchNowAsync(AppDb db, ClaimsPrincipal user, SourcePoller poller, AlertRules alerts, int id, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var outcome = await poller.PollAsync(db, id, ct);
        await alerts.EvaluateAsync(db, ct);
        return outcome;
    }

    public const int FetchLogSize = 50;

    private static async Task<Results<Ok<List<FetchRun>>, NotFound>> Runs(int id, AppDb db, CancellationToken ct) =>
        await db.MediaSources.AnyAsync(s => s.Id == id, ct) ? TypedResults.Ok(await FetchLogAsync(db, id, ct)) : TypedResults.NotFound();

    /// <summary>A source's latest fetches, newest first.</summary>
    public static Task<List<FetchRun>> FetchLogAsync(AppDb db, int sourceId, CancellationToken ct) =>
        db.FetchRuns.AsNoTracking().Where(r => r.SourceId == sourceId).OrderByDescending(r => r.Id).Take(FetchLogSize).ToListAsync(ct);

    private static async Task<Ok<List<MonitoringAlert>>> AlertList(AppDb db, bool? open, AlertKind? kind, CancellationToken ct) =>
        TypedResults.Ok(await AlertsAsync(db, open == true, kind, ct));

    /// <summary>Newest first; <paramref name="openOnly"/> keeps those nobody has marked seen.</summary>
    public static Task<List<MonitoringAlert>> AlertsAsync(AppDb db, bool openOnly, AlertKind? kind, CancellationToken ct) =>
        db.MonitoringAlerts.AsNoTracking().Where(a => !openOnly || a.AcknowledgedAt == null).Where(a => kind == null || a.Kind == kind)
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);

    public static Task<int> OpenAlertCountAsync(AppDb db, CancellationToken ct) => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null, ct);

    private static async Task<Ok<MonitoringAlert>> Acknowledge(long id, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await AcknowledgeAsync(db, user, id, clock, ct));

    private static async Task<Ok<int>> AcknowledgeAll(ClaimsPrincipal user, AppDb db, TimeProvider clock, AlertKind? kind, CancellationToken ct) =>
        TypedResults.Ok(await AcknowledgeAllAsync(db, user, kind, clock, ct));

    /// <summary>Marks an alert seen (once: the first person and time are kept).</summary>
    public static async Task<MonitoringAlert> AcknowledgeAsync(AppDb db, ClaimsPrincipal user, long id, TimeProvider clock, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var alert = await db.MonitoringAlerts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException("Không tìm thấy cảnh báo. (Alert not found.)", 404);
        alert.Acknowledge(user.Identity?.Name ?? "?", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return alert;
    }

    /// <summary>Marks every open alert seen, or every open alert of one kind (what the officer has filtered on); returns how many.</summary>
    public static async Task<int> AcknowledgeAllAsync(AppDb db, ClaimsPrincipal user, AlertKind? kind, TimeProvider clock, CancellationToken ct)
    {
        MonitoringScope.EnsureCanManage(user);
        var open = await db.MonitoringAlerts.Where(a => a.AcknowledgedAt == null && (kind == null || a.Kind == kind)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in open) a.Acknowledge(user.Identity?.Name ?? "?", now);
        await db.SaveChangesAsync(ct);
        return open.Count;
    }
}
