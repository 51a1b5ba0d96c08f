using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Ttdn.Accounts;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Vietnamese.Text;
using Occurrences = Ttdn.Plans.Occurrences;

namespace Ttdn.Bench;

public sealed record GeneratorOptions(int Provinces, int Years, int TasksPerPlan, double Scale, int Seed, DateOnly Today, bool PastPlansClosed)
{
    /// <summary>EF Core writes a decimal inside JSON as a string on SQLite ("700.0") and as a number on PostgreSQL.</summary>
    public bool JsonDecimalAsString { get; init; } = true;

    public int Tasks => Math.Max(1, (int)Math.Round(TasksPerPlan * Scale));
}

/// <summary>
/// National-scale data: <c>Provinces</c> provinces (the 34 of 2025, the seed's own provinces reused), each with 15 departments and
/// an officer per department, a lead officer and a leader; one annual plan per province and year (the current year's issued, earlier
/// ones issued and then closed), ~300 duties per plan with their occurrences, and monthly progress reports up to "today".
/// Deterministic: province p always gets the same data for the same seed, whatever the number of provinces.
/// </summary>
public sealed class Generator(GeneratorOptions o, TextWriter log)
{
    public const string Password = "TtdnBench2026";

    private static readonly (string Name, bool City)[] AllProvinces =
    [
        ("Thái Nguyên", false), ("Hưng Yên", false), ("Quảng Trị", false), ("Điện Biên", false),
        ("Hà Nội", true), ("Hồ Chí Minh", true), ("Hải Phòng", true), ("Đà Nẵng", true), ("Huế", true), ("Cần Thơ", true),
        ("Tuyên Quang", false), ("Cao Bằng", false), ("Lai Châu", false), ("Lào Cai", false), ("Lạng Sơn", false), ("Sơn La", false),
        ("Phú Thọ", false), ("Bắc Ninh", false), ("Quảng Ninh", false), ("Ninh Bình", false), ("Thanh Hóa", false), ("Nghệ An", false),
        ("Hà Tĩnh", false), ("Quảng Ngãi", false), ("Gia Lai", false), ("Khánh Hòa", false), ("Lâm Đồng", false), ("Đắk Lắk", false),
        ("Đồng Nai", false), ("Tây Ninh", false), ("Vĩnh Long", false), ("Đồng Tháp", false), ("Cà Mau", false), ("An Giang", false),
    ];

    /// <summary>The 15 bodies of a province that carry duties; Weight = share of duties it leads (%). The first is the lead department.</summary>
    private static readonly (string Name, string? Short, OrganisationKind Kind, int Weight)[] Departments =
    [
        ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", OrganisationKind.Department, 20),
        ("Sở Ngoại vụ", "SNgV", OrganisationKind.Department, 10),
        ("Sở Khoa học và Công nghệ", "Sở KH&CN", OrganisationKind.Department, 5),
        ("Sở Tài chính", "STC", OrganisationKind.Department, 3),
        ("Sở Công Thương", "Sở CT", OrganisationKind.Department, 6),
        ("Sở Nội vụ", "SNV", OrganisationKind.Department, 4),
        ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", OrganisationKind.Department, 5),
        ("Sở Y tế", "SYT", OrganisationKind.Department, 3),
        ("Sở Nông nghiệp và Môi trường", "Sở NN&MT", OrganisationKind.Department, 5),
        ("Sở Xây dựng", "SXD", OrganisationKind.Department, 3),
        ("Sở Tư pháp", "STP", OrganisationKind.Department, 3),
        ("Công an {w}", "CA {w}", OrganisationKind.ProvincialAgency, 6),
        ("Văn phòng Ủy ban nhân dân {w}", "VP UBND {w}", OrganisationKind.Office, 5),
        ("Báo {p}", null, OrganisationKind.PressOutlet, 11),
        ("Đài Phát thanh và Truyền hình {p}", null, OrganisationKind.PressOutlet, 11),
    ];

    private static readonly string[] ThemeTitles =
    [
        "Thông tin, tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        "Quảng bá hình ảnh, tiềm năng, thế mạnh, cơ hội hợp tác, đầu tư của địa phương",
        "Thông tin về chủ quyền, quản lý biên giới, biển, đảo",
        "Thông tin về thành tựu bảo đảm quyền con người, dân tộc, tôn giáo",
        "Đấu tranh, phản bác thông tin sai sự thật, luận điệu xuyên tạc",
        "Thông tin cho người Việt Nam ở nước ngoài và người nước ngoài tại địa phương",
    ];

    private static readonly string[] ChannelTitles =
    [
        "Báo chí, phát thanh, truyền hình", "Cổng thông tin điện tử, mạng xã hội", "Ấn phẩm, xuất bản phẩm thông tin đối ngoại",
        "Hội nghị, hội thảo, sự kiện, triển lãm", "Hoạt động đối ngoại nhân dân, giao lưu hữu nghị",
    ];

    private static readonly string[] Duties =
    [
        "Tuyên truyền, quảng bá hình ảnh, tiềm năng, thế mạnh của {p} trên các phương tiện thông tin đại chúng trong nước và quốc tế",
        "Xây dựng, sản xuất ấn phẩm thông tin đối ngoại song ngữ Việt – Anh giới thiệu về {p}",
        "Tổ chức đoàn phóng viên báo chí nước ngoài đến tìm hiểu, viết bài về {p}",
        "Cập nhật tin, bài thông tin đối ngoại trên Cổng thông tin điện tử {w} (phiên bản tiếng Anh)",
        "Đấu tranh, phản bác các thông tin sai sự thật, luận điệu xuyên tạc liên quan đến {p} trên không gian mạng",
        "Tuyên truyền về thành tựu bảo đảm quyền con người, tự do tín ngưỡng, tôn giáo tại địa phương",
        "Cung cấp thông tin cho cộng đồng người Việt Nam ở nước ngoài về tình hình phát triển kinh tế – xã hội của {p}",
        "Tập huấn, bồi dưỡng nghiệp vụ thông tin đối ngoại cho cán bộ làm công tác thông tin đối ngoại của các sở, ngành",
        "Tổ chức hội nghị xúc tiến đầu tư, thương mại, du lịch gắn với quảng bá hình ảnh {p}",
        "Theo dõi, tổng hợp dư luận báo chí nước ngoài về {p}, kịp thời báo cáo Ban Chỉ đạo công tác thông tin đối ngoại",
        "Giới thiệu các di sản văn hóa, lễ hội truyền thống của {p} tới bạn bè quốc tế",
        "Phối hợp với các cơ quan đại diện Việt Nam ở nước ngoài tổ chức tuần văn hóa, du lịch {p}",
        "Báo cáo kết quả thực hiện công tác thông tin đối ngoại gửi Sở Văn hóa, Thể thao và Du lịch để tổng hợp",
        "Sản xuất, phát sóng chuyên mục thông tin đối ngoại trên sóng phát thanh, truyền hình",
        "Thông tin về công tác quản lý biên giới, phân giới cắm mốc và hợp tác với các địa phương nước bạn",
        "Quảng bá sản phẩm OCOP, nông sản chủ lực của {p} trên các nền tảng số quốc tế",
        "Cung cấp thông tin, tài liệu cho phóng viên nước ngoài đến tác nghiệp tại {p}",
        "Rà soát, cập nhật bộ tài liệu giới thiệu về {p} phục vụ các đoàn công tác đối ngoại",
    ];

    private static readonly string[] DutyTails =
    [
        "", "; đăng tải tối thiểu {n} tin, bài", "; phối hợp với các cơ quan báo chí trung ương", "; lồng ghép trong các sự kiện đối ngoại của {w}",
        ", bảo đảm đúng định hướng, kịp thời, hiệu quả", "; báo cáo kết quả về Sở Văn hóa, Thể thao và Du lịch",
    ];

    private static readonly string[] Narratives =
    [
        "Đã đăng tải {n} tin, bài trên trang thông tin điện tử của đơn vị.",
        "Đang triển khai theo kế hoạch; đã xây dựng đề cương chi tiết.",
        "Đã phối hợp với các cơ quan báo chí đưa tin về hoạt động đối ngoại của tỉnh.",
        "Đã tổ chức {n} buổi làm việc, trao đổi thông tin với đối tác nước ngoài.",
        "Đã hoàn thành bản thảo, đang trình lãnh đạo duyệt nội dung.",
        "Đã phát sóng {n} chương trình, phóng sự chuyên đề.",
        "Tiếp tục theo dõi, tổng hợp dư luận; chưa phát hiện thông tin sai sự thật.",
        "Đã in và phát hành {n}00 ấn phẩm song ngữ.",
    ];

    private static readonly string[] Signers = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Quang Minh", "Phạm Đức Thắng", "Hoàng Thị Lan", "Vũ Mạnh Cường"];
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    private sealed record Dept(int Index, int Id, string Name, string UserName, int Weight);
    private sealed record Province(int Index, int OrgId, string Name, string Word, List<Dept> Depts);

    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    public async Task RunAsync(BulkWriter writer)
    {
        var total = Stopwatch.StartNew();
        var db = writer.Connection;
        await writer.PrepareAsync();
        foreach (var t in Schema.IdentityTables)
            _next[t] = (int)await BulkWriter.ScalarAsync(db, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{t}\"") + 1;

        var step = Stopwatch.StartNew();
        var (provinces, orgBatch) = await ProvincesAsync(db);
        await writer.WriteAsync(orgBatch);
        log.WriteLine($"  organisations and users: {orgBatch.RowCount:N0} rows in {step.Elapsed.TotalSeconds:F1} s");

        long rows = 0;
        step.Restart();
        foreach (var p in provinces)
        {
            var batch = PlansOf(p);
            await writer.WriteAsync(batch);
            rows += batch.RowCount;
            log.WriteLine($"  {p.Index,2}/{provinces.Count} {p.Word} {p.Name}: {batch.RowCount:N0} rows (total {rows:N0}, {rows / Math.Max(0.001, step.Elapsed.TotalSeconds):N0} rows/s)");
        }
        step.Restart();
        await writer.FinishAsync(Schema.IdentityTables);
        log.WriteLine($"  finish (indexes/statistics/journal): {step.Elapsed.TotalSeconds:F1} s");
        log.WriteLine($"  generated in {total.Elapsed.TotalSeconds:F1} s");
    }

    private int NextId(string table) => _next[table]++;

    // ----- provinces, departments, users -------------------------------------------------------------------------

    private async Task<(List<Province>, Batch)> ProvincesAsync(DbConnection db)
    {
        var existing = new List<(int Id, string NameKey, string Kind, int? ProvinceId)>();
        await using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Id\", \"NameKey\", \"Kind\", \"ProvinceId\" FROM \"Organisations\" WHERE \"ValidTo\" IS NULL";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                existing.Add((r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3)));
        }
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Name\", \"Id\" FROM \"AspNetRoles\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) roles[r.GetString(0)] = r.GetString(1);
        }
        if (o.Provinces > AllProvinces.Length) throw new BenchException($"--provinces: at most {AllProvinces.Length}");

        // Hashed once: PBKDF2 is slow on purpose, and every generated account shares the password.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var batch = new Batch();
        foreach (var t in new[] { Schema.Organisations, Schema.Users, Schema.UserRoles }) batch.For(t); // parents first
        var created = new DateTime(o.Today.Year - o.Years, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        var list = new List<Province>();
        for (var i = 0; i < o.Provinces; i++)
        {
            var (name, city) = AllProvinces[i];
            var index = i + 1;
            var word = city ? "thành phố" : "tỉnh";
            var rng = new Random(o.Seed * 1000 + index);
            var provinceName = Norm($"Ủy ban nhân dân {word} {name}");
            var found = existing.FirstOrDefault(e => e.Kind == nameof(OrganisationKind.Province) && e.NameKey == Organisation.Key(provinceName));
            var provinceId = found.Id;
            if (provinceId == 0)
            {
                provinceId = NextId("Organisations");
                AddOrg(batch, provinceId, provinceName, $"UBND {word} {name}", OrganisationKind.Province, null, null);
            }
            var depts = new List<Dept>();
            for (var d = 0; d < Departments.Length; d++)
            {
                var (template, shortTemplate, kind, weight) = Departments[d];
                var deptName = Norm(template.Replace("{w}", word, StringComparison.Ordinal).Replace("{p}", name, StringComparison.Ordinal));
                var key = Organisation.Key(deptName);
                var same = existing.FirstOrDefault(e => e.ProvinceId == provinceId && e.Kind == kind.ToString()
                    && (e.NameKey == key || (kind == OrganisationKind.PressOutlet && d == 14 && e.NameKey.StartsWith("daiphatthanh", StringComparison.Ordinal))));
                var id = same.Id;
                if (id == 0)
                {
                    id = NextId("Organisations");
                    var shortName = shortTemplate?.Replace("{w}", word, StringComparison.Ordinal);
                    AddOrg(batch, id, deptName, shortName, kind, provinceId, kind == OrganisationKind.PressOutlet ? null : provinceId);
                }
                var user = $"cb-{index:00}-{d + 1:00}";
                depts.Add(new Dept(d + 1, id, deptName, user, weight));
                AddUser(batch, rng, user, $"Cán bộ {deptName} ({name})", id, Roles.AgencyOfficer, hash, created, roles);
            }
            AddUser(batch, rng, $"cv-{index:00}", $"Chuyên viên đầu mối TTĐN, {depts[0].Name} ({name})", depts[0].Id, Roles.LeadOfficer, hash, created, roles);
            AddUser(batch, rng, $"ld-{index:00}", $"Lãnh đạo UBND {word} {name}", provinceId, Roles.Leader, hash, created, roles);
            list.Add(new Province(index, provinceId, name, word, depts));
        }
        return (list, batch);
    }

    private static string Norm(string s) => VietnameseText.Normalize(s).Trim();

    private static void AddOrg(Batch b, int id, string name, string? shortName, OrganisationKind kind, int? provinceId, int? parentId) =>
        b.Add(Schema.Organisations, id, name, shortName, kind.ToString(), provinceId, parentId, null, null, null, Organisation.Key(name),
            shortName is null ? null : Organisation.Key(shortName), 1);

    private static void AddUser(Batch b, Random rng, string userName, string fullName, int orgId, string role, string hash, DateTime created,
        Dictionary<string, string> roles)
    {
        var id = Guid(rng).ToString();
        b.Add(Schema.Users, id, fullName.Length > 200 ? fullName[..200] : fullName, orgId, created, userName, userName.ToUpperInvariant(), false, hash,
            Guid(rng).ToString("N").ToUpperInvariant(), Guid(rng).ToString(), false, false, true, 0);
        b.Add(Schema.UserRoles, id, roles[role]);
    }

    private static Guid Guid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    // ----- plans, duties, occurrences, progress -----------------------------------------------------------------

    private Batch PlansOf(Province p)
    {
        var rng = new Random(o.Seed * 1000 + 500 + p.Index);
        var batch = new Batch();
        int? previous = null;
        var lead = p.Depts[0];
        var weights = p.Depts.Select(d => d.Weight).ToArray();
        var weightTotal = weights.Sum();
        for (var year = o.Today.Year - o.Years + 1; year <= o.Today.Year; year++)
        {
            var planId = NextId("Plans");
            var periodStart = new DateOnly(year, 1, 1);
            var periodEnd = new DateOnly(year, 12, 31);
            var current = year == o.Today.Year;
            var issued = new DateOnly(year, 1, rng.Next(8, 28));
            var signer = Signers[rng.Next(Signers.Length)];
            batch.Add(Schema.Plans, planId, nameof(PlanKind.AnnualPlan), $"{100 + p.Index}/KH-UBND",
                $"Kế hoạch công tác thông tin đối ngoại {p.Word} {p.Name} năm {year}", issued, p.Name, p.OrgId, lead.Id, periodStart, periodEnd,
                previous, (current || !o.PastPlansClosed ? PlanStatus.Issued : PlanStatus.Closed).ToString(),
                $"Thực hiện chỉ đạo của Trung ương về công tác thông tin đối ngoại, Ủy ban nhân dân {p.Word} ban hành Kế hoạch công tác thông tin đối ngoại năm {year} như sau:",
                signer, $"TM. ỦY BAN NHÂN DÂN {p.Word.ToUpperInvariant()}", "PHÓ CHỦ TỊCH", 0, current ? 6 : 7,
                new DateTime(year - 1, 12, rng.Next(1, 28), 3, 0, 0, DateTimeKind.Utc));
            previous = planId;

            var themeIds = new int[ThemeTitles.Length];
            for (var t = 0; t < ThemeTitles.Length; t++)
            {
                themeIds[t] = NextId("Themes");
                batch.Add(Schema.Themes, themeIds[t], planId, t + 1, (t + 1).ToString(CultureInfo.InvariantCulture), ThemeTitles[t],
                    new[] { $"{ThemeTitles[t]} trên địa bàn {p.Word}", "Các nội dung khác theo chỉ đạo của cấp trên" });
            }
            var channelIds = new int[ChannelTitles.Length];
            for (var c = 0; c < ChannelTitles.Length; c++)
            {
                channelIds[c] = NextId("PlanChannels");
                batch.Add(Schema.PlanChannels, channelIds[c], planId, c + 1, (c + 1).ToString(CultureInfo.InvariantCulture), ChannelTitles[c],
                    new[] { ChannelTitles[c] });
            }
            var assignmentOf = new Dictionary<int, int>();
            foreach (var d in p.Depts)
            {
                var id = NextId("Assignments");
                assignmentOf[d.Id] = id;
                batch.Add(Schema.Assignments, id, planId, d.Index, d.Index.ToString(CultureInfo.InvariantCulture), d.Id, d.Name);
            }

            var tasks = Math.Max(1, (int)Math.Round(o.Tasks * (0.9 + 0.2 * rng.NextDouble())));
            for (var order = 1; order <= tasks; order++)
            {
                var taskId = NextId("PlanTasks");
                var leadDept = Pick(rng, p.Depts, weights, weightTotal);
                var deadline = MakeDeadline(rng, year);
                var text = DutyText(rng, p, year);
                var hasTargets = rng.NextDouble() < 0.3;
                var targets = hasTargets
                    ? $"[{{\"Languages\":[\"vi\",\"en\"],\"Quantity\":{Quantity(rng.Next(2, 60) * 5)},\"Unit\":\"tin, bài\"}}]"
                    : "[]";
                var budget = rng.NextDouble() < 0.3 ? (decimal?)(rng.Next(5, 300) * 1_000_000m) : null;

                // Coordinators: 0–2 other bodies; the lead department often co-ordinates what others lead.
                var coordinators = new List<int>();
                var count = rng.NextDouble() switch { < 0.3 => 0, < 0.7 => 1, _ => 2 };
                while (coordinators.Count < count)
                {
                    var c = coordinators.Count == 0 && leadDept != lead && rng.NextDouble() < 0.4 ? lead : p.Depts[rng.Next(p.Depts.Count)];
                    if (c != leadDept && !coordinators.Contains(c.Id)) coordinators.Add(c.Id);
                }
                foreach (var c in coordinators) batch.Add(Schema.TaskCoordinators, taskId, c);
                var theme = rng.Next(themeIds.Length);
                batch.Add(Schema.TaskThemes, taskId, themeIds[theme]);
                if (rng.NextDouble() < 0.3) batch.Add(Schema.TaskThemes, taskId, themeIds[(theme + 1 + rng.Next(themeIds.Length - 1)) % themeIds.Length]);
                var channel = rng.Next(channelIds.Length);
                batch.Add(Schema.TaskChannels, taskId, channelIds[channel]);
                if (rng.NextDouble() < 0.4) batch.Add(Schema.TaskChannels, taskId, channelIds[(channel + 1 + rng.Next(channelIds.Length - 1)) % channelIds.Length]);

                var updates = 0;
                foreach (var occ in Occurrences.For(deadline, periodStart, periodEnd))
                    updates += AddOccurrence(batch, rng, taskId, occ, leadDept);

                batch.Add(Schema.PlanTasks, taskId, planId, assignmentOf[leadDept.Id], order, text, leadDept.Id, deadline.Text, deadline.Kind.ToString(),
                    deadline.From, deadline.To, deadline.Recurrence.ToString(), deadline.DueDay, deadline.DueMonth, budget,
                    budget is null ? null : nameof(FundingSource.ProvincialBudget), 3 + updates, targets);
            }
        }
        // Parents before children (PostgreSQL checks the foreign keys row by row).
        var ordered = new Batch();
        foreach (var t in new[] { Schema.Plans, Schema.Themes, Schema.PlanChannels, Schema.Assignments, Schema.PlanTasks, Schema.TaskCoordinators,
                     Schema.TaskThemes, Schema.TaskChannels, Schema.TaskOccurrences, Schema.ProgressUpdates })
            ordered.For(t).AddRange(batch.For(t));
        return ordered;
    }

    private string Quantity(int n) => o.JsonDecimalAsString ? $"\"{n}.0\"" : n.ToString(CultureInfo.InvariantCulture);

    private static Dept Pick(Random rng, List<Dept> depts, int[] weights, int total)
    {
        var x = rng.Next(total);
        for (var i = 0; i < depts.Count; i++)
        {
            if (x < weights[i]) return depts[i];
            x -= weights[i];
        }
        return depts[^1];
    }

    private static string DutyText(Random rng, Province p, int year)
    {
        var place = $"{p.Word} {p.Name}";
        var text = Duties[rng.Next(Duties.Length)] + DutyTails[rng.Next(DutyTails.Length)] + $" năm {year}.";
        return text.Replace("{p}", place, StringComparison.Ordinal).Replace("{w}", p.Word, StringComparison.Ordinal)
            .Replace("{n}", rng.Next(5, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Monthly ~20 %, quarterly 25 %, half-yearly 5 %, the rest one-off (all year, by a date, in a quarter or month).</summary>
    private static Deadline MakeDeadline(Random rng, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var r = rng.NextDouble();
        if (r < 0.20)
            return rng.NextDouble() < 0.5
                ? new Deadline("Hằng tháng", DeadlineKind.Recurring, start, end, Recurrence.Monthly)
                : new Deadline("Trước ngày 25 hằng tháng", DeadlineKind.Recurring, start, end, Recurrence.Monthly, 25);
        if (r < 0.45)
            return rng.NextDouble() < 0.6
                ? new Deadline("Hằng quý", DeadlineKind.Recurring, start, end, Recurrence.Quarterly)
                : new Deadline("Trước ngày 20 tháng cuối quý", DeadlineKind.Recurring, start, end, Recurrence.Quarterly, 20);
        if (r < 0.50)
            return new Deadline("Định kỳ 6 tháng", DeadlineKind.Recurring, start, end, Recurrence.HalfYearly);
        if (r < 0.65)
            return new Deadline(rng.NextDouble() < 0.5 ? "Thường xuyên" : "Cả năm", DeadlineKind.Continuous, start, end, Recurrence.None);
        if (r < 0.85)
        {
            var month = rng.Next(3, 13);
            var day = rng.NextDouble() < 0.5 ? 15 : DateTime.DaysInMonth(year, month);
            var due = new DateOnly(year, month, day);
            return new Deadline($"Trước ngày {day:00}/{month:00}/{year}", DeadlineKind.Before, start, due, Recurrence.None);
        }
        if (rng.NextDouble() < 0.5)
        {
            var q = rng.Next(4);
            var from = new DateOnly(year, q * 3 + 1, 1);
            return new Deadline($"Quý {Roman[q]}/{year}", DeadlineKind.Range, from, from.AddMonths(3).AddDays(-1), Recurrence.None);
        }
        var m = rng.Next(1, 13);
        var first = new DateOnly(year, m, 1);
        return new Deadline($"Tháng {m}/{year}", DeadlineKind.Range, first, first.AddMonths(1).AddDays(-1), Recurrence.None);
    }

    /// <summary>
    /// One occurrence and its monthly progress reports, as things stand on <see cref="GeneratorOptions.Today"/>: past occurrences
    /// mostly done on time, some late, some still open (overdue); running ones in progress, done early or not started.
    /// </summary>
    private int AddOccurrence(Batch batch, Random rng, int taskId, Occurrence occ, Dept lead)
    {
        var id = NextId("TaskOccurrences");
        var today = o.Today;
        DateOnly? extendedTo = null, startedOn = null, completedOn = null;
        var percent = 0;
        var reports = new List<(DateOnly On, int Percent, bool Completed)>();
        if (occ.Start <= today)
        {
            if (rng.NextDouble() < 0.02) extendedTo = occ.Due.AddDays(30);
            var due = extendedTo ?? occ.Due;
            var span = Math.Max(1, due.DayNumber - occ.Start.DayNumber);
            var began = occ.Start.AddDays(rng.Next(0, Math.Min(21, span / 3) + 1));
            var u = rng.NextDouble();
            if (due < today)
            {
                if (u < 0.72) completedOn = Between(rng, Max(began, due.AddDays(-Math.Max(1, span / 4))), due);
                else if (u < 0.85) completedOn = due.AddDays(rng.Next(1, 46)) is var late && late <= today ? late : null;
                if (u < 0.97) startedOn = began;
                if (startedOn is not null && completedOn is null) percent = rng.Next(1, 10) * 10;
            }
            else if (began <= today)
            {
                var elapsed = (double)(today.DayNumber - occ.Start.DayNumber) / span;
                if (u < 0.10 + 0.25 * elapsed) completedOn = Between(rng, began, today);
                else if (u < 0.85) percent = Math.Clamp((int)Math.Round(elapsed * 100 + rng.Next(-20, 21)) / 5 * 5, 5, 95);
                if (u < 0.85) startedOn = began;
            }
            if (completedOn is not null) percent = 100;
            if (startedOn is { } s)
            {
                // Reports stop at completion; on work never finished, a few months after the deadline (nobody reports on a 2022 duty in 2026).
                var last = completedOn ?? Min(today, (extendedTo ?? occ.Due).AddDays(90));
                var dates = new List<DateOnly>();
                for (var d = s; d < last; d = d.AddDays(rng.Next(28, 34))) dates.Add(d);
                if (completedOn is null && dates.Count == 0) dates.Add(s);
                var steps = dates.Count + (completedOn is null ? 0 : 1);
                for (var k = 0; k < dates.Count; k++)
                    reports.Add((dates[k], completedOn is null ? Math.Max(5, percent * (k + 1) / steps / 5 * 5) : Math.Min(95, Math.Max(5, 100 * (k + 1) / steps / 5 * 5)), false));
                if (completedOn is { } c) reports.Add((c, 100, true));
            }
        }
        batch.Add(Schema.TaskOccurrences, id, taskId, occ.Index, occ.Start, occ.End, occ.Due, extendedTo, startedOn, completedOn, percent, null,
            1 + reports.Count + (extendedTo is null ? 0 : 1));
        foreach (var (on, pct, done) in reports)
        {
            var at = on.ToDateTime(new TimeOnly(rng.Next(1, 10), rng.Next(60)), DateTimeKind.Utc);
            var narrative = done ? "Đã hoàn thành nhiệm vụ; báo cáo kết quả gửi Sở Văn hóa, Thể thao và Du lịch." : Narratives[rng.Next(Narratives.Length)]
                .Replace("{n}", rng.Next(1, 20).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var links = rng.NextDouble() < 0.25 ? new[] { $"https://ttdn.example.vn/tin-bai/{id}-{on:yyyyMMdd}" } : [];
            batch.Add(Schema.ProgressUpdates, NextId("ProgressUpdates"), taskId, id, at, on, lead.UserName, lead.Id, pct, null, narrative, links, done);
        }
        return reports.Count;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Between(Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(0, to.DayNumber - from.DayNumber + 1));
}
