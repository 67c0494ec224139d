namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// Holds the platform's secret for unsubscribe links (32 random bytes made on first use and persisted),
/// keyed <see cref="Key"/>. Only the mailer calls it.
/// </summary>
[Alias("mooc.accounts.IMailSigningGrain")]
public interface IMailSigningGrain : IGrainWithStringKey
{
    public const string Key = "unsubscribe";

    [Alias("GetKey")]
    Task<byte[]> GetKey();
}
