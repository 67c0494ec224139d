namespace AdaptiveMooc.Grains.Tests.Planning;

[CollectionDefinition(Name)]
public sealed class PlanningClusterCollection : ICollectionFixture<PlanningClusterFixture>
{
    public const string Name = "planning-cluster";
}
