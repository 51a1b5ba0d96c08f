namespace Ttdn.Plans;

public enum LegalBasisKind { Law, Decree, Circular, Decision, Resolution, Conclusion, Directive, Plan, OfficialLetter, Submission, Other }

/// <summary>A căn cứ: the document the plan rests on; a proposal ("xét đề nghị", a Tờ trình) is recorded as such.</summary>
public sealed class LegalBasis
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public LegalBasisKind Kind { get; set; }
    public string Number { get; set; } = "";
    public DateOnly? Date { get; set; }
    public string? Issuer { get; set; }
    public string? Title { get; set; }
    public bool IsProposal { get; set; }
}

public enum StatementKind { Purpose, Requirement }

/// <summary>One item of "Mục đích" or "Yêu cầu".</summary>
public sealed class PlanStatement
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public StatementKind Kind { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A content theme (nội dung): data, never an enum, since provinces differ.</summary>
public sealed class Theme
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Items { get; set; } = [];
}

/// <summary>A communication form (hình thức) the plan uses, matched to the catalogue where possible.</summary>
public sealed class PlanChannel
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string? CatalogueCode { get; set; }
    public List<string> Items { get; set; } = [];
}

public enum FundingSource { ProvincialBudget, CentralBudget, Socialised, Other }

public sealed class FundingItem
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public FundingSource? Source { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>An addressee in "Nơi nhận", as written, linked to the directory where it matches.</summary>
public sealed class Recipient
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public int? OrganisationId { get; set; }
}

/// <summary>One numbered item of "Tổ chức thực hiện": an agency and its duties.</summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public int AgencyId { get; set; }
    public string AgencyAsWritten { get; set; } = "";
    public Organisations.Organisation? Agency { get; set; }
}
