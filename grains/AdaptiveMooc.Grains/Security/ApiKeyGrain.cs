using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-api-key")]
internal sealed class ApiKeyGrain(
    [PersistentState("apiKey", StorageNames.Default)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public async Task<bool> Create(NewApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (state.RecordExists)
        {
            return false;
        }

        state.State = new ApiKeyState
        {
            Name = key.Name,
            Scopes = key.Scopes,
            SecretDigest = key.SecretDigest,
            CreatedBy = key.CreatedBy,
            CreatedAt = key.CreatedAt,
            Courses = key.Courses,
        };
        await state.WriteStateAsync();
        return true;
    }

    public Task<string[]?> Authenticate(byte[] secretDigest) => Task.FromResult(Matches(secretDigest) ? state.State.Scopes : null);

    public Task<ApiKeyGrant?> Verify(byte[] secretDigest) =>
        Task.FromResult(Matches(secretDigest) ? new ApiKeyGrant(state.State.Scopes, state.State.Courses) : null);

    private bool Matches(byte[] secretDigest)
    {
        ArgumentNullException.ThrowIfNull(secretDigest);
        var s = state.State;
        return state.RecordExists
            && s.RevokedAt is null
            && CryptographicOperations.FixedTimeEquals(s.SecretDigest, secretDigest);
    }

    public Task<ApiKeySummary?> GetSummary() => Task.FromResult(state.RecordExists ? ToSummary() : null);

    public async Task<bool> Revoke(DateTimeOffset at)
    {
        if (!state.RecordExists)
        {
            return false;
        }

        if (state.State.RevokedAt is null)
        {
            state.State.RevokedAt = at;
            await state.WriteStateAsync();
        }

        return true;
    }

    private ApiKeySummary ToSummary()
    {
        var s = state.State;
        return new ApiKeySummary(this.GetPrimaryKeyString(), s.Name, s.Scopes, s.CreatedBy, s.CreatedAt, s.RevokedAt, s.Courses);
    }
}
