using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>Reads the statement store (use key 0). <see cref="Ping"/> tells <c>/health</c> whether the store answers.</summary>
[Alias("mooc.IStatementQueryGrain")]
public interface IStatementQueryGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("Query")]
    Task<StatementPage> Query(StatementQuery query);

    /// <summary>One statement by id (<c>GET /xapi/statements?statementId=</c>); null when none has it.</summary>
    [ReadOnly]
    [Alias("Find")]
    Task<StoredStatement?> Find(Guid statementId);

    /// <summary>The stored attachment contents of these SHA-2 values (those the store holds).</summary>
    [ReadOnly]
    [Alias("ReadAttachments")]
    Task<IReadOnlyList<XapiAttachment>> ReadAttachments(IReadOnlyList<string> sha2);

    [ReadOnly]
    [Alias("Ping")]
    Task<bool> Ping();
}
