using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class TrainerGrainTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task A_trainer_is_created_once_and_keeps_its_hash()
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(id);
        Assert.Null(await trainer.GetProfile());

        Assert.True(await trainer.Create(new NewTrainer("Grace", "grace@example.org", "hash-1", fixture.Clock.GetUtcNow())));
        Assert.False(await trainer.Create(new NewTrainer("Other", "other@example.org", "hash-2", fixture.Clock.GetUtcNow())));

        var profile = await trainer.GetProfile();
        Assert.Equal(("Grace", "grace@example.org"), (profile!.Name, profile.Email));
        Assert.Equal("hash-1", await trainer.GetPasswordHash());
    }
}
