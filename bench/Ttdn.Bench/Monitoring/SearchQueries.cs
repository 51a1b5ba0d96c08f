using System.Globalization;
using Ttdn.Monitoring.Search;

namespace Ttdn.Bench.Monitoring;

/// <summary>A search as a user types it on /Monitor/Search, with the page's limit of 50.</summary>
public sealed record BenchQuery(string Label, MediaFilter Filter);

/// <summary>
/// The fixed query set of `ttdn-bench search`, and each one as the literal SQL MediaSearch runs (ids page, then the
/// capped count), so the same statements can be run in sqlite3 and psql. The search command checks that both return
/// the same ids.
/// </summary>
public static partial class SearchQueries
{
    // What the search page sends for 01/03/2026 – 31/03/2026: midnights in Vietnam.
    private static readonly DateTime March = Ttdn.Shared.Lang.VietnamMidnightUtc(new DateOnly(2026, 3, 1));
    private static readonly DateTime April = Ttdn.Shared.Lang.VietnamMidnightUtc(new DateOnly(2026, 4, 1));

    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("và — the most common word (vi)", new("và")),
        new("tỉnh — very common (vi)", new("tỉnh")),
        new("du lịch — two words (vi)", new("du lịch")),
        new("\"chuyển đổi số\" — phrase (vi)", new("\"chuyển đổi số\"")),
        new("chuyen doi so — without diacritics", new("chuyen doi so")),
        new("dien bien — place, without diacritics", new("dien bien")),
        new("Thái Nguyên — place (vi)", new("Thái Nguyên")),
        new("\"Chợ Đồn\" — commune, phrase", new("\"Chợ Đồn\"")),
        new("Mường Nhé — rare place", new("Mường Nhé")),
        new("làng nghề ẩm thực — rare words (vi)", new("làng nghề ẩm thực")),
        new("tea festival — two words (en)", new("tea festival")),
        new("\"digital transformation\" — phrase (en)", new("\"digital transformation\"")),
        new("the — very common (en)", new("the")),
        new("và — newest first", new("và", Order: SearchOrder.Newest)),
        new("\"Mường Nhé\" — newest first", new("\"Mường Nhé\"", Order: SearchOrder.Newest)),
        new("越南 — Vietnam (zh)", new("越南")),
        new("旅游 — tourism (zh)", new("旅游")),
        new("베트남 — Vietnam (ko)", new("베트남")),
        new("관광객 — tourists (ko)", new("관광객")),
        new("du lịch + language vi", new("du lịch", Language: "vi")),
        new("tỉnh + March 2026", new("tỉnh", From: March, To: April)),
        new("du lịch + province Thái Nguyên (the page's default)", new("du lịch", ProvinceKey: "thai-nguyen")),
        new("no text, province Thái Nguyên (the page's landing)", new(ProvinceKey: "thai-nguyen")),
        new("no text, en, March 2026, newest", new(Language: "en", From: March, To: April, Order: SearchOrder.Newest)),
        new("zzqxv — no hit", new("zzqxv")),
    ];

    /// <summary>
    /// The two statements MediaSearch runs (ids page, capped count), taken from the app itself with each parameter
    /// written as a literal, so sqlite3 and psql run exactly what the page runs.
    /// </summary>
    public static (string Ids, string Count, bool CountInIds, string? IdsDense) Sql(MediaFilter f, bool postgres)
    {
        MediaSearch engine = postgres ? new PostgresMediaSearch() : new SqliteMediaSearch();
        var statements = engine.Statements(f);
        // Dates as each driver sends them: Npgsql a UTC timestamptz, Microsoft.Data.Sqlite "yyyy-MM-dd HH:mm:ss.FFFFFFF" text.
        string Literal(object value) => value switch
        {
            string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
            DateTime d => Literal(postgres ? d.ToString("yyyy-MM-dd HH:mm:ss'+00'", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            bool b => postgres ? (b ? "true" : "false") : (b ? "1" : "0"),
            IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new BenchException($"no literal for a {value.GetType().Name} parameter"),
        };
        string Inline(string sql) => Parameter().Replace(sql, m => statements.Parameters.TryGetValue(m.Groups[1].Value, out var v)
            ? Literal(v) : throw new BenchException($"parameter @{m.Groups[1].Value} has no value"));
        return (Inline(statements.Ids), Inline(statements.Count), statements.CountInIds, statements.IdsDense is { } dense ? Inline(dense) : null);
    }

    [System.Text.RegularExpressions.GeneratedRegex("@([a-z]+)")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}
