namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary><c>kind</c>: <c>statement</c>, <c>certificate</c> or <c>diploma</c>; a free course gives only a statement.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.CertificateRule")]
public sealed record CertificateRule(
    [property: Id(0)] string Kind,
    [property: Id(1)] double PassThreshold)
{
    public const string Statement = "statement";
    public const string Certificate = "certificate";
    public const string Diploma = "diploma";
}
