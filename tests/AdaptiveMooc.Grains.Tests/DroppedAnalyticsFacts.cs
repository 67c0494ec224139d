using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Tests;

/// <summary>
/// Test fault: fails, once, the analytics shard call carrying the fact of a statement id registered in
/// <see cref="Ids"/>, or the enrolment of a learner registered in <see cref="Enrolments"/>, as a timed-out
/// call would (the shard never applies it, the caller gets an exception).
/// </summary>
public sealed class DroppedAnalyticsFacts : IIncomingGrainCallFilter
{
    public static ConcurrentDictionary<Guid, bool> Ids { get; } = new();

    public static ConcurrentDictionary<string, bool> Enrolments { get; } = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var request = context.Request;
        if (request.GetArgumentCount() == 1 && request.GetArgument(0) is AnalyticsFact fact && Ids.TryRemove(fact.StatementId, out _))
        {
            throw new TimeoutException($"test: the fact of statement {fact.StatementId} was dropped");
        }

        if (request.GetArgumentCount() == 2 && request.GetArgument(1) is AnalyticsEnrolment && request.GetArgument(0) is string learnerId && Enrolments.TryRemove(learnerId, out _))
        {
            throw new TimeoutException($"test: the enrolment of {learnerId} was dropped");
        }

        return context.Invoke();
    }
}
