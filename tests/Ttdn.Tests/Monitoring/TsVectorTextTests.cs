using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The tsvector written out in C# is exactly the one PostgreSQL's to_tsvector makes, or it is not used.</summary>
public sealed class TsVectorTextTests
{
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
        yield return ("a b", string.Join(' ', Enumerable.Range(0, 16381).Select(i => "w" + (i % 97))));
        var random = new Random(7);
        string[] vocabulary = ["va", "cua", "tinh", "thai", "nguyen", "du", "lich", "2026", "the", "tea", "festival", "a", "x86", "ubnd", "241"];
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
        var compared = 0;
        foreach (var (title, body) in Samples())
        {
            if (!TsVectorText.TryBuild(title, body, out var vector)) continue;
            await using var command = new NpgsqlCommand(
                "SELECT @v::tsvector::text, (setweight(to_tsvector('simple', @t), 'A') || to_tsvector('simple', @b))::text", connection);
            command.Parameters.AddWithValue("v", vector);
            command.Parameters.AddWithValue("t", title);
            command.Parameters.AddWithValue("b", body);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(reader.GetString(1), reader.GetString(0));
            compared++;
        }
        Assert.True(compared >= 45, $"only {compared} samples had a written tsvector");
    }

    [Theory]
    [InlineData("越 南", "thai nguyen")]                 // CJK: left to the parser
    [InlineData("thai nguyen", "ha noi caf\u00e9")]     // a letter outside a-z
    [InlineData("", "UPPER")]                          // not folded
    public void Text_the_parser_might_read_otherwise_is_left_to_postgres(string title, string body) =>
        Assert.False(TsVectorText.TryBuild(title, body, out _));

    [Fact]
    public void Limits_where_postgres_clamps_or_drops_are_left_to_postgres()
    {
        Assert.False(TsVectorText.TryBuild("", string.Join(' ', Enumerable.Repeat("va", 255)), out _));
        Assert.False(TsVectorText.TryBuild("a", string.Join(' ', Enumerable.Range(0, 16383).Select(i => "w" + (i % 97))), out _));
        Assert.False(TsVectorText.TryBuild("", new string('a', 2047), out _));
        Assert.True(TsVectorText.TryBuild("", new string('a', 2046), out _));
    }
}
