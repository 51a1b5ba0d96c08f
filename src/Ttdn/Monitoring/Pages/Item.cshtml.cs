using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// /monitor/items/{id} — one item in full with the search words marked, where it came from, what it mentions, its
/// themes and the other items of its story; monitoring officers may override its tone (kept beside the detected one).
/// </summary>
public sealed class ItemModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Tone? NewTone { get; set; }
    [BindProperty] public int? Version { get; set; }

    public MonitoringApi.ItemDetail Detail { get; private set; } = null!;
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public string SourceUrl { get; private set; } = "";
    public List<(string Place, string Matched)> Mentions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostToneAsync(CancellationToken ct)
    {
        if (!User.CanManageMonitoring()) return Forbid();
        if (NewTone is not { } tone || !Enum.IsDefined(tone))
            ModelState.AddModelError(nameof(NewTone), Lang.T("Chọn sắc thái: tích cực, trung tính hoặc tiêu cực.", "Choose positive, neutral or negative."));
        else
        {
            try
            {
                await MonitoringApi.SetToneAsync(db, User, Id, tone, Version, clock, ct);
                TempData["Notice"] = Lang.T($"Đã sửa sắc thái thành \"{MonitorLabels.Of(tone)}\".", $"Tone changed to \"{MonitorLabels.Of(tone)}\".");
                return Redirect($"/monitor/items/{Id}" + (string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q)));
            }
            catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
            catch (DomainException e) when (e.StatusCode != 403) { ModelState.AddModelError(nameof(NewTone), e.Message); }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var detail = await MonitoringApi.ItemDetailAsync(db, Id, ct);
        if (detail is null) return false;
        Detail = detail;
        Query = SearchQuery.Parse(Q);
        SourceUrl = await db.MediaSources.Where(s => s.Id == detail.Item.SourceId).Select(s => s.Url).SingleOrDefaultAsync(ct) ?? "";
        // Offsets are into the text ingestion matched: the title, a line break, then the text.
        var whole = detail.Item.Title.Length == 0 ? detail.Text : detail.Item.Title + "\n" + detail.Text;
        Mentions = (await db.MediaMentions.AsNoTracking().Where(m => m.ItemId == Id).OrderBy(m => m.Start).ToListAsync(ct))
            .Select(m => (MonitorLabels.Province(m.ProvinceKey), m.Start >= 0 && m.Start + m.Length <= whole.Length ? whole.Substring(m.Start, m.Length) : m.EntryKey))
            .Distinct().ToList();
        return true;
    }
}
