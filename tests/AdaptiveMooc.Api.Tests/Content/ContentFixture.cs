namespace AdaptiveMooc.Api.Tests.Content;

/// <summary>
/// A platform whose media limits are small enough to cross in a test: 5,000,000 bytes a file (above Kestrel's
/// 4 MiB server-wide body limit, which the upload route alone lifts), 7,000,000 a course.
/// </summary>
public sealed class ContentFixture : IAsyncLifetime
{
    public const long MaxFileBytes = 5_000_000;
    public const long MaxCourseBytes = 7_000_000;

    private PlatformProcesses? platform;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync(new Dictionary<string, string>
    {
        ["Mooc__Media__MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mooc__Media__MaxCourseBytes"] = MaxCourseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ContentCollection : ICollectionFixture<ContentFixture>
{
    public const string Name = "content";
}
