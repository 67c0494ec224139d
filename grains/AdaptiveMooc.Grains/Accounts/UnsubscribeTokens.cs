using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Accounts;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Unsubscribe tokens: <c>base64url(kind:id:category) "." base64url(HMAC-SHA256(key, payload))</c>. They name no
/// address, never expire (a mail's link must keep working) and can only switch a category off.
/// </summary>
public static class UnsubscribeTokens
{
    public const int MaxLength = 512;

    public static string Create(byte[] key, UnsubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = Encoding.UTF8.GetBytes($"{request.AccountKind}:{request.AccountId}:{request.Category}");
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    public static UnsubscribeRequest? Read(byte[] key, string? token)
    {
        if (token is null || token.Length > MaxLength || token.Split('.') is not [var payloadText, var signatureText])
        {
            return null;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadText);
            signature = Base64Url.DecodeFromChars(signatureText);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return null;
        }

        return Encoding.UTF8.GetString(payload).Split(':') is [var kind, var id, var category] && MailCategories.Optional.Contains(category)
            ? new UnsubscribeRequest(kind, id, category)
            : null;
    }
}
