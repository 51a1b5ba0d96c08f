namespace Ttdn.Accounts;

/// <summary>The roles of product.md. Identifiers are English; users see the Vietnamese names.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Leader = "Leader";
    public const string LeadOfficer = "LeadOfficer";
    public const string AgencyOfficer = "AgencyOfficer";
    public const string MonitoringOfficer = "MonitoringOfficer";
    public const string Viewer = "Viewer";

    public sealed record RoleInfo(string Name, string Vietnamese, string English, string DescriptionVi, string DescriptionEn);

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(Administrator, "Quản trị", "Administrator", "Quản lý tài khoản, tổ chức, cấu hình", "Accounts, organisations, configuration"),
        new(Leader, "Lãnh đạo", "Leader", "Xem bảng điều hành, phê duyệt kế hoạch và báo cáo", "Dashboards, approves plans and reports"),
        new(LeadOfficer, "Chuyên viên Sở (đầu mối TTĐN)", "Lead-department officer", "Xây dựng kế hoạch, giao việc, theo dõi, tổng hợp báo cáo", "Drafts plans, assigns, follows up, consolidates"),
        new(AgencyOfficer, "Cán bộ đơn vị", "Agency officer", "Cập nhật nhiệm vụ và báo cáo của đơn vị mình", "Updates own organisation's tasks and reports"),
        new(MonitoringOfficer, "Cán bộ theo dõi dư luận", "Monitoring officer", "Nguồn tin, phân loại tin, xử lý thông tin sai sự thật", "Sources, triage, false-information cases"),
        new(Viewer, "Khách", "Viewer", "Chỉ xem", "Read-only"),
    ];

    /// <summary>Roles whose holders may change data; a viewer changes nothing.</summary>
    public static readonly string[] Editors = [Administrator, Leader, LeadOfficer, AgencyOfficer, MonitoringOfficer];

    /// <summary>Roles that see and act across the whole province rather than their own organisation only.</summary>
    public static readonly string[] ProvinceWide = [Administrator, Leader, LeadOfficer];

    public static RoleInfo? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
