using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using K = Ttdn.Organisations.OrganisationKind;

namespace Ttdn.Organisations;

/// <summary>
/// Reference data loaded into an empty database: the bodies named in the Thái Nguyên 2022 plan (241/KH-UBND,
/// section V and "Nơi nhận") as they were then, the 2025 reorganisation, and the other seed provinces.
/// Everything here is ordinary data afterwards: administrators correct it in the UI.
/// </summary>
public static class OrganisationSeed
{
    private static readonly DateOnly ProvincesMerged = new(2025, 7, 1);
    private static readonly DateOnly DepartmentsReorganised = new(2025, 3, 1);
    private const string ForeignInformation = "Thông tin đối ngoại";

    public static async Task<bool> EnsureAsync(AppDb db, CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(ct)) return false;

        // National bodies.
        var mic = Add(db, "Bộ Thông tin và Truyền thông", K.Ministry, "Bộ TT&TT", validTo: DepartmentsReorganised.AddDays(-1),
            aliases: ["MIC"], note: "Hợp nhất vào Bộ Khoa học và Công nghệ từ 01/03/2025; quản lý nhà nước về báo chí, thông tin đối ngoại chuyển sang Bộ VHTTDL.");
        var most = Add(db, "Bộ Khoa học và Công nghệ", K.Ministry, "Bộ KH&CN");
        var mocst = Add(db, "Bộ Văn hóa, Thể thao và Du lịch", K.Ministry, "Bộ VHTTDL", aliases: ["Bộ Văn hóa - Thể thao - Du lịch"]);
        Add(db, "Bộ Ngoại giao", K.Ministry, "BNG");
        await db.SaveChangesAsync(ct);
        var ttdnDept = Add(db, "Cục Thông tin đối ngoại", K.NationalAgency, "Cục TTĐN", parent: mic, validTo: DepartmentsReorganised.AddDays(-1),
            aliases: ["Cục TTĐN - Bộ TT&TT"]);
        var newTtdnDept = Add(db, "Cục Thông tin cơ sở và Thông tin đối ngoại", K.NationalAgency, "Cục TTCS&TTĐN", parent: mocst,
            validFrom: DepartmentsReorganised, aliases: ["Cục TTCS và TTĐN"]);
        await db.SaveChangesAsync(ct);
        Link(db, mic, most, SuccessionKind.Merge, DepartmentsReorganised);
        Link(db, mic, mocst, SuccessionKind.DutyTransfer, DepartmentsReorganised, ForeignInformation);
        Link(db, ttdnDept, newTtdnDept, SuccessionKind.Merge, DepartmentsReorganised);

        var thaiNguyen = await ThaiNguyenAsync(db, ct);

        // The other seed provinces (Thái Bình 2019, Quảng Bình 2023, Điện Biên 2022) and the 2025 mergers.
        var hungYen = await ProvinceAsync(db, "Hưng Yên", null, ct);
        var thaiBinh = await ProvinceAsync(db, "Thái Bình", ProvincesMerged.AddDays(-1), ct);
        var quangTri = await ProvinceAsync(db, "Quảng Trị", null, ct);
        var quangBinh = await ProvinceAsync(db, "Quảng Bình", ProvincesMerged.AddDays(-1), ct);
        await ProvinceAsync(db, "Điện Biên", null, ct);
        var bacKan = await ProvinceAsync(db, "Bắc Kạn", ProvincesMerged.AddDays(-1), ct);
        MergeProvince(db, bacKan, thaiNguyen);
        MergeProvince(db, thaiBinh, hungYen);
        MergeProvince(db, quangBinh, quangTri);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Organisation> ThaiNguyenAsync(AppDb db, CancellationToken ct)
    {
        var province = Add(db, "Ủy ban nhân dân tỉnh Thái Nguyên", K.Province, "UBND tỉnh Thái Nguyên",
            aliases: ["UBND tỉnh", "Tỉnh Thái Nguyên", "Thái Nguyên"]);
        await db.SaveChangesAsync(ct);
        var p = province.Id;
        var ict = Add(db, "Sở Thông tin và Truyền thông", K.Department, "Sở TT&TT", p, p, validTo: DepartmentsReorganised.AddDays(-1),
            aliases: ["STTTT", "Sở Thông tin - Truyền thông"], note: "Hợp nhất vào Sở Khoa học và Công nghệ từ 01/03/2025.");
        var science = Add(db, "Sở Khoa học và Công nghệ", K.Department, "Sở KH&CN", p, p);
        var culture = Add(db, "Sở Văn hóa, Thể thao và Du lịch", K.Department, "Sở VHTTDL", p, p,
            aliases: ["Sở Văn hóa - Thể thao - Du lịch"]);
        var planning = Add(db, "Sở Kế hoạch và Đầu tư", K.Department, "Sở KH&ĐT", p, p, validTo: DepartmentsReorganised.AddDays(-1),
            aliases: ["Sở Kế hoạch - Đầu tư"], note: "Hợp nhất với Sở Tài chính từ 01/03/2025.");
        var finance = Add(db, "Sở Tài chính", K.Department, "STC", p, p);
        Add(db, "Sở Ngoại vụ", K.Department, "SNV", p, p);
        Add(db, "Sở Công Thương", K.Department, "Sở CT", p, p);
        Add(db, "Văn phòng Ủy ban nhân dân tỉnh", K.Office, "VP UBND tỉnh", p, p, aliases: ["Văn phòng UBND tỉnh", "VPUBND"]);
        Add(db, "Ban Tuyên giáo Tỉnh ủy", K.PartyBoard, "BTG Tỉnh ủy", p, aliases: ["Ban Tuyên giáo", "Ban TG Tỉnh ủy"]);
        Add(db, "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", K.SteeringCommittee, "BCĐ công tác TTĐN tỉnh", p, p,
            aliases: ["Ban Chỉ đạo công tác TTĐN", "BCĐ TTĐN"]);
        Add(db, "Công an tỉnh", K.ProvincialAgency, "CAT", p, p, aliases: ["Công an tỉnh Thái Nguyên"]);
        Add(db, "Báo Thái Nguyên", K.PressOutlet, null, p);
        Add(db, "Đài Phát thanh - Truyền hình tỉnh Thái Nguyên", K.PressOutlet, "Đài PT-TH Thái Nguyên", p,
            aliases: ["TNTV", "Đài Phát thanh và Truyền hình Thái Nguyên"]);
        Add(db, "Tạp chí Văn nghệ Thái Nguyên", K.PressOutlet, null, p);
        Add(db, "Hội Nhà báo tỉnh", K.Association, null, p, aliases: ["Hội Nhà báo tỉnh Thái Nguyên"]);
        Add(db, "Trung tâm Thông tin tỉnh", K.ProvincialAgency, null, p, p);
        // Collective addressees of the plan: duties given to "all departments" or "all districts".
        Add(db, "Các sở, ban, ngành, đoàn thể tỉnh", K.Group, null, p, aliases: ["Các sở, ban, ngành"]);
        Add(db, "Các cơ quan báo chí của tỉnh", K.Group, null, p);
        var districts = Add(db, "UBND các huyện, thành phố, thị xã", K.Group, null, p, validTo: ProvincesMerged.AddDays(-1),
            aliases: ["UBND các huyện, thành, thị"], note: "Cấp huyện kết thúc hoạt động từ 01/07/2025.");
        var communes = Add(db, "UBND các xã, phường", K.Group, null, p, validFrom: ProvincesMerged);
        var districtNames = new[]
        {
            "thành phố Thái Nguyên", "thành phố Sông Công", "thành phố Phổ Yên", "huyện Đại Từ", "huyện Định Hóa",
            "huyện Phú Lương", "huyện Đồng Hỷ", "huyện Võ Nhai", "huyện Phú Bình",
        };
        var districtOrgs = districtNames.Select(n => Add(db, $"Ủy ban nhân dân {n}", K.District, $"UBND {n}", p, p,
            validTo: ProvincesMerged.AddDays(-1), aliases: n == "thành phố Phổ Yên" ? ["UBND thị xã Phổ Yên"] : [])).ToList();
        await db.SaveChangesAsync(ct);

        Link(db, ict, science, SuccessionKind.Merge, DepartmentsReorganised);
        // domain.md §3: the province's foreign-information duties sit with Sở VHTTDL from 01/07/2025.
        Link(db, science, culture, SuccessionKind.DutyTransfer, ProvincesMerged, ForeignInformation);
        Link(db, planning, finance, SuccessionKind.Merge, DepartmentsReorganised);
        Link(db, districts, communes, SuccessionKind.DutyTransfer, ProvincesMerged, null, "Bỏ cấp huyện: nhiệm vụ chuyển cho UBND cấp xã.");
        foreach (var d in districtOrgs)
            Link(db, d, communes, SuccessionKind.DutyTransfer, ProvincesMerged, null, "Bỏ cấp huyện: nhiệm vụ chuyển cho UBND cấp xã.");
        await db.SaveChangesAsync(ct);
        return province;
    }

    private static async Task<Organisation> ProvinceAsync(AppDb db, string name, DateOnly? validTo, CancellationToken ct)
    {
        var province = Add(db, $"Ủy ban nhân dân tỉnh {name}", K.Province, $"UBND tỉnh {name}", validTo: validTo, aliases: [$"Tỉnh {name}", name]);
        await db.SaveChangesAsync(ct);
        var p = province.Id;
        var ict = Add(db, "Sở Thông tin và Truyền thông", K.Department, "Sở TT&TT", p, p, validTo: DepartmentsReorganised.AddDays(-1), aliases: ["STTTT"]);
        var science = Add(db, "Sở Khoa học và Công nghệ", K.Department, "Sở KH&CN", p, p, validTo: validTo);
        var culture = Add(db, "Sở Văn hóa, Thể thao và Du lịch", K.Department, "Sở VHTTDL", p, p, validTo: validTo);
        await db.SaveChangesAsync(ct);
        Link(db, ict, science, SuccessionKind.Merge, DepartmentsReorganised);
        Link(db, science, culture, SuccessionKind.DutyTransfer, ProvincesMerged, ForeignInformation);
        return province;
    }

    /// <summary>A province absorbed in 2025: it and its departments pass to the surviving province's namesakes.</summary>
    private static void MergeProvince(AppDb db, Organisation absorbed, Organisation survivor)
    {
        Link(db, absorbed, survivor, SuccessionKind.Merge, ProvincesMerged);
        var absorbedDepartments = db.Organisations.Local.Where(o => o.ProvinceId == absorbed.Id && o.ValidTo == ProvincesMerged.AddDays(-1)).ToList();
        foreach (var department in absorbedDepartments)
        {
            var namesake = db.Organisations.Local.FirstOrDefault(o => o.ProvinceId == survivor.Id && o.NameKey == department.NameKey);
            if (namesake is not null)
                Link(db, department, namesake, SuccessionKind.Merge, ProvincesMerged);
        }
    }

    private static Organisation Add(AppDb db, string name, K kind, string? shortName, int? provinceId = null, int? parentId = null,
        DateOnly? validFrom = null, DateOnly? validTo = null, string[]? aliases = null, string? note = null, Organisation? parent = null)
    {
        var org = new Organisation(name, kind, shortName, provinceId, parent?.Id ?? parentId, validFrom, validTo, note);
        foreach (var alias in aliases ?? [])
            org.AddAlias(alias, alias.Length <= 12 ? AliasKind.Abbreviation : AliasKind.Variant);
        db.Organisations.Add(org);
        return org;
    }

    private static void Link(AppDb db, Organisation from, Organisation to, SuccessionKind kind, DateOnly on, string? duty = null, string? note = null) =>
        db.Successions.Add(new Succession(from.Id, to.Id, kind, on, duty, note));
}
