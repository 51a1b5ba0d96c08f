using System.Globalization;
using System.Text.RegularExpressions;

namespace Ttdn.Plans.Import;

/// <summary>
/// The duties of "Tổ chức thực hiện": one task per bullet or paragraph under a numbered agency (or per row of a duty table), with its
/// deadline phrase, "phối hợp với …" co-ordinators and quantified targets ("700 cuốn … song ngữ Việt Anh").
/// </summary>
internal sealed partial class TaskReader(DateOnly start, DateOnly end, Action<string, string> info)
{
    /// <summary>Words that open a duty: where an agency name written in the same sentence ends.</summary>
    private static readonly string[] DutyVerbs =
    [
        "quan tam", "chu tri", "phoi hop", "tham muu", "chi dao", "trien khai", "thuc hien", "huong dan", "to chuc", "xay dung",
        "co trach nhiem", "tang cuong", "day manh", "theo doi", "cung cap", "tiep tuc", "duy tri", "tuyen truyen", "bo tri", "kiem tra",
        "san xuat", "dang tai", "bien soan", "phat hanh", "xuat ban", "tong hop", "bao cao", "giup", "can cu", "nghien cuu", "phat trien",
        "lua chon", "tham gia", "dan dung", "tham dinh", "chu dong", "thuc day", "quang ba", "gioi thieu", "ho tro", "dam bao",
    ];

    /// <summary>Words that begin an organisation's name: where a list of co-ordinators splits.</summary>
    private static readonly string[] OrganisationHeads =
    [
        "so ", "ban ", "hoi ", "bo ", "ubnd", "uy ban", "bao ", "dai ", "cong an", "cac ", "van phong", "trung tam", "tap chi", "cuc ",
        "lien doan", "mat tran", "bo chi huy", "tinh doan", "thanh uy", "huyen uy", "tinh uy", "vien ", "truong ", "dai hoc",
        "chi cuc", "kho bac", "ngan hang", "buu dien", "vien thong", "the thao",
    ];

    /// <summary>"các đơn vị liên quan", "các cơ quan, đơn vị, địa phương": everyone, not a named partner.</summary>
    private static readonly string[] Generic = ["lien quan", "co quan, don vi", "cac don vi", "cac dia phuong"];

    private static readonly string[] Units =
    [
        "cuon", "an pham", "bai", "tap", "chuong trinh", "phong su", "video", "clip", "to roi", "to gap", "cuoc", "lop", "doan", "ban tin",
        "chuyen muc", "buoi", "luot", "san pham", "pano", "bang", "phim", "tac pham", "hoi nghi", "su kien", "nguoi", "trang",
    ];

    public PlanDocument.AssignmentItem Assignment(string number, string heading, string location, List<(string Text, string Location)> items)
    {
        string asWritten = heading.TrimEnd(':', '.', ' ');
        var texts = items.Select(i => i.Text).ToList();
        if (SplitAgency(heading) is { } split)
        {
            // "2. Đề nghị các thành viên Ban Chỉ đạo … quan tâm chỉ đạo, …": agency and duty in one sentence.
            asWritten = split;
            texts.Insert(0, heading);
            info(location, $"Câu giao nhiệm vụ có cả tên cơ quan: đã tách cơ quan \"{split}\"; hãy kiểm tra. (Agency split from the duty sentence.)");
        }
        var agency = CleanAgency(asWritten);
        return new PlanDocument.AssignmentItem(number, agency, asWritten, texts.Select(Task).ToList());
    }

    public void AddDuties(List<PlanDocument.AssignmentItem> assignments, List<DutyRow> rows, string location)
    {
        foreach (var row in rows)
        {
            var agency = CleanAgency(row.Lead);
            int index = assignments.FindIndex(a => Folding.Key(a.AgencyAsWritten ?? a.Agency) == Folding.Key(row.Lead));
            var task = Task(row.Content);
            if (row.Coordinators is { Length: > 0 } co)
            {
                // A column listing agencies one per line or separated by ";" says where each name ends.
                var names = co.IndexOfAny([';', '\n']) >= 0
                    ? co.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.TrimStart('-', '+', ' ').TrimEnd('.', ',')).Where(n => n.Length > 1).ToList()
                    : SplitNames(co);
                task = task with { CoordinatingAgencies = names };
            }
            if (row.Time is { Length: > 0 } time)
            {
                var parsed = DeadlinePhrase.Parse(time, start, end);
                if (parsed.Kind == DeadlineKind.None && !Folding.Key(time).Contains("dot xuat", StringComparison.Ordinal))
                    info(location, $"Thời hạn \"{time}\" (TT {row.Number}) không đọc được thành ngày: giữ nguyên văn, hãy kiểm tra. (Deadline not understood.)");
                task = task with { Deadline = time };
            }
            if (index < 0)
            {
                assignments.Add(new PlanDocument.AssignmentItem((assignments.Count + 1).ToString(CultureInfo.InvariantCulture), agency, row.Lead, [task]));
            }
            else
            {
                assignments[index].Tasks.Add(task);
            }
        }
    }

    public PlanDocument.TaskItem Task(string text)
    {
        var deadline = DeadlinePhrase.FindIn(text, start, end);
        return new PlanDocument.TaskItem(text, deadline.Text, Coordinators(text), Targets(text), null, null);
    }

    /// <summary>"Đề nghị …", "Giao …", "các thành viên …" are courtesy, not part of the name.</summary>
    public static string CleanAgency(string written)
    {
        var name = written.Trim().TrimEnd(':', '.', ';').Trim();
        foreach (var prefix in new[] { "de nghi ", "giao ", "cac thanh vien ", "thanh vien " })
            if (Folding.Key(name).StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..].Trim();
        return name.Length > 0 ? char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..] : name;
    }

    private static string? SplitAgency(string heading)
    {
        var key = Folding.Key(heading);
        var words = key.Split(' ');
        if (words.Length < 8) return null;
        int position = 0;
        for (int w = 0; w < words.Length; w++)
        {
            if (w >= 2 && DutyVerbs.Any(v => key.AsSpan(position).StartsWith(v + " ", StringComparison.Ordinal))
                && !(words[w - 1] == "ban" && key.AsSpan(position).StartsWith("chi dao", StringComparison.Ordinal)))
                return heading[..position].TrimEnd(' ', ',');
            position += words[w].Length + 1;
        }
        return null;
    }

    /// <summary>"phối hợp với Sở A, Sở B và các đơn vị liên quan tổ chức …" → [Sở A, Sở B]: generic "liên quan" bodies left out.</summary>
    private static List<string> Coordinators(string text)
    {
        var key = Folding.Key(text);
        var m = CoordinatorPhrase().Match(key);
        if (!m.Success) return [];
        int from = m.Index + m.Length;
        if (NextWordIsVerb(key, from)) return []; // "Phối hợp tuyên truyền …": no partner named
        int to = text.Length;
        for (int p = from; p < key.Length; p++)
        {
            if (p > from && key[p - 1] == ' ' && VerbAt(key, p))
            {
                to = p - 1;
                break;
            }
            if (key[p] is ';' or '.' or ':' || (key[p] == ',' && p + 2 < key.Length && !OrganisationHeads.Any(h => key.AsSpan(p + 2).StartsWith(h, StringComparison.Ordinal))
                && NextWordIsVerb(key, p + 2)))
            {
                to = p;
                break;
            }
        }
        return SplitNames(text[from..to]);
    }

    private static bool NextWordIsVerb(string key, int p) => VerbAt(key, p);

    private static bool VerbAt(string key, int p) => DutyVerbs.Any(v => key.AsSpan(p).StartsWith(v, StringComparison.Ordinal)
        && (p + v.Length == key.Length || !char.IsLetterOrDigit(key[p + v.Length])));

    /// <summary>Splits "Sở Thông tin và Truyền thông, Sở Ngoại vụ và các cơ quan liên quan" where a new organisation name begins.</summary>
    public static List<string> SplitNames(string list)
    {
        var names = new List<string>();
        var key = Folding.Key(list);
        int start = 0;
        for (int p = 0; p < list.Length; p++)
        {
            int next = key[p] is ',' or ';' or '\n' ? p + 1 : key.AsSpan(p).StartsWith(" va ", StringComparison.Ordinal) ? p + 4 : -1;
            if (next < 0) continue;
            while (next < key.Length && key[next] == ' ') next++;
            if (key[p] is ';' or '\n' || OrganisationHeads.Any(h => key.AsSpan(next).StartsWith(h, StringComparison.Ordinal)))
            {
                names.Add(list[start..p]);
                start = next;
                p = next - 1;
            }
        }
        names.Add(list[start..]);
        return names.Select(n => n.Trim().Trim(',', '.', ';', ' ')).Where(n => n.Length > 1)
            .Where(n => !Generic.Any(g => Folding.Key(n).Contains(g, StringComparison.Ordinal)))
            .Select(n => char.ToUpper(n[0], CultureInfo.InvariantCulture) + n[1..]).ToList();
    }

    /// <summary>"Xuất bản 700 cuốn … song ngữ Việt Anh" → 700 cuốn in vi+en.</summary>
    private static List<PlanDocument.TargetItem> Targets(string text)
    {
        var key = Folding.Key(text);
        var targets = new List<PlanDocument.TargetItem>();
        foreach (Match m in Quantity().Matches(key))
        {
            var after = key[(m.Index + m.Length)..];
            var unit = Units.Where(u => after.StartsWith(u, StringComparison.Ordinal) && (after.Length == u.Length || !char.IsLetter(after[u.Length])))
                .OrderByDescending(u => u.Length).FirstOrDefault();
            if (unit is null || (m.Groups[1].Value.StartsWith('0') && m.Groups[1].Value.Length > 1)) continue;
            var quantity = decimal.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var unitText = text.Substring(m.Index + m.Length, unit.Length);
            targets.Add(new PlanDocument.TargetItem(quantity, unitText, Languages(key)));
        }
        return targets;
    }

    private static List<string> Languages(string key)
    {
        var found = new List<string>();
        void Add(string code, params string[] words) { if (words.Any(w => key.Contains(w, StringComparison.Ordinal)) && !found.Contains(code)) found.Add(code); }
        if (key.Contains("song ngu viet", StringComparison.Ordinal) || key.Contains("tieng viet", StringComparison.Ordinal)) found.Add("vi");
        Add("en", "song ngu viet anh", "song ngu viet - anh", "tieng anh", "viet - anh");
        Add("zh", "tieng trung", "song ngu viet trung", "viet - trung");
        Add("ko", "tieng han");
        Add("fr", "tieng phap");
        Add("lo", "tieng lao");
        Add("ja", "tieng nhat");
        Add("ru", "tieng nga");
        return found;
    }

    [GeneratedRegex(@"(?:^|[,;]\s*|\s)phoi hop(?: voi)?\s+")]
    private static partial Regex CoordinatorPhrase();

    [GeneratedRegex(@"(?<![\d/.])(\d{1,3}(?:\.\d{3})*|\d+)\s+(?=\p{L})")]
    private static partial Regex Quantity();
}
