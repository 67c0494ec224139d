using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

/// <summary>The append-only audit log behind <see cref="IAuditGrain"/>.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first, entries with a sequence below <paramref name="beforeSequence"/> when given.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, long? beforeSequence, CancellationToken cancellationToken);

    /// <summary>As <see cref="ListAsync"/>, only the entries <paramref name="filter"/> matches.</summary>
    Task<IReadOnlyList<AuditRecord>> SearchAsync(AuditFilter filter, int limit, long? beforeSequence, CancellationToken cancellationToken);
}
