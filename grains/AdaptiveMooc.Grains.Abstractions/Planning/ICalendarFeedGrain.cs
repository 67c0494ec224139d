namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>
/// One calendar feed, keyed by the SHA-256 (lowercase hex) of its secret token, so the token itself is
/// stored nowhere. Answers whose plan the feed shows while it is open.
/// </summary>
[Alias("mooc.ICalendarFeedGrain")]
public interface ICalendarFeedGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task Open(string learnerId);

    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The learner whose feed this is; null when never opened or revoked.</summary>
    [Alias("GetLearner")]
    Task<string?> GetLearner();

    public static string KeyOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
    }
}
