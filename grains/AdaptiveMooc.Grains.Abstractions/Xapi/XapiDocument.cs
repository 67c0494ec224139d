namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>A stored document: its bytes as sent, the content type as sent, the SHA-1 hex of the bytes, when it last changed.</summary>
[GenerateSerializer]
[Alias("mooc.XapiDocument")]
public sealed record XapiDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] Content,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string ETag,
    [property: Id(4)] DateTimeOffset Updated);
