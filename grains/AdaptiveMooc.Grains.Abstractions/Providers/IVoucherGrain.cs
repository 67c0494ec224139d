using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>
/// One voucher code (keyed by the code). Calls run one at a time, so of concurrent redemptions exactly
/// one finds the code unused; the redemption is durable before it is answered, and the learner's access
/// follows it (a crash in between is completed on the next call).
/// </summary>
[Alias("mooc.IVoucherGrain")]
public interface IVoucherGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task<CommandResult> Issue(VoucherIssue issue);

    /// <summary>Ok; NotFound (no such code); Conflict (redeemed already, expired).</summary>
    [Alias("Redeem")]
    Task<CommandResult> Redeem(string learnerId, DateTimeOffset at);

    [Alias("Get")]
    Task<VoucherSnapshot?> Get();
}
