using AdaptiveMooc.Grains.Abstractions.Security;
using AdaptiveMooc.Grains.Tests.Security;
using AdaptiveMooc.Grains.Webhooks;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

/// <summary>A key's webhooks stop receiving once the key is revoked; the admins' never do.</summary>
[Collection(SecurityClusterCollection.Name)]
public sealed class WebhookOwnersTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task A_key_owner_is_active_until_the_key_is_revoked_or_if_it_never_existed_not_at_all()
    {
        var owners = new GrainWebhookOwners(fixture.Client);
        var id = Guid.NewGuid().ToString("N")[..16];
        var key = fixture.Client.GetGrain<IApiKeyGrain>(id);
        Assert.True(await key.Create(new NewApiKey("hooks", ["recommendations:read"], new byte[32], "admin", DateTimeOffset.UtcNow)));

        Assert.True(await owners.IsActiveAsync("admin"));
        Assert.True(await owners.IsActiveAsync("key:" + id));
        Assert.False(await owners.IsActiveAsync("key:" + Guid.NewGuid().ToString("N")[..16]));

        Assert.True(await key.Revoke(DateTimeOffset.UtcNow));
        Assert.False(await owners.IsActiveAsync("key:" + id));
    }
}
