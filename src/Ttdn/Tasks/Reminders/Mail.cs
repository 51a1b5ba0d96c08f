using System.Net;
using System.Net.Mail;
using System.Text;

namespace Ttdn.Tasks.Reminders;

/// <summary>
/// One plain-text e-mail. <see cref="Tag"/> (ASCII, optional) goes out as the <c>X-TTDN-Reminder</c> header so mail filters
/// (and tests) can tell reminders apart without reading the Vietnamese text.
/// </summary>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string Body, string? Tag = null);

/// <summary>The seam between the reminder job and the mail system.</summary>
public interface IMailSender
{
    /// <summary>Sends the mail or throws; the exception's message says why (the job records it and tries again on its next run).</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>Configuration section "Smtp".</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The SMTP server. Empty: no mail is sent (and the reminder service stays off unless Reminders:Enabled is true).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "ttdn@localhost";
    public string FromName { get; set; } = "TTĐN";
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The address users open the application at; links in mails start with it.</summary>
    public string BaseUrl { get; set; } = Hosting.AppHost.DefaultUrl;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public static SmtpOptions Read(IConfiguration config)
    {
        var s = config.GetSection(Section);
        var o = new SmtpOptions
        {
            Host = string.IsNullOrWhiteSpace(s["Host"]) ? null : s["Host"]!.Trim(),
            Port = s.GetValue<int?>("Port") ?? 25,
            From = string.IsNullOrWhiteSpace(s["From"]) ? "ttdn@localhost" : s["From"]!.Trim(),
            FromName = s["FromName"] ?? "TTĐN",
            EnableSsl = s.GetValue<bool?>("EnableSsl") ?? false,
            UserName = string.IsNullOrEmpty(s["UserName"]) ? null : s["UserName"],
            Password = string.IsNullOrEmpty(s["Password"]) ? null : s["Password"],
            BaseUrl = string.IsNullOrWhiteSpace(s["BaseUrl"]) ? Hosting.AppHost.DefaultUrl : s["BaseUrl"]!.Trim().TrimEnd('/'),
            Timeout = s.GetValue<TimeSpan?>("Timeout") ?? TimeSpan.FromSeconds(30),
        };
        if (o.Port is < 1 or > 65535)
            throw new InvalidOperationException($"Cấu hình Smtp:Port = {o.Port} không hợp lệ: phải từ 1 đến 65535. (Invalid SMTP port.)");
        if (!MailAddress.TryCreate(o.From, out _))
            throw new InvalidOperationException($"Cấu hình Smtp:From = \"{o.From}\" không phải địa chỉ e-mail hợp lệ. (Invalid sender address.)");
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"Cấu hình Smtp:BaseUrl = \"{o.BaseUrl}\" phải là địa chỉ đầy đủ, ví dụ https://ttdn.thainguyen.gov.vn. (Invalid base URL.)");
        return o;
    }
}

/// <summary>
/// Plain SMTP through <see cref="SmtpClient"/>: UTF-8 subject, headers and body, one connection per mail (SmtpClient is not
/// safe for concurrent use, and reminders are few).
/// </summary>
public sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public const string TagHeader = "X-TTDN-Reminder";

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Chưa cấu hình máy chủ thư (Smtp:Host) nên không gửi được thư. (No SMTP host configured.)");
        if (!MailAddress.TryCreate(mail.To, mail.ToName, out var to))
            throw new FormatException($"Địa chỉ e-mail \"{mail.To}\" không hợp lệ: hãy sửa e-mail của tài khoản. (Invalid e-mail address.)");
        using var message = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = mail.Body.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(to.Address, mail.ToName, Encoding.UTF8));
        if (!string.IsNullOrEmpty(mail.Tag)) message.Headers.Add(TagHeader, mail.Tag);

        using var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.EnableSsl,
            Timeout = (int)Math.Clamp(options.Timeout.TotalMilliseconds, 1000, int.MaxValue),
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(options.UserName)) client.Credentials = new NetworkCredential(options.UserName, options.Password);
        await client.SendMailAsync(message, ct);
    }
}
