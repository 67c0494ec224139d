namespace AdaptiveMooc.Api.Tests;

public sealed class ProjectLoads
{
    [Fact]
    public void Assembly_is_named_after_its_folder() =>
        Assert.Equal("AdaptiveMooc.Api.Tests", typeof(ProjectLoads).Assembly.GetName().Name);
}
