using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-api-key-directory")]
internal sealed class ApiKeyDirectoryGrain(
    [PersistentState("apiKeyDirectory", StorageNames.Default)] IPersistentState<ApiKeyDirectoryState> state)
    : Grain, IApiKeyDirectoryGrain
{
    public async Task<bool> Add(ApiKeySummary key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keys = state.State.Keys;
        if (keys.Exists(k => k.Id == key.Id))
        {
            return true;
        }

        if (keys.Count >= IApiKeyDirectoryGrain.MaxKeys)
        {
            return false;
        }

        keys.Add(key);
        await state.WriteStateAsync();
        return true;
    }

    public async Task MarkRevoked(string id, DateTimeOffset at)
    {
        var keys = state.State.Keys;
        var index = keys.FindIndex(k => k.Id == id);
        if (index < 0 || keys[index].RevokedAt is not null)
        {
            return;
        }

        keys[index] = keys[index] with { RevokedAt = at };
        await state.WriteStateAsync();
    }

    public Task<ApiKeyPage> List(int limit, string? afterId)
    {
        var keys = state.State.Keys;
        var start = 0;
        if (afterId is not null)
        {
            start = keys.FindIndex(k => k.Id == afterId) + 1;
        }

        var items = keys.Skip(start).Take(limit).ToList();
        var next = start + items.Count < keys.Count && items.Count > 0 ? items[^1].Id : null;
        return Task.FromResult(new ApiKeyPage(items, next));
    }
}
