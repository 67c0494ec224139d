namespace AdaptiveMooc.Grains.Tests.Planning;

[CollectionDefinition(Name)]
public sealed class LearnerPlanClusterCollection : ICollectionFixture<LearnerPlanClusterFixture>
{
    public const string Name = "learner-plan-cluster";
}
