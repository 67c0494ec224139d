using System.Collections.Concurrent;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// Learner ids this API process has already seen registered, so a busy ingest client does not cost a
/// learner-grain call per statement. Learners are never deleted, so a learner once registered stays
/// registered and a cached "yes" never turns false; a "no" is never cached (the learner may register a
/// moment later). Bounded: when full it is emptied and refills from the grains.
/// </summary>
public sealed class RegisteredLearners
{
    private const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);

    public bool Contains(string learnerId) => known.ContainsKey(learnerId);

    public void Add(string learnerId)
    {
        if (known.Count >= Capacity)
        {
            known.Clear();
        }

        known.TryAdd(learnerId, 0);
    }
}
