using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// One learner's plan for one course: the course's share of the learner's plan
/// (<see cref="ILearnerPlanGrain.GetCoursePlan"/>), which shares the declared windows across every
/// active enrolment. Plans made before the learner plan existed kept a <c>plan-watch</c> reminder here;
/// the learner plan's reminder now does that work, so the old one is dropped when it fires.
/// </summary>
[GrainType("plan")]
internal sealed class PlanGrain : Grain, IPlanGrain, IRemindable
{
    public const string WatchReminder = "plan-watch";

    public Task<LearningPlan?> GetPlan(int weeks)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            return Task.FromResult<LearningPlan?>(null);
        }

        return GrainFactory.ByKey<ILearnerPlanGrain>(key[..slash]).GetCoursePlan(key[(slash + 1)..], weeks);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
