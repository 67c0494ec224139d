using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>
/// The documents of one xAPI document context (docs/XAPI.md, "Documents"): the State documents of one
/// activity, agent and registration, the Activity Profile documents of one activity, or the Agent Profile
/// documents of one agent. Keyed by <see cref="XapiDocumentScope.Key"/>. One call at a time per context
/// makes the ETag check and the write one step, so of two writers holding the same ETag exactly one wins.
/// </summary>
[Alias("mooc.IXapiDocumentGrain")]
public interface IXapiDocumentGrain : IGrainWithStringKey
{
    /// <summary>The document with that id, or null.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<XapiDocument?> Get(string documentId);

    /// <summary>The ids of the context's documents updated after <paramref name="since"/> (all when null), oldest first.</summary>
    [ReadOnly]
    [Alias("ListIds")]
    Task<XapiDocumentIds> ListIds(DateTimeOffset? since);

    /// <summary>PUT (replace) or POST (merge JSON objects) under the write's preconditions.</summary>
    [Alias("Write")]
    Task<XapiDocumentOutcome> Write(XapiDocumentWrite write);

    /// <summary>Deletes one document under the preconditions; a missing document is already deleted.</summary>
    [Alias("Delete")]
    Task<XapiDocumentOutcome> Delete(string documentId, XapiPreconditions preconditions);

    /// <summary>Deletes every document of the context (State: multiple document DELETE).</summary>
    [Alias("DeleteAll")]
    Task DeleteAll();
}
