using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Xapi;

namespace AdaptiveMooc.Grains.Xapi;

/// <summary>The document store of <c>--memory</c> silos and tests: lost on restart.</summary>
internal sealed class MemoryXapiDocumentStore : IXapiDocumentStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, XapiDocument>> contexts = new(StringComparer.Ordinal);

    public Task<XapiDocument?> FindAsync(XapiDocumentScope scope, string documentId) =>
        Task.FromResult(Context(scope).GetValueOrDefault(documentId));

    public Task<XapiDocumentIds> ListIdsAsync(XapiDocumentScope scope, DateTimeOffset? since)
    {
        var documents = Context(scope).Values.Where(d => since is null || d.Updated > since).OrderBy(d => d.Updated).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(new XapiDocumentIds([.. documents.Select(d => d.Id)], documents.Count == 0 ? null : documents.Max(d => d.Updated)));
    }

    public Task<int> CountAsync(XapiDocumentScope scope) => Task.FromResult(Context(scope).Count);

    public Task SaveAsync(XapiDocumentScope scope, XapiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Context(scope)[document.Id] = document;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(XapiDocumentScope scope, string documentId)
    {
        Context(scope).TryRemove(documentId, out _);
        return Task.CompletedTask;
    }

    public Task DeleteAllAsync(XapiDocumentScope scope)
    {
        contexts.TryRemove(Key(scope), out _);
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<string, XapiDocument> Context(XapiDocumentScope scope) =>
        contexts.GetOrAdd(Key(scope), _ => new ConcurrentDictionary<string, XapiDocument>(StringComparer.Ordinal));

    private static string Key(XapiDocumentScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Key;
    }
}
