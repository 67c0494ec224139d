using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class RefreshTokenGrainTests(SecurityClusterFixture fixture)
{
    private async Task<(IRefreshTokenGrain Grain, byte[] Digest)> IssueAsync(string family, TimeSpan lifetime)
    {
        var digest = RandomNumberGenerator.GetBytes(32);
        var grain = fixture.Client.GetGrain<IRefreshTokenGrain>(Guid.NewGuid().ToString("N"));
        await grain.Issue(new RefreshTokenGrant(digest, "Learner", "ada", family, fixture.Clock.GetUtcNow() + lifetime));
        return (grain, digest);
    }

    [Fact]
    public async Task A_token_redeems_once_and_names_its_subject()
    {
        var family = Guid.NewGuid().ToString("N");
        var (token, digest) = await IssueAsync(family, TimeSpan.FromDays(1));

        var first = await token.Redeem(digest);
        Assert.Equal(new RefreshRedemption(RefreshOutcome.Redeemed, "Learner", "ada", family), first);
    }

    [Fact]
    public async Task Reusing_a_redeemed_token_revokes_every_token_of_its_login()
    {
        var family = Guid.NewGuid().ToString("N");
        var (first, firstDigest) = await IssueAsync(family, TimeSpan.FromDays(1));
        Assert.Equal(RefreshOutcome.Redeemed, (await first.Redeem(firstDigest)).Outcome);
        var (rotated, rotatedDigest) = await IssueAsync(family, TimeSpan.FromDays(1));

        Assert.Equal(RefreshOutcome.Reused, (await first.Redeem(firstDigest)).Outcome);
        Assert.Equal(RefreshOutcome.Revoked, (await rotated.Redeem(rotatedDigest)).Outcome);
        Assert.True(await fixture.Client.GetGrain<IRefreshTokenFamilyGrain>(family).IsRevoked());
    }

    [Fact]
    public async Task A_wrong_secret_is_unknown_and_does_not_use_the_token()
    {
        var (token, digest) = await IssueAsync(Guid.NewGuid().ToString("N"), TimeSpan.FromDays(1));

        Assert.Equal(RefreshOutcome.Unknown, (await token.Redeem(RandomNumberGenerator.GetBytes(32))).Outcome);
        Assert.Equal(RefreshOutcome.Redeemed, (await token.Redeem(digest)).Outcome);
    }

    [Fact]
    public async Task A_token_never_issued_is_unknown()
    {
        var token = fixture.Client.GetGrain<IRefreshTokenGrain>(Guid.NewGuid().ToString("N"));
        Assert.Equal(RefreshOutcome.Unknown, (await token.Redeem(RandomNumberGenerator.GetBytes(32))).Outcome);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var (token, digest) = await IssueAsync(Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(RefreshOutcome.Expired, (await token.Redeem(digest)).Outcome);
    }

    [Fact]
    public async Task Signing_out_revokes_the_family_only_with_the_right_secret()
    {
        var family = Guid.NewGuid().ToString("N");
        var (token, digest) = await IssueAsync(family, TimeSpan.FromDays(1));

        await token.RevokeFamily(RandomNumberGenerator.GetBytes(32));
        Assert.False(await fixture.Client.GetGrain<IRefreshTokenFamilyGrain>(family).IsRevoked());

        await token.RevokeFamily(digest);
        Assert.Equal(RefreshOutcome.Revoked, (await token.Redeem(digest)).Outcome);
    }
}
