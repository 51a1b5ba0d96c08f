using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

public static class CalendarLabels
{
    public static string Of(AnniversaryKind k) => k switch
    {
        AnniversaryKind.National => Lang.T("Ngày lễ, kỷ niệm toàn quốc", "National"),
        AnniversaryKind.Provincial => Lang.T("Ngày kỷ niệm của tỉnh", "Provincial"),
        AnniversaryKind.Diplomatic => Lang.T("Quan hệ ngoại giao", "Diplomatic relations"),
        AnniversaryKind.Leader => Lang.T("Lãnh tụ", "Leader"),
        AnniversaryKind.Festival => Lang.T("Lễ hội", "Festival"),
        AnniversaryKind.OrganisationFounding => Lang.T("Ngày thành lập cơ quan, tổ chức", "Organisation founding"),
        _ => k.ToString(),
    };

    public static string Of(AnniversaryCalendar c) => c switch
    {
        AnniversaryCalendar.Solar => Lang.T("Dương lịch", "Solar"),
        AnniversaryCalendar.Lunar => Lang.T("Âm lịch", "Lunar"),
        _ => Lang.T("Chưa có ngày cố định", "No fixed date"),
    };
}
