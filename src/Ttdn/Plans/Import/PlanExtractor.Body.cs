using System.Text.RegularExpressions;

namespace Ttdn.Plans.Import;

public sealed partial class PlanExtractor
{
    private enum SectionKind { Aims, Themes, Channels, Funding, Assignments, Unknown }

    /// <summary>A numbered heading ("3. Sở Thông tin và Truyền thông") with the paragraphs and bullets under it.</summary>
    private sealed class Group(string number, string title, string location, bool bold)
    {
        public string Number { get; } = number;
        public string Title { get; set; } = title;
        public string Location { get; } = location;
        public bool Bold { get; } = bold;
        public List<(string Text, string Location, bool Bullet)> Items { get; } = [];
        public List<DutyRow> Duties { get; } = [];
    }

    private sealed class Body
    {
        public int Sections;
        public List<string> Purposes = [], Requirements = [];
        public List<PlanDocument.Section> Themes = [];
        public List<PlanDocument.ChannelSection> Channels = [];
        public List<PlanDocument.FundingLine> Funding = [];
        public List<PlanDocument.AssignmentItem> Assignments = [];
    }

    private void ReadBody(Body body, DateOnly start, DateOnly end)
    {
        var tasks = new TaskReader(start, end, Info);
        SectionKind kind = SectionKind.Unknown;
        string sectionTitle = "";
        List<Group> groups = [];
        bool inSection = false;

        void Flush()
        {
            if (inSection) Apply(body, kind, sectionTitle, groups, tasks);
            groups = [];
        }

        for (; _next < _lines.Count; _next++)
        {
            var line = _lines[_next];
            _progress?.Report(20 + 60 * _next / Math.Max(1, _lines.Count));
            var key = Folding.Key(line.Text);
            if (key.StartsWith("noi nhan", StringComparison.Ordinal)) break;
            if (line.Duty is { } duty)
            {
                if (!inSection || kind != SectionKind.Assignments)
                {
                    Flush();
                    (inSection, kind, sectionTitle) = (true, SectionKind.Assignments, "Phụ lục");
                }
                if (groups.Count == 0) groups.Add(new Group("", "", line.Location, false));
                groups[^1].Duties.Add(duty);
                continue;
            }
            if (RomanHeading().IsMatch(line.Text))
            {
                Flush();
                body.Sections++;
                inSection = true;
                sectionTitle = line.Text[(line.Text.IndexOfAny(['.', ')']) + 1)..].Trim();
                kind = KindOfSection(Folding.Key(sectionTitle));
                if (kind == SectionKind.Unknown)
                    Warn(line.Location, $"Không nhận ra mục \"{Short(line.Text)}\": các mục thường là Mục đích, yêu cầu / Nội dung / Hình thức / Kinh phí / Tổ chức thực hiện. Nội dung mục này không được nhập. (Section not recognised; skipped.)");
                continue;
            }
            if (key.StartsWith("tren day la", StringComparison.Ordinal) || key.StartsWith("phu luc", StringComparison.Ordinal)
                || key.StartsWith("trong qua trinh thuc hien", StringComparison.Ordinal))
            {
                // The closing paragraph ends the body; an annex heading is followed by its duty table.
                Flush();
                inSection = false;
                continue;
            }
            if (!inSection)
            {
                if (body.Sections > 0)
                    Info(line.Location, $"Đoạn ngoài các mục, không nhập: \"{Short(line.Text)}\". (Paragraph outside the sections, not imported.)");
                continue;
            }
            AddToGroups(groups, line);
        }
        Flush();
    }

    private void AddToGroups(List<Group> groups, SourceLine line)
    {
        var text = line.Text;
        if (Numbered().Match(text) is { Success: true } n)
        {
            groups.Add(new Group(n.Groups[1].Value, text[n.Groups[2].Index..].Trim(), line.Location, line.Bold || line.Heading > 0));
            return;
        }
        bool bullet = false;
        if (Bulleted().Match(text) is { Success: true } b) (text, bullet) = (text[b.Length..].Trim(), true);
        else if (Lettered().Match(text) is { Success: true } l) (text, bullet) = (text[l.Length..].Trim(), true);
        if (text.Length == 0) return;
        if (groups.Count == 0) groups.Add(new Group("", "", line.Location, false));
        var g = groups[^1];
        bool lower = char.IsLower(text[0]);
        if (g.Items.Count == 0 && g.Title.Length > 0 && !bullet && (lower || g.Title.TrimEnd().EndsWith(',')))
        {
            g.Title += " " + text;
            Info(line.Location, "Nối vào tiêu đề phía trên (tiêu đề bị ngắt trang). (Joined to the heading above: a page break split it.)");
            return;
        }
        if (g.Items.Count > 0 && !bullet)
        {
            var last = g.Items[^1];
            bool listOfBullets = g.Items.Any(i => i.Bullet);
            if (lower || listOfBullets || !EndsSentence(last.Text))
            {
                g.Items[^1] = (last.Text + " " + text, last.Location, last.Bullet);
                Info(line.Location, "Nối vào ý phía trên (đoạn bị ngắt trang). (Joined to the item above: a page break split it.)");
                return;
            }
        }
        g.Items.Add((text, line.Location, bullet));
    }

    private static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } t && ".;:!?…)\"”".Contains(t[^1]);

    private static SectionKind KindOfSection(string key)
    {
        if (key.Contains("to chuc thuc hien", StringComparison.Ordinal) || key.Contains("phan cong", StringComparison.Ordinal)) return SectionKind.Assignments;
        if (key.Contains("kinh phi", StringComparison.Ordinal)) return SectionKind.Funding;
        if (key.Contains("hinh thuc", StringComparison.Ordinal)) return SectionKind.Channels;
        if (key.Contains("muc dich", StringComparison.Ordinal) || key.Contains("yeu cau", StringComparison.Ordinal) || key.Contains("muc tieu", StringComparison.Ordinal)) return SectionKind.Aims;
        if (key.Contains("noi dung", StringComparison.Ordinal) || key.Contains("nhiem vu", StringComparison.Ordinal)) return SectionKind.Themes;
        return SectionKind.Unknown;
    }

    private void Apply(Body body, SectionKind kind, string sectionTitle, List<Group> groups, TaskReader tasks)
    {
        switch (kind)
        {
            case SectionKind.Aims:
                foreach (var g in groups)
                {
                    var which = Folding.Key(g.Title.Length > 0 ? g.Title : sectionTitle);
                    var texts = g.Items.Select(i => i.Text).ToList();
                    if (which.Contains("yeu cau", StringComparison.Ordinal) && !which.Contains("muc dich", StringComparison.Ordinal)) body.Requirements.AddRange(texts);
                    else if (which.Contains("muc dich", StringComparison.Ordinal) || which.Contains("muc tieu", StringComparison.Ordinal)) body.Purposes.AddRange(texts);
                    else Warn(g.Location, $"Không rõ \"{Short(g.Title)}\" là mục đích hay yêu cầu; đã xếp vào mục đích. (Unclear whether purpose or requirement.)");
                }
                break;
            case SectionKind.Themes:
                foreach (var g in groups)
                {
                    if (g.Number.Length == 0)
                    {
                        body.Themes.AddRange(g.Items.Select((i, k) => new PlanDocument.Section((body.Themes.Count + k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i.Text, [])));
                        continue;
                    }
                    body.Themes.Add(new PlanDocument.Section(g.Number, g.Title, g.Items.Select(i => i.Text).ToList()));
                }
                break;
            case SectionKind.Channels:
                foreach (var g in groups)
                {
                    var code = ChannelOf(g.Title);
                    if (code is null)
                        Warn(g.Location, $"Hình thức \"{Short(g.Title)}\" không khớp danh mục hình thức; xếp vào \"Hình thức khác\". (Channel not in the catalogue.)");
                    body.Channels.Add(new PlanDocument.ChannelSection(g.Number, g.Title, code ?? "OTHER", g.Items.Select(i => i.Text).ToList()));
                }
                break;
            case SectionKind.Funding:
                foreach (var g in groups)
                {
                    var texts = g.Title.Length > 0 && g.Items.Count == 0 ? [g.Title] : g.Items.Select(i => i.Text).ToList();
                    body.Funding.AddRange(texts.Select(t => new PlanDocument.FundingLine(t, FundingSourceOf(t))));
                }
                break;
            case SectionKind.Assignments:
                foreach (var g in groups)
                {
                    if (g.Duties.Count > 0) tasks.AddDuties(body.Assignments, g.Duties, g.Location);
                    else if (g.Number.Length == 0) Warn(g.Location, $"Đoạn không thuộc cơ quan nào được đánh số: \"{Short(g.Items.FirstOrDefault().Text ?? "")}\". (Paragraph before the first numbered agency; not imported.)");
                    else body.Assignments.Add(tasks.Assignment(g.Number, g.Title, g.Location, g.Items.Select(i => (i.Text, i.Location)).ToList()));
                }
                break;
            case SectionKind.Unknown:
                break;
        }
    }

    /// <summary>
    /// The catalogue entry whose keywords the heading names most; "hoạt động" counts half, being in many headings
    /// ("Tuyên truyền thông qua hoạt động xuất bản" is publishing, not events).
    /// </summary>
    private static string? ChannelOf(string title)
    {
        var words = Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(title);
        var best = ChannelCatalogue.All
            .Select(e => (e.Code, Score: e.Keywords.Where(k => words.Contains(k, StringComparison.Ordinal)).Sum(k => k == "hoat dong" ? 0.5 : 1)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        return best.Code;
    }

    private static FundingSource? FundingSourceOf(string text)
    {
        var key = Folding.Key(text);
        if (key.Contains("tai tro", StringComparison.Ordinal) || key.Contains("xa hoi hoa", StringComparison.Ordinal) || key.Contains("dong gop", StringComparison.Ordinal)) return FundingSource.Socialised;
        if (key.Contains("trung uong", StringComparison.Ordinal)) return FundingSource.CentralBudget;
        if (key.Contains("ngan sach", StringComparison.Ordinal) || key.Contains("du toan", StringComparison.Ordinal)) return FundingSource.ProvincialBudget;
        return null;
    }

    [GeneratedRegex(@"^(\d{1,2})\s*[.)]\s*(\S)")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^[-–•+*]\s*")]
    private static partial Regex Bulleted();

    [GeneratedRegex(@"^[a-zđ]\)\s*")]
    private static partial Regex Lettered();
}
