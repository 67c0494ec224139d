namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// The one path by which statements enter the platform (the xAPI endpoint, and grains that emit
/// statements such as forum posts or webinar attendance). Writes a request's statements in one
/// transaction, answers only after commit, then applies the new ones to the learner grains.
/// Use key 0; the implementation is a stateless worker.
/// </summary>
[Alias("mooc.IStatementIngestGrain")]
public interface IStatementIngestGrain : IGrainWithIntegerKey
{
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<StatementRecord> statements);

    /// <summary>
    /// <see cref="Ingest"/> for statements sent with attachment contents (xAPI <c>multipart/mixed</c>): the
    /// attachments are committed first (by SHA-2, idempotent), then the statements as <see cref="Ingest"/> does.
    /// </summary>
    [Alias("IngestWithAttachments")]
    Task<IngestResult> IngestWithAttachments(IReadOnlyList<StatementRecord> statements, IReadOnlyList<XapiAttachment> attachments);
}
