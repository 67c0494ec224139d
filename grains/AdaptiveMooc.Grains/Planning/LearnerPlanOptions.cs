namespace AdaptiveMooc.Grains.Planning;

/// <summary><c>Mooc:Plans</c>: how often a learner plan's reminder watches its sessions.</summary>
public sealed class LearnerPlanOptions
{
    public const string Section = "Mooc:Plans";

    /// <summary>Reminder period (Orleans reminders: a minute or more in production; tests lower Orleans' minimum).</summary>
    public TimeSpan WatchPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The reminder's first look after a plan starts being watched (at most <see cref="WatchPeriod"/>), so a
    /// learner who already drifted hears it within a minute rather than a whole period later.
    /// </summary>
    public TimeSpan FirstWatch { get; set; } = TimeSpan.FromMinutes(1);
}
