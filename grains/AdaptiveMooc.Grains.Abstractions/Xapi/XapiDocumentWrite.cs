namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>A PUT (<see cref="Merge"/> false) or POST (true) of one document.</summary>
[GenerateSerializer]
[Alias("mooc.XapiDocumentWrite")]
public sealed record XapiDocumentWrite(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] Content,
    [property: Id(2)] string ContentType,
    [property: Id(3)] bool Merge,
    [property: Id(4)] XapiPreconditions Preconditions)
{
    /// <summary>Documents one context may hold, so listing its ids stays bounded.</summary>
    public const int MaxDocumentsPerContext = 1000;

    /// <summary>Whether a content type is <c>application/json</c> (parameters such as charset aside).</summary>
    public static bool IsJson(string contentType) =>
        contentType.Split(';', 2)[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
