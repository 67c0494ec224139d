using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.Tools.Bench;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// <c>bench replay</c>: one whole OULAD presentation imported through the HTTP API (the importer of
/// <c>import oulad</c>, without the day-28 pause) into silo and API processes on a fresh PostgreSQL
/// database (the ingest benchmark's platform: <c>--db</c>, else <c>MOOC_DB</c>, else a private server).
/// Reports statements per second while posting and the time from the last statement's answer until the
/// course analytics reflect every statement.
/// </summary>
internal static class ReplayBench
{
    private const string Usage = "usage: bench replay [--oulad DIR] [--presentation MODULE-PRESENTATION] [--db CONNECTION] [--batch N] [--concurrency N]";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = IngestBench.RepositoryRoot();
        var oulad = Environment.GetEnvironmentVariable("MOOC_DATASETS") is { Length: > 0 } datasets
            ? Path.Combine(datasets, "oulad")
            : Path.Combine(root, "..", "shared", "datasets", "oulad");
        var presentation = "BBB-2013J";
        var db = Environment.GetEnvironmentVariable("MOOC_DB");
        int batch = 250, concurrency = 4;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--oulad" when value is not null: oulad = value; i++; break;
                case "--presentation" when value is not null: presentation = value; i++; break;
                case "--db" when value is not null: db = value; i++; break;
                case "--batch" when int.TryParse(value, CultureInfo.InvariantCulture, out batch) && batch is > 0 and <= 1000: i++; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out concurrency) && concurrency is > 0 and <= 64: i++; break;
                default:
                    Console.Error.WriteLine($"bench replay: unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        db ??= await IngestBench.StartPrivateServerAsync(root);
        Console.Error.WriteLine($"bench replay: starting a silo and an API on a fresh database");
        await using var platform = await IngestBench.BenchPlatform.StartAsync(root, configuration, db);
        using var probe = platform.Client();
        var key = probe.DefaultRequestHeaders.GetValues("X-Api-Key").Single();

        // The platform runs with the default Mooc:PublicBaseUrl, which statements' actors and activities must use.
        var options = new ImportOptions(oulad, presentation, probe.BaseAddress!, key, "http://127.0.0.1:5080", batch, concurrency, Validate: false);
        var summary = await new OuladImporter(options, Console.Error).RunAsync(CancellationToken.None);

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay {presentation}: {summary.Statements} statements of {summary.Learners} learners in {summary.PostingTime.TotalSeconds:F1} s = {summary.StatementsPerSecond:F0} statements/s (batch {batch}, concurrency {concurrency})"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analytics reflected the last statement {summary.AnalyticsCatchUp.TotalSeconds:F1} s after its answer{(summary.AnalyticsCaughtUp ? string.Empty : " (NOT caught up)")}; whole run {summary.Total.TotalSeconds:F0} s"));
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "replay",
            presentation,
            learners = summary.Learners,
            statements = summary.Statements,
            batch,
            concurrency,
            postingSeconds = Math.Round(summary.PostingTime.TotalSeconds, 2),
            statementsPerSecond = Math.Round(summary.StatementsPerSecond, 1),
            analyticsCaughtUp = summary.AnalyticsCaughtUp,
            analyticsCatchUpSeconds = Math.Round(summary.AnalyticsCatchUp.TotalSeconds, 2),
            totalSeconds = Math.Round(summary.Total.TotalSeconds, 1),
            retries = summary.Retries,
            enrolled = summary.Platform.Enrolled,
            withdrawn = summary.Platform.Withdrawn,
            completed = summary.Platform.Completed,
        }));
        return summary.AnalyticsCaughtUp ? 0 : 1;
    }
}
