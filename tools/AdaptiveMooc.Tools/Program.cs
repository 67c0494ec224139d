using AdaptiveMooc.Tools.Bench;
using AdaptiveMooc.Tools.Import;

// `mooc bench <name>` and `mooc import ...`: one case per command, each in its own class.
var command = args.Length > 0 ? args[0] : "";
var name = args.Length > 1 ? args[1] : "";
var rest = args.Skip(2).ToArray();
switch (command, name)
{
    case ("import", "oulad"):
        return await OuladImportCommand.RunAsync(rest);
    case ("import", "oulad-subset"):
        return await OuladSubset.RunAsync(rest);
    case ("import", _):
        Console.Error.WriteLine(OuladImportCommand.Usage + "\n" + OuladSubset.Usage);
        return 2;
    case ("bench", "replay"):
        return await ReplayBench.RunAsync(rest);
    case ("bench", "predict"):
        return await PredictBench.RunAsync(rest);
    case ("bench", "ingest"):
        return await IngestBench.RunAsync(rest);
    case ("bench", "recommend"):
        return await RecommendBench.RunAsync(rest);
    case ("bench", "web"):
        return await WebBench.RunAsync(rest);
    case ("bench", "practice"):
        return await PracticeBench.RunAsync(rest);
    case ("bench", "failover"):
        return await FailoverBench.RunAsync(rest);
    default:
        Console.Error.WriteLine("usage: mooc bench <ingest|predict|recommend|web> [options] | mooc import ...");
        Console.Error.WriteLine("  bench ingest [--db CONNECTION] [--seconds N] [--concurrency N]");
        Console.Error.WriteLine("  bench predict [--oulad DIR] [--models DIR] [--iterations N]");
        Console.Error.WriteLine("  bench recommend [--db CONNECTION] [--learners N] [--seconds N] [--concurrency N]");
        Console.Error.WriteLine("  bench web [--web URL] [--api URL] [--secrets DIR] [--first N] [--warm N] [--chromium PATH]");
        Console.Error.WriteLine("  bench practice [--assistments DIR] [--learners N] [--seed N] [--threshold P] [--max-items N]");
        Console.Error.WriteLine("  bench failover [--db CONNECTION] [--learners N] [--writers N] [--readers N] [--steady-seconds N]");
        return 2;
}
