using Microsoft.EntityFrameworkCore;
using Ttdn.Organisations;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Organisations;

/// <summary>Finding bodies by any name and following them through the 2025 reorganisation, on both databases.</summary>
public sealed class OrganisationDirectoryTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Finds_an_organisation_by_any_alias_regardless_of_diacritics_case_and_punctuation(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var thaiNguyen = await ProvinceIdAsync(db, "Thái Nguyên");
        foreach (var typed in new[] { "so vhttdl", "Sở VH-TT&DL", "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", "so van hoa the thao va du lich", "Sở Văn hóa - Thể thao - Du lịch" })
        {
            var matches = await OrganisationDirectory.FindAsync(db, typed, thaiNguyen);
            var best = matches.First();
            Assert.True(best.Exact, $"'{typed}' should match exactly");
            Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", best.Name);
            Assert.Equal(thaiNguyen, best.ProvinceId);
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Nfd_input_and_old_tone_placement_find_the_same_body(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var nfd = "Đài Phát thanh - Truyền hình tỉnh Thái Nguyên".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Đài Phát thanh - Truyền hình tỉnh Thái Nguyên", (await OrganisationDirectory.FindAsync(db, nfd)).First().Name);
        Assert.Equal("Ủy ban nhân dân tỉnh Điện Biên", (await OrganisationDirectory.FindAsync(db, "Uỷ ban nhân dân tỉnh Điện Biên")).First().Name);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_same_alias_in_two_provinces_is_told_apart_by_province_and_date(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var all = await OrganisationDirectory.FindAsync(db, "Sở TT&TT");
        Assert.True(all.Count(m => m.Exact) >= 5, "every seeded province has its Sở TT&TT");
        var onlyValidIn2026 = await OrganisationDirectory.FindAsync(db, "Sở TT&TT", validOn: new DateOnly(2026, 1, 1));
        Assert.DoesNotContain(onlyValidIn2026, m => m.Exact);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Foreign_information_duties_of_So_TTTT_are_carried_by_So_VHTTDL_after_the_2025_reorganisation(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var thaiNguyen = await ProvinceIdAsync(db, "Thái Nguyên");
        var ict = (await OrganisationDirectory.FindAsync(db, "Sở Thông tin và Truyền thông", thaiNguyen)).First(m => m.Exact).Id;

        var in2022 = await OrganisationDirectory.CarrierOnAsync(db, ict, new DateOnly(2022, 12, 31), "Thông tin đối ngoại");
        Assert.Equal("Sở Thông tin và Truyền thông", in2022.Name);

        var april2025 = await OrganisationDirectory.CarrierOnAsync(db, ict, new DateOnly(2025, 4, 1), "thong tin doi ngoai");
        Assert.Equal("Sở Khoa học và Công nghệ", april2025.Name);

        var in2026 = await OrganisationDirectory.CarrierOnAsync(db, ict, new DateOnly(2026, 1, 1), "THÔNG TIN ĐỐI NGOẠI");
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", in2026.Name);
        Assert.Equal(["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"], in2026.Path.Select(s => s.Name));

        var otherDuties = await OrganisationDirectory.CarrierOnAsync(db, ict, new DateOnly(2026, 1, 1));
        Assert.Equal("Sở Khoa học và Công nghệ", otherDuties.Name);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Merged_provinces_and_abolished_districts_pass_their_duties_on(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var bacKan = await ProvinceIdAsync(db, "Bắc Kạn", onlyActive: false);
        Assert.Equal("Ủy ban nhân dân tỉnh Bắc Kạn", (await OrganisationDirectory.CarrierOnAsync(db, bacKan, new DateOnly(2025, 6, 30))).Name);
        Assert.Equal("Ủy ban nhân dân tỉnh Thái Nguyên", (await OrganisationDirectory.CarrierOnAsync(db, bacKan, new DateOnly(2025, 7, 1))).Name);

        var quangBinh = await ProvinceIdAsync(db, "Quảng Bình", onlyActive: false);
        Assert.Equal("Ủy ban nhân dân tỉnh Quảng Trị", (await OrganisationDirectory.CarrierOnAsync(db, quangBinh, new DateOnly(2026, 3, 1))).Name);

        var daiTu = (await OrganisationDirectory.FindAsync(db, "UBND huyện Đại Từ")).First(m => m.Exact).Id;
        Assert.Equal("UBND các xã, phường", (await OrganisationDirectory.CarrierOnAsync(db, daiTu, new DateOnly(2025, 8, 1))).Name);

        // Bắc Kạn's culture department ends in Thái Nguyên's after both steps of 2025.
        var bacKanIct = (await OrganisationDirectory.FindAsync(db, "Sở TT&TT", bacKan)).First(m => m.Exact).Id;
        var carrier = await OrganisationDirectory.CarrierOnAsync(db, bacKanIct, new DateOnly(2026, 1, 1), "Thông tin đối ngoại");
        var thaiNguyen = await ProvinceIdAsync(db, "Thái Nguyên");
        Assert.Equal(thaiNguyen, (await db.Organisations.SingleAsync(o => o.Id == carrier.Id)).ProvinceId);
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", carrier.Name);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_date_before_the_body_existed_has_no_carrier_and_says_why(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var communes = (await OrganisationDirectory.FindAsync(db, "UBND các xã, phường")).First(m => m.Exact).Id;
        var carrier = await OrganisationDirectory.CarrierOnAsync(db, communes, new DateOnly(2024, 1, 1));
        Assert.Equal(0, carrier.Id);
        Assert.Contains("chưa được thành lập", carrier.Explanation);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Merging_closes_the_absorbed_bodies_the_day_before_and_links_them(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var thaiNguyen = await ProvinceIdAsync(db, "Thái Nguyên");
        var newspaper = (await OrganisationDirectory.FindAsync(db, "Báo Thái Nguyên")).First(m => m.Exact).Id;
        var radio = (await OrganisationDirectory.FindAsync(db, "TNTV")).First(m => m.Exact).Id;
        var merged = new Organisation("Báo và Phát thanh, Truyền hình Thái Nguyên", OrganisationKind.PressOutlet, null, thaiNguyen, validFrom: new DateOnly(2025, 7, 1));
        db.Organisations.Add(merged);
        await db.SaveChangesAsync();

        await Merger.MergeAsync(db, [newspaper, radio], merged.Id, new DateOnly(2025, 7, 1), "Sáp nhập cơ quan báo chí");

        db.ChangeTracker.Clear();
        var closed = await db.Organisations.Where(o => o.Id == newspaper || o.Id == radio).ToListAsync();
        Assert.All(closed, o => Assert.Equal(new DateOnly(2025, 6, 30), o.ValidTo));
        Assert.Equal(merged.Id, (await OrganisationDirectory.CarrierOnAsync(db, radio, new DateOnly(2025, 7, 1))).Id);
        Assert.Equal(radio, (await OrganisationDirectory.CarrierOnAsync(db, radio, new DateOnly(2025, 6, 30))).Id);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_merge_into_a_body_that_no_longer_exists_is_refused_and_changes_nothing(Db provider)
    {
        await using var db = await SeededAsync(provider);
        var planning = (await OrganisationDirectory.FindAsync(db, "Sở Kế hoạch và Đầu tư")).First(m => m.Exact).Id;
        var newspaper = (await OrganisationDirectory.FindAsync(db, "Báo Thái Nguyên")).First(m => m.Exact).Id;
        var links = await db.Successions.CountAsync();

        var error = await Assert.ThrowsAsync<Ttdn.Shared.DomainException>(() => Merger.MergeAsync(db, [newspaper], planning, new DateOnly(2026, 1, 1), null));

        Assert.Contains("không còn hiệu lực", error.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(links, await db.Successions.CountAsync());
        Assert.Null((await db.Organisations.SingleAsync(o => o.Id == newspaper)).ValidTo);
    }

    [Fact]
    public void An_alias_that_only_differs_by_punctuation_or_diacritics_from_a_name_is_refused()
    {
        var org = new Organisation("Sở Văn hóa, Thể thao và Du lịch", OrganisationKind.Department, "Sở VHTTDL");
        Assert.Throws<Ttdn.Shared.DomainException>(() => org.AddAlias("Sở VH-TT&DL", AliasKind.Abbreviation));
        Assert.Throws<Ttdn.Shared.DomainException>(() => org.AddAlias("so van hoa the thao va du lich", AliasKind.Variant));
        Assert.Throws<Ttdn.Shared.DomainException>(() => org.AddAlias(" -- ", AliasKind.Variant));
        org.AddAlias("Sở Văn hóa - Thể thao - Du lịch", AliasKind.Variant);
        Assert.Single(org.Aliases);
    }

    [Fact]
    public void Validity_end_before_start_is_refused_with_both_dates_in_the_message()
    {
        var error = Assert.Throws<Ttdn.Shared.DomainException>(() =>
            new Organisation("Sở Ngoại vụ", OrganisationKind.Department, validFrom: new DateOnly(2025, 7, 1), validTo: new DateOnly(2025, 6, 30)));
        Assert.Contains("30/06/2025", error.Message);
        Assert.Contains("01/07/2025", error.Message);
    }

    private static async Task<Ttdn.Data.AppDb> SeededAsync(Db provider)
    {
        var db = TestDb.Create(provider);
        await db.Database.MigrateAsync();
        Assert.True(await OrganisationSeed.EnsureAsync(db));
        Assert.False(await OrganisationSeed.EnsureAsync(db)); // second run adds nothing
        return db;
    }

    private static async Task<int> ProvinceIdAsync(Ttdn.Data.AppDb db, string name, bool onlyActive = true) =>
        (await OrganisationDirectory.FindAsync(db, name)).First(m => m.Kind == OrganisationKind.Province && (!onlyActive || m.ValidTo is null)).Id;
}
