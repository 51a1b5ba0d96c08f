using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ttdn.Cli;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Monitoring.Import;
using Ttdn.Monitoring.Search;
using Ttdn.Shared;

namespace Ttdn.Monitoring;

/// <summary>
/// <c>ttdn monitor import &lt;file.jsonl|file.csv&gt; [--source name] [--json]</c> prints imported, duplicates and rejected
/// lines with reasons (exit 0, or 2 when the file cannot be read); <c>ttdn monitor search "query" [--limit N] [--json]</c>
/// prints the best matches first.
/// </summary>
internal static class MonitorCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var monitor = new Command("monitor", "Theo dõi báo chí, mạng xã hội — media monitoring");
        monitor.Subcommands.Add(ImportCommand());
        monitor.Subcommands.Add(SearchCommand());
        return monitor;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp .jsonl hoặc .csv: url, source, title, text, publishedAt, language" };
        var source = new Option<string?>("--source") { Description = "Nguồn cho các dòng không ghi nguồn (source for lines without one)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var import = new Command("import", "Nhập tin từ tệp xuất của mạng xã hội — import items from a file") { file, source, json };
        import.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                Console.Error.WriteLine($"Không tìm thấy tệp \"{info.FullName}\". (File not found.)");
                return 2;
            }
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var importer = scope.ServiceProvider.GetRequiredService<MediaImporter>();
            try
            {
                await using var stream = info.OpenRead();
                var asJson = parse.GetValue(json);
                var progress = asJson ? null : new Progress<int>(n => Console.Error.Write($"\rĐã đọc {n:N0} dòng (lines read)…"));
                var result = await importer.ImportAsync(db, stream, info.Name, parse.GetValue(source), progress, ct);
                await scope.ServiceProvider.GetRequiredService<Alerts.AlertRules>().EvaluateAsync(db, ct);
                if (!asJson) Console.Error.WriteLine();
                if (asJson)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { imported = result.Imported, duplicates = result.Duplicates, rejected = result.Rejected.Count,
                        rejections = result.Rejected.Select(r => new { line = r.Line, url = r.Url, reason = r.Reason }) }, Json));
                }
                else
                {
                    Console.WriteLine($"Đã nhập (imported): {result.Imported}");
                    Console.WriteLine($"Trùng lặp (duplicates): {result.Duplicates}");
                    Console.WriteLine($"Bị từ chối (rejected): {result.Rejected.Count}");
                    foreach (var r in result.Rejected.Take(100)) Console.WriteLine($"  dòng {r.Line}: {r.Reason}");
                    if (result.Rejected.Count > 100) Console.WriteLine($"  … và {result.Rejected.Count - 100} dòng khác (and more)");
                }
                return 0;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return import;
    }

    private static Command SearchCommand()
    {
        var query = new Argument<string>("query") { Description = "Từ khóa; \"cụm từ\" trong ngoặc kép; không cần dấu (words; quoted phrases; diacritics optional)" };
        var limit = new Option<int>("--limit") { Description = "Số kết quả tối đa (most results), mặc định 50", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var search = new Command("search", "Tìm trong tin đã thu thập — search collected items") { query, limit, json };
        search.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > MediaSearch.MaxLimit)
            {
                Console.Error.WriteLine($"--limit phải từ 1 đến {MediaSearch.MaxLimit}. (--limit must be 1–{MediaSearch.MaxLimit}.)");
                return 2;
            }
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var text = parse.GetValue(query)!;
            var parsed = SearchQuery.Parse(text);
            if (parsed.IsEmpty)
            {
                Console.Error.WriteLine("Nhập từ khóa có chữ hoặc số. (The query has no words.)");
                return 2;
            }
            var hits = await MediaSearch.For(db).SearchAsync(db, new MediaFilter(text, Limit: n), ct);
            var items = await ItemView.LoadAsync(db, hits.Ids, parsed, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    query = text, total = hits.Total, totalIsAtLeast = hits.TotalIsAtLeast, rankedNewestOnly = hits.RankedNewestOnly,
                    items = items.Select(i => new { id = i.Id, url = i.Url, title = i.Title, language = i.Language, provinces = i.Provinces, clusterId = i.ClusterId,
                        publishedAt = i.PublishedAt, source = i.Source, tone = i.Tone.ToString().ToLowerInvariant() }),
                }, Json));
                return 0;
            }
            Console.WriteLine($"{(hits.TotalIsAtLeast ? "Hơn " : "")}{hits.Total:N0} kết quả (results); {items.Count} đầu tiên:");
            foreach (var i in items)
                Console.WriteLine($"- [{i.Language}] {i.Title}\n  {i.Url}\n  {i.Source}, {i.PublishedAt.AddHours(7):dd/MM/yyyy HH:mm}; tỉnh: {string.Join(", ", i.Provinces)}; cụm tin {i.ClusterId}");
            return 0;
        });
        return search;
    }
}
