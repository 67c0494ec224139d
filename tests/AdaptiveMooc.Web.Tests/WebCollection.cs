namespace AdaptiveMooc.Web.Tests;

/// <summary>One platform and one browser for every browser test: starting them is the expensive part.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebPlatform>
{
    public const string Name = "web";
}
