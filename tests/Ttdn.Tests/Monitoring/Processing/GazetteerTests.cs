using System.Text;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

public class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    [Theory]
    [InlineData("Tỉnh Thái Nguyên tổ chức lễ hội.")]
    [InlineData("TỈNH THÁI NGUYÊN TỔ CHỨC LỄ HỘI")]
    [InlineData("tinh Thai Nguyen to chuc le hoi")]
    [InlineData("Visitors to Thai Nguyen province enjoy the tea.")]
    [InlineData("越南太原省举办茶文化节")]
    [InlineData("베트남 타이응우옌성은 차로 유명하다")]
    [InlineData("Du khách đến Bắc Kạn ngắm hồ.")] // pre-2025 province, now Thái Nguyên
    [InlineData("Hồ Núi Cốc đón khách")]
    [InlineData("Đặc sản chè Tân Cương nổi tiếng")]
    [InlineData("Về thăm ATK Định Hoá")] // old tone placement
    public void Finds_thai_nguyen_however_it_is_written(string text)
    {
        Assert.Equal(["thai-nguyen"], G.Provinces(text));
    }

    [Fact]
    public void Finds_nfd_text_and_reports_offsets_in_the_original_string()
    {
        string nfd = "Về Thái Nguyên nhé".Normalize(NormalizationForm.FormD);
        var hit = Assert.Single(G.Find(nfd));
        Assert.Equal("thai-nguyen", hit.ProvinceKey);
        Assert.Equal("Thái Nguyên".Normalize(NormalizationForm.FormD), nfd.Substring(hit.Start, hit.Length));
        Assert.Equal(hit.Matched, nfd.Substring(hit.Start, hit.Length));
    }

    [Theory]
    [InlineData("Tỉnh Thái Bình tổ chức lễ hội.", "hung-yen")]
    [InlineData("Thái Bình và Hưng Yên hợp nhất", "hung-yen")]
    [InlineData("Chiến thắng Điện Biên Phủ năm 1954", "dien-bien")]
    [InlineData("The Dien Bien Phu victory in 1954", "dien-bien")]
    [InlineData("Du lịch Dien Bien mùa hoa ban", "dien-bien")]
    [InlineData("Cánh đồng Mường Thanh vào mùa lúa chín", "dien-bien")]
    [InlineData("Bà Rịa – Vũng Tàu thu hút đầu tư", "ho-chi-minh")]
    public void Maps_names_to_their_province(string text, string province)
    {
        Assert.Equal([province], G.Provinces(text));
    }

    [Theory]
    [InlineData("Ông Nguyễn Văn Thái Nguyên phát biểu tại hội nghị.")]
    [InlineData("Anh Thái Nguyên cho biết sẽ về quê.")]
    [InlineData("Lê Thái Nguyên đạt giải nhất.")]
    [InlineData("Thái Nguyên, giám đốc công ty, cho biết...")]
    [InlineData("Thái Nguyên (35 tuổi) bị thương nhẹ.")]
    [InlineData("Mr. Thai Nguyen, a student from Hanoi University")]
    [InlineData("Thái Bình Dương rộng lớn")]
    [InlineData("Taiyuan is the capital of Shanxi.")]
    [InlineData("山西省太原市今天下雨")]
    [InlineData("太原是山西的省会")]
    [InlineData("Ông Thái Nguyễn là giáo viên")] // Nguyễn is not Nguyên
    [InlineData("Cuộc sống hòa bình, cao bằng người lớn")] // common words in a text that uses case
    public void Ignores_people_and_foreign_places_named_like_a_province(string text)
    {
        Assert.DoesNotContain("thai-nguyen", G.Provinces(text));
        Assert.DoesNotContain("hung-yen", G.Provinces(text));
        Assert.DoesNotContain("phu-tho", G.Provinces(text));
        Assert.DoesNotContain("cao-bang", G.Provinces(text));
    }

    [Fact]
    public void Thai_binh_never_counts_as_thai_nguyen()
    {
        var hits = G.Find("Hội nghị tại Thái Bình, Thái Nguyên và Bắc Kạn");
        Assert.Equal(["former:thai-binh", "thai-nguyen", "former:bac-kan"], hits.Select(h => h.EntryKey));
        Assert.Equal(["hung-yen", "thai-nguyen"], G.Provinces("Hội nghị tại Thái Bình, Thái Nguyên và Bắc Kạn"));
    }

    [Fact]
    public void A_place_word_before_a_family_name_lookalike_keeps_the_place()
    {
        Assert.Equal(["thai-nguyen"], G.Provinces("Đoàn công tác tỉnh Thái Nguyên, giám đốc Sở đi cùng"));
    }

    [Fact]
    public void Finds_every_mention_in_the_seed_plan()
    {
        string plan = File.ReadAllText(SeedPath("004_88f8ee31d7dc3369.txt"));
        var hits = G.Find(plan);
        Assert.All(hits, h => Assert.Equal(h.Matched, plan.Substring(h.Start, h.Length)));
        Assert.Equal(["thai-nguyen", "dien-bien"], G.Provinces(plan)); // "chiến thắng Điện Biên Phủ" counts for Điện Biên
        var keys = hits.Select(h => h.EntryKey).ToHashSet();
        foreach (string key in new[] { "thai-nguyen:atk-dinh-hoa", "thai-nguyen:le-hoi-den-duom", "thai-nguyen:le-hoi-chua-hang", "thai-nguyen:dong-hy", "thai-nguyen:phu-luong" })
        {
            Assert.Contains(key, keys);
        }

        // Both spellings of the festival ("Lễ hội Chùa Hang", "Lễ hội chùa Hang") are the same entry.
        Assert.Equal(2, hits.Count(h => h.EntryKey == "thai-nguyen:le-hoi-chua-hang"));
    }

    [Theory]
    [InlineData("000_9d59c203a3daa2aa.txt", "thai-nguyen")]
    [InlineData("001_880a45a027e3576e.txt", "hung-yen")]
    [InlineData("002_6f232b373ebce63b.txt", "quang-tri")]
    [InlineData("003_d6453e487489abdc.txt", "dien-bien")]
    public void Seed_articles_are_about_their_province(string file, string province)
    {
        string text = File.ReadAllText(SeedPath(file));
        Assert.Equal(province, G.Provinces(text)[0]);
    }

    [Fact]
    public void Default_covers_34_provinces_and_63_former_names()
    {
        var entries = DefaultGazetteer.Entries();
        Assert.Equal(34, entries.Count(e => e.Kind == "province"));
        Assert.Equal(29, entries.Count(e => e.Kind == "former-province")); // 34 + 29 = the 63 of 2024
        Assert.Equal(["Thừa Thiên Huế"], entries.Where(e => e.Kind == "former-name").Select(e => e.Name));
        Assert.Equal(34, entries.Where(e => !e.IsTrap).Select(e => e.ProvinceKey).Distinct().Count());
        Assert.True(G.AliasCount > 400, $"{G.AliasCount} aliases");
        Assert.True(entries.Count(e => e.ProvinceKey == "thai-nguyen" && e.Kind == "commune") >= 60);
    }

    [Fact]
    public void Custom_gazetteer_matches_only_its_entries_and_is_safe_to_share()
    {
        var g = new Gazetteer([new GazetteerEntry("x", "p", "landmark", "Núi Văn", ["Mount Van"])]);
        Assert.Equal(2, g.AliasCount);
        Parallel.For(0, 200, i =>
        {
            var hits = g.Find(i % 2 == 0 ? "Leo Núi Văn sáng nay" : "Climbing Mount Van today, Nui Van");
            Assert.Equal(i % 2 == 0 ? 1 : 2, hits.Count);
        });
        Assert.Empty(g.Find(""));
    }

    [Fact]
    public void Every_default_name_and_alias_is_found_as_its_own_entry_and_traps_never()
    {
        foreach (var entry in DefaultGazetteer.Entries())
        {
            foreach (string alias in entry.Aliases.Prepend(entry.Name))
            {
                bool cjk = alias.Any(c => c >= '\u3040');
                string text = cjk ? "新闻：" + alias + "。" : "Tin từ " + alias + " hôm nay.";
                var keys = G.Find(text).Select(h => h.EntryKey).ToList();
                if (entry.IsTrap)
                {
                    Assert.True(keys.Count == 0, $"trap {alias}: {string.Join(", ", keys)}");
                }
                else
                {
                    Assert.True(keys.Contains(entry.Key), $"{alias} → [{string.Join(", ", keys)}], expected {entry.Key}");
                }
            }
        }
    }

    [Fact]
    public void Large_gazetteer_has_the_requested_aliases_and_still_finds_the_real_ones()
    {
        var entries = LargeGazetteer.Entries(5000);
        Assert.Equal(5000, LargeGazetteer.FoldedAliases(entries).Count);
        var large = new Gazetteer(entries);
        Assert.True(large.AliasCount >= 5000);
        Assert.Equal(["thai-nguyen"], large.Provinces("Tỉnh Thái Nguyên và ông Lê Thái Nguyên"));
        string generated = entries[^1].Name;
        Assert.Equal(entries[^1].Key, Assert.Single(large.Find("Về " + generated.ToUpperInvariant() + " hôm nay")).EntryKey);
        Assert.Equal(entries.Select(e => e.Key), LargeGazetteer.Entries(5000).Select(e => e.Key)); // deterministic
    }

    internal static string SeedPath(string file)
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !Directory.Exists(Path.Combine(dir, "..", "shared", "seeds")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new DirectoryNotFoundException("shared/seeds"), "..", "shared", "seeds", file);
    }
}
