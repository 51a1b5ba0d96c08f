using Ttdn.Organisations;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar;
using Ttdn.Vietnamese.Calendar.Anniversaries;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Calendar;

/// <summary>How an anniversary's base date is reckoned.</summary>
public enum AnniversaryCalendar { Solar, Lunar, Undated }

/// <summary>
/// One row of the anniversary register: a day the plans commemorate, with its original date (solar, or lunar
/// day/month with the leap flag and, when known, the year), its kind, its scope (national, or one province) and
/// the source that confirms the date. Seeded from <see cref="AnniversaryRegister"/>; administrators and the
/// province's lead department keep it up to date (docs/decisions/0011).
/// </summary>
public sealed class AnniversaryEntry
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public AnniversaryKind Kind { get; private set; }
    public AnniversaryCalendar Calendar { get; private set; }
    /// <summary>Year of origin: required for a solar date, optional for a lunar one (a festival with no founding year).</summary>
    public int? BaseYear { get; private set; }
    public int? Month { get; private set; }
    public int? Day { get; private set; }
    /// <summary>The original lunar date was in the leap month; commemorated in the ordinary month of later years.</summary>
    public bool LeapMonth { get; private set; }
    /// <summary>The province (its People's Committee) the day belongs to; null for a national day.</summary>
    public int? ProvinceId { get; private set; }
    public string SourceNote { get; private set; } = "";
    /// <summary>Identifies the code-register row this was seeded from; null for rows users added.</summary>
    public string? SeedKey { get; private set; }
    /// <summary>Removed rows stay (with the date) so that the next start's seeding does not bring them back.</summary>
    public DateTime? RemovedAtUtc { get; private set; }
    public int Version { get; private set; }

    public Organisation? Province { get; private set; }

    private AnniversaryEntry() { }

    public AnniversaryEntry(string name, AnniversaryKind kind, AnniversaryCalendar calendar, int? baseYear, int? month, int? day, bool leapMonth,
        int? provinceId, string sourceNote, string? seedKey = null)
    {
        SeedKey = seedKey;
        Update(name, kind, calendar, baseYear, month, day, leapMonth, provinceId, sourceNote);
        Version = 1;
    }

    public bool IsRemoved => RemovedAtUtc is not null;

    public void Update(string name, AnniversaryKind kind, AnniversaryCalendar calendar, int? baseYear, int? month, int? day, bool leapMonth,
        int? provinceId, string sourceNote)
    {
        name = VietnameseText.Normalize(name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("Hãy nhập tên ngày kỷ niệm, ví dụ \"Ngày thành lập Đảng Cộng sản Việt Nam\". (Enter the name.)");
        if (name.Length > 500) throw new DomainException("Tên ngày kỷ niệm dài quá 500 ký tự. (Name longer than 500 characters.)");
        if (!Enum.IsDefined(kind)) throw new DomainException("Hãy chọn loại ngày kỷ niệm. (Choose the kind.)");
        CheckDate(calendar, baseYear, month, day, leapMonth);
        sourceNote = VietnameseText.Normalize(sourceNote ?? "").Trim();
        if (sourceNote.Length > 1000) throw new DomainException("Ghi chú nguồn dài quá 1.000 ký tự. (Source note longer than 1,000 characters.)");
        (Name, Kind, Calendar, ProvinceId, SourceNote) = (name, kind, calendar, provinceId, sourceNote);
        (BaseYear, Month, Day, LeapMonth) = calendar == AnniversaryCalendar.Undated ? (null, null, null, false) : (baseYear, month, day, calendar == AnniversaryCalendar.Lunar && leapMonth);
        Version++;
    }

    public void Remove(DateTime atUtc)
    {
        RemovedAtUtc = atUtc;
        Version++;
    }

    /// <summary>The register row as the year generator sees it; <paramref name="provinceName"/> becomes the scope.</summary>
    public Anniversary ToAnniversary(string? provinceName)
    {
        AnniversaryDate? date = Calendar switch
        {
            AnniversaryCalendar.Solar => AnniversaryDate.Solar(new DateOnly(BaseYear!.Value, Month!.Value, Day!.Value)),
            AnniversaryCalendar.Lunar => AnniversaryDate.Lunar(Month!.Value, Day!.Value, BaseYear),
            _ => null,
        };
        return new Anniversary(Name, date, Kind, provinceName, SourceNote);
    }

    /// <summary>"20/05/1947"; "10/03 âm lịch"; "10/03 (nhuận) âm lịch năm 1947"; "—" for a festival with no fixed date.</summary>
    public string DateText => Calendar switch
    {
        AnniversaryCalendar.Solar => $"{Day:00}/{Month:00}/{BaseYear}",
        AnniversaryCalendar.Lunar => $"{Day:00}/{Month:00}{(LeapMonth ? " (nhuận)" : "")} âm lịch{(BaseYear is { } y ? $" năm {y}" : "")}",
        _ => "—",
    };

    private static void CheckDate(AnniversaryCalendar calendar, int? year, int? month, int? day, bool leap)
    {
        if (calendar == AnniversaryCalendar.Undated) return;
        if (!Enum.IsDefined(calendar)) throw new DomainException("Hãy chọn loại lịch: dương lịch, âm lịch hoặc chưa có ngày cố định. (Choose the calendar.)");
        if (month is null || day is null)
            throw new DomainException("Hãy nhập ngày và tháng của ngày kỷ niệm. (Enter the day and month.)");
        if (month is < 1 or > 12) throw new DomainException($"Tháng {month} không có: tháng phải từ 1 đến 12. (Month must be 1–12.)");
        if (calendar == AnniversaryCalendar.Solar)
        {
            if (year is null) throw new DomainException("Ngày dương lịch cần có năm gốc, ví dụ 20/05/1947. (A solar date needs its year.)");
            if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
                throw new DomainException($"Ngày {day:00}/{month:00}/{year} không có thật: tháng {month}/{year} có {(year is >= 1 and <= 9999 ? DateTime.DaysInMonth(year.Value, month.Value) : 0)} ngày. (Not a real date.)");
            return;
        }

        if (day is < 1 or > 30) throw new DomainException($"Ngày âm lịch {day} không có: ngày âm lịch từ 1 đến 30. (Lunar day must be 1–30.)");
        if (year is null)
        {
            if (leap) throw new DomainException("Tháng nhuận chỉ xác định được khi biết năm gốc: hãy nhập năm. (A leap month needs its year.)");
            return;
        }
        if (year <= LunarCalendar.MinYear || year >= LunarCalendar.MaxYear)
            throw new DomainException($"Năm âm lịch {year} nằm ngoài khoảng {LunarCalendar.MinYear + 1}–{LunarCalendar.MaxYear - 1} tính được. (Year out of range.)");
        if (leap && LunarCalendar.LeapMonth(year.Value) != month)
            throw new DomainException(LunarCalendar.LeapMonth(year.Value) is { } m
                ? $"Năm âm lịch {year} chỉ có tháng {m} nhuận, không có tháng {month} nhuận. (Year {year} has leap month {m} only.)"
                : $"Năm âm lịch {year} không có tháng nhuận. (Year {year} has no leap month.)");
        var days = LunarCalendar.DaysInMonth(year.Value, month.Value, leap);
        if (day > days)
            throw new DomainException($"Tháng {month}{(leap ? " nhuận" : "")} âm lịch năm {year} chỉ có {days} ngày, không có ngày {day}. (That lunar month has {days} days.)");
    }
}

/// <summary>
/// An event an organisation registers on the calendar (a conference, a delegation visit, a press briefing):
/// shown in the month view and in the organisation's iCalendar feed.
/// </summary>
public sealed class CalendarEvent
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public int OrganisationId { get; private set; }
    public string? Place { get; private set; }
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public int Version { get; private set; }

    public Organisation? Organisation { get; private set; }

    private CalendarEvent() { }

    public CalendarEvent(string title, DateOnly start, DateOnly end, int organisationId, string? place, string? note, string createdBy, DateTime createdAtUtc)
    {
        (CreatedBy, CreatedAtUtc) = (createdBy, createdAtUtc);
        Update(title, start, end, organisationId, place, note);
        Version = 1;
    }

    public void Update(string title, DateOnly start, DateOnly end, int organisationId, string? place, string? note)
    {
        title = VietnameseText.Normalize(title ?? "").Trim();
        if (title.Length == 0) throw new DomainException("Hãy nhập tên sự kiện. (Enter the event's title.)");
        if (title.Length > 300) throw new DomainException("Tên sự kiện dài quá 300 ký tự. (Title longer than 300 characters.)");
        if (end < start)
            throw new DomainException($"Ngày kết thúc {end:dd/MM/yyyy} trước ngày bắt đầu {start:dd/MM/yyyy}. (The event ends before it starts.)");
        if (end.DayNumber - start.DayNumber > 366)
            throw new DomainException("Sự kiện dài quá một năm: hãy kiểm tra ngày kết thúc. (Event longer than a year.)");
        (Title, StartDate, EndDate, OrganisationId) = (title, start, end, organisationId);
        Place = Clean(place, 300, "Địa điểm");
        Note = Clean(note, 2000, "Ghi chú");
        Version++;
    }

    private static string? Clean(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = VietnameseText.Normalize(text).Trim();
        if (text.Length > max) throw new DomainException($"{field} dài quá {max} ký tự. (Too long.)");
        return text;
    }
}

/// <summary>The secret in an organisation's iCalendar address: calendar apps subscribe without a cookie.</summary>
public sealed class CalendarFeed
{
    public int OrganisationId { get; private set; }
    public string Token { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    private CalendarFeed() { }

    public CalendarFeed(int organisationId, string token, DateTime createdAtUtc) => (OrganisationId, Token, CreatedAtUtc) = (organisationId, token, createdAtUtc);
}
