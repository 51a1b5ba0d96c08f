using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Organisations;

/// <summary>
/// A body that receives or carries duties: a province's People's Committee, a department (Sở), a board,
/// a press outlet, a commune, a ministry. Organisations change over time (the 2025 reorganisation), so each
/// has validity dates and succession links; a 2022 plan keeps pointing at the body as it was then.
/// </summary>
public sealed class Organisation
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public OrganisationKind Kind { get; private set; }
    /// <summary>The province (its People's Committee) this body belongs to; null for national bodies and for provinces.</summary>
    public int? ProvinceId { get; private set; }
    public int? ParentId { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    /// <summary>Last day the body existed under this identity (inclusive).</summary>
    public DateOnly? ValidTo { get; private set; }
    public string? Note { get; private set; }
    /// <summary>Diacritic-free, space-free key of Name for lookups ("sovanhoathethaovadulich").</summary>
    public string NameKey { get; private set; } = "";
    public string? ShortNameKey { get; private set; }
    /// <summary>Optimistic concurrency: two people editing the same organisation never overwrite each other.</summary>
    public int Version { get; private set; }

    public Organisation? Province { get; private set; }
    public Organisation? Parent { get; private set; }
    public List<OrganisationAlias> Aliases { get; private set; } = [];

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, string? shortName = null, int? provinceId = null,
        int? parentId = null, DateOnly? validFrom = null, DateOnly? validTo = null, string? note = null)
    {
        Kind = kind;
        Update(name, shortName, kind, provinceId, parentId, validFrom, validTo, note);
        Version = 1;
    }

    public static string Key(string? text) => VietnameseText.FoldToWords(text).Replace(" ", "", StringComparison.Ordinal);

    public void Update(string name, string? shortName, OrganisationKind kind, int? provinceId, int? parentId,
        DateOnly? validFrom, DateOnly? validTo, string? note)
    {
        name = VietnameseText.Normalize(name).Trim();
        if (name.Length == 0)
            throw new DomainException("Hãy nhập tên tổ chức. (Enter the organisation's name.)");
        if (name.Length > 300)
            throw new DomainException("Tên tổ chức dài quá 300 ký tự: hãy rút gọn. (Name longer than 300 characters.)");
        if (validFrom is { } from && validTo is { } to && to < from)
            throw new DomainException($"Ngày hết hiệu lực ({to:dd/MM/yyyy}) phải sau ngày bắt đầu ({from:dd/MM/yyyy}). (End date before start date.)");
        if (Id != 0 && (parentId == Id || provinceId == Id))
            throw new DomainException("Một tổ chức không thể là cấp trên của chính nó. (An organisation cannot be its own parent.)");
        Name = name;
        NameKey = Key(name);
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : VietnameseText.Normalize(shortName).Trim();
        ShortNameKey = ShortName is null ? null : Key(ShortName);
        Kind = kind;
        ProvinceId = kind == OrganisationKind.Province ? null : provinceId;
        ParentId = parentId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
    }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    public OrganisationAlias AddAlias(string text, AliasKind kind)
    {
        var alias = new OrganisationAlias(text, kind);
        if (alias.Key == NameKey || alias.Key == ShortNameKey || Aliases.Any(a => a.Key == alias.Key))
            throw new DomainException($"\"{alias.Text}\" đã là tên hoặc tên gọi khác của tổ chức này. (Already a name of this organisation.)");
        Aliases.Add(alias);
        Version++;
        return alias;
    }

    public void RemoveAlias(int aliasId)
    {
        var alias = Aliases.SingleOrDefault(a => a.Id == aliasId)
            ?? throw new DomainException("Không tìm thấy tên gọi khác này. (Alias not found.)", 404);
        Aliases.Remove(alias);
        Version++;
    }

    /// <summary>Ends this body's existence: it stops being valid after <paramref name="lastDay"/>.</summary>
    public void Close(DateOnly lastDay)
    {
        if (ValidFrom is { } from && lastDay < from)
            throw new DomainException($"Ngày kết thúc {lastDay:dd/MM/yyyy} trước ngày thành lập {from:dd/MM/yyyy}. (Ends before it starts.)");
        if (ValidTo is { } to && to < lastDay)
            throw new DomainException($"Tổ chức đã hết hiệu lực từ {to:dd/MM/yyyy}. (Already closed.)");
        ValidTo = lastDay;
        Version++;
    }
}

/// <summary>Another name the organisation is known by: abbreviation, former name, spelling variant.</summary>
public sealed class OrganisationAlias
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Text { get; private set; } = "";
    public AliasKind Kind { get; private set; }
    public string Key { get; private set; } = "";

    private OrganisationAlias() { }

    public OrganisationAlias(string text, AliasKind kind)
    {
        text = VietnameseText.Normalize(text).Trim();
        if (text.Length == 0)
            throw new DomainException("Hãy nhập tên gọi khác. (Enter the alias.)");
        if (text.Length > 300)
            throw new DomainException("Tên gọi khác dài quá 300 ký tự. (Alias longer than 300 characters.)");
        Text = text;
        Kind = kind;
        Key = Organisation.Key(text);
        if (Key.Length == 0)
            throw new DomainException("Tên gọi khác phải có chữ hoặc số. (An alias needs letters or digits.)");
    }
}

public enum AliasKind { Abbreviation, FormerName, Variant, ForeignName }

public enum OrganisationKind
{
    Ministry,
    NationalAgency,
    Province,
    PartyBoard,
    Department,
    Office,
    PressOutlet,
    ProvincialAgency,
    SteeringCommittee,
    District,
    Commune,
    Association,
    Group,
}
