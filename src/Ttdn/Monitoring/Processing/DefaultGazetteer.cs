using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// The seeded gazetteer (<see cref="Gazetteer.Default"/>): the 34 provinces from 01/07/2025, the 63 earlier names
/// pointing at the province they joined, and in detail the two seed provinces Thái Nguyên and Điện Biên. Data lines
/// are "kind|key|province|Name|alias; alias" or "communes|province|Name, Name, !Name": a commune is matched as
/// "xã X"/"phường X"/"thị trấn X", and also bare unless marked "!" (bare "Tân Thành", "Bình Yên", "Quyết Thắng"
/// are common words or exist in dozens of provinces).
/// </summary>
public static class DefaultGazetteer
{
    public static IReadOnlyList<GazetteerEntry> Entries()
    {
        var entries = new List<GazetteerEntry>();
        foreach (string raw in Data.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f[0] == "communes")
            {
                AddCommunes(entries, f[1], f[2]);
                continue;
            }

            var aliases = f.Length > 4 ? f[4].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            entries.Add(new GazetteerEntry(f[1], f[2], f[0], f[3], aliases));
        }

        return entries;
    }

    /// <summary>Stable key from a name: folded words joined by '-' ("Đắk Lắk" → "dak-lak").</summary>
    public static string Slug(string name) => VietnameseText.FoldToWords(name).Replace(' ', '-');

    private static void AddCommunes(List<GazetteerEntry> entries, string province, string names)
    {
        foreach (string item in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            bool prefixed = item.StartsWith('!');
            string name = item.TrimStart('!');
            var aliases = new List<string> { "xã " + name, "phường " + name, "thị trấn " + name };
            entries.Add(new GazetteerEntry(province + ":" + Slug(name), province, "commune",
                prefixed ? "xã " + name : name, aliases));
        }
    }

    private const string Data = """
        # The 34 provinces and cities from 01/07/2025 (Nghị quyết 202/2025/QH15).
        province|ha-noi|ha-noi|Hà Nội|Hanoi; Thủ đô Hà Nội; 河内; 하노이; ハノイ
        province|hue|hue|Huế|Thành phố Huế; Hue City; 顺化; 후에
        province|lai-chau|lai-chau|Lai Châu|莱州省; 라이쩌우
        province|dien-bien|dien-bien|Điện Biên|奠边省; 奠边; 디엔비엔; ディエンビエン
        province|son-la|son-la|Sơn La|山萝; 선라
        province|lang-son|lang-son|Lạng Sơn|谅山; 랑선
        province|quang-ninh|quang-ninh|Quảng Ninh|广宁省; 꽝닌
        province|thanh-hoa|thanh-hoa|Thanh Hóa|清化; 타인호아
        province|nghe-an|nghe-an|Nghệ An|乂安; 응에안
        province|ha-tinh|ha-tinh|Hà Tĩnh|河静; 하띤
        province|cao-bang|cao-bang|Cao Bằng|高平省; 까오방
        province|tuyen-quang|tuyen-quang|Tuyên Quang|宣光; 뚜옌꽝
        province|lao-cai|lao-cai|Lào Cai|老街; 라오까이
        province|thai-nguyen|thai-nguyen|Thái Nguyên|Thai Nguyen; Thainguyen; 太原省; 越南太原; 타이응우옌; 타이응웬; タイグエン
        province|phu-tho|phu-tho|Phú Thọ|富寿; 푸토
        province|bac-ninh|bac-ninh|Bắc Ninh|北宁; 박닌
        province|hung-yen|hung-yen|Hưng Yên|兴安省; 흥옌
        province|hai-phong|hai-phong|Hải Phòng|Haiphong; 海防; 하이퐁
        province|ninh-binh|ninh-binh|Ninh Bình|宁平; 닌빈
        province|quang-tri|quang-tri|Quảng Trị|广治; 꽝찌
        province|da-nang|da-nang|Đà Nẵng|Danang; 岘港; 다낭
        province|quang-ngai|quang-ngai|Quảng Ngãi|广义省; 꽝응아이
        province|gia-lai|gia-lai|Gia Lai|嘉莱; 자라이
        province|khanh-hoa|khanh-hoa|Khánh Hòa|庆和; 카인호아
        province|lam-dong|lam-dong|Lâm Đồng|林同; 럼동
        province|dak-lak|dak-lak|Đắk Lắk|Đắc Lắc; Daklak; 多乐; 닥락
        province|ho-chi-minh|ho-chi-minh|TP Hồ Chí Minh|Thành phố Hồ Chí Minh; TP.HCM; TPHCM; HCMC; Ho Chi Minh City; Sài Gòn; Saigon; 胡志明市; 호찌민; 호치민
        province|dong-nai|dong-nai|Đồng Nai|同奈; 동나이
        province|tay-ninh|tay-ninh|Tây Ninh|西宁省; 떠이닌
        province|can-tho|can-tho|Cần Thơ|芹苴; 껀터
        province|vinh-long|vinh-long|Vĩnh Long|永隆; 빈롱
        province|dong-thap|dong-thap|Đồng Tháp|同塔; 동탑
        province|ca-mau|ca-mau|Cà Mau|金瓯; 까마우
        province|an-giang|an-giang|An Giang|安江; 안장

        # The 29 pre-2025 provinces that merged into another one, under the province they joined; Huế's earlier name.
        former-name|former:thua-thien-hue|hue|Thừa Thiên Huế|Thừa Thiên - Huế
        former-province|former:ha-giang|tuyen-quang|Hà Giang|河江
        former-province|former:yen-bai|lao-cai|Yên Bái|安沛
        former-province|former:bac-kan|thai-nguyen|Bắc Kạn|Bắc Cạn; 北件; 박깐
        former-province|former:vinh-phuc|phu-tho|Vĩnh Phúc|永福
        former-province|former:hoa-binh|phu-tho|Hòa Bình|和平省
        former-province|former:bac-giang|bac-ninh|Bắc Giang|北江
        former-province|former:thai-binh|hung-yen|Thái Bình|太平省; 타이빈
        former-province|former:hai-duong|hai-phong|Hải Dương|海阳
        former-province|former:ha-nam|ninh-binh|Hà Nam|河南省越南
        former-province|former:nam-dinh|ninh-binh|Nam Định|南定
        former-province|former:quang-binh|quang-tri|Quảng Bình|广平
        former-province|former:quang-nam|da-nang|Quảng Nam|广南
        former-province|former:kon-tum|quang-ngai|Kon Tum|Kontum; 昆嵩
        former-province|former:binh-dinh|gia-lai|Bình Định|平定省
        former-province|former:ninh-thuan|khanh-hoa|Ninh Thuận|宁顺
        former-province|former:dak-nong|lam-dong|Đắk Nông|Đắc Nông; Daknong
        former-province|former:binh-thuan|lam-dong|Bình Thuận|平顺
        former-province|former:phu-yen|dak-lak|Phú Yên|富安省
        former-province|former:binh-duong|ho-chi-minh|Bình Dương|平阳省
        former-province|former:ba-ria-vung-tau|ho-chi-minh|Bà Rịa - Vũng Tàu|Bà Rịa Vũng Tàu; BR-VT; Vũng Tàu; Vung Tau; 头顿
        former-province|former:binh-phuoc|dong-nai|Bình Phước|平福
        former-province|former:long-an|tay-ninh|Long An|隆安省
        former-province|former:soc-trang|can-tho|Sóc Trăng|朔庄
        former-province|former:hau-giang|can-tho|Hậu Giang|后江
        former-province|former:ben-tre|vinh-long|Bến Tre|槟椥
        former-province|former:tra-vinh|vinh-long|Trà Vinh|茶荣
        former-province|former:tien-giang|dong-thap|Tiền Giang|前江
        former-province|former:bac-lieu|ca-mau|Bạc Liêu|薄辽
        former-province|former:kien-giang|an-giang|Kiên Giang|坚江

        # Names that contain a province name but are something else: matched to be thrown away.
        trap|trap:pacific|                 |Thái Bình Dương|châu Á - Thái Bình Dương; Á - Thái Bình Dương; 太平洋
        trap|trap:nobel-peace|             |Nobel Hòa Bình|giải Nobel Hòa Bình
        trap|trap:taiyuan|                 |Taiyuan|太原; 太原市; 山西省太原; 山西太原; 타이위안; 太原理工
        trap|trap:street-dien-bien-phu|    |đường Điện Biên Phủ|phố Điện Biên Phủ; Dien Bien Phu street; Dien Bien Phu St
        trap|trap:tan-cuong-xinjiang|      |Tân Cương Trung Quốc|khu tự trị Tân Cương; 新疆
        person-trap|person:ho-chi-minh|    |Chủ tịch Hồ Chí Minh|Bác Hồ Chí Minh; tư tưởng Hồ Chí Minh; Lăng Chủ tịch Hồ Chí Minh

        # Thái Nguyên: former districts (to 30/06/2025), communes and wards (from 01/07/2025), places, festivals, products.
        district|thai-nguyen:song-cong|thai-nguyen|Sông Công|thành phố Sông Công; TP Sông Công
        district|thai-nguyen:pho-yen|thai-nguyen|Phổ Yên|thành phố Phổ Yên; thị xã Phổ Yên
        district|thai-nguyen:dai-tu|thai-nguyen|Đại Từ|huyện Đại Từ
        district|thai-nguyen:dinh-hoa|thai-nguyen|Định Hóa|huyện Định Hóa
        district|thai-nguyen:phu-luong|thai-nguyen|Phú Lương|huyện Phú Lương
        district|thai-nguyen:dong-hy|thai-nguyen|Đồng Hỷ|huyện Đồng Hỷ
        district|thai-nguyen:vo-nhai|thai-nguyen|Võ Nhai|huyện Võ Nhai
        district|thai-nguyen:phu-binh|thai-nguyen|Phú Bình|huyện Phú Bình
        district|thai-nguyen:ba-be|thai-nguyen|Ba Bể|huyện Ba Bể
        district|thai-nguyen:bach-thong|thai-nguyen|Bạch Thông|huyện Bạch Thông
        district|thai-nguyen:cho-don|thai-nguyen|Chợ Đồn|huyện Chợ Đồn
        district|thai-nguyen:cho-moi|thai-nguyen|Chợ Mới|huyện Chợ Mới
        district|thai-nguyen:na-ri|thai-nguyen|Na Rì|huyện Na Rì
        district|thai-nguyen:ngan-son|thai-nguyen|Ngân Sơn|huyện Ngân Sơn
        district|thai-nguyen:pac-nam|thai-nguyen|Pác Nặm|huyện Pác Nặm
        communes|thai-nguyen|Phan Đình Phùng, Linh Sơn, Tích Lương, Gia Sàng, !Quyết Thắng, Quan Triều, Bá Xuyên, Bách Quang, Vạn Xuân, !Trung Thành, Phúc Thuận, Đức Xuân, !Tân Cương, !Đại Phúc, Đức Lương, !Phú Thịnh, La Bằng, !Phú Lạc, !An Khánh, Quân Chu, !Vạn Phú, !Phú Xuyên, !Bình Yên, !Trung Hội, Phượng Tiến, Phú Đình, !Bình Thành, !Kim Phượng, Lam Vỹ, Dân Tiến, Nghinh Tường, Thần Sa, La Hiên, Tràng Xá, Sảng Mộc, Vô Tranh, Yên Trạch, !Hợp Thành, Quang Sơn, Trại Cau, !Nam Hòa, Văn Hán, Văn Lăng, !Tân Thành, Điềm Thụy, Kha Sơn, !Tân Khánh, Bằng Thành, Nghiên Loan, !Cao Minh, Phủ Thông, !Nam Cường, Thượng Minh, !Đồng Phúc, Chợ Rã, !Phúc Lộc, Côn Minh, !Xuân Dương, Thượng Quan, !Hiệp Lực, Bằng Vân, Cẩm Giàng, Yên Phong, Nà Phặc
        landmark|thai-nguyen:ho-nui-coc|thai-nguyen|Hồ Núi Cốc|Nui Coc Lake; khu du lịch Hồ Núi Cốc
        landmark|thai-nguyen:atk-dinh-hoa|thai-nguyen|ATK Định Hóa|An toàn khu Định Hóa; ATK Thái Nguyên; Khu di tích ATK Định Hóa; ATK Dinh Hoa
        landmark|thai-nguyen:den-duom|thai-nguyen|Đền Đuôm|Duom Temple
        landmark|thai-nguyen:chua-hang|thai-nguyen|Chùa Hang|Hang Pagoda
        landmark|thai-nguyen:hang-phuong-hoang|thai-nguyen|Hang Phượng Hoàng|Suối Mỏ Gà; Phuong Hoang Cave
        landmark|thai-nguyen:ho-ba-be|thai-nguyen|Hồ Ba Bể|Vườn quốc gia Ba Bể; Ba Be Lake; Ba Be National Park
        landmark|thai-nguyen:dong-puong|thai-nguyen|Động Puông|Ao Tiên; Thác Đầu Đẳng
        landmark|thai-nguyen:bao-tang-dan-toc|thai-nguyen|Bảo tàng Văn hóa các dân tộc Việt Nam|Museum of Cultures of Vietnam's Ethnic Groups
        landmark|thai-nguyen:doi-che-tan-cuong|thai-nguyen|Đồi chè Tân Cương|vùng chè Tân Cương
        landmark|thai-nguyen:den-doi-can|thai-nguyen|Đền Đội Cấn|
        landmark|thai-nguyen:kcn-yen-binh|thai-nguyen|Khu công nghiệp Yên Bình|KCN Yên Bình; Samsung Thái Nguyên; Samsung Electronics Việt Nam Thái Nguyên
        landmark|thai-nguyen:nui-van-nui-vo|thai-nguyen|Núi Văn Núi Võ|Khu di tích Núi Văn - Núi Võ
        landmark|thai-nguyen:thac-khuon-tat|thai-nguyen|Thác Khuôn Tát|
        landmark|thai-nguyen:chua-phu-lien|thai-nguyen|Chùa Phù Liễn|
        landmark|thai-nguyen:dai-hoc-thai-nguyen|thai-nguyen|Đại học Thái Nguyên|Thai Nguyen University; TNU
        festival|thai-nguyen:le-hoi-den-duom|thai-nguyen|Lễ hội Đền Đuôm|
        festival|thai-nguyen:le-hoi-chua-hang|thai-nguyen|Lễ hội Chùa Hang|
        festival|thai-nguyen:festival-tra|thai-nguyen|Festival Trà Thái Nguyên|Festival Trà quốc tế Thái Nguyên; Lễ hội Trà Thái Nguyên; Thai Nguyen Tea Festival
        festival|thai-nguyen:long-tong-ba-be|thai-nguyen|Lễ hội Lồng Tồng Ba Bể|Lễ hội Lồng Tồng ATK Định Hóa; Lễ hội Lồng Tồng Định Hóa
        festival|thai-nguyen:hoi-xuan-nui-coc|thai-nguyen|Hội xuân Hồ Núi Cốc|
        festival|thai-nguyen:le-hoi-doi-can|thai-nguyen|Lễ hội Đền Đội Cấn|
        product|thai-nguyen:che-thai-nguyen|thai-nguyen|chè Thái Nguyên|trà Thái Nguyên; Thai Nguyen tea
        product|thai-nguyen:che-tan-cuong|thai-nguyen|chè Tân Cương|trà Tân Cương; Tân Cương tea; chè Tân Cương Thái Nguyên
        product|thai-nguyen:che-la-bang|thai-nguyen|chè La Bằng|trà La Bằng
        product|thai-nguyen:che-trai-cai|thai-nguyen|chè Trại Cài|trà Trại Cài
        product|thai-nguyen:banh-chung-bo-dau|thai-nguyen|bánh chưng Bờ Đậu|
        product|thai-nguyen:mien-na-ri|thai-nguyen|miến dong Na Rì|miến Na Rì
        product|thai-nguyen:quyt-bac-kan|thai-nguyen|quýt Bắc Kạn|
        product|thai-nguyen:hong-khong-hat|thai-nguyen|hồng không hạt Ba Bể|hồng không hạt Bắc Kạn
        product|thai-nguyen:gao-bao-thai|thai-nguyen|gạo Bao thai Định Hóa|

        # Điện Biên: former districts, communes and wards, places, festivals, products.
        district|dien-bien:dien-bien-dong|dien-bien|Điện Biên Đông|huyện Điện Biên Đông
        district|dien-bien:muong-ang|dien-bien|Mường Ảng|huyện Mường Ảng
        district|dien-bien:muong-cha|dien-bien|Mường Chà|huyện Mường Chà
        district|dien-bien:muong-nhe|dien-bien|Mường Nhé|huyện Mường Nhé
        district|dien-bien:nam-po|dien-bien|Nậm Pồ|huyện Nậm Pồ
        district|dien-bien:tua-chua|dien-bien|Tủa Chùa|huyện Tủa Chùa
        district|dien-bien:tuan-giao|dien-bien|Tuần Giáo|huyện Tuần Giáo
        district|dien-bien:muong-lay|dien-bien|Mường Lay|thị xã Mường Lay
        communes|dien-bien|Mường Thanh, Thanh Nưa, !Thanh An, !Thanh Yên, Sam Mứn, Núa Ngam, Mường Nhà, Mường Phăng, Na Son, Xa Dung, Pu Nhi, Mường Luân, Tìa Dình, Phình Giàng, Si Pa Phìn, Na Sang, Sín Thầu, !Quảng Lâm, Chà Tở, Nà Hỳ, Nà Bủng, Pa Ham, Búng Lao, Chiềng Sinh, Quài Tở, Mường Mùn, Sáng Nhè, Pú Nhung, Xá Nhè, Mường Toong, Nậm Kè, Mường Pồn, Sính Phình, Noong Hẹt, Thanh Chăn
        landmark|dien-bien:dien-bien-phu|dien-bien|Điện Biên Phủ|Dien Bien Phu; Diên Biên Phu; thành phố Điện Biên Phủ; Chiến thắng Điện Biên Phủ; 奠边府; 디엔비엔푸; ディエンビエンフー
        landmark|dien-bien:doi-a1|dien-bien|Đồi A1|Hill A1; Di tích Đồi A1
        landmark|dien-bien:ham-de-castries|dien-bien|Hầm Đờ Cát|Hầm De Castries; De Castries bunker
        landmark|dien-bien:tuong-dai|dien-bien|Tượng đài Chiến thắng Điện Biên Phủ|
        landmark|dien-bien:bao-tang|dien-bien|Bảo tàng Chiến thắng lịch sử Điện Biên Phủ|
        landmark|dien-bien:canh-dong-muong-thanh|dien-bien|Cánh đồng Mường Thanh|
        landmark|dien-bien:deo-pha-din|dien-bien|Đèo Pha Đin|Pha Din Pass
        landmark|dien-bien:ho-pa-khoang|dien-bien|Hồ Pá Khoang|
        landmark|dien-bien:tay-trang|dien-bien|Cửa khẩu Tây Trang|Cửa khẩu quốc tế Tây Trang; Tay Trang border gate
        landmark|dien-bien:a-pa-chai|dien-bien|A Pa Chải|Ngã ba biên giới A Pa Chải
        landmark|dien-bien:thanh-ban-phu|dien-bien|Thành Bản Phủ|
        landmark|dien-bien:doi-doc-lap|dien-bien|Đồi Độc Lập|
        landmark|dien-bien:den-hoang-cong-chat|dien-bien|Đền Hoàng Công Chất|
        festival|dien-bien:le-hoi-hoa-ban|dien-bien|Lễ hội Hoa Ban|Ban Flower Festival
        festival|dien-bien:le-hoi-thanh-ban-phu|dien-bien|Lễ hội Thành Bản Phủ|
        product|dien-bien:gao-dien-bien|dien-bien|gạo Điện Biên|gạo Séng Cù Điện Biên; Dien Bien rice
        product|dien-bien:ca-phe-muong-ang|dien-bien|cà phê Mường Ảng|
        product|dien-bien:che-tua-chua|dien-bien|chè Tủa Chùa|chè Shan tuyết Tủa Chùa
        """;
}
