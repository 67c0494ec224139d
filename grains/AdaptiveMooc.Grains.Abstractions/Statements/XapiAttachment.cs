namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>The content of one xAPI attachment, stored by its SHA-2 (lower-case hex, as <c>attachments[].sha2</c> names it).</summary>
[GenerateSerializer]
[Alias("mooc.XapiAttachment")]
public sealed record XapiAttachment(
    [property: Id(0)] string Sha2,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Content);
