using System.Security.Claims;
using Ttdn.Accounts;
using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring;

/// <summary>
/// Who may do what in monitoring. What the press published is public, so every signed-in user may read and search it;
/// changing the directory, importing and overriding a tone are the monitoring officers' and the lead department's work.
/// Saved searches belong to the person who saved them.
/// </summary>
public static class MonitoringScope
{
    public static bool CanManageMonitoring(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.MonitoringOfficer) || user.IsInRole(Roles.LeadOfficer) || user.IsInRole(Roles.Administrator);

    public static void EnsureCanManage(ClaimsPrincipal user)
    {
        if (!user.CanManageMonitoring())
            throw new DomainException("Chỉ cán bộ theo dõi dư luận, Sở đầu mối hoặc quản trị được thay đổi phần theo dõi báo chí. (Only monitoring officers, the lead department or administrators can change monitoring.)", 403);
    }

    /// <summary>The gazetteer key of the province this installation serves ("thai-nguyen"), from Province:Name.</summary>
    public static string HomeProvinceKey(IConfiguration config) => ProvinceKey(config["Province:Name"] ?? "Thái Nguyên");

    public static string ProvinceKey(string name) => VietnameseText.FoldToWords(name).Replace(' ', '-');
}
