namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>
/// The weekly plan of one learner in one course, keyed <c>{learnerId}/{courseId}</c> (see <see cref="KeyOf"/>).
/// The plan is kept until the learner's progress changes, their availability or target changes, or a
/// planned session passes: the same request twice gives the same plan.
/// </summary>
[Alias("mooc.IPlanGrain")]
public interface IPlanGrain : IGrainWithStringKey
{
    public const int MaxWeeks = 12;

    /// <summary>Null when the learner does not exist or has neither an enrolment in nor activity about the course.</summary>
    [Alias("GetPlan")]
    Task<LearningPlan?> GetPlan(int weeks);

    public static string KeyOf(string learnerId, string courseId) => $"{learnerId}/{courseId}";
}
