using Ttdn.Monitoring.Processing;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Tests.Monitoring.Processing;

public class NearDuplicateTests
{
    private const string Original = """
        Thái Nguyên: Khai mạc Festival Trà quốc tế lần thứ nhất

        Tối 10/12, tại Quảng trường Võ Nguyên Giáp, thành phố Thái Nguyên, UBND tỉnh Thái Nguyên tổ chức khai mạc Festival Trà quốc tế lần thứ nhất với chủ đề "Tinh hoa trà Việt, hội tụ năm châu". Dự lễ khai mạc có đại diện lãnh đạo Bộ Văn hóa, Thể thao và Du lịch, lãnh đạo tỉnh cùng đông đảo du khách trong nước và quốc tế.

        Phát biểu khai mạc, Chủ tịch UBND tỉnh cho biết Thái Nguyên hiện có hơn 22 nghìn héc-ta chè, sản lượng chè búp tươi đạt trên 260 nghìn tấn mỗi năm, giá trị sản phẩm chè đạt khoảng 12 nghìn tỷ đồng. Chè Thái Nguyên đã có mặt tại nhiều thị trường khó tính như Nhật Bản, Hàn Quốc, châu Âu.

        Trong khuôn khổ Festival diễn ra nhiều hoạt động như hội chợ sản phẩm chè, trình diễn nghệ thuật pha trà, hội thảo về phát triển thương hiệu chè, tham quan các vùng chè đặc sản Tân Cương, La Bằng, Trại Cài. Ban tổ chức dự kiến đón khoảng 50 nghìn lượt khách trong 5 ngày diễn ra sự kiện.

        Festival là dịp để quảng bá hình ảnh đất và người Thái Nguyên, thu hút đầu tư vào ngành chè, nâng cao giá trị sản phẩm và thu nhập cho người trồng chè. Tỉnh cũng ký kết hợp tác với một số doanh nghiệp nước ngoài về tiêu thụ sản phẩm chè chế biến sâu.

        Theo kế hoạch, Festival Trà quốc tế sẽ được tổ chức định kỳ hai năm một lần, trở thành sự kiện văn hóa, du lịch thường niên của tỉnh, góp phần đưa chè Thái Nguyên vươn xa trên bản đồ trà thế giới.
        """;

    private const string OtherStoryOnTheSameTopic = """
        Thái Nguyên: Nông dân Tân Cương thu hoạch vụ chè xuân

        Những ngày này, người dân xã Tân Cương, tỉnh Thái Nguyên tất bật thu hái chè vụ xuân. Năm nay thời tiết thuận lợi, cây chè sinh trưởng tốt, năng suất ước tăng khoảng 10% so với cùng kỳ năm trước.

        Ông Nguyễn Văn Hùng, một hộ trồng chè lâu năm, cho biết gia đình ông có hơn một héc-ta chè giống mới, mỗi lứa thu được khoảng 300 kg chè búp tươi. Sau khi sao sấy, chè khô được bán với giá từ 300 đến 500 nghìn đồng mỗi ki-lô-gam tùy loại.

        Hợp tác xã chè của xã đã đầu tư dây chuyền sao chè bằng máy, giảm công lao động và bảo đảm chất lượng đồng đều. Nhiều sản phẩm của hợp tác xã đã đạt chứng nhận OCOP bốn sao và được bày bán tại các siêu thị lớn ở Hà Nội.

        Cán bộ khuyến nông khuyến cáo bà con tuân thủ quy trình sản xuất an toàn, hạn chế thuốc bảo vệ thực vật, ghi chép nhật ký đồng ruộng để đáp ứng yêu cầu truy xuất nguồn gốc khi xuất khẩu.
        """;

    private static string[] Paragraphs(string text) => text.Split("\n\n");

    public static TheoryData<string, string> Rewrites => new()
    {
        { "re-post", Original },
        { "title changed", "Khai mạc Festival Trà quốc tế đầu tiên tại Thái Nguyên\n\n" + string.Join("\n\n", Paragraphs(Original)[1..]) },
        { "sentence added", Original.Replace("Trại Cài.", "Trại Cài. Nhiều nghệ nhân từ các tỉnh bạn cũng tham gia trình diễn.") },
        { "paragraph removed", string.Join("\n\n", Paragraphs(Original).Where((_, i) => i != 3)) },
        { "diacritics stripped", VietnameseText.Fold(Original) },
        { "source footer added", Original + "\n\nNguồn: Báo Thái Nguyên. Theo dõi chúng tôi trên mạng xã hội." },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Light_rewrites_land_in_the_original_story(string change, string rewrite)
    {
        var index = new NearDuplicateIndex();
        Assert.Equal(1, index.FindOrAdd(1, SimHash.Compute(Original)));
        Assert.Equal(1, index.FindOrAdd(2, SimHash.Compute(rewrite)));
        Assert.True(SimHash.Distance(SimHash.Compute(Original), SimHash.Compute(rewrite)) <= NearDuplicateIndex.MaxDistance, change);
    }

    [Fact]
    public void A_different_story_on_the_same_topic_starts_its_own_cluster()
    {
        var index = new NearDuplicateIndex();
        Assert.Equal(1, index.FindOrAdd(1, SimHash.Compute(Original)));
        Assert.Equal(2, index.FindOrAdd(2, SimHash.Compute(OtherStoryOnTheSameTopic)));
        Assert.Equal(1, index.FindOrAdd(3, SimHash.Compute(Original.Replace("Tối 10/12", "Tối ngày 10/12"))));
        Assert.Equal(2, index.FindOrAdd(4, SimHash.Compute(OtherStoryOnTheSameTopic + "\n\nẢnh: Báo Thái Nguyên")));
        Assert.True(SimHash.Distance(SimHash.Compute(Original), SimHash.Compute(OtherStoryOnTheSameTopic)) > 20);
    }

    [Fact]
    public void Seed_plan_summaries_of_different_provinces_are_different_stories()
    {
        var index = new NearDuplicateIndex();
        string[] files = ["000_9d59c203a3daa2aa.txt", "001_880a45a027e3576e.txt", "002_6f232b373ebce63b.txt", "003_d6453e487489abdc.txt"];
        for (int i = 0; i < files.Length; i++)
        {
            Assert.Equal(i + 1, index.FindOrAdd(i + 1, SimHash.Compute(File.ReadAllText(GazetteerTests.SeedPath(files[i])))));
        }
    }

    [Fact]
    public void Same_id_again_keeps_its_cluster_and_empty_text_is_not_clustered()
    {
        var index = new NearDuplicateIndex();
        Assert.Equal(7, index.FindOrAdd(7, SimHash.Compute(Original)));
        Assert.Equal(7, index.FindOrAdd(7, SimHash.Compute(OtherStoryOnTheSameTopic)));
        Assert.Null(index.FindOrAdd(8, SimHash.Compute(" ... ")));
        Assert.Equal(0UL, SimHash.Compute(""));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Fingerprint_ignores_case_diacritics_and_normalisation_form()
    {
        ulong a = SimHash.Compute("Tỉnh Thái Nguyên tổ chức lễ hội chè");
        Assert.Equal(a, SimHash.Compute("TINH THAI NGUYEN TO CHUC LE HOI CHE"));
        Assert.Equal(a, SimHash.Compute("Tỉnh Thái Nguyên tổ chức lễ hội chè".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Fact]
    public void Banded_lookup_finds_close_fingerprints_and_keeps_random_ones_apart()
    {
        var rng = new Random(18);
        var index = new NearDuplicateIndex();
        var stories = new ulong[3000];
        for (int i = 0; i < stories.Length; i++)
        {
            stories[i] = (ulong)rng.NextInt64() | 1;
            Assert.Equal(i, index.FindOrAdd(i, stories[i])); // random fingerprints are ~32 bits apart: all new stories
        }

        int found = 0;
        for (int i = 0; i < stories.Length; i++)
        {
            ulong rewrite = stories[i];
            foreach (int bit in Enumerable.Range(0, 64).OrderBy(_ => rng.Next()).Take(6))
            {
                rewrite ^= 1UL << bit;
            }

            found += index.FindOrAdd(100_000 + i, rewrite) == i ? 1 : 0;
        }

        Assert.True(found >= stories.Length * 0.98, $"{found} of {stories.Length} rewrites 6 bits away found");
    }

    [Fact]
    public void Concurrent_adds_of_copies_join_one_cluster()
    {
        var index = new NearDuplicateIndex();
        ulong fp = SimHash.Compute(Original);
        index.FindOrAdd(0, fp);
        var clusters = new long?[100];
        Parallel.For(1, 100, i => clusters[i] = index.FindOrAdd(i, fp));
        Assert.All(clusters[1..], c => Assert.Equal(0, c));
    }
}
