namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.AuditRecord")]
public sealed record AuditRecord([property: Id(0)] long Sequence, [property: Id(1)] AuditEntry Entry);
