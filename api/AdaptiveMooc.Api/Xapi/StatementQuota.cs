using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// The per-learner statement quota of <c>POST /xapi/statements</c> (<see cref="XapiOptions.MaxStatementsPerLearner"/>),
/// checked against the count the learner grain keeps. So that a busy ingest client does not cost a learner-grain
/// call per request, this API process remembers each learner's last count and what it added since, and asks
/// the grain again only when that sum would pass half the quota or is older than <see cref="Freshness"/>: far
/// from the quota nothing is at stake, near it every request asks. Other API processes' additions are unseen
/// for at most <see cref="Freshness"/>, while the learner is below half the quota. Bounded: when full it is
/// emptied and refills from the grains. A learner the grain does not know is never remembered.
/// </summary>
public sealed class StatementQuota(IOptions<XapiOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);

    private const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, Known> known = new(StringComparer.Ordinal);

    public long Limit => options.Value.MaxStatementsPerLearner;

    /// <summary>
    /// Whether <paramref name="adding"/> more statements fit the learner's quota: null when the learner is
    /// not registered, else the count held now (at least as the grain last said) and whether they fit.
    /// </summary>
    public async Task<(long Held, bool Fits)?> CheckAsync(IGrainFactory grains, string learnerId, int adding)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var now = time.GetUtcNow();
        if (known.TryGetValue(learnerId, out var entry) && now - entry.At < Freshness && entry.Held + adding <= Limit / 2)
        {
            return (entry.Held, true);
        }

        if (await grains.ByKey<ILearnerGrain>(learnerId).GetStoredStatementCount() is not { } held)
        {
            known.TryRemove(learnerId, out _);
            return null;
        }

        if (known.Count >= Capacity)
        {
            known.Clear();
        }

        known[learnerId] = new Known(held, now);
        return (held, held + adding <= Limit);
    }

    /// <summary>Counts statements this process stored for the learner (until the grain is asked again).</summary>
    public void Added(string learnerId, int count)
    {
        if (known.TryGetValue(learnerId, out var entry))
        {
            known.TryUpdate(learnerId, entry with { Held = entry.Held + count }, entry);
        }
    }

    private sealed record Known(long Held, DateTimeOffset At);
}
