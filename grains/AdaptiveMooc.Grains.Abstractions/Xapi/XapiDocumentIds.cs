namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>Document ids of a context, and when the most recently changed of them changed (null when none).</summary>
[GenerateSerializer]
[Alias("mooc.XapiDocumentIds")]
public sealed record XapiDocumentIds(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] DateTimeOffset? LastModified);
