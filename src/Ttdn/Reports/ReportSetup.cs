using Ttdn.Data;

namespace Ttdn.Reports;

public static class ReportSetup
{
    /// <summary>Default templates on every start (reference data), and the 2022 demo reports when demo content is on.</summary>
    public static async Task EnsureAsync(AppDb db, bool demo, CancellationToken ct = default)
    {
        await DefaultTemplates.EnsureAsync(db, ct);
        if (demo) await DemoReports.EnsureAsync(db, ct);
    }
}
