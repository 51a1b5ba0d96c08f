using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Ttdn.Plans;
using Ttdn.Plans.Import;
using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Tests.Plans.Import;

/// <summary>The importer on the seed plan 241/KH-UBND and on the same plan in every encoding and format a province may hold it in.</summary>
public sealed class PlanImporterTests
{
    private static readonly int[] TaskCounts = [2, 1, 8, 4, 2, 4, 3, 3, 1, 3, 2, 2, 1, 7];

    private static ImportResult Seed() => SeedVariants.Import(File.ReadAllBytes(SeedVariants.SeedPath()), SeedVariants.SeedName);

    [Fact]
    public void The_seed_plan_is_read_with_its_full_structure()
    {
        var result = Seed();
        var p = result.Plan;
        Assert.False(result.LooksLikeNews);
        Assert.Equal("UTF-8", result.Encoding);
        Assert.Equal("241/KH-UBND", p.Number);
        Assert.Equal(new DateOnly(2021, 12, 28), p.IssuedOn);
        Assert.Equal("Thái Nguyên", p.Place);
        Assert.Equal("Ủy ban nhân dân tỉnh Thái Nguyên", p.Issuer);
        Assert.Equal("Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022", p.Title);
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)), (p.PeriodStart!.Value, p.PeriodEnd!.Value));

        var fixture = DemoPlans.ThaiNguyen2022();
        Assert.Equal(fixture.LegalBases, p.LegalBases);
        Assert.Equal(
            [(LegalBasisKind.Decree, "72/2015/NĐ-CP", new DateOnly(2015, 9, 7), false), (LegalBasisKind.Circular, "22/2016/TT-BTTTT", new DateOnly(2016, 10, 19), false),
             (LegalBasisKind.Decision, "1347/QĐ-UBND", new DateOnly(2021, 4, 29), false), (LegalBasisKind.Submission, "141/TTr-STTTT", new DateOnly(2021, 12, 3), true)],
            p.LegalBases.Select(b => (b.Kind, b.Number, b.Date!.Value, b.IsProposal)));
        Assert.Equal(fixture.Introduction, p.Introduction);
        Assert.Equal(fixture.Purposes, p.Purposes);
        Assert.Equal(fixture.Requirements, p.Requirements);
        Assert.Equal(fixture.Themes.Select(t => (t.Number, t.Title, string.Join("|", t.Items))), p.Themes.Select(t => (t.Number, t.Title, string.Join("|", t.Items))));
        Assert.Equal(["PRESS", "EVENTS", "PUBLISHING", "DELEGATIONS", "GRASSROOTS", "SOCIAL"], p.Channels.Select(c => c.CatalogueCode));
        Assert.Equal(fixture.Channels.Select(c => (c.Title, string.Join("|", c.Items))), p.Channels.Select(c => (c.Title, string.Join("|", c.Items))));
        Assert.Equal(fixture.Funding, p.Funding);
        Assert.Equal(TaskCounts, p.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal(43, p.TaskCount);
        Assert.Equal(fixture.Assignments.Select(a => a.AgencyAsWritten), p.Assignments.Select(a => a.AgencyAsWritten));
        Assert.Equal(fixture.Assignments.SelectMany(a => a.Tasks).Select(t => t.Text), p.Assignments.SelectMany(a => a.Tasks).Select(t => t.Text));
        Assert.Equal("Ban Tuyên giáo Tỉnh ủy", p.Assignments[0].Agency);
        Assert.Equal(fixture.Recipients, p.Recipients);
        Assert.Equal(11, p.Recipients.Count);
        Assert.Equal(new PlanDocument.SignerInfo("Lê Quang Tiến", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), p.Signer);

        var tasks = p.Assignments.SelectMany(a => a.Tasks).ToList();
        var book = tasks.Single(t => t.Text == "Xuất bản 700 cuốn Thái Nguyên Hội nhập và Phát triển bằng song ngữ Việt Anh.");
        Assert.Equal((700m, "cuốn"), (book.Targets!.Single().Quantity, book.Targets!.Single().Unit));
        Assert.Equal(["vi", "en"], book.Targets!.Single().Languages);
        Assert.Equal(1, tasks.Count(t => t.Targets!.Count > 0));
        var ict = p.Assignments[2].Tasks[0];
        Assert.Equal("trước ngày 31/12/2022", ict.Deadline);
        var briefing = p.Assignments[2].Tasks[5];
        Assert.Equal(Recurrence.Monthly, DeadlinePhrase.Parse(briefing.Deadline, p.PeriodStart!.Value, p.PeriodEnd!.Value).Recurrence);
        Assert.Equal(["Ban Tuyên giáo Tỉnh ủy", "Hội Nhà báo tỉnh"], briefing.CoordinatingAgencies);
        Assert.Equal(["Sở Ngoại vụ"], p.Assignments[2].Tasks[7].CoordinatingAgencies);
        Assert.Equal(["Sở Thông tin và Truyền thông", "Sở Ngoại vụ"], p.Assignments[4].Tasks[0].CoordinatingAgencies);

        // The page-break joins are reported, and nothing in the seed is left unexplained.
        Assert.Contains(result.Diagnostics, d => d.Location == "dòng 30" && d.Message.Contains("ngắt trang", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_json_has_the_agreed_keys_with_resolved_deadlines()
    {
        var json = JsonSerializer.SerializeToElement(ImportJson.From(Seed()), DemoPlans.Json);
        Assert.Equal(["number", "issuedOn", "place", "issuer", "title", "periodStart", "periodEnd", "legalBases", "purposes", "requirements", "themes",
            "channels", "funding", "assignments", "recipients", "signer", "encoding", "diagnostics"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-12-28", json.GetProperty("issuedOn").GetString());
        var task = json.GetProperty("assignments")[2].GetProperty("tasks")[0];
        Assert.Equal(["text", "deadline", "recurrence", "targets", "coordinatingAgencies"], task.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2022-12-31", task.GetProperty("deadline").GetProperty("to").GetString());
        Assert.Equal("Monthly", json.GetProperty("assignments")[2].GetProperty("tasks")[5].GetProperty("recurrence").GetString());
        Assert.Equal(["kind", "number", "date", "issuer", "isProposal"], json.GetProperty("legalBases")[0].EnumerateObject().Select(p => p.Name));
    }

    public static TheoryData<string, string> Encodings => new()
    {
        { "nfd", "UTF-8, NFD" }, { "bom", "UTF-8 (BOM)" }, { "utf16", "UTF-16 LE" }, { "utf16be", "UTF-16 BE" }, { "cp1258", "Windows-1258" },
        { "tcvn3", "TCVN3 (ABC)" }, { "vni", "VNI Windows" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_same_plan_in_another_encoding_gives_the_same_plan(string variant, string encoding)
    {
        var text = SeedVariants.SeedText;
        byte[] bytes = variant switch
        {
            "nfd" => Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormD)),
            "bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf16be" => Encoding.BigEndianUnicode.GetBytes(text), // no byte-order mark: found by its zero bytes
            "cp1258" => SeedVariants.Windows1258(text),
            "tcvn3" => SeedVariants.Tcvn3(text),
            _ => SeedVariants.Vni(text),
        };
        var result = SeedVariants.Import(bytes);
        Assert.Equal(encoding, result.Encoding);
        var expected = Seed().Plan;
        var p = result.Plan;
        Assert.Equal(expected.Number, p.Number);
        Assert.Equal(expected.IssuedOn, p.IssuedOn);
        Assert.Equal(expected.LegalBases.Select(b => (b.Kind, b.Date, b.IsProposal)), p.LegalBases.Select(b => (b.Kind, b.Date, b.IsProposal)));
        Assert.Equal(TaskCounts, p.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal(11, p.Recipients.Count);
        // TCVN3 has no capital toned letters and no typographic quotes: compare in lower case, quotes plain, there.
        string Comparable(string s) => variant == "tcvn3" || variant == "vni" || variant == "cp1258"
            ? s.ToLowerInvariant().Replace('“', '"').Replace('”', '"').Replace('–', '-') : s;
        Assert.Equal(Texts(expected).Select(Comparable), Texts(p).Select(Comparable));
        Assert.Equal(Comparable("Lê Quang Tiến"), Comparable(p.Signer!.Name!));
    }

    [Fact]
    public void Old_tone_placement_reads_the_same()
    {
        var text = SeedVariants.SeedText;
        var modern = SeedVariants.Import(Encoding.UTF8.GetBytes(text)).Plan;
        var old = text.Replace("hóa", "hoá", StringComparison.Ordinal).Replace("Hóa", "Hoá", StringComparison.Ordinal)
            .Replace("Ủy", "Uỷ", StringComparison.Ordinal).Replace("ủy", "uỷ", StringComparison.Ordinal).Replace("thủy", "thuỷ", StringComparison.Ordinal)
            .Replace("thỏa", "thoả", StringComparison.Ordinal).Replace("Tọa", "Toạ", StringComparison.Ordinal);
        Assert.NotEqual(text, old);
        var p = SeedVariants.Import(Encoding.UTF8.GetBytes(old)).Plan;
        Assert.Equal(TaskCounts, p.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal("Ban Tuyên giáo Tỉnh uỷ", p.Assignments[0].Agency);
        Assert.Equal(Texts(modern).Select(VietnameseText.Normalize), Texts(p).Select(VietnameseText.Normalize));
    }

    [Fact]
    public void A_word_document_with_paragraphs_header_table_bullet_and_numbered_lists_and_signature_table_gives_the_same_plan()
    {
        var result = SeedVariants.Import(TestDocx.FromSeed(SeedVariants.SeedText), "ke-hoach.docx");
        var expected = Seed().Plan;
        Assert.Equal("DOCX (UTF-8)", result.Encoding);
        var p = result.Plan;
        Assert.Equal("Ủy ban nhân dân tỉnh Thái Nguyên", p.Issuer);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("suy ra", StringComparison.Ordinal)); // read from the header, not inferred
        Assert.Equal((expected.Number, expected.IssuedOn, expected.Place, expected.Title), (p.Number, p.IssuedOn, p.Place, p.Title));
        Assert.Equal(expected.LegalBases, p.LegalBases);
        Assert.Equal(TaskCounts, p.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal(Texts(expected), Texts(p));
        Assert.Equal(expected.Recipients, p.Recipients);
        Assert.Equal(expected.Signer, p.Signer);
    }

    [Fact]
    public void A_word_document_with_the_duties_in_an_annex_table_gives_the_assignments_with_their_columns()
    {
        var fixture = DemoPlans.ThaiNguyen2022();
        var result = SeedVariants.Import(TestDocx.FromSeed(SeedVariants.SeedText, dutyTable: true, duties: fixture), "ke-hoach.docx");
        var p = result.Plan;
        Assert.Equal(TaskCounts, p.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal(fixture.Assignments.Select(a => a.Agency), p.Assignments.Select(a => a.AgencyAsWritten));
        Assert.Equal(fixture.Assignments.SelectMany(a => a.Tasks).Select(t => t.Text), p.Assignments.SelectMany(a => a.Tasks).Select(t => t.Text));
        Assert.Equal(fixture.Assignments.SelectMany(a => a.Tasks).Select(t => string.Join("; ", t.CoordinatingAgencies ?? [])),
            p.Assignments.SelectMany(a => a.Tasks).Select(t => string.Join("; ", t.CoordinatingAgencies ?? [])));
        Assert.Equal("trước ngày 31/12/2022", p.Assignments[2].Tasks[0].Deadline);
        Assert.Equal(7, p.Themes.Count);
        Assert.Equal(11, p.Recipients.Count);
        Assert.Equal("Lê Quang Tiến", p.Signer?.Name);
    }

    [Fact]
    public void News_articles_among_the_seeds_are_recognised_with_what_was_still_found()
    {
        foreach (var name in new[] { "000_9d59c203a3daa2aa.txt", "001_880a45a027e3576e.txt", "002_6f232b373ebce63b.txt", "003_d6453e487489abdc.txt" })
        {
            var result = SeedVariants.Import(File.ReadAllBytes(SeedVariants.SeedPath(name)), name);
            Assert.True(result.LooksLikeNews, name);
            var error = Assert.Single(result.Diagnostics);
            Assert.Contains("giống một bài báo, không phải kế hoạch", error.Message);
        }
        var thaiNguyen = SeedVariants.Import(File.ReadAllBytes(SeedVariants.SeedPath("000_9d59c203a3daa2aa.txt")));
        Assert.Equal("241/KH-UBND", thaiNguyen.Plan.Number);
        Assert.Contains("Vẫn tìm thấy: số 241/KH-UBND; ngày 28/12/2021", thaiNguyen.Diagnostics[0].Message);
    }

    [Fact]
    public void Unreadable_input_is_refused_with_a_message_saying_what_to_do()
    {
        Assert.Contains("Tệp trống", Refused([], "a.txt"));
        Assert.Contains("Tệp trống", Refused(Encoding.UTF8.GetBytes(" \n\r\n "), "a.txt"));
        Assert.Contains("không phải văn bản", Refused([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00], "a.txt"));
        var docx = TestDocx.FromSeed(SeedVariants.SeedText);
        Assert.Contains("bị hỏng hoặc không đầy đủ", Refused(docx[..(docx.Length / 2)], "ke-hoach.docx"));
        Assert.Contains("bị hỏng hoặc không đầy đủ", Refused(Encoding.UTF8.GetBytes("not a zip"), "ke-hoach.docx"));
        Assert.Contains("lớn hơn giới hạn 20 MB", Refused(new byte[50 * 1024 * 1024], "lon.txt"));
        Assert.Contains("Word 97", Refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x41], "cu.doc"));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        // 1 GB of zeros declared in a few MB: refused from the declared size and ratio, without inflating it.
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++) entry.Write(zeros);
        }
        Assert.True(stream.Length < 5 * 1024 * 1024);
        Assert.Contains("zip bomb", Refused(stream.ToArray(), "bom.docx"));

        // Many entries: refused by their count.
        using var many = new MemoryStream();
        using (var zip = new ZipArchive(many, ZipArchiveMode.Create, leaveOpen: true))
            for (int i = 0; i < DocxReader.MaxEntries + 1; i++) zip.CreateEntry($"x/{i}.xml");
        Assert.Contains("zip bomb", Refused(many.ToArray(), "nhieu.docx"));
    }

    private static string Refused(byte[] bytes, string name) => Assert.Throws<DomainException>(() => SeedVariants.Import(bytes, name)).Message;

    /// <summary>Every text of the plan, in order: what "same plan" means.</summary>
    private static List<string> Texts(PlanDocument p) =>
    [
        p.Title, .. p.Purposes, .. p.Requirements,
        .. p.Themes.SelectMany(t => new[] { t.Number, t.Title }.Concat(t.Items)),
        .. p.Channels.SelectMany(c => new[] { c.Number, c.Title }.Concat(c.Items)),
        .. p.Funding.Select(f => f.Text),
        .. p.Assignments.SelectMany(a => new[] { a.Number, a.Agency }.Concat(a.Tasks.Select(t => t.Text + " @ " + t.Deadline + " + " + string.Join(",", t.CoordinatingAgencies ?? [])))),
        .. p.Recipients,
    ];
}
