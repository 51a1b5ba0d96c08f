using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The tsvector written out in C# is exactly the one PostgreSQL's to_tsvector makes, or it is not used.</summary>
public sealed class TsVectorBinaryTests
{
    private static readonly string[] Facets = ["#m202603", "#lvi", "#s12", "#pthainguyen"];

    private static IEnumerable<(string Title, string Body)> Samples()
    {
        foreach (var item in MediaCorpus.Items)
            yield return (SearchText.ForIndex(item.Title), SearchText.ForIndex(item.Text));
        yield return ("", "");
        yield return ("", "chi co noi dung 2026 0x1f 1e5 00012");
        yield return ("chi co tieu de", "");
        yield return ("", "x " + new string('b', 2046) + " y");
        yield return ("van hoa van hoa", "van hoa tra van hoa");
        yield return ("x", string.Join(' ', Enumerable.Repeat("va", 254)));
        // Positions past to_tsvector's 255 per text, and past 256 once title and body are joined, are dropped.
        yield return ("", string.Join(' ', Enumerable.Repeat("va", 300)));
        yield return ("x va", string.Join(' ', Enumerable.Repeat("va ta", 300)));
        yield return (string.Join(' ', Enumerable.Repeat("va", 100)), string.Join(' ', Enumerable.Repeat("va", 200)));
        yield return (string.Join(' ', Enumerable.Repeat("va", 260)), "va ta " + string.Join(' ', Enumerable.Repeat("va", 10)));
        yield return (SearchText.ForIndex("越南"), SearchText.ForIndex(string.Concat(Enumerable.Repeat("的茶叶", 400))));
        yield return ("a b", string.Join(' ', Enumerable.Range(0, 16381).Select(i => "w" + (i % 97))));
        yield return (SearchText.ForIndex("越南旅游"), SearchText.ForIndex("越南太原省的茶叶节 2026 吸引了很多游客。越南"));
        yield return (SearchText.ForIndex("베트남 관광객"), SearchText.ForIndex("타이응우옌 차 축제에 베트남 관광객이 많이 왔다 2026"));
        yield return ("tra", SearchText.ForIndex("Trà Thái Nguyên 太原 茶 và 차 㐀 힣"));
        var random = new Random(7);
        string[] vocabulary = ["va", "cua", "tinh", "thai", "nguyen", "du", "lich", "2026", "the", "tea", "festival", "a", "x86", "ubnd", "241", "越", "南", "베", "트"];
        for (var n = 0; n < 40; n++)
        {
            string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            yield return (Words(random.Next(0, 15)), Words(random.Next(0, 400)));
        }
    }

    [Fact]
    public async Task The_written_tsvector_equals_what_to_tsvector_makes()
    {
        await using var db = TestDb.Create(Db.Postgres);
        await db.Database.MigrateAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE written (id int, title text, body text, v tsvector)", connection))
            await create.ExecuteNonQueryAsync();
        var samples = Samples().ToList();
        var written = 0;
        // Through COPY, as the index is written: a bytea field's bytes go to tsvectorrecv.
        await using (var copy = await connection.BeginBinaryImportAsync("COPY written (id, title, body, v) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < samples.Count; i++)
            {
                if (TsVectorBinary.TryBuild(samples[i].Title, samples[i].Body, Facets) is not { } vector) continue;
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(samples[i].Title, NpgsqlDbType.Text);
                await copy.WriteAsync(samples[i].Body, NpgsqlDbType.Text);
                await copy.WriteAsync(vector, NpgsqlDbType.Bytea);
                written++;
            }
            await copy.CompleteAsync();
        }

        await using var command = new NpgsqlCommand(
            "SELECT id, v::text, (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body) || @facets::tsvector)::text " +
            "FROM written ORDER BY id", connection);
        command.Parameters.AddWithValue("facets", string.Join(' ', Facets.Select(f => "'" + f + "'")));
        await using var reader = await command.ExecuteReaderAsync();
        var compared = 0;
        while (await reader.ReadAsync())
        {
            Assert.True(reader.GetString(2) == reader.GetString(1), $"sample {reader.GetInt32(0)}: {reader.GetString(1)} vs {reader.GetString(2)}");
            compared++;
        }
        Assert.Equal(written, compared);
        Assert.True(compared >= 53, $"only {compared} samples had a written tsvector");
    }

    [Theory]
    [InlineData("ア", "thai nguyen")]                  // kana: left to the parser
    [InlineData("", "越南")]                            // not split into characters
    [InlineData("thai nguyen", "ha noi caf\u00e9")]     // a letter outside a-z
    [InlineData("", "UPPER")]                          // not folded
    public void Text_the_parser_might_read_otherwise_is_left_to_postgres(string title, string body) =>
        Assert.Null(TsVectorBinary.TryBuild(title, body, []));

    [Fact]
    public void Limits_where_postgres_clamps_are_left_to_postgres()
    {
        Assert.Null(TsVectorBinary.TryBuild("a", string.Join(' ', Enumerable.Range(0, 16383).Select(i => "w" + (i % 97))), []));
        Assert.Null(TsVectorBinary.TryBuild("", new string('a', 2047), []));
        Assert.NotNull(TsVectorBinary.TryBuild("", new string('a', 2046), []));
    }
}
