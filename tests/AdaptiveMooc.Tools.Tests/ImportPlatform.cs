using AdaptiveMooc.Api.Tests;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>A real silo and API on a fresh PostgreSQL database (MOOC_TEST_DB), shared by the import tests.</summary>
public sealed class ImportPlatform : IAsyncLifetime
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
