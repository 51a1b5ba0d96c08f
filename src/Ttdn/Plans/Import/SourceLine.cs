namespace Ttdn.Plans.Import;

/// <summary>
/// One paragraph of the source as the readers hand it to <see cref="PlanExtractor"/>: its text without markup,
/// where it was (line or paragraph number, for diagnostics), and what the format said about it.
/// </summary>
/// <param name="Location">"dòng 12" (text) or "đoạn 12" / "bảng 2, hàng 3" (DOCX).</param>
/// <param name="Heading">Markdown # level or Word heading level; 0 when the format did not mark a heading.</param>
/// <param name="Bold">The whole paragraph was bold (plans bold their section headings).</param>
/// <param name="Duty">A row of a duty table, already split into its columns.</param>
public sealed record SourceLine(string Location, string Text, int Heading = 0, bool Bold = false, DutyRow? Duty = null);

/// <summary>A row of "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện".</summary>
public sealed record DutyRow(string Number, string Content, string Lead, string? Coordinators, string? Time);
