namespace AdaptiveMooc.Grains.Tests.Forums;

[CollectionDefinition(Name)]
public sealed class SocialClusterCollection : ICollectionFixture<SocialClusterFixture>
{
    public const string Name = "social cluster";
}
