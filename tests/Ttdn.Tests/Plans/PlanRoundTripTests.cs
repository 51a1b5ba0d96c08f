using Microsoft.EntityFrameworkCore;
using Ttdn.Documents;
using Ttdn.Plans;
using Ttdn.Plans.Export;
using Ttdn.Plans.Import;
using Ttdn.Tests.Infrastructure;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Tests.Plans;

/// <summary>Issue 4, item 7: importing an exported DOCX gives the same plan — same structure, same texts.</summary>
public sealed class PlanRoundTripTests
{
    [Theory]
    [InlineData("241/KH-UBND")]
    [InlineData("15/KH-UBND (mẫu 2026)")]
    public async Task An_exported_plan_imports_back_as_the_same_plan(string number)
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var stored = await app.WithDbAsync(db => LoadAsync(db, number));
        var exported = DocxRenderer.Render(PlanExport.From(stored));

        var imported = PlanImporter.Import(new MemoryStream(exported), "ke-hoach.docx");

        Assert.DoesNotContain(imported.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(imported.LooksLikeNews);
        var expected = Outline(PlanExport.ToDocument(stored));
        var actual = Outline(imported.Plan);
        Assert.True(expected.Count > 80, "the outline covers the whole plan");
        Assert.Equal(expected, actual);
    }

    /// <summary>Everything a reader of the document sees, one line per item, in document order.</summary>
    private static List<string> Outline(PlanDocument d)
    {
        static string N(string? s) => VietnameseText.Normalize(s ?? "").Trim();
        var lines = new List<string>
        {
            $"number {N(d.Number)}", $"issued {d.IssuedOn:dd/MM/yyyy}", $"place {N(d.Place)}", $"title {N(d.Title)}",
            $"period {d.PeriodStart:dd/MM/yyyy}-{d.PeriodEnd:dd/MM/yyyy}",
            $"signer {N(d.Signer?.Authority)} | {N(d.Signer?.Title)} | {N(d.Signer?.Name)}",
        };
        lines.AddRange(d.LegalBases.Select(b => $"basis {b.Kind} {N(b.Number)} {b.Date:dd/MM/yyyy} proposal={b.IsProposal}"));
        lines.AddRange(d.Purposes.Select(p => $"purpose {N(p)}"));
        lines.AddRange(d.Requirements.Select(r => $"requirement {N(r)}"));
        foreach (var t in d.Themes)
        {
            lines.Add($"theme {N(t.Number)} {N(t.Title)}");
            lines.AddRange(t.Items.Select(i => $"  item {N(i)}"));
        }
        foreach (var c in d.Channels)
        {
            lines.Add($"channel {N(c.Number)} {N(c.Title)}");
            lines.AddRange(c.Items.Select(i => $"  item {N(i)}"));
        }
        lines.AddRange(d.Funding.Select(f => $"funding {N(f.Text)}"));
        foreach (var a in d.Assignments)
        {
            lines.Add($"assignment {N(a.Number)} {N(a.AgencyAsWritten ?? a.Agency)}");
            lines.AddRange(a.Tasks.Select(t => $"  task {N(t.Text)} | deadline {Resolved(t.Deadline, d)}"));
        }
        lines.AddRange(d.Recipients.Select(r => $"recipient {N(r)}"));
        return lines;
    }

    /// <summary>
    /// A deadline as the follow-up sees it (range and recurrence): the demo plans' phrases were typed by hand and may be
    /// longer ("định kỳ và đột xuất") than what the importer cuts out ("định kỳ") while meaning the same schedule.
    /// </summary>
    private static string Resolved(string? phrase, PlanDocument d)
    {
        var (start, end) = (d.PeriodStart ?? new DateOnly(2022, 1, 1), d.PeriodEnd ?? new DateOnly(2022, 12, 31));
        var deadline = DeadlinePhrase.Parse(phrase, start, end);
        return $"{deadline.From:dd/MM/yyyy}-{deadline.To:dd/MM/yyyy} {deadline.Recurrence}";
    }

    [Fact]
    public async Task The_seed_plan_imported_exported_and_imported_again_is_unchanged_deadline_phrases_included()
    {
        var seed = await File.ReadAllBytesAsync(Import.SeedVariants.SeedPath());
        var first = PlanImporter.Import(new MemoryStream(seed), "004.txt").Plan;

        var again = PlanImporter.Import(new MemoryStream(DocxRenderer.Render(PlanExport.From(first))), "004.docx").Plan;

        Assert.Equal(43, again.TaskCount);
        Assert.Equal(Outline(first), Outline(again));
        Assert.Equal(first.Assignments.SelectMany(a => a.Tasks).Select(t => t.Deadline),
            again.Assignments.SelectMany(a => a.Tasks).Select(t => t.Deadline));
        Assert.Equal(first.Assignments.SelectMany(a => a.Tasks).Select(t => string.Join(", ", t.Targets?.Select(x => $"{x.Quantity} {x.Unit} {string.Join("+", x.Languages)}") ?? [])),
            again.Assignments.SelectMany(a => a.Tasks).Select(t => string.Join(", ", t.Targets?.Select(x => $"{x.Quantity} {x.Unit} {string.Join("+", x.Languages)}") ?? [])));
    }

    private static async Task<Plan> LoadAsync(Ttdn.Data.AppDb db, string number) =>
        (await PlanExport.LoadAsync(db, await db.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync()))!;
}
