namespace Ttdn.Bench.Monitoring;

/// <summary>
/// Word lists of the generated media corpus, most frequent first (a Zipf sampler draws from them by rank). Written for
/// the benchmark: news vocabulary of each language, not a real frequency list.
/// </summary>
internal static class CorpusWords
{
    public static readonly string[] Vietnamese = Split("""
        và của các là có được trong cho với những đã một người không này tỉnh năm về tại để cũng theo nhiều đến khi
        sau trên như từ đó hội ra vào các thực hiện kế hoạch phát triển kinh tế xã huyện thông tin ngày tháng dân nhân
        cán bộ văn hóa du lịch sản phẩm đồng nước quốc gia ban hành chỉ đạo chính quyền ủy ban sở nghiệp doanh đầu tư
        công tác tuyên truyền tăng cường nâng cao hiệu quả địa phương lãnh đạo báo chí môi trường giáo dục sức khỏe
        thị trường hợp tác đối ngoại quảng bá hình ảnh tổ chức lễ hội truyền thống nông thôn mới xây dựng giao thông
        chương trình dự án triển khai kết quả đánh giá tình hình hoạt động đơn vị cơ quan chức năng nhiệm vụ quản lý
        chè trà vùng đồi sinh viên học sinh trường bệnh viện y tế dịch vụ cộng đồng an ninh quốc phòng biên giới
        chủ quyền lãnh thổ biển đảo kiều bào hữu nghị khách quốc tế sự kiện khai mạc bế mạc hội nghị hội thảo diễn đàn
        thu hút vốn khu công nghiệp nhà máy lao động việc làm thu nhập nông dân hợp tác xã sản xuất tiêu thụ xuất khẩu
        chất lượng thương hiệu chứng nhận tiêu chuẩn an toàn thực phẩm mưa lũ bão thiên tai thiệt hại khắc phục hỗ trợ
        người dân gia đình trẻ em phụ nữ thanh niên đoàn viên hội viên đảng viên chi bộ đại hội nghị quyết chỉ thị
        thông báo quyết định công văn báo cáo tổng kết sơ kết khen thưởng thi đua điển hình tiên tiến gương sáng
        điện lực nước sạch viễn thông internet mạng xã hội chuyển đổi số công nghệ dữ liệu nền tảng ứng dụng trực tuyến
        bảo tàng di tích danh lam thắng cảnh di sản nghệ thuật âm nhạc múa hát dân ca trang phục ẩm thực đặc sản làng nghề
        """);

    public static readonly string[] English = Split("""
        the of and to in a is for on that with as by was are be this from at it an has have will province said which
        were its their more not or but been after about also who can would into than other new people year years
        government city local news tea festival tourism visitors investment development economic growth project plan
        officials committee ministry department international cooperation culture heritage traditional community
        Vietnam Vietnamese northern mountainous region border trade export products farmers cooperative quality brand
        industrial park factory workers jobs income education students university hospital health services rainfall
        floods storm damage support residents families children women youth event opening ceremony conference forum
        digital transformation technology data platform online social media museum relic landscape art music dance
        cuisine specialty craft village lake temple pagoda mountain river road bridge airport railway highway electricity
        """);

    public static readonly string[] Chinese = Split("""
        的 是 在 和 了 有 越南 省 发展 经济 合作 旅游 文化 投资 企业 政府 人民 国际 地区 项目 活动 工作 会议 举办 茶 节
        游客 市场 产品 出口 农业 工业 园区 工人 学生 大学 医院 健康 服务 交通 道路 桥梁 机场 铁路 电力 数字 技术 平台
        社会 媒体 博物馆 遗产 艺术 音乐 传统 美食 特产 村 湖 寺庙 山 河 边境 贸易 友好 代表团 访问 签署 协议 增长
        """);

    public static readonly string[] Korean = Split("""
        베트남 성 발전 경제 협력 관광 문화 투자 기업 정부 국민 국제 지역 사업 행사 회의 개최 차 축제 관광객 시장 제품 수출
        농업 산업 단지 노동자 학생 대학교 병원 건강 서비스 교통 도로 다리 공항 철도 전력 디지털 기술 플랫폼 사회
        미디어 박물관 유산 예술 음악 전통 음식 특산품 마을 호수 사원 산 강 국경 무역 우호 대표단 방문 서명 협정 성장
        은 는 이 가 을 를 의 에 에서 와 과 도 로 으로 했다 있다 한다 된다 밝혔다 열렸다
        """);

    public static readonly (string Host, string Language)[] Sources =
    [
        ("baothainguyen.vn", "vi"), ("thainguyen.gov.vn", "vi"), ("vnexpress.net", "vi"), ("tuoitre.vn", "vi"),
        ("thanhnien.vn", "vi"), ("dantri.com.vn", "vi"), ("vietnamplus.vn", "vi"), ("nhandan.vn", "vi"),
        ("baodienbienphu.info.vn", "vi"), ("dienbien.gov.vn", "vi"), ("facebook.com/tinthainguyen", "vi"),
        ("vietnamnews.vn", "en"), ("e.vnexpress.net", "en"), ("en.vietnamplus.vn", "en"), ("theguardian.com", "en"),
        ("reuters.com", "en"), ("xinhuanet.com", "zh"), ("people.com.cn", "zh"), ("zaobao.com", "zh"),
        ("yna.co.kr", "ko"), ("chosun.com", "ko"), ("koreaherald.com", "en"),
    ];

    private static string[] Split(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
}
