using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Ingestion;

namespace Ttdn.Monitoring.Demo;

/// <summary>
/// Demo content for media monitoring: six sources (none fetched automatically: feeds are inactive, the fanpage is an
/// import source) and a month of hand-written items in four languages, ingested through <see cref="MediaIngest"/> so
/// languages, places, stories, tones and themes are computed exactly as for real items. A newcomer sees a living
/// dashboard; the traps (Thái Bình, Taiyuan, a person named Thái Nguyên) show that the province is not over-counted.
/// </summary>
public static class DemoMedia
{
    private sealed record Outlet(string Key, string Name, string? Url, SourceKind Kind, SourceFormat Format, string Country, string Language, string Tags);

    /// <summary>One demo item: its outlet, how many days before today it was published, its slug, title and text.</summary>
    private sealed record Story(string Outlet, int DaysAgo, string Slug, string Title, string Text);

    private static readonly Outlet[] Outlets =
    [
        new("btn", "Báo Thái Nguyên", "https://baothainguyen.vn/rss/thoi-su.rss", SourceKind.Press, SourceFormat.Rss, "VN", "vi", "báo Đảng, địa phương"),
        new("vne", "VnExpress", "https://vnexpress.net/rss/thoi-su.rss", SourceKind.Press, SourceFormat.Rss, "VN", "vi", "trung ương"),
        new("dip", "The Diplomat", "https://thediplomat.com/feed/", SourceKind.Press, SourceFormat.Rss, "US", "en", "foreign, Asia"),
        new("xin", "新华网 (Xinhua)", "https://www.news.cn/world/news_world.xml", SourceKind.Press, SourceFormat.Rss, "CN", "zh", "foreign, China"),
        new("yna", "연합뉴스 (Yonhap)", "https://www.yna.co.kr/rss/international.xml", SourceKind.Press, SourceFormat.Rss, "KR", "ko", "foreign, Korea"),
        new("fb", "Fanpage Du lịch Thái Nguyên", null, SourceKind.SocialAccount, SourceFormat.Import, "VN", "vi", "mạng xã hội"),
    ];

    public static async Task<bool> EnsureAsync(AppDb db, MediaIngest ingest, AlertRules alerts, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.MediaSources.AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = new Dictionary<string, MediaSource>();
        foreach (var o in Outlets)
        {
            // Inactive: the demo must never reach out to real sites by itself; an officer can switch a source on.
            var source = new MediaSource
            {
                Name = o.Name, Url = o.Url, Kind = o.Kind, Format = o.Format, Country = o.Country, Language = o.Language, Tags = o.Tags,
                Active = false, PollMinutes = 60, CreatedAt = now.AddDays(-31),
            };
            source.Validate();
            db.MediaSources.Add(source);
            sources[o.Key] = source;
        }
        await db.SaveChangesAsync(ct);

        foreach (var group in Corpus().GroupBy(s => s.Outlet))
        {
            var source = sources[group.Key];
            var host = source.Url is { } url ? new Uri(url).GetLeftPart(UriPartial.Authority) : "https://www.facebook.com/dulichthainguyen";
            var items = group.OrderBy(s => -s.DaysAgo).Select(s => new IncomingItem(
                $"{host}/demo/{s.Slug}", s.Title, s.Text, now.Date.AddDays(-s.DaysAgo).AddHours(1 + s.Slug.Length % 9), null));
            await ingest.IngestAsync(db, source, items, null, ct);
        }
        await alerts.EvaluateAsync(db, ct);
        return true;
    }

    private static IEnumerable<Story> Corpus() => [.. Written, .. Reposts, .. Daily()];

    private static readonly Story[] Written =
    [
        new("btn", 1, "che-tan-cuong-xuat-khau", "Chè Tân Cương lần đầu xuất khẩu lô lớn sang châu Âu",
            "Hợp tác xã chè ở xã Tân Cương, tỉnh Thái Nguyên vừa xuất khẩu thành công 20 tấn chè đạt chuẩn hữu cơ sang Đức. Đây là kết quả tích cực của chương trình nâng cao chất lượng, xây dựng thương hiệu chè Tân Cương. Người trồng chè phấn khởi vì giá bán tăng gần gấp đôi."),
        new("btn", 3, "ho-nui-coc-du-khach", "Hồ Núi Cốc đón lượng du khách kỷ lục dịp cuối tuần",
            "Khu du lịch Hồ Núi Cốc đón hơn 15.000 lượt khách trong hai ngày cuối tuần, tăng mạnh so với cùng kỳ. Tỉnh Thái Nguyên đang đầu tư hạ tầng, phát triển du lịch sinh thái và quảng bá hình ảnh địa phương tới bạn bè quốc tế."),
        new("btn", 5, "atk-dinh-hoa-doan-quoc-te", "Đoàn khách quốc tế thăm An toàn khu Định Hóa",
            "Đoàn đại biểu các cơ quan đại diện nước ngoài đã thăm di tích An toàn khu ATK Định Hóa, Thái Nguyên. Các đại biểu đánh giá cao công tác bảo tồn, tìm hiểu lịch sử cách mạng và mong muốn hợp tác phát triển du lịch văn hóa."),
        new("btn", 8, "hoi-nghi-thong-tin-doi-ngoai", "Thái Nguyên triển khai công tác thông tin đối ngoại năm 2026",
            "UBND tỉnh Thái Nguyên tổ chức hội nghị triển khai kế hoạch thông tin đối ngoại, yêu cầu các sở, ngành đẩy mạnh tuyên truyền, quảng bá hình ảnh tỉnh, thu hút đầu tư nước ngoài, tăng cường hợp tác quốc tế."),
        new("btn", 12, "sat-lo-vo-nhai", "Sạt lở đất tại Võ Nhai sau mưa lớn, nhiều hộ dân phải di dời",
            "Mưa lớn kéo dài gây sạt lở đất nghiêm trọng tại vùng núi Võ Nhai, tỉnh Thái Nguyên, làm hư hỏng nhiều nhà dân và đường giao thông. Chính quyền đã di dời khẩn cấp 40 hộ, thiệt hại ước tính hàng tỷ đồng."),
        new("btn", 16, "bac-kan-sau-hop-nhat", "Vùng Bắc Kạn cũ sau hợp nhất: đường về Ba Bể thông thoáng hơn",
            "Sau khi Bắc Kạn hợp nhất vào tỉnh Thái Nguyên, tuyến đường tới Hồ Ba Bể được nâng cấp, thuận lợi cho du khách. Người dân vùng Bắc Kạn cũ phấn khởi với nhiều dự án phát triển giao thông, du lịch."),
        new("btn", 20, "le-hoi-tra-quoc-te", "Chuẩn bị Festival Trà Thái Nguyên lần thứ hai",
            "Tỉnh Thái Nguyên đang chuẩn bị tổ chức Festival Trà quốc tế, dự kiến thu hút nhiều đoàn khách và doanh nghiệp nước ngoài. Festival là dịp quảng bá văn hóa trà, chè Tân Cương và các làng nghề truyền thống."),
        new("btn", 26, "nguoi-ten-thai-nguyen", "Anh Nguyễn Thái Nguyên đoạt giải nhất hội thi tay nghề",
            "Anh Nguyễn Thái Nguyên, công nhân cơ khí ở Hà Nội, vừa đoạt giải nhất hội thi tay nghề toàn quốc. Anh chia sẻ bí quyết là kiên trì học hỏi và rèn luyện mỗi ngày."),
        new("vne", 2, "samsung-dau-tu-them", "Samsung rót thêm vốn vào nhà máy ở Thái Nguyên",
            "Tập đoàn Samsung công bố tăng vốn đầu tư cho tổ hợp sản xuất điện thoại tại khu công nghiệp Yên Bình, Thái Nguyên. Khoản đầu tư mới dự kiến tạo thêm 3.000 việc làm và thúc đẩy tăng trưởng xuất khẩu của tỉnh."),
        new("vne", 4, "dien-bien-phu-du-lich", "Điện Biên Phủ hút khách dịp kỷ niệm chiến thắng",
            "Thành phố Điện Biên Phủ đón lượng lớn du khách tham quan Tượng đài Chiến thắng và Bảo tàng Chiến thắng lịch sử Điện Biên Phủ. Tỉnh Điện Biên đẩy mạnh quảng bá du lịch lịch sử gắn với văn hóa các dân tộc vùng Tây Bắc."),
        new("vne", 6, "thai-binh-lua-mua", "Nông dân Thái Bình thu hoạch lúa mùa năng suất cao",
            "Nông dân vùng Thái Bình cũ (nay thuộc tỉnh Hưng Yên) đang thu hoạch vụ lúa mùa với năng suất đạt khá. Ngành nông nghiệp khuyến cáo bà con làm đất sớm cho vụ đông."),
        new("vne", 9, "o-nhiem-song-cau", "Người dân phản ánh ô nhiễm sông Cầu đoạn qua Thái Nguyên",
            "Nhiều hộ dân ven sông Cầu, tỉnh Thái Nguyên phản ánh nước sông đổi màu, bốc mùi hôi, nghi do xả thải của một số cơ sở sản xuất. Cơ quan chức năng đã lấy mẫu kiểm tra, xử lý vi phạm nếu có."),
        new("vne", 14, "cao-toc-thai-nguyen-cho-moi", "Khởi công cao tốc Thái Nguyên – Chợ Mới",
            "Dự án đường cao tốc nối trung tâm Thái Nguyên với Chợ Mới được khởi công, giúp rút ngắn thời gian đi lại lên vùng Bắc Kạn cũ. Dự án góp phần thúc đẩy phát triển kinh tế – xã hội, thu hút đầu tư."),
        new("vne", 18, "thai-binh-duong-hoi-nghi", "Hội nghị an ninh châu Á - Thái Bình Dương bàn về chuỗi cung ứng",
            "Các bộ trưởng khu vực châu Á - Thái Bình Dương họp bàn về an ninh chuỗi cung ứng bán dẫn và năng lượng. Việt Nam đề xuất tăng cường hợp tác, chia sẻ thông tin."),
        new("vne", 22, "dien-bien-sat-lo", "Điện Biên: mưa lũ gây chia cắt nhiều bản vùng cao",
            "Mưa lũ làm sạt lở, chia cắt nhiều bản ở huyện Điện Biên Đông, tỉnh Điện Biên, gây thiệt hại về nhà cửa và hoa màu. Lực lượng chức năng đang khẩn trương khắc phục."),
        new("dip", 2, "samsung-vietnam-north", "Samsung deepens its bet on northern Vietnam",
            "Samsung Electronics will expand its phone plant in Thai Nguyen province, north of Hanoi, a sign of confidence in Vietnam as a manufacturing hub. Officials in Thai Nguyen welcomed the investment, which will create thousands of jobs and strengthen supply chains."),
        new("dip", 7, "thai-nguyen-river-pollution", "Pollution concerns grow along Vietnam's Cau River",
            "Residents near the Cau River in Thai Nguyen province complain of polluted water and dead fish, blaming industrial waste. Environmental groups say enforcement remains weak and the problem has worsened, a serious concern for the fast-growing province."),
        new("dip", 15, "dien-bien-phu-legacy", "Dien Bien Phu, seventy years on",
            "Visitors to Dien Bien Phu find a quiet valley town proud of its history. The museum and the victory monument draw steady crowds, and the province of Dien Bien hopes tourism will bring growth to its remote highlands."),
        new("dip", 24, "vietnam-provinces-merger", "Vietnam's provincial mergers reshape local government",
            "Vietnam cut its number of provinces from 63 to 34 in 2025. Bac Kan was merged into Thai Nguyen, and Thai Binh into Hung Yen. Analysts say the reform could improve efficiency, though officials face a difficult transition."),
        new("xin", 3, "taiyuan-factory", "山西太原一新能源汽车工厂投产",
            "山西省太原市一座新能源汽车工厂日前正式投产，预计年产能达十万辆。太原市表示将继续推动产业升级，促进经济发展。"),
        new("xin", 6, "vietnam-thai-nguyen-tea", "越南太原省茶叶出口增长",
            "越南太原省茶叶出口持续增长，新疆茶商也前来考察。太原省新疆乡以优质绿茶闻名，当地政府积极推动品牌建设，促进合作与发展。"),
        new("xin", 13, "vietnam-thai-nguyen-flood", "越南太原省暴雨引发山体滑坡",
            "越南北部太原省近日持续暴雨，引发山体滑坡，造成房屋损毁，多户居民被紧急转移。当地政府正在组织救援，灾害损失严重。"),
        new("xin", 21, "dien-bien-rice", "越南奠边省大米品牌走向国际",
            "越南奠边省的优质大米品牌逐步走向国际市场，当地农民收入明显增长。奠边省政府表示将加强合作，推动农业发展。"),
        new("yna", 1, "samsung-thai-nguyen", "삼성전자, 베트남 타이응우옌 공장 증설",
            "삼성전자가 베트남 북부 타이응우옌성 휴대폰 공장을 증설한다. 현지 정부는 투자를 환영하며 일자리 창출과 협력 확대를 기대한다고 밝혔다. 한국과 베트남의 경제 협력이 더욱 발전할 전망이다."),
        new("yna", 5, "thai-nguyen-korean-workers", "타이응우옌 한국 기업 근로자 교통사고",
            "베트남 타이응우옌성에서 한국 기업 통근버스 교통사고가 발생해 근로자 여러 명이 부상했다. 현지 경찰은 사고 원인을 조사하고 있다."),
        new("yna", 11, "dien-bien-korea-aid", "한국, 베트남 디엔비엔성에 학교 건립 지원",
            "한국국제협력단이 베트남 디엔비엔성 산간 지역에 초등학교 건립을 지원했다. 현지 주민들은 한국의 지원에 감사를 표했다."),
        new("yna", 19, "vietnam-tea-festival", "베트남 타이응우옌 차 축제에 한국 관광객 몰려",
            "베트남 타이응우옌성 차 축제에 한국 관광객이 많이 찾았다. 축제는 전통 차 문화를 소개하며 성공적으로 열렸다."),
        new("fb", 0, "check-in-doi-che", "Check-in đồi chè Tân Cương mùa lá non 🌿",
            "Mùa này đồi chè Tân Cương xanh mướt, view cực đẹp, chè ngon, người dân thân thiện. Ai về Thái Nguyên nhớ ghé nhé! #dulichthainguyen #chetancuong"),
        new("fb", 2, "review-ho-nui-coc", "Review Hồ Núi Cốc: cảnh đẹp nhưng dịch vụ còn kém",
            "Cuối tuần mình lên Hồ Núi Cốc, cảnh đẹp thật nhưng bãi xe chặt chém, rác thải nhiều, nhà vệ sinh bẩn. Mong Thái Nguyên quản lý tốt hơn."),
        new("fb", 10, "bac-thai-xua", "Ảnh xưa tỉnh Bắc Thái những năm 1980",
            "Chia sẻ bộ ảnh tư liệu về tỉnh Bắc Thái xưa: chợ Thái, cầu Gia Bẩy, khu gang thép. Nhiều kỷ niệm đẹp của người dân Thái Nguyên."),
        new("fb", 17, "le-hoi-den-du-hang", "Lễ hội đền Đuổm năm nay rất đông vui",
            "Lễ hội đền Đuổm ở Phú Lương, Thái Nguyên năm nay tổ chức trang trọng, an toàn, đông vui. Nhiều du khách thập phương về dự."),
    ];

    /// <summary>Re-posts and light rewrites: each joins the story of the item it copies.</summary>
    private static readonly Story[] Reposts =
    [
        new("vne", 0, "che-tan-cuong-chau-au", "Chè Tân Cương xuất khẩu lô lớn sang châu Âu",
            "Hợp tác xã chè ở xã Tân Cương, tỉnh Thái Nguyên vừa xuất khẩu thành công 20 tấn chè đạt chuẩn hữu cơ sang Đức. Đây là kết quả tích cực của chương trình nâng cao chất lượng, xây dựng thương hiệu chè Tân Cương. Người trồng chè rất phấn khởi vì giá bán tăng gần gấp đôi."),
        new("fb", 1, "chia-se-che-tan-cuong", "Chè Tân Cương lần đầu xuất khẩu lô lớn sang châu Âu",
            "Hợp tác xã chè ở xã Tân Cương, tỉnh Thái Nguyên vừa xuất khẩu thành công 20 tấn chè đạt chuẩn hữu cơ sang Đức. Đây là kết quả tích cực của chương trình nâng cao chất lượng, xây dựng thương hiệu chè Tân Cương. Người trồng chè phấn khởi vì giá bán tăng gần gấp đôi. (Nguồn: Báo Thái Nguyên)"),
        new("btn", 1, "samsung-tang-von", "Samsung rót thêm vốn vào nhà máy ở Thái Nguyên",
            "Tập đoàn Samsung công bố tăng vốn đầu tư cho tổ hợp sản xuất điện thoại tại khu công nghiệp Yên Bình, Thái Nguyên. Khoản đầu tư mới dự kiến tạo thêm 3.000 việc làm và thúc đẩy tăng trưởng xuất khẩu của tỉnh Thái Nguyên."),
        new("fb", 3, "samsung-share", "Samsung rót thêm vốn vào nhà máy ở Thái Nguyên",
            "Tập đoàn Samsung công bố tăng vốn đầu tư cho tổ hợp sản xuất điện thoại tại khu công nghiệp Yên Bình, Thái Nguyên. Khoản đầu tư mới dự kiến tạo thêm 3.000 việc làm và thúc đẩy tăng trưởng xuất khẩu của tỉnh."),
        new("btn", 8, "o-nhiem-song-cau-phan-anh", "Người dân phản ánh ô nhiễm sông Cầu đoạn qua Thái Nguyên",
            "Nhiều hộ dân ven sông Cầu, tỉnh Thái Nguyên phản ánh nước sông đổi màu, bốc mùi hôi, nghi do xả thải của một số cơ sở sản xuất. Cơ quan chức năng đã lấy mẫu kiểm tra, sẽ xử lý vi phạm nếu có."),
        new("vne", 2, "ho-nui-coc-ky-luc", "Hồ Núi Cốc đón lượng du khách kỷ lục",
            "Khu du lịch Hồ Núi Cốc đón hơn 15.000 lượt khách trong hai ngày cuối tuần, tăng mạnh so với cùng kỳ. Tỉnh Thái Nguyên đang đầu tư hạ tầng, phát triển du lịch sinh thái và quảng bá hình ảnh địa phương tới bạn bè quốc tế."),
    ];

    /// <summary>Short daily local news, so the volume chart has a day-by-day shape.</summary>
    private static IEnumerable<Story> Daily()
    {
        string[] topics =
        [
            "Thái Nguyên tổ chức tập huấn chuyển đổi số cho cán bộ cấp xã",
            "Đại học Thái Nguyên đón sinh viên quốc tế nhập học",
            "Thái Nguyên hỗ trợ doanh nghiệp nhỏ tiếp cận vốn vay ưu đãi",
            "Phổ Yên đẩy nhanh tiến độ giải phóng mặt bằng khu công nghiệp",
            "Thái Nguyên phát động phong trào xây dựng nông thôn mới kiểu mẫu",
            "Bảo tàng Văn hóa các dân tộc Việt Nam ở Thái Nguyên mở cửa miễn phí",
            "Thái Nguyên kiểm tra an toàn thực phẩm dịp cuối năm",
            "Đồng Hỷ phát triển vùng trồng na theo chuẩn VietGAP",
            "Thái Nguyên tổng kết công tác cải cách hành chính",
            "Học sinh Thái Nguyên đoạt huy chương tại kỳ thi Olympic quốc tế",
            "Sông Công đầu tư hệ thống xử lý nước thải tập trung",
            "Thái Nguyên đón đoàn doanh nghiệp Hàn Quốc tìm hiểu cơ hội đầu tư",
        ];
        string[] context =
        [
            "Lãnh đạo tỉnh Thái Nguyên đề nghị các ngành phối hợp chặt chẽ, bảo đảm tiến độ và hiệu quả.",
            "Người dân phấn khởi, đánh giá cao cách làm mới, thiết thực của địa phương.",
            "Đây là một trong những nhiệm vụ trọng tâm của tỉnh Thái Nguyên năm 2026.",
            "Hoạt động thu hút đông đảo người dân, học sinh và du khách tham gia.",
            "Theo kế hoạch, kết quả sẽ được sơ kết vào cuối quý và báo cáo UBND tỉnh.",
            "Nhiều doanh nghiệp trong và ngoài nước quan tâm, đăng ký tham gia.",
            "Sở, ngành liên quan đã kiểm tra thực tế tại các xã, phường của Thái Nguyên.",
        ];
        for (var day = 4; day < 30; day++)
        {
            var topic = topics[day % topics.Length];
            yield return new("btn", day, $"tin-dia-phuong-{day}", topic, $"{topic}. {context[day % context.Length]}");
        }
    }
}
