using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Xapi;

namespace AdaptiveMooc.Grains.Xapi;

/// <summary>
/// One xAPI document context (<see cref="XapiDocumentScope"/>). It keeps no state of its own: every call
/// reads and writes <see cref="IXapiDocumentStore"/>, and because an activation runs one call at a time,
/// checking the ETag and writing are one step for every writer of the context.
/// </summary>
[GrainType("xapi-documents")]
internal sealed class XapiDocumentGrain(IXapiDocumentStore store, TimeProvider clock) : Grain, IXapiDocumentGrain
{
    private XapiDocumentScope scope = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        scope = XapiDocumentScope.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<XapiDocument?> Get(string documentId) => store.FindAsync(scope, documentId);

    public Task<XapiDocumentIds> ListIds(DateTimeOffset? since) => store.ListIdsAsync(scope, since);

    public async Task<XapiDocumentOutcome> Write(XapiDocumentWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var existing = await store.FindAsync(scope, write.Id);
        if (write.Preconditions.Check(existing) is { } refused)
        {
            return refused;
        }

        var content = write.Content;
        var contentType = write.ContentType;
        if (write.Merge && existing is not null)
        {
            if (Merge(existing, write) is not { } merged)
            {
                return XapiDocumentOutcome.NotMergeable;
            }

            content = merged;
        }

        if (existing is null && await store.CountAsync(scope) >= XapiDocumentWrite.MaxDocumentsPerContext)
        {
            return XapiDocumentOutcome.ContextFull;
        }

        // Microseconds, as PostgreSQL keeps them, so `since` compares what was stored in either store.
        var now = clock.GetUtcNow();
        var updated = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        await store.SaveAsync(scope, new XapiDocument(write.Id, content, contentType, ETagOf(content), updated));
        return XapiDocumentOutcome.Done;
    }

    public async Task<XapiDocumentOutcome> Delete(string documentId, XapiPreconditions preconditions)
    {
        ArgumentNullException.ThrowIfNull(preconditions);
        var existing = await store.FindAsync(scope, documentId);
        if ((preconditions with { Required = false }).Check(existing) is { } refused)
        {
            return refused;
        }

        if (existing is not null)
        {
            await store.DeleteAsync(scope, documentId);
        }

        return XapiDocumentOutcome.Done;
    }

    public Task DeleteAll() => store.DeleteAllAsync(scope);

    /// <summary>The SHA-1 hex of the content (lowercase), as xAPI 1.0.3 Communication 3.1 defines the ETag.</summary>
    public static string ETagOf(byte[] content) => Convert.ToHexStringLower(SHA1.HashData(content));

    /// <summary>
    /// The JSON merge of Communication 2.2: each top-level property of the posted object replaces the stored
    /// one. Null when either document is not <c>application/json</c> or not a JSON object.
    /// </summary>
    private static byte[]? Merge(XapiDocument existing, XapiDocumentWrite write)
    {
        if (!XapiDocumentWrite.IsJson(existing.ContentType) || !XapiDocumentWrite.IsJson(write.ContentType)
            || ParseObject(existing.Content) is not { } stored || ParseObject(write.Content) is not { } posted)
        {
            return null;
        }

        foreach (var (name, value) in posted.ToList())
        {
            posted.Remove(name);
            stored[name] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(stored);
    }

    private static JsonObject? ParseObject(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
