using AdaptiveMooc.Grains.Abstractions.Xapi;

namespace AdaptiveMooc.Grains.Xapi;

/// <summary>Where xAPI documents live. Only <see cref="XapiDocumentGrain"/> writes, each activation its own context.</summary>
internal interface IXapiDocumentStore
{
    Task<XapiDocument?> FindAsync(XapiDocumentScope scope, string documentId);

    Task<XapiDocumentIds> ListIdsAsync(XapiDocumentScope scope, DateTimeOffset? since);

    Task<int> CountAsync(XapiDocumentScope scope);

    /// <summary>Inserts or replaces the document; durable when the task completes.</summary>
    Task SaveAsync(XapiDocumentScope scope, XapiDocument document);

    Task DeleteAsync(XapiDocumentScope scope, string documentId);

    Task DeleteAllAsync(XapiDocumentScope scope);
}
