using System.Globalization;
using System.Text;
using Ttdn.Plans;
using Ttdn.Shared;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks.Reminders;

/// <summary>The texts of the reminder mails: plain Vietnamese, dates dd/MM/yyyy, status in the officials' words, a link to act on.</summary>
internal static class ReminderMails
{
    private const string Footer =
        "--\nThư tự động của hệ thống TTĐN (theo dõi công tác thông tin đối ngoại). Xin không trả lời thư này; " +
        "mọi cập nhật xin thực hiện trên hệ thống theo đường dẫn ở trên.";

    public static OutgoingMail BeforeDeadline(ReminderJob.Item item, ReminderJob.MailRecipient to, DateOnly today, string baseUrl)
    {
        var daysLeft = item.Due.DayNumber - today.DayNumber;
        var left = daysLeft == 0 ? "hạn cuối là hôm nay" : $"còn {daysLeft} ngày";
        var body = new StringBuilder()
            .Append("Kính gửi ").Append(to.FullName).Append(",\n\n")
            .Append("Nhiệm vụ dưới đây do ").Append(item.LeadAgency).Append(" chủ trì sắp đến hạn (").Append(left).Append(") và chưa hoàn thành.\n\n")
            .Append(Details(item, today))
            .Append("\nĐề nghị cập nhật tiến độ, kết quả và minh chứng; nếu không kịp hoàn thành, đề nghị gia hạn trước khi hết hạn tại:\n")
            .Append(Link(baseUrl, item.TaskId)).Append("\n\n")
            .Append(Footer).Append('\n');
        return new OutgoingMail(to.Email, to.FullName, $"[TTĐN] Sắp đến hạn {Lang.Date(item.Due)} ({left}): {Short(item.Text, 120)}",
            body.ToString(), $"{ReminderKind.BeforeDeadline}; occurrence={item.OccurrenceId}");
    }

    public static OutgoingMail Overdue(ReminderJob.Item item, ReminderJob.MailRecipient to, DateOnly today, string baseUrl)
    {
        var late = today.DayNumber - item.Due.DayNumber;
        var body = new StringBuilder()
            .Append("Kính gửi ").Append(to.FullName).Append(",\n\n")
            .Append("Nhiệm vụ dưới đây do ").Append(item.LeadAgency).Append(" chủ trì đã quá hạn ").Append(late).Append(" ngày mà chưa hoàn thành.\n\n")
            .Append(Details(item, today))
            .Append("\nĐề nghị khẩn trương thực hiện và cập nhật kết quả, minh chứng; nếu chưa thể hoàn thành, đề nghị báo cáo lý do và xin gia hạn tại:\n")
            .Append(Link(baseUrl, item.TaskId)).Append("\n\n")
            .Append(Footer).Append('\n');
        return new OutgoingMail(to.Email, to.FullName, $"[TTĐN] Quá hạn {late} ngày (hạn {Lang.Date(item.Due)}): {Short(item.Text, 120)}",
            body.ToString(), $"{ReminderKind.Overdue}; occurrence={item.OccurrenceId}");
    }

    public static OutgoingMail DailySummary(string department, IReadOnlyList<ReminderJob.Item> overdue, IReadOnlyList<ReminderJob.Item> soon,
        ReminderJob.MailRecipient to, DateOnly today, int summaryDays, string baseUrl)
    {
        var until = today.AddDays(summaryDays - 1);
        var body = new StringBuilder()
            .Append("Kính gửi ").Append(to.FullName).Append(",\n\n")
            .Append("Tình hình thực hiện các kế hoạch do ").Append(department).Append(" làm đầu mối theo dõi, tính đến ngày ")
            .Append(Lang.Date(today)).Append(":\n")
            .Append("- Nhiệm vụ quá hạn: ").Append(overdue.Count).Append('\n')
            .Append("- Nhiệm vụ đến hạn từ ").Append(Lang.Date(today)).Append(" đến ").Append(Lang.Date(until)).Append(": ").Append(soon.Count).Append('\n');
        foreach (var plan in overdue.Concat(soon).GroupBy(i => i.PlanId).OrderBy(g => g.Key))
        {
            var first = plan.First();
            var heading = "Kế hoạch " + PlanName(first);
            body.Append('\n').Append(heading).Append('\n').Append('=', Math.Min(heading.Length, 72)).Append('\n');
            Section(body, "Nhiệm vụ quá hạn", overdue.Where(i => i.PlanId == plan.Key).ToList(), today, baseUrl);
            Section(body, $"Nhiệm vụ đến hạn từ {Lang.Date(today)} đến {Lang.Date(until)}", soon.Where(i => i.PlanId == plan.Key).ToList(), today, baseUrl);
        }
        body.Append("\nDanh sách đầy đủ và bảng theo dõi: ").Append(baseUrl.TrimEnd('/')).Append("/Tasks\n\n").Append(Footer).Append('\n');
        return new OutgoingMail(to.Email, to.FullName,
            $"[TTĐN] Tổng hợp ngày {Lang.Date(today)}: {overdue.Count} nhiệm vụ quá hạn, {soon.Count} nhiệm vụ đến hạn trong {summaryDays} ngày tới",
            body.ToString(), $"{ReminderKind.DailySummary}; day={today:yyyy-MM-dd}");
    }

    private static void Section(StringBuilder body, string title, List<ReminderJob.Item> items, DateOnly today, string baseUrl)
    {
        body.Append('\n').Append(title).Append(" (").Append(items.Count).Append("):\n");
        if (items.Count == 0)
        {
            body.Append("   Không có.\n");
            return;
        }
        var n = 0;
        foreach (var i in items)
        {
            var days = i.Due.DayNumber - today.DayNumber;
            var when = days < 0 ? $"quá {-days} ngày" : days == 0 ? "hạn cuối hôm nay" : $"còn {days} ngày";
            body.Append(CultureInfo.InvariantCulture, $"{++n,2}. ").Append(Short(i.Text, 300)).Append('\n')
                .Append("    Chủ trì: ").Append(i.LeadAgency).Append(" | Hạn: ").Append(Lang.Date(i.Due)).Append(" (").Append(when).Append(") | ")
                .Append(StatusWords(i, today));
            if (i.Recurrence != Recurrence.None) body.Append(" | Kỳ: ").Append(Lang.Date(i.Start)).Append(" – ").Append(Lang.Date(i.End));
            body.Append('\n')
                .Append("    ").Append(Link(baseUrl, i.TaskId)).Append('\n');
        }
    }

    private static string Details(ReminderJob.Item item, DateOnly today)
    {
        var s = new StringBuilder()
            .Append("Nhiệm vụ: ").Append(item.Text).Append('\n')
            .Append("Kế hoạch: ").Append(PlanName(item)).Append('\n')
            .Append("Cơ quan chủ trì: ").Append(item.LeadAgency).Append('\n');
        if (item.Recurrence != Recurrence.None)
            s.Append("Kỳ thực hiện: từ ").Append(Lang.Date(item.Start)).Append(" đến ").Append(Lang.Date(item.End)).Append('\n');
        return s.Append("Thời hạn: ").Append(Lang.Date(item.Due)).Append('\n')
            .Append("Tình trạng: ").Append(StatusWords(item, today)).Append('\n')
            .ToString();
    }

    private static string StatusWords(ReminderJob.Item item, DateOnly today)
    {
        var status = TaskStatusRules.Compute(item.Due, item.Started, null, today);
        return status == TaskStatus.NotStarted || item.Percent == 0
            ? TaskStatusRules.Vietnamese(status)
            : $"{TaskStatusRules.Vietnamese(status)}, đã thực hiện {item.Percent}%";
    }

    private static string PlanName(ReminderJob.Item item) =>
        item.PlanNumber is { Length: > 0 } number ? $"{number} – {item.PlanTitle}" : item.PlanTitle;

    private static string Link(string baseUrl, int taskId) => $"{baseUrl.TrimEnd('/')}/Tasks/{taskId}";

    private static string Short(string text, int max)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }
}
