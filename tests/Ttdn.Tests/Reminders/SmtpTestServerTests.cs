using System.Net.Sockets;
using System.Text;
using Ttdn.Tasks.Reminders;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Reminders;

/// <summary>The loopback SMTP listener itself: the protocol as a client speaks it, and the decoding the reminder tests rely on.</summary>
public sealed class SmtpTestServerTests
{
    [Fact]
    public async Task It_speaks_SMTP_unstuffs_dots_and_decodes_quoted_printable_and_Q_words()
    {
        await using var server = SmtpTestServer.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        async Task<string> Say(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            return await Reply();
        }
        async Task<string> Reply()
        {
            var text = new StringBuilder();
            string? line;
            do text.Append(line = await reader.ReadLineAsync()).Append('\n');
            while (line is { Length: > 3 } && line[3] == '-');
            return text.ToString();
        }

        Assert.StartsWith("220 ", await Reply());
        Assert.StartsWith("250", await Say("EHLO client.test"));
        Assert.StartsWith("250", await Say("MAIL FROM:<old@test>"));
        Assert.StartsWith("250", await Say("RSET"));
        Assert.StartsWith("250", await Say("NOOP"));
        Assert.StartsWith("503", await Say("DATA"));
        Assert.StartsWith("250", await Say("MAIL FROM:<ttdn@localhost> SIZE=100"));
        Assert.StartsWith("250", await Say("RCPT TO:<hang@baothainguyen.vn>"));
        Assert.StartsWith("250", await Say("RCPT TO:<trang@svhttdl.gov.vn>"));
        Assert.StartsWith("354", await Say("DATA"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n",
            "Subject: =?utf-8?Q?Nh=E1=BA=AFc_h=E1=BA=A1n?= =?UTF-8?Q?_nhi=E1=BB=87m_v=E1=BB=A5?=",
            "Content-Type: text/plain; charset=\"utf-8\"",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Th=E1=BB=9Di h=E1=BA=A1n: 30/11/2026, d=C3=B2ng d=C3=A0i =",
            "n=E1=BB=91i ti=E1=BA=BFp",
            "..d=C3=B2ng c=C3=B3 d=E1=BA=A5u ch=E1=BA=A5m =C4=91=E1=BA=A7u") + "\r\n"));
        Assert.StartsWith("250", await Say("."));
        Assert.StartsWith("221", await Say("QUIT"));

        var mail = Assert.Single(server.Messages);
        Assert.Equal("ttdn@localhost", mail.From);
        Assert.Equal(["hang@baothainguyen.vn", "trang@svhttdl.gov.vn"], mail.Recipients);
        Assert.Equal("Nhắc hạn nhiệm vụ", mail.Subject);
        Assert.Equal("Thời hạn: 30/11/2026, dòng dài nối tiếp\r\n.dòng có dấu chấm đầu\r\n", mail.Body);
    }

    [Fact]
    public async Task It_decodes_what_SmtpClient_sends_base64_and_B_words_split_mid_character()
    {
        await using var server = SmtpTestServer.Start();
        var subject = "[TTĐN] Quá hạn 3 ngày: " + string.Concat(Enumerable.Repeat("Tổ chức hội nghị xúc tiến đầu tư ", 4)).Trim();
        await new SmtpMailSender(new SmtpOptions { Host = server.Host, Port = server.Port })
            .SendAsync(new OutgoingMail("hang@baothainguyen.vn", "Nguyễn Thị Hằng", subject, "Kính gửi chị Hằng,\n.Dòng có dấu chấm đầu\nđ ư ơ ă â ê ô", "Overdue; occurrence=7"));

        var mail = Assert.Single(server.Messages);
        Assert.Contains("Content-Transfer-Encoding: base64", mail.Raw);
        Assert.Contains("=?utf-8?B?", mail.Raw);
        Assert.Equal(subject, mail.Subject);
        Assert.Equal("Nguyễn Thị Hằng <hang@baothainguyen.vn>", mail.To);
        Assert.Equal("Kính gửi chị Hằng,\r\n.Dòng có dấu chấm đầu\r\nđ ư ơ ă â ê ô", mail.Body);
        Assert.Equal("Overdue; occurrence=7", mail.Header(SmtpMailSender.TagHeader));
    }

    [Fact]
    public async Task It_can_refuse_a_recipient_or_drop_the_connection()
    {
        await using var server = SmtpTestServer.Start();
        var sender = new SmtpMailSender(new SmtpOptions { Host = server.Host, Port = server.Port });
        var mail = new OutgoingMail("nobody@test.vn", null, "Thử", "Nội dung");

        server.RejectRecipient = to => to == "nobody@test.vn";
        var refused = await Assert.ThrowsAnyAsync<System.Net.Mail.SmtpException>(() => sender.SendAsync(mail));
        Assert.Contains("Mailbox does not exist", ReminderJob.Describe(refused));

        server.RejectRecipient = null;
        server.DropConnections = true;
        await Assert.ThrowsAnyAsync<System.Net.Mail.SmtpException>(() => sender.SendAsync(mail));
        Assert.Empty(server.Messages);

        server.DropConnections = false;
        await sender.SendAsync(mail);
        Assert.Equal("Nội dung", Assert.Single(server.Messages).Body);
    }
}
