using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// Writes and reads the append-only audit log (a PostgreSQL table; memory under --memory). A stateless
/// worker, so audit writes never queue behind one activation.
/// </summary>
[Alias("mooc.security.IAuditGrain")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task Record(AuditEntry entry);

    /// <summary>Newest first; <paramref name="beforeSequence"/> continues a previous page.</summary>
    [Alias("List"), ReadOnly]
    Task<AuditPage> List(int limit, long? beforeSequence);

    /// <summary>Newest first, only the entries <paramref name="filter"/> matches; <paramref name="beforeSequence"/> continues a previous page.</summary>
    [Alias("Search"), ReadOnly]
    Task<AuditPage> Search(AuditFilter filter, int limit, long? beforeSequence);
}
