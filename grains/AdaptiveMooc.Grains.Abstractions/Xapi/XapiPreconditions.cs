namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>
/// The request's <c>If-Match</c> and <c>If-None-Match</c> ETags (unquoted; <c>*</c> for any), null when the
/// header was absent. <see cref="Required"/>: a write over an existing document without either header is a
/// conflict (PUT on the Activity and Agent Profile resources, xAPI 1.0.3 Communication 3.1).
/// </summary>
[GenerateSerializer]
[Alias("mooc.XapiPreconditions")]
public sealed record XapiPreconditions(
    [property: Id(0)] IReadOnlyList<string>? IfMatch,
    [property: Id(1)] IReadOnlyList<string>? IfNoneMatch,
    [property: Id(2)] bool Required = false)
{
    public static XapiPreconditions None { get; } = new(null, null);

    /// <summary>Why the preconditions refuse a change of <paramref name="existing"/> (null: they allow it).</summary>
    public XapiDocumentOutcome? Check(XapiDocument? existing)
    {
        if (IfMatch is not null && (existing is null || !(IfMatch.Contains("*") || IfMatch.Contains(existing.ETag))))
        {
            return XapiDocumentOutcome.PreconditionFailed;
        }

        if (IfNoneMatch is not null && existing is not null && (IfNoneMatch.Contains("*") || IfNoneMatch.Contains(existing.ETag)))
        {
            return XapiDocumentOutcome.PreconditionFailed;
        }

        return Required && existing is not null && IfMatch is null && IfNoneMatch is null ? XapiDocumentOutcome.PreconditionRequired : null;
    }
}
