using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Plans;

/// <summary>
/// Editing a plan's sections I–IV and its recipients: legal bases, purposes, requirements, themes, channels, funding.
/// Themes and channels are updated in place by position, so tasks keep pointing at them; one still used by a task
/// cannot be removed.
/// </summary>
public static class PlanContent
{
    public sealed record Input(IReadOnlyList<PlanDocument.LegalBasisItem>? LegalBases, IReadOnlyList<string>? Purposes, IReadOnlyList<string>? Requirements,
        IReadOnlyList<PlanDocument.Section>? Themes, IReadOnlyList<PlanDocument.ChannelSection>? Channels, IReadOnlyList<PlanDocument.FundingLine>? Funding,
        IReadOnlyList<string>? Recipients, int Version);

    public static async Task SaveAsync(AppDb db, ClaimsPrincipal user, int planId, Input input, CancellationToken ct = default)
    {
        if (!user.CanEditPlans()) throw new DomainException("Chỉ Sở đầu mối hoặc quản trị được sửa nội dung kế hoạch. (Only the lead department edits plans.)", 403);
        var plan = await db.Plans.AsSplitQuery().Include(p => p.LegalBases).Include(p => p.Statements).Include(p => p.Themes).Include(p => p.Channels)
            .Include(p => p.Funding).Include(p => p.Recipients).SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        if (input.Version != plan.Version)
            throw DomainException.Conflict("Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang rồi sửa lại. (Changed by someone else: reload.)");
        plan.EnsureEditable();
        db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version;

        var bases = (input.LegalBases ?? []).Where(b => !string.IsNullOrWhiteSpace(b.Number)).ToList();
        Replace(plan.LegalBases, bases.Select((b, i) => new LegalBasis
            { Order = i + 1, Kind = b.Kind, Number = b.Number.Trim(), Date = b.Date, Issuer = Clean(b.Issuer), Title = Clean(b.Title), IsProposal = b.IsProposal }));
        Replace(plan.Statements, Lines(input.Purposes).Select((t, i) => new PlanStatement { Kind = StatementKind.Purpose, Order = i + 1, Text = t })
            .Concat(Lines(input.Requirements).Select((t, i) => new PlanStatement { Kind = StatementKind.Requirement, Order = i + 1, Text = t })));
        Replace(plan.Funding, (input.Funding ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Text)).Select((f, i) => new FundingItem { Order = i + 1, Text = f.Text.Trim(), Source = f.Source }));
        Replace(plan.Recipients, Lines(input.Recipients).Select((t, i) => new Recipient { Order = i + 1, Text = t }));

        var themes = (input.Themes ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Title)).ToList();
        var ordered = plan.Themes.OrderBy(t => t.Order).ToList();
        await EnsureUnusedAsync(db, ordered.Skip(themes.Count).Select(t => t.Id).ToList(), true, ct);
        for (var i = 0; i < themes.Count; i++)
        {
            var theme = i < ordered.Count ? ordered[i] : new Theme();
            (theme.Order, theme.Number, theme.Title, theme.Items) = (i + 1, themes[i].Number.Trim(), themes[i].Title.Trim(), [.. Lines(themes[i].Items)]);
            if (i >= ordered.Count) plan.Themes.Add(theme);
        }
        foreach (var gone in ordered.Skip(themes.Count)) plan.Themes.Remove(gone);

        var channels = (input.Channels ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Title)).ToList();
        var current = plan.Channels.OrderBy(c => c.Order).ToList();
        await EnsureUnusedAsync(db, current.Skip(channels.Count).Select(c => c.Id).ToList(), false, ct);
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = i < current.Count ? current[i] : new PlanChannel();
            (channel.Order, channel.Number, channel.Title, channel.Items) = (i + 1, channels[i].Number.Trim(), channels[i].Title.Trim(), [.. Lines(channels[i].Items)]);
            channel.CatalogueCode = channels[i].CatalogueCode ?? ChannelCatalogue.Match(channel.Title)?.Code;
            if (i >= current.Count) plan.Channels.Add(channel);
        }
        foreach (var gone in current.Skip(channels.Count)) plan.Channels.Remove(gone);

        plan.Touch();
        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureUnusedAsync(AppDb db, List<int> ids, bool themes, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var used = themes
            ? await db.Set<TaskTheme>().CountAsync(t => ids.Contains(t.ThemeId), ct)
            : await db.Set<TaskChannel>().CountAsync(c => ids.Contains(c.PlanChannelId), ct);
        if (used > 0)
            throw new DomainException(themes
                ? $"Không xóa được nội dung đang gắn với {used} nhiệm vụ: hãy bỏ gắn ở các nhiệm vụ đó trước. (A removed theme is still used by tasks.)"
                : $"Không xóa được hình thức đang gắn với {used} nhiệm vụ: hãy bỏ gắn ở các nhiệm vụ đó trước. (A removed channel is still used by tasks.)");
    }

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private static IEnumerable<string> Lines(IEnumerable<string>? items) =>
        (items ?? []).Select(s => Ttdn.Vietnamese.Text.VietnameseText.Normalize(s).Trim().TrimStart('-', '•', '+').Trim()).Where(s => s.Length > 0);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
