using Ttdn.Shared;

namespace Ttdn.Plans;

public static class PlanLabels
{
    public static string Of(PlanStatus s) => s switch
    {
        PlanStatus.Draft => Lang.T("Dự thảo", "Draft"),
        PlanStatus.Submitted => Lang.T("Đã trình", "Submitted"),
        PlanStatus.Approved => Lang.T("Đã phê duyệt", "Approved"),
        PlanStatus.Issued => Lang.T("Đã ban hành", "Issued"),
        PlanStatus.Amended => Lang.T("Đang sửa đổi, bổ sung", "Being amended"),
        PlanStatus.Closed => Lang.T("Đã kết thúc", "Closed"),
        _ => s.ToString(),
    };

    public static string Of(PlanKind k) => k switch
    {
        PlanKind.AnnualPlan => Lang.T("Kế hoạch năm", "Annual plan"),
        PlanKind.Programme => Lang.T("Đề án, chương trình", "Programme"),
        PlanKind.ActionProgramme => Lang.T("Chương trình hành động", "Action programme"),
        PlanKind.ThematicPlan => Lang.T("Kế hoạch chuyên đề", "Thematic plan"),
        _ => k.ToString(),
    };

    public static string Of(Recurrence r) => r switch
    {
        Recurrence.None => "",
        Recurrence.Monthly => Lang.T("Hằng tháng", "Monthly"),
        Recurrence.Quarterly => Lang.T("Hằng quý", "Quarterly"),
        Recurrence.HalfYearly => Lang.T("6 tháng một lần", "Half-yearly"),
        Recurrence.Yearly => Lang.T("Hằng năm", "Yearly"),
        Recurrence.Periodic => Lang.T("Định kỳ", "Periodic"),
        _ => r.ToString(),
    };

    public static string Of(TaskStatus s) => Lang.IsEnglish ? TaskStatusRules.English(s) : TaskStatusRules.Vietnamese(s);

    /// <summary>CSS class for a status: colour always comes with the words.</summary>
    public static string Css(TaskStatus s) => s switch
    {
        TaskStatus.DoneOnTime => "done",
        TaskStatus.DoneLate => "late",
        TaskStatus.InProgressOverdue => "overdue",
        TaskStatus.InProgressOnTime => "ontime",
        _ => "notstarted",
    };
}
