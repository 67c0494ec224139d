namespace AdaptiveMooc.Api.Tests;

/// <summary>The crash test kills its silo, so it gets a platform of its own.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "crash";
}
