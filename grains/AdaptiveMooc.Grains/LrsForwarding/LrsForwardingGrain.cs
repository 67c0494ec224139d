using AdaptiveMooc.Grains.Abstractions.LrsForwarding;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// The forwarding targets' configuration (key 0): the only writer of <c>lrs_forward_targets</c>' settings,
/// one call at a time, so the <see cref="LrsForwardingLimits.MaxTargets"/> bound it checks is the one it
/// writes against. Passwords are encrypted here, in the silo, before they reach the database.
/// </summary>
[GrainType("lrs-forwarding")]
internal sealed class LrsForwardingGrain(IServiceProvider services, TimeProvider clock) : Grain, ILrsForwardingGrain
{
    // Null when the silo has no PostgreSQL (memory mode): there is no durable log to forward from.
    private readonly LrsForwardingStore? store = services.GetService<LrsForwardingStore>();

    public async Task<LrsForwardingCreateResult> Create(LrsForwardingTargetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (store is null)
        {
            return new LrsForwardingCreateResult(LrsForwardingCreateStatus.Unavailable, null);
        }

        if (await store.CountTargetsAsync(CancellationToken.None) >= LrsForwardingLimits.MaxTargets)
        {
            return new LrsForwardingCreateResult(LrsForwardingCreateStatus.TooMany, null);
        }

        var id = Guid.CreateVersion7();
        var secrets = services.GetRequiredService<LrsSecretProtector>();
        var courses = request.CourseIds?.Distinct(StringComparer.Ordinal).ToArray();
        await store.AddTargetAsync(id, request.Endpoint, request.Username, secrets.Protect(id, request.Password), courses, clock.GetUtcNow(), request.CreatedBy, CancellationToken.None);
        var created = await store.ViewTargetsAsync(id, clock.GetUtcNow(), CancellationToken.None);
        return new LrsForwardingCreateResult(LrsForwardingCreateStatus.Created, created[0]);
    }

    [ReadOnly]
    public async Task<IReadOnlyList<LrsForwardingTarget>> List() =>
        store is null ? [] : await store.ViewTargetsAsync(null, clock.GetUtcNow(), CancellationToken.None);

    [ReadOnly]
    public async Task<LrsForwardingTarget?> Get(Guid targetId) =>
        store is null ? null : (await store.ViewTargetsAsync(targetId, clock.GetUtcNow(), CancellationToken.None)).FirstOrDefault();

    public async Task<bool> Delete(Guid targetId) => store is not null && await store.DeleteTargetAsync(targetId, CancellationToken.None);

    [ReadOnly]
    public async Task<IReadOnlyList<LrsForwardingDeadLetter>?> DeadLetters(Guid targetId, long afterSequence, int limit)
    {
        if (store is null || (await store.ViewTargetsAsync(targetId, clock.GetUtcNow(), CancellationToken.None)).Count == 0)
        {
            return null;
        }

        return await store.DeadLettersAsync(targetId, afterSequence, Math.Clamp(limit, 1, LrsForwardingLimits.MaxDeadLettersPerPage + 1), CancellationToken.None);
    }

    public async Task<int?> RetryDeadLetters(Guid targetId)
    {
        if (store is null || (await store.ViewTargetsAsync(targetId, clock.GetUtcNow(), CancellationToken.None)).Count == 0)
        {
            return null;
        }

        return await store.RequestRetryAsync(targetId, CancellationToken.None);
    }
}
