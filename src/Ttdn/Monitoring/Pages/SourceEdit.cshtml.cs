using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>/monitor/sources/edit[/{id}] — add or change a source; saved through the API's path, so its checks (address, duplicates…) apply.</summary>
public sealed class SourceEditModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? FeedUrl { get; set; }
    [BindProperty] public SourceFormat Format { get; set; } = SourceFormat.Auto;
    [BindProperty] public SourceKind Kind { get; set; } = SourceKind.Press;
    [BindProperty] public string? Country { get; set; } = "VN";
    [BindProperty] public string? Language { get; set; } = "vi";
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? PollMinutes { get; set; } = "60";
    [BindProperty] public bool Active { get; set; } = true;
    [BindProperty] public bool FetchArticles { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.CanManageMonitoring()) return Forbid();
        if (Id is null) return Page();
        var s = await db.MediaSources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null) return NotFound();
        (Name, FeedUrl, Format, Kind, Country, Language, Tags) = (s.Name, s.Url, s.Format, s.Kind, s.Country, s.Language, s.Tags);
        (PollMinutes, Active, FetchArticles, Version) = (s.PollMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Active, s.FetchArticles, s.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanManageMonitoring()) return Forbid();
        ModelState.Clear(); // the domain's checks below say what to fix, in words an officer understands
        int? minutes = null;
        if (!string.IsNullOrWhiteSpace(PollMinutes))
        {
            if (int.TryParse(PollMinutes.Trim(), out var m)) minutes = m;
            else
            {
                ModelState.AddModelError(nameof(PollMinutes), Lang.T("Chu kỳ lấy tin là một số phút, ví dụ 60.", "The poll interval is a number of minutes, e.g. 60."));
                return Page();
            }
        }
        try
        {
            var input = new MonitoringApi.SourceInput(Name ?? "", FeedUrl, Kind, Format, Country, Language, Tags, Active, minutes, FetchArticles, Version);
            var source = await MonitoringApi.SaveSourceAsync(db, User, Id, input, clock, ct);
            TempData["Notice"] = Id is null
                ? Lang.T($"Đã thêm nguồn \"{source.Name}\".", $"Source \"{source.Name}\" added.")
                : Lang.T($"Đã lưu nguồn \"{source.Name}\".", $"Source \"{source.Name}\" saved.");
            return Redirect($"/monitor/sources/{source.Id}");
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) when (e.StatusCode != 403)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(FieldOf(e.Message), e.Message);
        }
        return Page();
    }

    /// <summary>Which field a domain message is about, so the error summary links to it.</summary>
    private static string FieldOf(string message) => message switch
    {
        _ when message.Contains("tên", StringComparison.Ordinal) && !message.Contains("Địa chỉ", StringComparison.Ordinal) => nameof(Name),
        _ when message.Contains("địa chỉ", StringComparison.OrdinalIgnoreCase) => nameof(FeedUrl),
        _ when message.Contains("quốc gia", StringComparison.OrdinalIgnoreCase) => nameof(Country),
        _ when message.Contains("Chu kỳ", StringComparison.Ordinal) => nameof(PollMinutes),
        _ => "",
    };
}
