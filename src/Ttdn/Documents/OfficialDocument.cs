namespace Ttdn.Documents;

/// <summary>
/// An administrative document (kế hoạch, báo cáo) as Decree 30/2020/NĐ-CP lays it out, independent of the
/// file format. Plans and reports build one; the DOCX and PDF renderers draw it. Texts are as they will be
/// printed, except the upper-casing the layout itself applies (document kind, issuer lines).
/// </summary>
public sealed record OfficialDocument
{
    /// <summary>Tên cơ quan chủ quản, if any (e.g. "UBND TỈNH THÁI NGUYÊN" above "SỞ VĂN HÓA..."); printed upright, not bold.</summary>
    public string? ParentIssuer { get; init; }
    /// <summary>Tên cơ quan ban hành (e.g. "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"); printed bold, possibly on two lines.</summary>
    public required string Issuer { get; init; }
    /// <summary>Số, ký hiệu: "241/KH-UBND"; null for a draft ("Số: …/KH-UBND" is printed from <see cref="Symbol"/>).</summary>
    public string? Number { get; init; }
    /// <summary>The symbol part used when there is no number yet, e.g. "KH-UBND".</summary>
    public string? Symbol { get; init; }
    public string? Place { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>Tên loại văn bản: "KẾ HOẠCH", "BÁO CÁO".</summary>
    public required string Kind { get; init; }
    /// <summary>Trích yếu nội dung, under the kind, bold.</summary>
    public required string Title { get; init; }
    public List<Block> Body { get; init; } = [];
    /// <summary>Nơi nhận, one line each ("- Như trên;").</summary>
    public List<string> Recipients { get; init; } = [];
    public Signature? Signer { get; init; }

    /// <summary>A piece of the body. Headings carry their own numbering ("I.", "1.", "a)") in <see cref="Label"/>.</summary>
    public abstract record Block;
    /// <summary>Level 1 = "I." (bold, upper case as written), 2 = "1." (bold), 3 = "a)" (italic or plain).</summary>
    public sealed record Heading(int Level, string Label, string Text) : Block;
    public sealed record Paragraph(string Text) : Block;
    /// <summary>A "- " item; <see cref="Level"/> 2 is a "+ " item under it.</summary>
    public sealed record Bullet(string Text, int Level = 1) : Block;
    public sealed record Table(List<string> Header, List<List<string>> Rows) : Block;

    /// <summary>Signature block: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / (space for the signature) / name.</summary>
    public sealed record Signature(string? Authority, string? Title, string? Name);
}
