using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// Whether one learner may use one paid course (docs/PAYMENTS.md, "Access"): the learner has access
/// while at least one <see cref="AccessSource"/> is active. Keyed <c>{learnerId}/{courseId}</c>.
/// </summary>
[Alias("mooc.ICourseEntitlementGrain")]
public interface ICourseEntitlementGrain : IGrainWithStringKey
{
    public static string KeyOf(string learnerId, string courseId) => $"{learnerId}/{courseId}";

    /// <summary>Adds or re-activates a source; durable before it returns. Same source twice: no change.</summary>
    [Alias("Grant")]
    Task Grant(string sourceId, string kind, string grantedBy, DateTimeOffset at);

    /// <summary>Withdraws a source (kept in the list with the reason); an unknown or withdrawn source: no change.</summary>
    [Alias("Withdraw")]
    Task Withdraw(string sourceId, string reason, DateTimeOffset at);

    [ReadOnly]
    [Alias("HasAccess")]
    Task<bool> HasAccess();

    [ReadOnly]
    [Alias("GetSources")]
    Task<IReadOnlyList<AccessSource>> GetSources();
}
