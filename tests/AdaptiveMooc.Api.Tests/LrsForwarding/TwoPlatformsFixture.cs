namespace AdaptiveMooc.Api.Tests.LrsForwarding;

/// <summary>
/// Two platforms, each a silo + API on its own database in the test PostgreSQL server: <see cref="Source"/>
/// forwards, <see cref="Outside"/> plays the outside LRS. Both are killed by the tests in their collection.
/// </summary>
public sealed class TwoPlatformsFixture : IAsyncLifetime
{
    private PlatformProcesses? source;
    private PlatformProcesses? outside;

    public PlatformProcesses Source => source ?? throw new InvalidOperationException("The source platform did not start.");

    public PlatformProcesses Outside => outside ?? throw new InvalidOperationException("The outside platform did not start.");

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(PlatformProcesses.StartAsync(), PlatformProcesses.StartAsync());
        (source, outside) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var platform in new[] { source, outside })
        {
            if (platform is not null)
            {
                await platform.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LrsForwardingCollection : ICollectionFixture<TwoPlatformsFixture>
{
    public const string Name = "lrs-forwarding";
}
