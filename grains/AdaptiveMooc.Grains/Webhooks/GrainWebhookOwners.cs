using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>Owners are <c>admin</c> (always active) or <c>key:{apiKeyId}</c>, active while the key exists unrevoked.</summary>
internal sealed class GrainWebhookOwners(IGrainFactory grains) : IWebhookOwners
{
    public const string KeyPrefix = "key:";

    public async Task<bool> IsActiveAsync(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!owner.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        return await grains.ByKey<IApiKeyGrain>(owner[KeyPrefix.Length..]).GetSummary() is { RevokedAt: null };
    }
}
