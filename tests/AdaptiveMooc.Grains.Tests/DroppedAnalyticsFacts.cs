using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Tests;

/// <summary>
/// Test fault: fails, once, the analytics shard call carrying the fact of a statement id registered in
/// <see cref="Ids"/>, as a timed-out call would (the shard never applies it, the caller gets an exception).
/// </summary>
public sealed class DroppedAnalyticsFacts : IIncomingGrainCallFilter
{
    public static ConcurrentDictionary<Guid, bool> Ids { get; } = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is AnalyticsFact fact && Ids.TryRemove(fact.StatementId, out _))
        {
            throw new TimeoutException($"test: the fact of statement {fact.StatementId} was dropped");
        }

        return context.Invoke();
    }
}
