using Ttdn.Shared;

namespace Ttdn.Organisations;

/// <summary>What users read for each kind, in the current language.</summary>
public static class Labels
{
    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Ministry => Lang.T("Bộ, cơ quan ngang bộ", "Ministry"),
        OrganisationKind.NationalAgency => Lang.T("Cơ quan trung ương (Cục, Vụ)", "National agency"),
        OrganisationKind.Province => Lang.T("UBND tỉnh, thành phố", "Provincial People's Committee"),
        OrganisationKind.PartyBoard => Lang.T("Ban của Tỉnh ủy", "Provincial Party board"),
        OrganisationKind.Department => Lang.T("Sở", "Department (Sở)"),
        OrganisationKind.Office => Lang.T("Văn phòng", "Office"),
        OrganisationKind.PressOutlet => Lang.T("Cơ quan báo chí", "Press outlet"),
        OrganisationKind.ProvincialAgency => Lang.T("Cơ quan cấp tỉnh khác", "Other provincial agency"),
        OrganisationKind.SteeringCommittee => Lang.T("Ban Chỉ đạo", "Steering committee"),
        OrganisationKind.District => Lang.T("UBND cấp huyện (đến 30/06/2025)", "District committee (until 30/06/2025)"),
        OrganisationKind.Commune => Lang.T("UBND xã, phường, đặc khu", "Commune, ward, special zone"),
        OrganisationKind.Association => Lang.T("Hội, đoàn thể", "Association"),
        OrganisationKind.Group => Lang.T("Nhóm cơ quan (nơi nhận chung)", "Group of bodies (collective addressee)"),
        _ => kind.ToString(),
    };

    public static string Of(SuccessionKind kind) => kind switch
    {
        SuccessionKind.Rename => Lang.T("Đổi tên", "Renamed"),
        SuccessionKind.Merge => Lang.T("Sáp nhập, hợp nhất", "Merged"),
        SuccessionKind.Split => Lang.T("Chia tách", "Split"),
        SuccessionKind.DutyTransfer => Lang.T("Chuyển giao nhiệm vụ", "Duties transferred"),
        _ => kind.ToString(),
    };

    public static string Of(AliasKind kind) => kind switch
    {
        AliasKind.Abbreviation => Lang.T("Viết tắt", "Abbreviation"),
        AliasKind.FormerName => Lang.T("Tên cũ", "Former name"),
        AliasKind.Variant => Lang.T("Cách viết khác", "Variant"),
        AliasKind.ForeignName => Lang.T("Tên tiếng nước ngoài", "Foreign-language name"),
        _ => kind.ToString(),
    };

    /// <summary>Validity as words, never colour alone: "đang hiệu lực", "đã kết thúc 30/06/2025", "từ 01/07/2025".</summary>
    public static (string Css, string Text) Validity(DateOnly? from, DateOnly? to, DateOnly today) =>
        (from, to) switch
        {
            (_, { } t) when t < today => ("ended", Lang.T($"Đã kết thúc {Lang.Date(t)}", $"Ended {Lang.Date(t)}")),
            ({ } f, _) when f > today => ("future", Lang.T($"Từ {Lang.Date(f)}", $"From {Lang.Date(f)}")),
            _ => ("valid", Lang.T("Đang hoạt động", "Active")),
        };
}
