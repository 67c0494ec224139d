namespace AdaptiveMooc.Grains.Models;

/// <summary>The retraining loop (section <c>Mooc:Retraining</c>; docs/OPERATIONS.md, "Retraining").</summary>
public sealed class ModelRetrainingOptions
{
    public const string Section = "Mooc:Retraining";

    /// <summary>Whether the reminder retrains on its own (admins can always start a run).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours between scheduled runs (default a week; at least one minute, Orleans' reminder floor).</summary>
    public double IntervalHours { get; set; } = 168;

    /// <summary>Weeks of the most recent labelled data each model is tested on.</summary>
    public int TestWeeks { get; set; } = 6;

    /// <summary>How much worse on its primary metric a candidate may measure and still be promoted.</summary>
    public double Tolerance { get; set; } = 0.005;

    public int Seed { get; set; } = ML.Risk.RiskModel.DefaultSeed;

    /// <summary>Where each silo writes the serving sets it loads (default: the temp folder's mooc-model-sets).</summary>
    public string? WorkPath { get; set; }

    /// <summary>How often each silo looks at the registry for a new serving set.</summary>
    public double PollSeconds { get; set; } = 10;
}
