namespace AdaptiveMooc.Grains.Abstractions.Statements;

[GenerateSerializer]
[Alias("mooc.IngestStatus")]
public enum IngestStatus
{
    /// <summary>Every statement is durable (some may have been stored by an earlier request with the same content).</summary>
    Stored = 0,

    /// <summary>An id was stored before with other content; nothing of the request was stored.</summary>
    Conflict = 1,
}
