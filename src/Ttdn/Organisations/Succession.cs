using Ttdn.Shared;

namespace Ttdn.Organisations;

/// <summary>
/// One body's duties passing to another from a date: a rename, a merge, a split, or the transfer of one
/// area of duties (2025: Sở TT&amp;TT's foreign-information duties went to Sở VHTTDL while the rest merged into
/// Sở KH&amp;CN). <see cref="DutyArea"/> names the area a partial transfer covers; null means "all the rest".
/// </summary>
public sealed class Succession
{
    public int Id { get; private set; }
    public int PredecessorId { get; private set; }
    public int SuccessorId { get; private set; }
    public SuccessionKind Kind { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string? DutyArea { get; private set; }
    public string? DutyAreaKey { get; private set; }
    public string? Note { get; private set; }

    public Organisation? Predecessor { get; private set; }
    public Organisation? Successor { get; private set; }

    private Succession() { }

    public Succession(int predecessorId, int successorId, SuccessionKind kind, DateOnly effectiveOn, string? dutyArea = null, string? note = null)
    {
        if (predecessorId == successorId)
            throw new DomainException("Tổ chức kế thừa phải khác tổ chức cũ. (Successor must differ from predecessor.)");
        PredecessorId = predecessorId;
        SuccessorId = successorId;
        Kind = kind;
        EffectiveOn = effectiveOn;
        DutyArea = string.IsNullOrWhiteSpace(dutyArea) ? null : dutyArea.Trim();
        DutyAreaKey = DutyArea is null ? null : Organisation.Key(DutyArea);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public enum SuccessionKind { Rename, Merge, Split, DutyTransfer }
