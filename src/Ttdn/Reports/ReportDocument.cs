using System.Globalization;
using Ttdn.Documents;
using Ttdn.Plans;
using Ttdn.Tasks;
using static Ttdn.Documents.OfficialDocument;

namespace Ttdn.Reports;

/// <summary>
/// The consolidated report as a Decree 30 BÁO CÁO: number "…/BC-UBND", the outline's sections with the officer's final
/// text or the agencies' narratives, the indicator table with last year and the plan's targets, the agencies that did
/// not report, annexes with the figures per agency and every duty's status, recipients and signature.
/// The DOCX/PDF renderers draw it; nothing here knows about file formats.
/// </summary>
public static class ReportDocument
{
    public static readonly CultureInfo Numbers = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal? n) => n is { } v ? v.ToString("#,##0.##", Numbers) : "";

    public static OfficialDocument Build(Consolidation.Result c)
    {
        var national = c.Level == ReportLevel.National;
        var body = new List<Block> { new Paragraph(c.Intro ?? DefaultIntro(c)) };
        if (c.Missing.Count > 0 || c.Late.Count > 0) body.Add(new Paragraph(Reporting(c)));
        foreach (var s in c.Sections)
        {
            body.Add(new Heading(1, s.Number + ".", s.Title.ToUpper(Numbers)));
            if (s.FinalText is { } final)
            {
                body.AddRange(Lines(final).Select(l => (Block)new Paragraph(l)));
                if (s.Results) AddFigures(body, c, "");
                continue;
            }
            if (s.Results)
            {
                var n = 0;
                if (!national)
                {
                    body.Add(new Heading(2, $"{++n}.", "Kết quả chung"));
                    body.Add(new Paragraph(TallyText(c)));
                }
                body.AddRange(s.Narratives.Select(Bullet));
                var themes = s.Themes.Where(t => t.Narratives.Count > 0).ToList();
                if (themes.Count > 0)
                {
                    body.Add(new Heading(2, $"{++n}.", "Kết quả theo nội dung thông tin đối ngoại"));
                    foreach (var (t, i) in themes.Select((t, i) => (t, i)))
                    {
                        body.Add(new Heading(3, $"{(char)('a' + i % 26)})", Short(t.Title)));
                        body.AddRange(t.Narratives.Select(Bullet));
                    }
                }
                AddFigures(body, c, $"{++n}.");
            }
            else if (s.Narratives.Count == 0) body.Add(new Paragraph(national ? "Chưa có tỉnh nào báo cáo nội dung này." : "Các cơ quan, đơn vị chưa báo cáo nội dung này."));
            else body.AddRange(s.Narratives.Select(Bullet));
        }
        if (c.Indicators.Any(i => i.BySource.Count > 0))
        {
            body.Add(new Heading(1, "", $"PHỤ LỤC 1. SỐ LIỆU CHI TIẾT THEO {(national ? "TỈNH" : "CƠ QUAN, ĐƠN VỊ")}"));
            body.Add(BySourceTable(c));
        }
        if (!national && c.Tasks.Count > 0)
        {
            body.Add(new Heading(1, "", "PHỤ LỤC 2. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"));
            body.Add(TaskTable(c.Tasks));
        }
        return new OfficialDocument
        {
            Issuer = c.Issuer,
            ParentIssuer = c.ParentIssuer,
            Number = c.Number,
            Symbol = national ? "BC-TTCS&TTĐN" : "BC-UBND",
            Place = c.Place,
            Date = c.IssuedOn,
            Kind = "BÁO CÁO",
            Title = national
                ? $"Tổng hợp kết quả công tác thông tin đối ngoại của các tỉnh, thành phố {c.Period.Vietnamese}"
                : $"Kết quả thực hiện công tác thông tin đối ngoại {c.Period.Vietnamese}",
            Body = body,
            Recipients = Recipients(c.Receivers),
            Signer = new Signature(c.SignerAuthority, c.SignerTitle, c.SignerName),
        };
    }

    public static string DefaultIntro(Consolidation.Result c)
    {
        if (c.Level == ReportLevel.National)
            return $"Trên cơ sở báo cáo của {c.Sources.Count} tỉnh, thành phố, {c.Issuer} tổng hợp kết quả công tác thông tin đối ngoại {c.Period.Vietnamese} như sau:";
        var plan = c.PlanNumber is null ? $"Kế hoạch \"{c.PlanTitle}\"" : $"Kế hoạch số {c.PlanNumber}{(c.PlanIssuedOn is { } d ? $" ngày {Shared.Lang.Date(d)}" : "")}";
        return $"Thực hiện {plan} của Ủy ban nhân dân tỉnh về {Lower(c.PlanTitle)}; trên cơ sở báo cáo của {c.Sources.Count} cơ quan, đơn vị, " +
            $"Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác thông tin đối ngoại {c.Period.Vietnamese} như sau:";
    }

    public static string Reporting(Consolidation.Result c)
    {
        var who = c.Level == ReportLevel.National ? "tỉnh, thành phố" : "cơ quan, đơn vị";
        var parts = new List<string>();
        if (c.Missing.Count > 0) parts.Add($"Còn {c.Missing.Count} {who} chưa gửi báo cáo: {string.Join("; ", c.Missing.Select(m => m.Name))}.");
        if (c.Late.Count > 0) parts.Add($"Gửi báo cáo muộn: {string.Join("; ", c.Late.Select(l => $"{l.Name} (ngày {Shared.Lang.Date(l.SubmittedOn)})"))}.");
        return string.Join(" ", parts);
    }

    public static string TallyText(Consolidation.Result c)
    {
        var t = c.Tally;
        return $"Tính đến ngày {Shared.Lang.Date(ReportActions.AsOf(c.Period.End, c.Period.End))}, trong kỳ có {t.Total} lượt nhiệm vụ đến hạn hoặc đang thực hiện: " +
            $"hoàn thành {t.Done} ({t.PercentDone}%), trong đó đúng hạn {t.DoneOnTime}, quá hạn {t.DoneLate}; đang thực hiện trong hạn {t.OnTime}; " +
            $"quá hạn chưa hoàn thành {t.Overdue}; chưa thực hiện {t.NotStarted}.";
    }

    public static readonly List<string> IndicatorHeader = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Cùng kỳ năm trước", "So với cùng kỳ (%)", "Kế hoạch"];

    public static Table IndicatorTable(Consolidation.Result c)
    {
        var rows = new List<List<string>>();
        foreach (var (i, n) in c.Indicators.Select((i, n) => (i, n + 1)))
        {
            rows.Add([$"{n}", i.Name, i.Unit, Number(i.Total), Number(i.PreviousYear), Percent(i.Total, i.PreviousYear), Number(i.Target)]);
            rows.AddRange(i.Parts.Select(p => new List<string> { "", "- " + p.Part, i.Unit, Number(p.Total), "", "", "" }));
        }
        return new Table(IndicatorHeader, rows);
    }

    public static string Percent(decimal value, decimal? of) => of is { } o && o != 0 ? Number(Math.Round(value * 100 / o, 1)) : "";

    private static void AddFigures(List<Block> body, Consolidation.Result c, string label)
    {
        if (label.Length > 0) body.Add(new Heading(2, label, "Các chỉ tiêu chủ yếu"));
        body.Add(IndicatorTable(c));
    }

    private static Table BySourceTable(Consolidation.Result c)
    {
        var rows = new List<List<string>>();
        var n = 0;
        foreach (var i in c.Indicators)
            foreach (var s in c.Sources.Where(s => i.BySource.ContainsKey(s.Id)))
                rows.Add([$"{++n}", i.Name, s.Name, Number(i.BySource[s.Id]), i.Unit]);
        return new Table(["STT", "Chỉ tiêu", c.Level == ReportLevel.National ? "Tỉnh, thành phố" : "Cơ quan, đơn vị", "Số liệu", "Đơn vị tính"], rows);
    }

    /// <summary>One row per duty: overdue if any of its periods is, else the status of its latest; percent averaged.</summary>
    public static Table TaskTable(IReadOnlyList<TaskQueries.Row> tasks)
    {
        var rows = tasks.GroupBy(t => t.TaskId).Select(g => g.OrderBy(r => r.Start).ToList())
            .OrderBy(g => g[0].Order)
            .Select((g, n) =>
            {
                var status = g.FirstOrDefault(r => TaskStatusRules.IsOverdue(r.Status))?.Status ?? g[^1].Status;
                return new List<string> { $"{n + 1}", g[0].Text, g[0].LeadAgency, g[0].DeadlineText ?? Shared.Lang.Date(g[^1].Due), TaskStatusRules.Vietnamese(status),
                    $"{(int)Math.Round(g.Average(r => r.Percent))}" };
            }).ToList();
        return new Table(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái", "Tỷ lệ (%)"], rows);
    }

    public static List<string> Recipients(IReadOnlyList<string> receivers) =>
        receivers.Select((r, i) => $"- {r}{(i == receivers.Count - 1 ? "." : ";")}").ToList();

    private static Bullet Bullet(Consolidation.Narrative n) => new($"{n.Source}: {Flatten(n.Text)}");

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string Flatten(string text) => string.Join(" ", Lines(text));

    /// <summary>Theme titles in plans run to a paragraph; a heading takes the words up to the first semicolon or colon.</summary>
    public static string Short(string title)
    {
        var cut = title.IndexOfAny([';', ':']);
        var s = cut > 20 ? title[..cut] : title;
        return s.Length > 160 ? s[..160].TrimEnd() + "…" : s.TrimEnd('.');
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLower(s[0], Numbers) + s[1..];
}
