namespace AdaptiveMooc.Grains.Planning;

/// <summary><c>Mooc:Plans</c>: how often a learner plan's reminder watches its sessions.</summary>
public sealed class LearnerPlanOptions
{
    public const string Section = "Mooc:Plans";

    /// <summary>Reminder period (Orleans reminders: a minute or more in production; tests lower Orleans' minimum).</summary>
    public TimeSpan WatchPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
