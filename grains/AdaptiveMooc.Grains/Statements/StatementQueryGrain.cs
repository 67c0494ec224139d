using AdaptiveMooc.Grains.Abstractions.Statements;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Statements;

// Reentrant for the reason StatementIngestGrain is: stateless, so queries need not queue behind each other.
[StatelessWorker]
[Reentrant]
[GrainType("statement-query")]
internal sealed class StatementQueryGrain(IStatementStore store) : Grain, IStatementQueryGrain
{
    public Task<StatementPage> Query(StatementQuery query) => store.QueryAsync(query, CancellationToken.None);

    public Task<StoredStatement?> Find(Guid statementId) => store.FindAsync(statementId, CancellationToken.None);

    public Task<IReadOnlyList<XapiAttachment>> ReadAttachments(IReadOnlyList<string> sha2) => store.ReadAttachmentsAsync(sha2, CancellationToken.None);

    public Task<bool> Ping() => store.PingAsync(CancellationToken.None);
}
