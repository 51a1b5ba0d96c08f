using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Audit;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? User_ { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public string? Error { get; private set; }
    public List<string> Types { get; private set; } = [];
    public AuditQuery.Page Result { get; private set; } = new([], 0, 1, AuditQuery.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!DateInput.TryParse(From, out var from) || !DateInput.TryParse(To, out var to))
        {
            Error = Lang.T("Ngày lọc không đúng dạng: hãy gõ ngày/tháng/năm.", "Filter dates must be day/month/year.");
            (from, to) = (null, null);
        }
        Types = await AuditQuery.EntityTypesAsync(db, ct);
        Result = await AuditQuery.RunAsync(db, new AuditQuery.Filter(User_, EntityType, EntityId, from, to, PageNumber), ct);
    }

    public IEnumerable<string> Describe(AuditEntry entry)
    {
        using var doc = JsonDocument.Parse(entry.Changes);
        foreach (var p in doc.RootElement.EnumerateObject())
            yield return $"{p.Name}: {Show(p.Value.GetProperty("from"))} → {Show(p.Value.GetProperty("to"))}";
    }

    private static string Show(JsonElement e) => e.ValueKind == JsonValueKind.Null ? "∅" : e.ToString();

    public string PageLink(int page) =>
        $"/Admin/Audit?user={Uri.EscapeDataString(User_ ?? "")}&entityType={Uri.EscapeDataString(EntityType ?? "")}&entityId={Uri.EscapeDataString(EntityId ?? "")}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&page={page}";
}
