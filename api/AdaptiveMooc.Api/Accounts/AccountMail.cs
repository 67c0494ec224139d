using System.Buffers.Text;
using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Accounts;

/// <summary>
/// Makes the single-use tokens of the account flows and queues their mails. A token is 256 random bits shown
/// only in the mail; its grain is keyed by the token's SHA-256 and holds no address.
/// </summary>
public sealed class AccountMail(IGrainFactory grains, TimeProvider time, IOptions<AccountOptions> options)
{
    public const int MaxTokenLength = 128;

    public async Task SendVerificationAsync(AccountView account, string address)
    {
        ArgumentNullException.ThrowIfNull(account);
        var o = options.Value;
        var token = await IssueAsync(new AccountTokenGrant(
            AccountTokenPurpose.VerifyEmail, account.Kind, account.Id, account.PasswordStamp, AccountDigests.OfEmail(address),
            time.GetUtcNow() + o.VerificationTokenLifetime));
        await grains.ByKey<IMailerGrain>(0).Enqueue(new OutgoingMail(
            "verify:" + AccountDigests.Of(token), account.Kind, account.Id, address, account.Name, MailCategories.Account,
            "Confirm your e-mail address",
            $"Hello {account.Name},\n\nplease confirm that {address} is your address for AdaptiveMooc (account '{account.Id}'):\n\n" +
            $"{o.WebBaseUrl.TrimEnd('/')}/verify-email?token={token}\n\nThe link works once, for {Hours(o.VerificationTokenLifetime)}. " +
            "If you did not ask for it, ignore this mail."));
    }

    public async Task SendResetAsync(AccountView account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var o = options.Value;
        var token = await IssueAsync(new AccountTokenGrant(
            AccountTokenPurpose.ResetPassword, account.Kind, account.Id, account.PasswordStamp, null, time.GetUtcNow() + o.ResetTokenLifetime));
        await grains.ByKey<IMailerGrain>(0).Enqueue(new OutgoingMail(
            "reset:" + AccountDigests.Of(token), account.Kind, account.Id, account.Email, account.Name, MailCategories.Account,
            "Reset your password",
            $"Hello {account.Name},\n\nsomeone (hopefully you) asked to reset the password of your AdaptiveMooc account '{account.Id}'. " +
            $"Choose a new one here:\n\n{o.WebBaseUrl.TrimEnd('/')}/reset-password?token={token}\n\n" +
            $"The link works once, for {Hours(o.ResetTokenLifetime)}. If you did not ask for it, ignore this mail: your password stays as it is."));
    }

    /// <summary>The grant of a token, once; null when unknown, used, expired or made for something else.</summary>
    public Task<AccountTokenGrant?> RedeemAsync(string token, string purpose) =>
        grains.ByKey<IAccountTokenGrain>(AccountDigests.Of(token)).Redeem(purpose);

    private async Task<string> IssueAsync(AccountTokenGrant grant)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await grains.ByKey<IAccountTokenGrain>(AccountDigests.Of(token)).Issue(grant);
        return token;
    }

    private static string Hours(TimeSpan span) => span.TotalHours >= 2 ? $"{span.TotalHours:0} hours" : $"{span.TotalMinutes:0} minutes";
}
