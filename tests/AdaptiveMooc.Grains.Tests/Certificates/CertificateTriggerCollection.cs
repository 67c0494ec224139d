namespace AdaptiveMooc.Grains.Tests.Certificates;

[CollectionDefinition(Name)]
public sealed class CertificateTriggerCollection : ICollectionFixture<CertificateTriggerFixture>
{
    public const string Name = "certificate trigger cluster";
}
