using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Reports;

public enum PeriodKind { Month, Quarter, HalfYear, Year, Custom }

/// <summary>Province: a plan's agencies report to its lead department. National: provinces report to the national office.</summary>
public enum ReportLevel { Province, National }

/// <summary>
/// A kind of periodic report as data (domain.md §9: periods, deadlines, recipients and indicators are not confirmed by
/// any circular, so everything here is editable): how long a period is, when agencies must submit, who receives the
/// consolidated report, the narrative outline and the indicators asked for.
/// </summary>
public sealed class ReportTemplate
{
    public int Id { get; private set; }
    /// <summary>Stable key used by the seed and the command line ("ttdn-annual").</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PeriodKind PeriodKind { get; private set; }
    /// <summary>For <see cref="PeriodKind.Custom"/>: the month a twelve-month period starts in (7 = 01/07–30/06).</summary>
    public int StartMonth { get; private set; } = 1;
    /// <summary>Agencies submit this many days after the period ends (negative: before it ends, e.g. −21 = 10/12 for a calendar year).</summary>
    public int DeadlineOffsetDays { get; private set; }
    public ReportLevel Level { get; private set; }
    /// <summary>Who consolidates; null means the plan's lead department (province level).</summary>
    public int? ConsolidatorId { get; private set; }
    /// <summary>Nơi nhận of the consolidated report, one line each, as printed without the leading "- ".</summary>
    public List<string> Receivers { get; private set; } = [];
    public List<OutlineSection> Sections { get; private set; } = [];
    public List<TemplateIndicator> Indicators { get; private set; } = [];
    public bool IsActive { get; private set; } = true;
    public int Version { get; private set; }

    private ReportTemplate() { }

    public ReportTemplate(string code, string name, PeriodKind kind, int deadlineOffsetDays, ReportLevel level = ReportLevel.Province, int startMonth = 1)
    {
        Code = code.Trim();
        Update(name, kind, startMonth, deadlineOffsetDays, level, null, [], true);
        Version = 1;
    }

    public void Update(string name, PeriodKind kind, int startMonth, int deadlineOffsetDays, ReportLevel level, int? consolidatorId,
        IEnumerable<string> receivers, bool active)
    {
        name = VietnameseText.Normalize(name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("Hãy nhập tên mẫu báo cáo. (Enter the template's name.)");
        if (startMonth is < 1 or > 12) throw new DomainException("Tháng bắt đầu kỳ báo cáo phải từ 1 đến 12. (Start month must be 1–12.)");
        if (deadlineOffsetDays is < -180 or > 180)
            throw new DomainException("Hạn nộp phải trong khoảng 180 ngày trước hoặc sau ngày kết thúc kỳ. (Deadline offset must be within ±180 days.)");
        (Name, PeriodKind, StartMonth, DeadlineOffsetDays, Level, ConsolidatorId, IsActive) =
            (name, kind, kind == PeriodKind.Custom ? startMonth : 1, deadlineOffsetDays, level, consolidatorId, active);
        Receivers = receivers.Select(r => VietnameseText.Normalize(r).Trim().TrimStart('-', ' ').TrimEnd(';', '.')).Where(r => r.Length > 0).ToList();
        Version++;
    }

    public void SetSections(IEnumerable<OutlineSection> sections)
    {
        var list = sections.Where(s => !string.IsNullOrWhiteSpace(s.Title)).ToList();
        if (list.Count == 0) throw new DomainException("Đề cương báo cáo cần ít nhất một mục. (The outline needs at least one section.)");
        if (list.Select(s => s.Key).Distinct().Count() != list.Count) throw new DomainException("Mã các mục đề cương phải khác nhau. (Section keys must differ.)");
        Sections = list;
        Version++;
    }

    public void SetIndicators(IEnumerable<int> indicatorIds)
    {
        var ids = indicatorIds.Distinct().ToList();
        Indicators.RemoveAll(i => !ids.Contains(i.IndicatorId));
        foreach (var (id, order) in ids.Select((id, i) => (id, i + 1)))
        {
            var existing = Indicators.FirstOrDefault(i => i.IndicatorId == id);
            if (existing is null) Indicators.Add(new TemplateIndicator { IndicatorId = id, Order = order });
            else existing.Order = order;
        }
        Version++;
    }

    /// <summary>Adds a heading at the end of the outline; its key comes from the title and stays when the heading is renamed.</summary>
    public OutlineSection AddSection(string number, string title)
    {
        title = VietnameseText.Normalize(title ?? "").Trim();
        if (title.Length == 0) throw new DomainException("Hãy nhập tên mục đề cương, ví dụ: Tồn tại, hạn chế và nguyên nhân. (Enter the section's title.)");
        if (title.Length > 300) throw new DomainException("Tên mục đề cương dài tối đa 300 ký tự. (A section title is at most 300 characters.)");
        if (Sections.Any(s => VietnameseText.EqualsFolded(s.Title, title)))
            throw DomainException.Conflict($"Đề cương đã có mục \"{title}\". (The outline already has this section.)");
        // Prefixed so a key never collides with the fixed ones ("results", "intro") or the plan's themes ("theme-3").
        var stem = "muc-" + string.Join('-', VietnameseText.Words(title).Take(4));
        var key = stem;
        for (var n = 2; Sections.Any(s => s.Key == key); n++) key = $"{stem}-{n}";
        var section = new OutlineSection { Key = key, Number = NumberOrNext(number, Sections.Count + 1), Title = title };
        Sections = [.. Sections, section];
        Version++;
        return section;
    }

    /// <summary>New numbers and titles by key; narratives stay filed under the key, so renaming loses nothing.</summary>
    public void RenameSections(IReadOnlyDictionary<string, (string Number, string Title)> changes)
    {
        var renamed = Sections.Select(s =>
        {
            if (!changes.TryGetValue(s.Key, out var c)) return s;
            var title = VietnameseText.Normalize(c.Title ?? "").Trim();
            if (title.Length == 0) throw new DomainException($"Mục {s.Number} chưa có tên: hãy nhập tên mục hoặc xóa mục đó. (Section {s.Number} needs a title.)");
            return new OutlineSection { Key = s.Key, Number = NumberOrNext(c.Number, 0, s.Number), Title = title, Results = s.Results };
        }).ToList();
        var repeated = renamed.GroupBy(s => VietnameseText.Fold(s.Title)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new DomainException($"Hai mục đề cương cùng tên \"{repeated.First().Title}\". (Two sections have the same title.)");
        Sections = renamed;
        Version++;
    }

    public void MoveSection(string key, int by)
    {
        // New instances: EF does not notice the same owned objects merely changing places in a JSON collection.
        Sections = [.. Moved(Sections, Sections.FindIndex(s => s.Key == key), by).Select(s => new OutlineSection { Key = s.Key, Number = s.Number, Title = s.Title, Results = s.Results })];
        Version++;
    }

    /// <summary>
    /// Drops a heading from future reports. Text already written under it stays stored in the reports (and shows again if a
    /// heading with the same key comes back); the results heading cannot go, the figures and themes hang on it.
    /// </summary>
    public void RemoveSection(string key)
    {
        var section = Sections.FirstOrDefault(s => s.Key == key) ?? throw new DomainException("Không tìm thấy mục đề cương. (Section not found.)", 404);
        if (section.Results)
            throw new DomainException($"Mục \"{section.Title}\" chứa kết quả theo từng nội dung và bảng số liệu nên không xóa được; có thể đổi tên. (The results section cannot be removed.)");
        if (Sections.Count == 1) throw new DomainException("Đề cương báo cáo cần ít nhất một mục. (The outline needs at least one section.)");
        Sections = [.. Sections.Where(s => s.Key != key)];
        Version++;
    }

    public void MoveIndicator(int indicatorId, int by)
    {
        var ordered = Indicators.OrderBy(i => i.Order).Select(i => i.IndicatorId).ToList();
        SetIndicators(Moved(ordered, ordered.IndexOf(indicatorId), by));
    }

    /// <summary>Stops asking for an indicator; figures filed under it stay and still count in the periods they were filed for.</summary>
    public void DeactivateIndicator(int indicatorId)
    {
        if (Indicators.All(i => i.IndicatorId != indicatorId)) throw new DomainException("Chỉ tiêu không thuộc mẫu báo cáo này. (The indicator is not in this template.)", 404);
        SetIndicators(Indicators.OrderBy(i => i.Order).Select(i => i.IndicatorId).Where(id => id != indicatorId));
    }

    public void ActivateIndicator(int indicatorId)
    {
        if (Indicators.Any(i => i.IndicatorId == indicatorId)) throw DomainException.Conflict("Chỉ tiêu đã có trong mẫu báo cáo. (Already in the template.)");
        SetIndicators(Indicators.OrderBy(i => i.Order).Select(i => i.IndicatorId).Append(indicatorId));
    }

    private static List<T> Moved<T>(List<T> items, int index, int by)
    {
        if (index < 0) throw new DomainException("Không tìm thấy mục cần chuyển. (Item not found.)", 404);
        var target = Math.Clamp(index + by, 0, items.Count - 1);
        var list = items.ToList();
        var item = list[index];
        list.RemoveAt(index);
        list.Insert(target, item);
        return list;
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private static string NumberOrNext(string? number, int position, string? fallback = null)
    {
        var n = (number ?? "").Trim().TrimEnd('.');
        if (n.Length > 10) throw new DomainException("Số thứ tự của mục dài tối đa 10 ký tự, ví dụ: II. (A section number is at most 10 characters.)");
        return n.Length > 0 ? n : fallback ?? (position <= Roman.Length ? Roman[position - 1] : position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The day agencies must submit the report of <paramref name="period"/>.</summary>
    public DateOnly DeadlineOf(ReportingPeriod period) => period.End.AddDays(DeadlineOffsetDays);
}

/// <summary>One heading of the narrative outline ("II. Tồn tại, hạn chế và nguyên nhân").</summary>
public sealed class OutlineSection
{
    public string Key { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Results are told theme by theme (the plan's nội dung); the figures table goes under this section too.</summary>
    public bool Results { get; set; }
}

public sealed class TemplateIndicator
{
    public int TemplateId { get; set; }
    public int IndicatorId { get; set; }
    public int Order { get; set; }
    public Indicator? Indicator { get; set; }
}

/// <summary>
/// A figure officials report (chỉ tiêu): "Tin, bài đăng tải" in "tin, bài", broken down by language. Renaming one is
/// safe: filed figures keep the name and unit they were filed under (<see cref="ReportFigure"/>).
/// </summary>
public sealed class Indicator
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Group { get; private set; } = "";
    /// <summary>The parts the figure is split into (languages, outlet types, sources); empty: a single total.</summary>
    public List<string> Breakdown { get; private set; } = [];
    /// <summary>The unit of plan targets this indicator is compared with ("cuốn"); null: no comparison with the plan.</summary>
    public string? TargetUnit { get; private set; }
    public int Version { get; private set; }

    private Indicator() { }

    public Indicator(string code, string group, string name, string unit, IEnumerable<string>? breakdown = null, string? targetUnit = null)
    {
        Code = code.Trim();
        Update(group, name, unit, breakdown ?? [], targetUnit);
        Version = 1;
    }

    public void Update(string group, string name, string unit, IEnumerable<string> breakdown, string? targetUnit)
    {
        name = VietnameseText.Normalize(name ?? "").Trim();
        unit = VietnameseText.Normalize(unit ?? "").Trim();
        if (name.Length == 0) throw new DomainException("Hãy nhập tên chỉ tiêu. (Enter the indicator's name.)");
        if (unit.Length == 0) throw new DomainException($"Hãy nhập đơn vị tính của chỉ tiêu \"{name}\", ví dụ: tin, bài; cuộc; lượt. (Enter a unit.)");
        var parts = breakdown.Select(b => VietnameseText.Normalize(b).Trim()).Where(b => b.Length > 0).ToList();
        if (parts.Select(VietnameseText.Fold).Distinct().Count() != parts.Count)
            throw new DomainException($"Các phần chi tiết của chỉ tiêu \"{name}\" bị trùng. (Breakdown parts repeat.)");
        (Group, Name, Unit, Breakdown) = (VietnameseText.Normalize(group ?? "").Trim(), name, unit, parts);
        TargetUnit = string.IsNullOrWhiteSpace(targetUnit) ? null : VietnameseText.Normalize(targetUnit).Trim();
        Version++;
    }
}
