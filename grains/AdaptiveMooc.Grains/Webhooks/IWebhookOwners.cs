namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>Whether a webhook's owner may still receive events (an API key that was revoked may not).</summary>
internal interface IWebhookOwners
{
    Task<bool> IsActiveAsync(string owner);
}
