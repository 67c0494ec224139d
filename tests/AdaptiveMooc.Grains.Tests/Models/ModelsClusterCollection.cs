namespace AdaptiveMooc.Grains.Tests.Models;

[CollectionDefinition(Name)]
public sealed class ModelsClusterCollection : ICollectionFixture<ModelsClusterFixture>
{
    public const string Name = "models-cluster";
}
