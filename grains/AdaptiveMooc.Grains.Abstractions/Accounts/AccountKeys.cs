namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>Keys of the per-account grains (sessions, mail preferences): <c>{kind}:{id}</c>, kind <c>learner</c> or <c>trainer</c>.</summary>
public static class AccountKeys
{
    public static string Of(string kind, string id)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.ToLowerInvariant() + ":" + id;
    }
}
