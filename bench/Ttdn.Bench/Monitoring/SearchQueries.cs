using System.Globalization;
using Ttdn.Monitoring.Search;

namespace Ttdn.Bench.Monitoring;

/// <summary>A search as a user types it on /Monitor/Search, with the page's limit of 50.</summary>
public sealed record BenchQuery(string Label, MediaFilter Filter);

/// <summary>
/// The fixed query set of `ttdn-bench search`, and each one as literal SQL, written out the way MediaSearch builds it
/// (ids page, then the capped count), so the same statements can be run in sqlite3 and psql. The search command
/// checks that both return the same ids, which is what keeps this text honest.
/// </summary>
public static class SearchQueries
{
    private static readonly DateTime March = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

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
        new("越南 — Vietnam (zh)", new("越南")),
        new("旅游 — tourism (zh)", new("旅游")),
        new("베트남 — Vietnam (ko)", new("베트남")),
        new("관광객 — tourists (ko)", new("관광객")),
        new("du lịch + language vi", new("du lịch", Language: "vi")),
        new("tỉnh + March 2026", new("tỉnh", From: March, To: March.AddMonths(1))),
        new("du lịch + province Thái Nguyên (the page's default)", new("du lịch", ProvinceKey: "thai-nguyen")),
        new("no text, province Thái Nguyên (the page's landing)", new(ProvinceKey: "thai-nguyen")),
        new("no text, en, March 2026, newest", new(Language: "en", From: March, To: March.AddMonths(1), Order: SearchOrder.Newest)),
        new("zzqxv — no hit", new("zzqxv")),
    ];

    /// <summary>The two statements MediaSearch runs, as text with literals: (ids page, capped count).</summary>
    public static (string Ids, string Count) Sql(MediaFilter f, bool postgres)
    {
        var query = SearchQuery.Parse(f.Text);
        var conditions = new List<string>();
        string select;
        string order;
        if (postgres)
        {
            string ts = $"to_tsquery('simple', unaccent({Literal(query.ToTsQuery())}))";
            select = query.IsEmpty ? "SELECT i.\"Id\" FROM \"MediaItems\" i"
                : $"SELECT i.\"Id\", ts_rank_cd(s.\"Document\", {ts}) AS score FROM \"MediaSearch\" s JOIN \"MediaItems\" i ON i.\"Id\" = s.\"ItemId\"";
            if (!query.IsEmpty)
            {
                conditions.Add($"s.\"Document\" @@ {ts}");
            }

            order = f.Order == SearchOrder.Newest || query.IsEmpty ? "i.\"PublishedAt\" DESC, i.\"Id\" DESC" : "score DESC, i.\"PublishedAt\" DESC, i.\"Id\" DESC";
        }
        else
        {
            select = query.IsEmpty ? "SELECT i.Id FROM MediaItems i" : "SELECT i.Id, s.rank AS score FROM MediaSearch s JOIN MediaItems i ON i.Id = s.rowid";
            if (!query.IsEmpty)
            {
                conditions.Add($"MediaSearch MATCH {Literal(query.ToFts5())}");
            }

            order = f.Order == SearchOrder.Newest || query.IsEmpty ? "i.\"PublishedAt\" DESC, i.\"Id\" DESC" : "score, i.PublishedAt DESC, i.Id DESC";
        }

        // Dates as each driver sends them: Npgsql a UTC timestamptz, Microsoft.Data.Sqlite "yyyy-MM-dd HH:mm:ss.FFFFFFF" text.
        string Date(DateTime d) => Literal(postgres ? d.ToString("yyyy-MM-dd HH:mm:ss'+00'", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        if (f.From is { } from)
        {
            conditions.Add($"i.\"PublishedAt\" >= {Date(from)}");
        }

        if (f.To is { } to)
        {
            conditions.Add($"i.\"PublishedAt\" < {Date(to)}");
        }

        if (!string.IsNullOrWhiteSpace(f.Language))
        {
            conditions.Add($"i.\"Language\" = {Literal(f.Language)}");
        }

        if (!string.IsNullOrWhiteSpace(f.ProvinceKey))
        {
            conditions.Add($"EXISTS (SELECT 1 FROM \"MediaMentions\" m WHERE m.\"ItemId\" = i.\"Id\" AND m.\"ProvinceKey\" = {Literal(f.ProvinceKey)})");
        }

        string where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
        return ($"{select} WHERE {where} ORDER BY {order} LIMIT {f.Limit} OFFSET 0",
            $"SELECT count(*) FROM ({select} WHERE {where} LIMIT {MediaSearch.CountCap + 1}) AS counted");
    }

    private static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
