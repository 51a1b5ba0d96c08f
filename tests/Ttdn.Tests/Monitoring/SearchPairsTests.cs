using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ttdn.Data;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>
/// The phrase index of PostgreSQL (decision 0028) may only narrow the rows a phrase is checked in: every pair of words
/// the phrase operator calls neighbours must be in it, whether its block was written whole, an item came late into a
/// block already written, or the index was rebuilt.
/// </summary>
public sealed class SearchPairsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    private static int Pair(string first, string second) =>
        SearchPairs.Bucket(SearchPairs.WordHash(Encoding.UTF8.GetBytes(first)), SearchPairs.WordHash(Encoding.UTF8.GetBytes(second)));

    [Fact]
    public void A_tsvector_gives_the_buckets_of_its_neighbouring_words_title_into_body_and_no_facets()
    {
        var vector = TsVectorBinary.TryBuild("a b", "c a", ["#lvi", "#k0"])!;
        int[] expected = [.. new[] { Pair("a", "b"), Pair("b", "c"), Pair("c", "a") }.Distinct().Order()];
        Assert.Equal(expected, SearchPairs.OfTsVector(vector).Order());
        Assert.Empty(SearchPairs.OfTsVector(TsVectorBinary.TryBuild("", "mot", ["#lvi"])!));
        Assert.NotEqual(Pair("doi", "so"), Pair("so", "doi")); // order matters (true of these two; buckets may collide in general)
    }

    [Fact]
    public void A_query_uses_the_pairs_of_its_phrases_whose_words_stay_one_lexeme()
    {
        Assert.Equal([.. new[] { Pair("chuyen", "doi"), Pair("doi", "so") }.Order()], SearchPairs.Of(SearchQuery.Parse("\"Chuyển đổi số\"")));
        Assert.Equal([Pair("越", "南")], SearchPairs.Of(SearchQuery.Parse("越南"))); // unquoted Chinese is a phrase of its characters
        Assert.Equal([Pair("cho", "don")], SearchPairs.Of(SearchQuery.Parse("du lịch \"Chợ Đồn\"")));
        Assert.Empty(SearchPairs.Of(SearchQuery.Parse("chuyển đổi số"))); // three words, no phrase
        Assert.Empty(SearchPairs.Of(SearchQuery.Parse("\"привет мир\""))); // the server's parser decides these lexemes
    }

    [Fact]
    public void Rows_hold_each_bucket_once_with_its_items_offsets_in_order()
    {
        var rows = SearchPairs.Rows([(16_384 + 3, [5, 9]), (16_384 + 70, [9]), (16_384 + 16_383, [5, 12])]).ToList();
        Assert.Equal([5, 9, 12], rows.Select(r => r.Bucket));
        Assert.Equal([(short)3, (short)16_383], rows[0].Offsets);
        Assert.Equal([(short)3, (short)70], rows[1].Offsets);
        Assert.Equal([(short)16_383], rows[2].Offsets);
    }

    /// <summary>Every pair PostgreSQL's own phrase operator matches, in tsvectors made by C# and by to_tsvector alike.</summary>
    [Fact]
    public async Task Every_pair_the_phrase_operator_matches_is_in_the_buckets()
    {
        await using var db = TestDb.Create(Db.Postgres);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        (string Title, string Body)[] samples =
        [
            ("thai nguyen", "che thai nguyen va che tan cuong 2026"),
            ("x", string.Join(' ', Enumerable.Repeat("va ta", 300))), // positions past the per-word cap
            ("a b", string.Join(' ', Enumerable.Range(0, 16_390).Select(i => "w" + (i % 97)))), // past position 16,383
            (SearchText.ForIndex("越南旅游"), SearchText.ForIndex("越南太原省的茶叶节")),
            ("привет мир", "ตลาด ไทย и мир"),
        ];
        foreach (var (title, body) in samples)
        {
            await using var command = new NpgsqlCommand("""
                WITH v(d) AS (SELECT setweight(to_tsvector('simple', @title), 'A') || to_tsvector('simple', @body))
                SELECT tsvectorsend(v.d), array(SELECT a.lexeme || ' ' || b.lexeme FROM unnest(v.d) a, unnest(v.d) b
                    WHERE v.d @@ tsquery_phrase(quote_literal(a.lexeme)::tsquery, quote_literal(b.lexeme)::tsquery))
                FROM v
                """, connection);
            command.Parameters.AddWithValue("title", title);
            command.Parameters.AddWithValue("body", body);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var buckets = SearchPairs.OfTsVector(reader.GetFieldValue<byte[]>(0));
            var neighbours = reader.GetFieldValue<string[]>(1);
            Assert.NotEmpty(neighbours);
            foreach (var pair in neighbours)
            {
                var words = pair.Split(' ');
                Assert.Contains(Pair(words[0], words[1]), buckets);
            }
        }
    }

    [Fact]
    public async Task Phrases_find_the_same_items_through_written_blocks_late_items_and_a_rebuild()
    {
        await using var db = TestDb.Create(Db.Postgres, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Kho (test)");
        var ingest = new MediaIngest(Clock);
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        string[] texts = ["Tỉnh đẩy mạnh chuyển đổi số", "Số hoá và chuyển đổi mô hình, đổi số liệu", "Đổi số chuyển đổi", "Chợ Đồn đón khách",
            "Đồn biên phòng gần chợ", "越南太原省的茶叶节", "南越"];
        var n = 0;
        async Task RunAsync(int count)
        {
            var items = Enumerable.Range(0, count).Select(_ => n++).Select(i => new IncomingItem($"https://kho.example.vn/{i}",
                i % 5 == 0 ? "Tin chuyển" : $"Tin {i}", (i % 5 == 0 ? "đổi số. " : "") + texts[i % texts.Length], start.AddMinutes(i), "vi")).ToList();
            await ingest.IngestAsync(db, source, items);
        }

        await RunAsync(40);
        await SetIdsAsync(db, 2 * SearchPairs.BlockSize + 100); // the next items fall past two whole blocks
        await RunAsync(40);
        Assert.Equal(2 * SearchPairs.BlockSize, await BelowAsync(db));
        await SetIdsAsync(db, 1_000); // items that commit late into a block already written
        await RunAsync(20);
        await SetIdsAsync(db, 3 * SearchPairs.BlockSize);

        string[] queries = ["\"chuyển đổi số\"", "\"đổi số\"", "\"tin chuyển đổi\"", "\"Chợ Đồn\"", "越南", "\"số chuyển\"", "chuyển đổi số", "\"zz qq\""];
        var engine = MediaSearch.For(db);
        async Task SameAsPlainAsync()
        {
            foreach (var text in queries)
            {
                var expected = await MediaCorpus.PlainNewestAsync(db, text);
                var hits = await engine.SearchAsync(db, new MediaFilter(text, Limit: MediaSearch.MaxLimit, Order: SearchOrder.Relevance));
                Assert.Equal(expected.Count, hits.Total);
                Assert.Equal(expected.Order(), hits.Ids.Order());
            }
        }
        await SameAsPlainAsync();
        Assert.True(await LateRowsAsync(db) > 0, "the late items should have rows of their own in block 0");
        Assert.Contains("MediaSearchPairs", engine.Statements(new MediaFilter("\"Chợ Đồn\"")).Ids);
        Assert.DoesNotContain("MediaSearchPairs", engine.Statements(new MediaFilter("Chợ Đồn")).Ids);

        // As migration M0008 leaves a database that has items: no pairs. The start-up catch-up writes the blocks, from the
        // tsvectors it reads back (this process no longer holds their buckets).
        await db.Database.ExecuteSqlRawAsync("TRUNCATE \"MediaSearchPairs\"; UPDATE \"MediaSearchPairsSealed\" SET \"Below\" = 0");
        Assert.Equal(0, await SearchIndexCatchUp.RunAsync(db, NullLogger.Instance));
        Assert.Equal(2 * SearchPairs.BlockSize, await BelowAsync(db));
        await SameAsPlainAsync();

        // What a migration that empties the search index does: the catch-up writes the pairs again from nothing.
        await db.Database.ExecuteSqlRawAsync("TRUNCATE \"MediaSearch\"");
        Assert.Equal(100, await SearchIndexCatchUp.RunAsync(db, NullLogger.Instance));
        Assert.Equal(2 * SearchPairs.BlockSize, await BelowAsync(db));
        Assert.Equal(0, await LateRowsAsync(db));
        await SameAsPlainAsync();
    }

    private static async Task SetIdsAsync(AppDb db, long next) =>
        await db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence('\"MediaItems\"', 'Id'), {next})");

    private static async Task<long> BelowAsync(AppDb db) =>
        await db.Database.SqlQueryRaw<long>("SELECT \"Below\" AS \"Value\" FROM \"MediaSearchPairsSealed\"").SingleAsync();

    /// <summary>Block-and-bucket pairs with more than one row: a block written whole has one row per bucket.</summary>
    private static async Task<int> LateRowsAsync(AppDb db) =>
        await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM (SELECT 1 FROM \"MediaSearchPairs\" GROUP BY \"Block\", \"Bucket\" HAVING count(*) > 1) x").SingleAsync();
}
