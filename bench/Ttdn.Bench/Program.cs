// ttdn-bench: national-scale data generator and load client for TTĐN. See bench/README.md.
//   generate  --provider sqlite|postgres [--data-dir D] [--connection CS] [--provinces 34 --years 5 --tasks 300 --scale 1.0]
//   load      --url http://127.0.0.1:PORT --plain-url http://127.0.0.1:PORT2 [--users 50 --duration 30 --warmup 5]
//   run       --provider sqlite|postgres [--data-dir D] [--connection CS] [generate and load options]
//   profile   --provider sqlite|postgres [--data-dir D] [--connection CS] [--iterations 20]
//   report    --provider sqlite|postgres [--data-dir D] [--connection CS] [--iterations 20]
//   corpus    [--items 1000000] [--aliases 5000] [--seed 2026] [--out /tmp/ttdn-corpus]   (media-monitoring corpus)
//   match     [--dir /tmp/ttdn-corpus] [--items N]   (gazetteer vs ripgrep)
//   ingest    --provider sqlite|postgres [--dir /tmp/ttdn-corpus] [--items N] [--data-dir D | --connection CS | --pg-root R]
//   search    --provider sqlite|postgres [--data-dir D | --connection CS | --pg-root R] [--repeat 20] [--warmup 3] [--sql <label text>: print the statements]
//   serve-app / serve-plain: the two servers `run` starts as child processes.
using Ttdn.Bench;

var parsed = Args.Parse(args);
try
{
    return parsed.Command switch
    {
        "generate" => await GenerateCommand.RunAsync(parsed),
        "load" => await LoadCommand.RunAsync(parsed),
        "run" => await RunCommand.RunAsync(parsed),
        "profile" => await ProfileCommand.RunAsync(parsed),
        "report" => await ReportCommand.RunAsync(parsed),
        "corpus" => Ttdn.Bench.Monitoring.CorpusCommand.Run(parsed),
        "match" => Ttdn.Bench.Monitoring.MatchCommand.Run(parsed),
        "ingest" => await Ttdn.Bench.Monitoring.IngestCommand.RunAsync(parsed),
        "search" => await Ttdn.Bench.Monitoring.SearchCommand.RunAsync(parsed),
        "serve-app" => await Servers.ServeAppAsync(parsed),
        "serve-plain" => await Servers.ServePlainAsync(parsed),
        _ => Usage(),
    };
}
catch (BenchException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ttdn-bench <command> [options]   (see bench/README.md)
          generate --provider sqlite|postgres [--data-dir D] [--connection CS] [--provinces 34] [--years 5] [--tasks 300] [--scale 1.0] [--seed 2026]
          load     --url URL [--plain-url URL] [--users 50] [--duration 30] [--warmup 5] [--user-prefix cb-] [--password P] [--phases plain,mixed] [--app-pid PID]
          run      --provider sqlite|postgres [--data-dir D] [--connection CS] [generate and load options] [--out FILE.md]
          profile  --provider sqlite|postgres [--data-dir D] [--connection CS] [--iterations 20] [--users 50]
          corpus   [--items 1000000] [--aliases 5000] [--seed 2026] [--out /tmp/ttdn-corpus]
          match    [--dir /tmp/ttdn-corpus] [--items N]
          ingest   --provider sqlite|postgres [--dir /tmp/ttdn-corpus] [--items N] [--data-dir D | --connection CS | --pg-root R]
          search   --provider sqlite|postgres [--data-dir D | --connection CS | --pg-root R] [--repeat 20] [--warmup 3] [--sql <label text>: print the statements]
          report   --provider sqlite|postgres [--data-dir D] [--connection CS] [--iterations 20]   (run on a copy: it migrates and files reports)
        """);
    return 1;
}
