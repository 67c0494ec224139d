using AdaptiveMooc.Grains.Abstractions.Statements;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Statements;

[StatelessWorker]
[GrainType("statement-query")]
internal sealed class StatementQueryGrain(IStatementStore store) : Grain, IStatementQueryGrain
{
    public Task<StatementPage> Query(StatementQuery query) => store.QueryAsync(query, CancellationToken.None);

    public Task<bool> Ping() => store.PingAsync(CancellationToken.None);
}
