using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Plans;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// /monitor/search — full-text search with filters (diacritics optional: "Dien Bien" finds "Điện Biên"), highlighted
/// snippets, paging, and the user's own saved searches (optionally alerting on new matches).
/// </summary>
public sealed class SearchModel(AppDb db, IConfiguration config, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public const string AllProvinces = "all";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    /// <summary>A gazetteer province key; empty means the home province, "all" means any place.</summary>
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public Tone? Tone { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Foreign { get; set; }
    [BindProperty(SupportsGet = true)] public long? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public SearchOrder Order { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public string? SaveName { get; set; }
    [BindProperty] public bool SaveAlert { get; set; }
    [BindProperty] public int? DeleteId { get; set; }

    public string HomeProvince { get; private set; } = "";
    public string ProvinceKey { get; private set; } = "";
    public SearchHits? Hits { get; private set; }
    public List<ItemView> Items { get; private set; } = [];
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public Dictionary<long, int> StorySizes { get; private set; } = [];
    public List<(int Id, string Name)> Sources { get; private set; } = [];
    public List<(int Id, string Title)> Themes { get; private set; } = [];
    public List<SavedSearch> Saved { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(SaveName))
            ModelState.AddModelError(nameof(SaveName), Lang.T("Đặt tên cho tìm kiếm cần lưu, ví dụ: Tin tiêu cực về Thái Nguyên.", "Name the search, e.g. Negative items about Thái Nguyên."));
        else if (string.IsNullOrWhiteSpace(Q) && Source is null && string.IsNullOrWhiteSpace(Language) && Tone is null && ProvinceKeyOf() is null)
            ModelState.AddModelError(nameof(Q), Lang.T("Tìm kiếm trống: nhập từ khóa hoặc chọn ít nhất một bộ lọc rồi mới lưu.", "The search is empty: type words or choose a filter first."));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var userName = User.Identity!.Name!;
        var search = new SavedSearch
        {
            OwnerUserName = userName, OrganisationId = User.OrganisationId(), Name = SaveName!.Trim(), Query = (Q ?? "").Trim(),
            Language = string.IsNullOrWhiteSpace(Language) ? null : Language, ProvinceKey = ProvinceKeyOf(), SourceId = Source,
            Tone = Tone is { } t ? (int)t : null, Alert = SaveAlert, CreatedAt = clock.GetUtcNow().UtcDateTime,
            // Alert only on what arrives from now on, not on everything already collected.
            LastAlertedItemId = await db.MediaItems.MaxAsync(i => (long?)i.Id, ct) ?? 0,
        };
        db.SavedSearches.Add(search);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = Lang.T($"Đã lưu tìm kiếm \"{search.Name}\".", $"Search \"{search.Name}\" saved.");
        return Redirect(Request.Path + QueryString());
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var userName = User.Identity!.Name!;
        var search = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == DeleteId, ct);
        if (search is null) return NotFound();
        if (search.OwnerUserName != userName) return Forbid();
        db.SavedSearches.Remove(search);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = Lang.T($"Đã xóa tìm kiếm \"{search.Name}\".", $"Search \"{search.Name}\" deleted.");
        return Redirect(Request.Path);
    }

    /// <summary>The province filter as stored: null for any place.</summary>
    private string? ProvinceKeyOf() => Province == AllProvinces ? null : string.IsNullOrWhiteSpace(Province) ? MonitoringScope.HomeProvinceKey(config) : Province;

    private async Task LoadAsync(CancellationToken ct)
    {
        HomeProvince = MonitoringScope.HomeProvinceKey(config);
        ProvinceKey = Province ?? (Cluster is null ? HomeProvince : AllProvinces);
        Query = SearchQuery.Parse(Q);
        Sources = (await db.MediaSources.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        Themes = (await db.Themes.AsNoTracking()
                .Where(t => db.Plans.Any(p => p.Id == t.PlanId && (p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amended)))
                .OrderBy(t => t.PlanId).ThenBy(t => t.Order).Select(t => new { t.Id, t.Title }).ToListAsync(ct))
            .Select(t => (t.Id, t.Title)).ToList();
        var me = User.Identity!.Name!;
        Saved = await db.SavedSearches.AsNoTracking().Where(s => s.OwnerUserName == me).OrderBy(s => s.Name).ToListAsync(ct);

        if (!DateInput.TryParse(From, out var from))
            ModelState.AddModelError(nameof(From), Lang.T($"\"{From}\" không phải ngày: gõ ngày/tháng/năm, ví dụ 01/11/2026.", $"\"{From}\" is not a date: type day/month/year, e.g. 01/11/2026."));
        if (!DateInput.TryParse(To, out var to))
            ModelState.AddModelError(nameof(To), Lang.T($"\"{To}\" không phải ngày: gõ ngày/tháng/năm, ví dụ 30/11/2026.", $"\"{To}\" is not a date: type day/month/year, e.g. 30/11/2026."));
        if (!ModelState.IsValid) return;

        PageNumber = Math.Max(1, PageNumber);
        var filter = new MediaFilter(Q,
            from is { } f ? Lang.VietnamMidnightUtc(f) : null, to is { } t ? Lang.VietnamMidnightUtc(t.AddDays(1)) : null,
            Source, string.IsNullOrWhiteSpace(Language) ? null : Language, ProvinceKey == AllProvinces ? null : ProvinceKey,
            Tone, Theme, Foreign, Cluster, null, Order, PageSize, (PageNumber - 1) * PageSize);
        Hits = await MediaSearch.For(db).SearchAsync(db, filter, ct);
        Items = await ItemView.LoadAsync(db, Hits.Ids, Query, ct);
        var clusters = Items.Select(i => i.ClusterId).Distinct().ToArray();
        StorySizes = await db.MediaItems.AsNoTracking().Where(i => clusters.Contains(i.ClusterId)).GroupBy(i => i.ClusterId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The current search as a query string, with another page number.</summary>
    public string QueryString(int? page = null)
    {
        var pairs = new List<(string, string?)>
        {
            ("Q", Q), ("From", From), ("To", To), ("Source", Source?.ToString(CultureInfo.InvariantCulture)), ("Language", Language),
            ("Province", Province), ("Tone", Tone?.ToString()), ("Theme", Theme?.ToString(CultureInfo.InvariantCulture)),
            ("Foreign", Foreign?.ToString()), ("Cluster", Cluster?.ToString(CultureInfo.InvariantCulture)),
            ("Order", Order == SearchOrder.Relevance ? null : Order.ToString()), ("p", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null),
        };
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>A saved search as a link to this page.</summary>
    public static string Link(SavedSearch s)
    {
        var parts = new List<string> { "Q=" + Uri.EscapeDataString(s.Query), "Province=" + Uri.EscapeDataString(s.ProvinceKey ?? AllProvinces) };
        if (s.Language is { } l) parts.Add("Language=" + Uri.EscapeDataString(l));
        if (s.SourceId is { } src) parts.Add("Source=" + src.ToString(CultureInfo.InvariantCulture));
        if (s.Tone is { } t) parts.Add("Tone=" + ((Tone)t).ToString());
        return "/monitor/search?" + string.Join("&", parts);
    }
}
