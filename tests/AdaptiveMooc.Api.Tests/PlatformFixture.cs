namespace AdaptiveMooc.Api.Tests;

/// <summary>One silo + API + database shared by a collection; tests use unique ids.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private PlatformProcesses? platform;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync();

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}
