namespace AdaptiveMooc.Grains.Tests.Security;

[CollectionDefinition(Name)]
public sealed class SecurityClusterCollection : ICollectionFixture<SecurityClusterFixture>
{
    public const string Name = "security-cluster";
}
