using System.Globalization;
using System.Text.RegularExpressions;

namespace Ttdn.Plans.Import;

/// <summary>
/// Reads the parts of a Vietnamese plan (Decree 30/2020 layout) from its paragraphs: header (number, place and date, kind, title),
/// introduction with its legal bases, sections I–V by their headings' keywords, "Nơi nhận" and the signature. Patterns run on a
/// position-keeping fold (<see cref="Folding"/>), so diacritics, case and tone placement do not matter while every extracted text is
/// cut from the original wording. Whatever is not understood becomes an <see cref="ImportDiagnostic"/>, never a silent guess.
/// </summary>
public sealed partial class PlanExtractor
{
    private readonly List<SourceLine> _lines;
    private readonly IProgress<int>? _progress;
    private readonly List<ImportDiagnostic> _diagnostics = [];
    private int _next;

    private PlanExtractor(List<SourceLine> lines, IProgress<int>? progress) => (_lines, _progress) = (lines, progress);

    public sealed record Outcome(PlanDocument Plan, List<ImportDiagnostic> Diagnostics, bool LooksLikeNews);

    public static Outcome Extract(List<SourceLine> lines, IProgress<int>? progress = null) => new PlanExtractor(lines, progress).Run();

    private Outcome Run()
    {
        var header = ReadHeader();
        var (start, end) = Period(header);
        var body = new Body();
        ReadBody(body, start, end);
        var (recipients, signer) = ReadFooter();
        if (_next < _lines.Count) ReadBody(body, start, end); // an annex after the signature: "Phụ lục" with its duty table

        int markers = (header.Number is not null && header.NumberFromLine ? 1 : 0) + (header.KindLine ? 1 : 0)
            + (body.Sections >= 2 ? 1 : 0) + (recipients.Count > 0 || signer is not null ? 1 : 0);
        bool news = markers < 2 && body.Assignments.Count == 0;
        if (news) return News(header);

        var plan = new PlanDocument
        {
            Kind = header.Kind,
            Number = header.Number,
            IssuedOn = header.IssuedOn,
            Place = header.Place,
            Issuer = header.Issuer,
            Title = header.Title ?? "",
            PeriodStart = start,
            PeriodEnd = end,
            Introduction = header.Introduction,
            LegalBases = header.LegalBases,
            Purposes = body.Purposes,
            Requirements = body.Requirements,
            Themes = body.Themes,
            Channels = body.Channels,
            Funding = body.Funding,
            Assignments = body.Assignments,
            Recipients = recipients,
            Signer = signer,
        };
        if (plan.Assignments.Count == 0)
            Warn("V", "Không tìm thấy phần \"Tổ chức thực hiện\" với các cơ quan được giao: hãy kiểm tra tiêu đề mục (ví dụ \"V. TỔ CHỨC THỰC HIỆN\") hoặc thêm nhiệm vụ sau khi lưu. (No assignments found.)");
        _progress?.Report(90);
        return new Outcome(plan, _diagnostics, false);
    }

    // ---------------------------------------------------------------- header

    private sealed class Header
    {
        public string? Number, Place, Issuer, Title, Introduction;
        public DateOnly? IssuedOn;
        public bool NumberFromLine, KindLine;
        public PlanKind Kind = PlanKind.AnnualPlan;
        public List<PlanDocument.LegalBasisItem> LegalBases = [];
        public List<string> IssuerLines = [];
    }

    private Header ReadHeader()
    {
        var h = new Header();
        var intro = new List<SourceLine>();
        bool titleOpen = false;
        for (; _next < _lines.Count; _next++)
        {
            var line = _lines[_next];
            var text = line.Text;
            var key = Folding.Key(text);
            if (RomanHeading().IsMatch(text) || line.Duty is not null) break;
            if (NumberLine().Match(key) is { Success: true } n && h.Number is null)
            {
                h.Number = Regex.Replace(text[n.Groups[1].Index..].Trim(), @"\s*/\s*", "/");
                h.NumberFromLine = true;
                titleOpen = false;
                continue;
            }
            if (h.IssuedOn is null && PlaceDate().Match(key) is { Success: true } pd)
            {
                h.Place = text[..pd.Groups[1].Length].Trim();
                h.IssuedOn = DateOf(pd.Groups[2].Value, pd.Groups[3].Value, pd.Groups[4].Value);
                continue;
            }
            if (KindOf(key) is { } kind && !h.KindLine)
            {
                (h.Kind, h.KindLine, titleOpen) = (kind, true, true);
                continue;
            }
            if (key.StartsWith("cong hoa xa hoi chu nghia", StringComparison.Ordinal) || key.StartsWith("doc lap", StringComparison.Ordinal))
                continue;
            if (!h.KindLine && h.Number is null && IsUpper(text))
            {
                h.IssuerLines.Add(text);
                continue;
            }
            if (titleOpen && (h.Title is null || line.Bold) && !StartsIntroduction(key))
            {
                h.Title = h.Title is null ? text : h.Title + " " + text;
                continue;
            }
            titleOpen = false;
            if (h.KindLine || h.Number is not null) intro.Add(line);
            else Warn(line.Location, $"Không hiểu dòng ở phần đầu văn bản: \"{Short(text)}\". Phần đầu cần có \"Số: …\", \"…, ngày … tháng … năm …\" và tên loại \"KẾ HOẠCH\". (Header line not understood.)");
        }

        if (h.Number is null) Warn("đầu văn bản", "Không tìm thấy số, ký hiệu (dòng \"Số: 241/KH-UBND\"): hãy nhập sau khi lưu. (No number found.)");
        if (h.IssuedOn is null) Warn("đầu văn bản", "Không tìm thấy địa danh và ngày ban hành (dòng \"Thái Nguyên, ngày 28 tháng 12 năm 2021\"). (No place and date found.)");
        if (h.Title is null) Warn("đầu văn bản", "Không tìm thấy trích yếu (dòng sau \"KẾ HOẠCH\"). (No title found.)");
        h.Issuer = IssuerOf(h);
        if (intro.Count > 0)
        {
            h.Introduction = string.Join("\n", intro.Select(l => l.Text));
            foreach (var l in intro) h.LegalBases.AddRange(LegalBasesIn(l, h.Place));
        }
        _progress?.Report(20);
        return h;
    }

    private string? IssuerOf(Header h)
    {
        if (h.IssuerLines.Count > 0)
        {
            var joined = string.Join(" ", h.IssuerLines);
            var key = Folding.Key(joined);
            if (key.StartsWith("uy ban nhan dan", StringComparison.Ordinal) || key.StartsWith("ubnd", StringComparison.Ordinal))
                return ExpandProvincial("Ủy ban nhân dân " + joined[(key.StartsWith("ubnd", StringComparison.Ordinal) ? 4 : 15)..].Trim().ToLowerInvariant(), h.Place);
            return joined;
        }
        if (h.Number is { } number && Folding.Key(number).EndsWith("-ubnd", StringComparison.Ordinal) && h.Place is { } place)
        {
            Info("đầu văn bản", $"Cơ quan ban hành suy ra từ ký hiệu {number} và địa danh: Ủy ban nhân dân tỉnh {place}. (Issuer inferred from the symbol.)");
            return $"Ủy ban nhân dân tỉnh {place}";
        }
        return null;
    }

    private static string ExpandProvincial(string name, string? place)
    {
        // "Ủy ban nhân dân tỉnh thái nguyên" from an all-capitals header: the place name keeps its own capitals.
        if (place is not null && Folding.Key(name).EndsWith(Folding.Key(place), StringComparison.Ordinal))
            return name[..^place.Length] + place;
        return name;
    }

    private static bool StartsIntroduction(string key) =>
        key.StartsWith("can cu", StringComparison.Ordinal) || key.StartsWith("thuc hien", StringComparison.Ordinal)
        || key.StartsWith("trien khai", StringComparison.Ordinal) || key.StartsWith("xet de nghi", StringComparison.Ordinal);

    private static PlanKind? KindOf(string key) => key.Trim() switch
    {
        "ke hoach" => PlanKind.AnnualPlan,
        "de an" or "chuong trinh" => PlanKind.Programme,
        "chuong trinh hanh dong" => PlanKind.ActionProgramme,
        _ => null,
    };

    private (DateOnly Start, DateOnly End) Period(Header h)
    {
        var key = Folding.Key(h.Title ?? "");
        if (SpanYears().Match(key) is { Success: true } span)
        {
            int a = int.Parse(span.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(span.Groups[2].Value, CultureInfo.InvariantCulture);
            if (b >= a && b - a <= 10) return (new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
        }
        if (OneYear().Match(key) is { Success: true } year)
        {
            int y = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        int guess = (h.IssuedOn?.Year ?? DateTime.UtcNow.Year) + 1;
        Warn("trích yếu", $"Trích yếu không nêu năm hay giai đoạn: kỳ kế hoạch tạm tính là năm {guess}; hãy sửa nếu khác. (Period not stated; assumed {guess}.)");
        return (new DateOnly(guess, 1, 1), new DateOnly(guess, 12, 31));
    }

    // ---------------------------------------------------------------- legal bases

    private IEnumerable<PlanDocument.LegalBasisItem> LegalBasesIn(SourceLine line, string? place)
    {
        foreach (var clause in line.Text.Split(';'))
        {
            var key = Folding.Key(clause);
            var m = Reference().Match(key);
            if (!m.Success)
            {
                if (key.TrimStart().StartsWith("can cu", StringComparison.Ordinal))
                    Warn(line.Location, $"Không nhận ra văn bản căn cứ trong \"{Short(clause.Trim())}\" (cần loại, số, ngày): hãy thêm tay. (Legal basis not recognised.)");
                continue;
            }
            var kind = BasisKind(m.Groups[1].Value);
            var number = clause.Substring(m.Groups[2].Index, m.Groups[2].Length).TrimEnd('.', ',', ')');
            DateOnly? date = m.Groups[3].Success ? DateOf(m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value) : null;
            bool proposal = key.Contains("de nghi", StringComparison.Ordinal) && key.IndexOf("de nghi", StringComparison.Ordinal) < m.Index;
            string? issuer = null, title = null;
            if (proposal)
            {
                int of = key.IndexOf("de nghi cua ", StringComparison.Ordinal);
                int at = key.IndexOf(" tai ", StringComparison.Ordinal);
                if (of >= 0 && at > of) issuer = CleanIssuer(clause[(of + 12)..at].Trim(), place);
            }
            else
            {
                var rest = clause[(m.Index + m.Length)..];
                var restKey = key[(m.Index + m.Length)..];
                if (restKey.StartsWith(" cua ", StringComparison.Ordinal))
                {
                    var t = TitleStart().Match(restKey, 5);
                    int cut = t.Success ? t.Index : rest.Length;
                    issuer = CleanIssuer(rest[5..cut].Trim().TrimEnd(','), place);
                    title = cut < rest.Length ? rest[cut..].Trim().TrimEnd(',', '.') : null;
                }
                else if (rest.Trim().Length > 0) title = rest.Trim().TrimEnd(',', '.');
            }
            if (date is null) Warn($"{line.Location}", $"Văn bản căn cứ {number} không có ngày: hãy kiểm tra. (Legal basis without a date.)");
            yield return new PlanDocument.LegalBasisItem(kind, number, date, issuer, string.IsNullOrWhiteSpace(title) ? null : title, proposal);
        }
    }

    private static string CleanIssuer(string issuer, string? place)
    {
        foreach (var position in new[] { "bo truong ", "giam doc ", "thu truong ", "chu tich " })
            if (Folding.Key(issuer).StartsWith(position, StringComparison.Ordinal) && issuer.Length > position.Length + 3)
            {
                var rest = issuer[position.Length..];
                if (!Folding.Key(rest).StartsWith("chinh phu", StringComparison.Ordinal)) issuer = rest;
            }
        var key = Folding.Key(issuer);
        if (place is not null && (key == "ubnd tinh" || key == "uy ban nhan dan tinh")) return $"Ủy ban nhân dân tỉnh {place}";
        if (place is not null && (key == "hdnd tinh" || key == "hoi dong nhan dan tinh")) return $"Hội đồng nhân dân tỉnh {place}";
        return issuer;
    }

    private static LegalBasisKind BasisKind(string folded) => folded switch
    {
        "luat" => LegalBasisKind.Law,
        "nghi dinh" => LegalBasisKind.Decree,
        "thong tu" or "thong tu lien tich" => LegalBasisKind.Circular,
        "quyet dinh" => LegalBasisKind.Decision,
        "nghi quyet" => LegalBasisKind.Resolution,
        "ket luan" => LegalBasisKind.Conclusion,
        "chi thi" => LegalBasisKind.Directive,
        "ke hoach" or "chuong trinh" or "de an" => LegalBasisKind.Plan,
        "cong van" => LegalBasisKind.OfficialLetter,
        "to trinh" => LegalBasisKind.Submission,
        _ => LegalBasisKind.Other,
    };

    // ---------------------------------------------------------------- footer

    private (List<string> Recipients, PlanDocument.SignerInfo? Signer) ReadFooter()
    {
        var recipients = new List<string>();
        var signerLines = new List<SourceLine>();
        bool inRecipients = false;
        for (; _next < _lines.Count; _next++)
        {
            var line = _lines[_next];
            var key = Folding.Key(line.Text);
            if (key.StartsWith("phu luc", StringComparison.Ordinal) || line.Duty is not null) break;
            if (key.StartsWith("noi nhan", StringComparison.Ordinal))
            {
                inRecipients = true;
                var after = line.Text[Math.Min(line.Text.Length, key.IndexOf(':') + 1 is var c and > 0 ? c : 8)..].Trim();
                if (after.Length > 0) recipients.Add(CleanRecipient(after));
                continue;
            }
            bool listed = line.Text.StartsWith('-') || line.Text.StartsWith('+') || line.Text.TrimEnd().EndsWith(';') || key.StartsWith("luu", StringComparison.Ordinal);
            if (inRecipients && listed && !SignerAuthority().IsMatch(key))
            {
                recipients.Add(CleanRecipient(line.Text));
                continue;
            }
            if (inRecipients || signerLines.Count > 0 || SignerAuthority().IsMatch(key) || IsUpper(line.Text))
            {
                inRecipients = false;
                signerLines.Add(line);
                continue;
            }
            Warn(line.Location, $"Không hiểu đoạn cuối văn bản: \"{Short(line.Text)}\". (Closing line not understood.)");
        }
        if (recipients.Count == 0) Warn("cuối văn bản", "Không tìm thấy \"Nơi nhận\". (No recipients found.)");
        return (recipients, Signer(signerLines));
    }

    private static string CleanRecipient(string text) => text.TrimStart('-', '+', ' ').TrimEnd().TrimEnd(';', ',').Trim();

    private PlanDocument.SignerInfo? Signer(List<SourceLine> lines)
    {
        if (lines.Count == 0)
        {
            Warn("cuối văn bản", "Không tìm thấy người ký (thẩm quyền, chức vụ, họ tên). (No signer found.)");
            return null;
        }
        string? authority = null, title = null, name = null;
        foreach (var line in lines)
        {
            var key = Folding.Key(line.Text);
            if (authority is null && SignerAuthority().IsMatch(key)) authority = line.Text;
            else if (title is null && IsUpper(line.Text)) title = line.Text;
            else if (name is null && !IsUpper(line.Text) && line.Text.Split(' ').Length is >= 2 and <= 5 && char.IsUpper(line.Text[0])) name = line.Text;
            else Warn(line.Location, $"Không hiểu dòng ở phần chữ ký: \"{Short(line.Text)}\". (Signature line not understood.)");
        }
        if (name is null) Warn("cuối văn bản", "Không tìm thấy họ tên người ký. (No signer name found.)");
        return new PlanDocument.SignerInfo(name, authority, title);
    }

    // ---------------------------------------------------------------- news

    private Outcome News(Header header)
    {
        var all = string.Join("\n", _lines.Select(l => l.Text));
        var key = Folding.Key(all);
        var found = new List<string>();
        string? number = header.Number;
        DateOnly? date = header.IssuedOn;
        if (number is null && ProseNumber().Match(key) is { Success: true } n) number = all.Substring(n.Groups[1].Index, n.Groups[1].Length).TrimEnd('.', ',');
        if (date is null && ProseDate().Match(key) is { Success: true } d) date = DateOf(d.Groups[1].Value, d.Groups[2].Value, d.Groups[3].Value);
        if (number is not null) found.Add($"số {number}");
        if (date is not null) found.Add($"ngày {date:dd/MM/yyyy}");
        var title = _lines.FirstOrDefault()?.Text;
        if (title is not null) found.Add($"tiêu đề \"{Short(title)}\"");
        _diagnostics.Clear(); // line-by-line complaints about prose would only bury the one message that matters
        _diagnostics.Add(new ImportDiagnostic("toàn văn bản", DiagnosticSeverity.Error,
            "Tệp này giống một bài báo, không phải kế hoạch: không có đủ số ký hiệu, tên loại \"KẾ HOẠCH\", các mục I, II, III… và phần nơi nhận, chữ ký. "
            + (found.Count > 0 ? "Vẫn tìm thấy: " + string.Join("; ", found) + ". " : "")
            + "Hãy tải lên văn bản kế hoạch gốc, hoặc nhập kế hoạch bằng tay. (This looks like a news article, not a plan.)"));
        var plan = new PlanDocument { Number = number, IssuedOn = date, Title = title ?? "" };
        return new Outcome(plan, _diagnostics, true);
    }

    // ---------------------------------------------------------------- helpers

    private void Warn(string location, string message) => _diagnostics.Add(new ImportDiagnostic(location, DiagnosticSeverity.Warning, message));

    private void Info(string location, string message) => _diagnostics.Add(new ImportDiagnostic(location, DiagnosticSeverity.Info, message));

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

    /// <summary>Mostly capitals: TCVN3 has no capital toned letters, so "CHỦ TỊCH" may come back as "CHủ TịCH".</summary>
    private static bool IsUpper(string text)
    {
        int upper = text.Count(char.IsUpper), lower = text.Count(char.IsLower);
        return upper > 0 && lower * 2 <= upper;
    }

    private static DateOnly? DateOf(string day, string month, string year)
    {
        int d = int.Parse(day, CultureInfo.InvariantCulture), m = int.Parse(month, CultureInfo.InvariantCulture), y = int.Parse(year, CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d >= 1 && y is > 1900 and < 2200 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    [GeneratedRegex(@"^so\s*:\s*(\S.*)$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^([^,\d]{2,40}),\s*ngay\s+(\d{1,2})\s*(?:thang\s+|/)\s*(\d{1,2})\s*(?:nam\s+|/)\s*(\d{4})")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\s*[.)]\s*\S")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"(\d{4})\s*[-–]\s*(\d{4})")]
    private static partial Regex SpanYears();

    [GeneratedRegex(@"nam\s+(\d{4})")]
    private static partial Regex OneYear();

    [GeneratedRegex(@"(luat|nghi dinh|thong tu lien tich|thong tu|quyet dinh|nghi quyet|ket luan|chi thi|ke hoach|chuong trinh|de an|cong van|to trinh)\s+(?:so\s*)?(\d[\w/\-.&]*)(?:\s+ngay\s+(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}))?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\s(ve|huong dan|quy dinh|phe duyet|ban hanh|sua doi|trien khai|thuc hien)\s")]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^(kt|tm|tl|tuq|q|ktl)\.\s*\S")]
    private static partial Regex SignerAuthority();

    [GeneratedRegex(@"ke hoach so\s*(\d[\w/\-.]*)")]
    private static partial Regex ProseNumber();

    [GeneratedRegex(@"ngay\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")]
    private static partial Regex ProseDate();
}
