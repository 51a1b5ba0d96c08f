using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Tasks.Reminders;

namespace Ttdn.Monitoring.Digests;

/// <summary>
/// Creates each day's digest once (the "monitoring" lease holder calls it every pass; the unique (province, day) index
/// makes a second node's attempt fail harmlessly) after Monitoring:DigestHour (Vietnam time, default 7) for the day
/// before, and mails its link to the active recipients. Leaders open the link without an account: the token is the key.
/// A mail that cannot be sent is recorded on the digest with its reason and retried at the next pass.
/// </summary>
public sealed class DigestJob(IMailSender mail, SmtpOptions smtp, IConfiguration config, TimeProvider clock)
{
    public int DigestHour => int.TryParse(config["Monitoring:DigestHour"], out var h) && h is >= 0 and < 24 ? h : 7;

    public async Task<Digest?> RunAsync(AppDb db, CancellationToken ct = default)
    {
        var local = clock.GetUtcNow().UtcDateTime.AddHours(7);
        if (local.Hour < DigestHour) return null;
        var day = DateOnly.FromDateTime(local).AddDays(-1);
        var province = MonitoringScope.HomeProvinceKey(config);
        var digest = await db.Digests.SingleOrDefaultAsync(d => d.ProvinceKey == province && d.Day == day, ct) ?? await CreateAsync(db, day, ct);
        if (digest.SentAt is null) await SendAsync(db, digest, ct);
        return digest;
    }

    public async Task<Digest> CreateAsync(AppDb db, DateOnly day, CancellationToken ct = default)
    {
        var province = MonitoringScope.HomeProvinceKey(config);
        var existing = await db.Digests.SingleOrDefaultAsync(d => d.ProvinceKey == province && d.Day == day, ct);
        var content = await DigestContent.BuildAsync(db, day, province, ProvinceName, ct);
        var digest = existing ?? new Digest { Day = day, ProvinceKey = province, Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) };
        digest.CreatedAt = clock.GetUtcNow().UtcDateTime;
        digest.ItemCount = content.Total;
        if (existing is null) db.Digests.Add(digest);
        await db.SaveChangesAsync(ct);
        return digest;
    }

    public async Task SendAsync(AppDb db, Digest digest, CancellationToken ct = default)
    {
        var recipients = await db.DigestRecipients.AsNoTracking().Where(r => r.Active).ToListAsync(ct);
        if (recipients.Count == 0) return; // nobody to send to: the digest is still on the page
        if (smtp.Host is null)
        {
            digest.SendError = "Chưa cấu hình máy chủ thư (Smtp:Host), nên bản tin chưa được gửi. (No SMTP server configured.)";
            await db.SaveChangesAsync(ct);
            return;
        }
        var content = await DigestContent.BuildAsync(db, digest.Day, digest.ProvinceKey, ProvinceName, ct);
        var link = $"{smtp.BaseUrl.TrimEnd('/')}/digest/{digest.Token}";
        var failures = new List<string>();
        foreach (var r in recipients)
        {
            try
            {
                await mail.SendAsync(new OutgoingMail(r.Email, r.Name, $"Bản tin điểm báo ngày {digest.Day:dd/MM/yyyy}",
                    $"Kính gửi {r.Name},\n\n{content.Summary()}\n\nTin cần lưu ý:\n" +
                    string.Concat(content.Attention.Take(10).Select(i => $"- {i.Title} ({i.Source}) {i.Url}\n")) +
                    $"\nXem và tải bản tin (Word), không cần đăng nhập:\n{link}\n{link}.docx\n\n--\nThư tự động của hệ thống TTĐN.\n", "digest"), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{r.Email}: {e.Message}");
            }
        }
        digest.SendError = failures.Count == 0 ? null : "Không gửi được tới (could not send to) " + string.Join("; ", failures);
        if (digest.SendError is { Length: > 1000 } long_) digest.SendError = long_[..999] + "…";
        if (failures.Count < recipients.Count) digest.SentAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public string ProvinceName => config["Province:Name"] ?? "Thái Nguyên";

    public byte[] Render(DigestContent content) => DocxRenderer.Render(content.ToDocument(
        config["Monitoring:DigestIssuer"] ?? "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", $"UBND TỈNH {ProvinceName.ToUpperInvariant()}"));
}
