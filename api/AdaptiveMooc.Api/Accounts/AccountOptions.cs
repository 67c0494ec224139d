namespace AdaptiveMooc.Api.Accounts;

/// <summary>Section <c>Mooc:Accounts</c>; the web app address links point at is <c>Mooc:Mail:WebBaseUrl</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Mooc:Accounts";

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Set from <c>Mooc:Mail:WebBaseUrl</c> (default the local web app).</summary>
    public string WebBaseUrl { get; set; } = "http://127.0.0.1:5081";
}
