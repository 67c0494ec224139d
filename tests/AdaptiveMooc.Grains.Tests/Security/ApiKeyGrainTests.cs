using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class ApiKeyGrainTests(SecurityClusterFixture fixture)
{
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [Fact]
    public async Task A_key_authenticates_with_its_digest_until_revoked()
    {
        var digest = RandomNumberGenerator.GetBytes(32);
        var key = fixture.Client.GetGrain<IApiKeyGrain>(NewId());
        Assert.True(await key.Create(new NewApiKey("lms", ["statements:write"], digest, "admin", fixture.Clock.GetUtcNow())));

        Assert.Equal(["statements:write"], Assert.IsType<string[]>(await key.Authenticate(digest)));
        Assert.Null(await key.Authenticate(RandomNumberGenerator.GetBytes(32)));

        Assert.True(await key.Revoke(fixture.Clock.GetUtcNow()));
        Assert.Null(await key.Authenticate(digest));
        Assert.NotNull((await key.GetSummary())!.RevokedAt);
    }

    [Fact]
    public async Task A_key_is_created_once_and_unknown_keys_cannot_be_revoked()
    {
        var id = NewId();
        var key = fixture.Client.GetGrain<IApiKeyGrain>(id);
        var digest = RandomNumberGenerator.GetBytes(32);
        Assert.True(await key.Create(new NewApiKey("a", ["analytics:read"], digest, "admin", fixture.Clock.GetUtcNow())));
        Assert.False(await key.Create(new NewApiKey("b", ["courses:write"], RandomNumberGenerator.GetBytes(32), "admin", fixture.Clock.GetUtcNow())));
        Assert.Equal(["analytics:read"], Assert.IsType<string[]>(await key.Authenticate(digest)));

        var unknown = fixture.Client.GetGrain<IApiKeyGrain>(NewId());
        Assert.False(await unknown.Revoke(fixture.Clock.GetUtcNow()));
        Assert.Null(await unknown.GetSummary());
    }

    [Fact]
    public async Task The_directory_pages_in_creation_order_and_shows_revocations()
    {
        var directory = fixture.Client.GetGrain<IApiKeyDirectoryGrain>(Guid.NewGuid().ToString("N"));
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToList();
        foreach (var id in ids)
        {
            Assert.True(await directory.Add(new ApiKeySummary(id, "k", ["statements:read"], "admin", fixture.Clock.GetUtcNow(), null)));
        }

        await directory.MarkRevoked(ids[1], fixture.Clock.GetUtcNow());

        var first = await directory.List(2, null);
        Assert.Equal(ids[..2], first.Items.Select(k => k.Id));
        Assert.NotNull(first.Items[1].RevokedAt);
        var second = await directory.List(2, first.NextAfterId);
        Assert.Equal(ids[2..4], second.Items.Select(k => k.Id));
        var last = await directory.List(2, second.NextAfterId);
        Assert.Equal(ids[4..], last.Items.Select(k => k.Id));
        Assert.Null(last.NextAfterId);
    }
}
