using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Statements;

/// <summary>
/// The append-only statement log. <see cref="AppendAsync"/> is all or nothing and returns only once the
/// statements are durable. For each learner, sequences become visible in increasing order (appends for
/// the same learner are serialised), so "every statement after sequence N" never skips one that
/// commits later.
/// </summary>
internal interface IStatementStore
{
    Task<AppendResult> AppendAsync(IReadOnlyList<StatementRecord> statements, DateTimeOffset stored, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredStatement>> ReadLearnerAsync(string learnerId, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<StatementPage> QueryAsync(StatementQuery query, CancellationToken cancellationToken);

    /// <summary>The statement with this id, or null.</summary>
    Task<StoredStatement?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Commits attachment contents by SHA-2 (an existing one is kept).</summary>
    Task StoreAttachmentsAsync(IReadOnlyList<XapiAttachment> attachments, CancellationToken cancellationToken);

    Task<IReadOnlyList<XapiAttachment>> ReadAttachmentsAsync(IReadOnlyList<string> sha2, CancellationToken cancellationToken);

    Task<bool> PingAsync(CancellationToken cancellationToken);
}
