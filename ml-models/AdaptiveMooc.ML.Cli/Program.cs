using AdaptiveMooc.ML.Cli;

// One case per verb, each handled by its own command class; figures go to stdout as a final JSON line.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (verb)
{
    case "kt-eval":
        return await KtEvalCommand.RunAsync(rest);
    default:
        Console.Error.WriteLine("usage: mooc ml <kt-eval|risk-eval|pacing-eval|next-eval|train> ...");
        Console.Error.WriteLine("  kt-eval --format akt|dkvmn|piech --train F[,F..] --test F [--always-train F]");
        return 2;
}
