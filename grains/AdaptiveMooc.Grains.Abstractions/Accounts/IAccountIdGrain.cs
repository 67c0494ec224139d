using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// The one account namespace: keyed by an account id (learner or trainer), it records which kind of
/// account holds that id, so a learner can never register with a trainer's id or the other way round.
/// A deleted learner keeps its id (its statements stay under it as a pseudonym), so the id is never reused.
/// </summary>
[Alias("mooc.accounts.IAccountIdGrain")]
public interface IAccountIdGrain : IGrainWithStringKey
{
    /// <summary>True when the id is now (or already was) held by an account of <paramref name="kind"/>; false when another kind holds it.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string kind);

    /// <summary>Frees the id if <paramref name="kind"/> holds it (a registration that failed after claiming).</summary>
    [Alias("Release")]
    Task Release(string kind);

    /// <summary><c>learner</c>, <c>trainer</c>, or null when no account holds the id.</summary>
    [ReadOnly]
    [Alias("Resolve")]
    Task<string?> Resolve();
}
