namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Items,
    [property: Id(1)] long? NextBeforeSequence);
