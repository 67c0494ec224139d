using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// Makes e-mails unique across learners and trainers. Keyed by the lower-cased, trimmed e-mail
/// (<see cref="KeyOf"/>), so each address is its own tiny grain.
/// </summary>
[Alias("mooc.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>True when the e-mail is now (or already was) held by exactly this owner; false when someone else holds it.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string kind, string id);

    /// <summary>Frees the e-mail if this owner holds it (after a change of address or a failed registration).</summary>
    [Alias("Release")]
    Task Release(string kind, string id);

    [ReadOnly]
    [Alias("Resolve")]
    Task<EmailOwner?> Resolve();

    public static string KeyOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
