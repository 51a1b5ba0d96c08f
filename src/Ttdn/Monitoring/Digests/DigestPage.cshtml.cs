using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;

namespace Ttdn.Monitoring.Digests;

/// <summary>A day's digest as a page, for leaders who follow the link in the mail without an account.</summary>
[AllowAnonymous]
public sealed class DigestPageModel(AppDb db, DigestJob job) : PageModel
{
    public Digest Digest { get; private set; } = null!;
    public DigestContent Digested { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await DigestApi.OpenAsync(db, token, job, ct) is not { } opened) return NotFound();
        (Digest, Digested) = opened;
        return Page();
    }
}
