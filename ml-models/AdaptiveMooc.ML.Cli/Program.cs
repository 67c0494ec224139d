using AdaptiveMooc.ML.Cli;

// One case per verb, each handled by its own command class; figures go to stdout as a final JSON line.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (verb)
{
    case "kt-eval":
        return await KtEvalCommand.RunAsync(rest);
    case "risk-eval":
        return await RiskEvalCommand.RunAsync(rest);
    case "pacing-eval":
        return await PacingEvalCommand.RunAsync(rest);
    case "next-eval":
        return await NextEvalCommand.RunAsync(rest);
    case "train":
        return await TrainCommand.RunAsync(rest);
    case "retrain":
        return await RetrainCommand.RunAsync(rest);
    case "forgetting-fit":
        return await ForgettingFitCommand.RunAsync(rest);
    default:
        Console.Error.WriteLine("usage: mooc ml <kt-eval|risk-eval|pacing-eval|next-eval|train> ...");
        Console.Error.WriteLine("  kt-eval --format akt|dkvmn|piech --train F[,F..] --test F [--always-train F]");
        Console.Error.WriteLine("  risk-eval --oulad DIR --train P[,P..] (--test P[,P..] | --cv modules) --cutoff DAY --target withdrawn|at-risk [--blank FEATURE[,FEATURE..]]");
        Console.Error.WriteLine("  pacing-eval --oulad DIR --train P[,P..] --test P[,P..]");
        Console.Error.WriteLine("  next-eval --oulad DIR --train P[,P..] --test P[,P..] [--time-ordered (default) | --pooled | --both]");
        Console.Error.WriteLine("  train --oulad DIR [--out DIR] | train --from-db CONNECTION [--out DIR]");
        Console.Error.WriteLine("  retrain --from-db CONNECTION [--models DIR] [--out DIR] [--test-weeks N] [--shuffle-labels true]");
        Console.Error.WriteLine("  forgetting-fit --oulad DIR");
        return 2;
}
