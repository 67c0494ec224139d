using AdaptiveMooc.Grains.Abstractions.Accounts;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>A trainer account, keyed by trainer id. Created by admins; the password hash is computed at the API edge.</summary>
[Alias("mooc.security.ITrainerGrain")]
public interface ITrainerGrain : IGrainWithStringKey, IAccountGrain
{
    /// <summary>Creates the trainer once; false when the id is already taken.</summary>
    [Alias("Create")]
    Task<bool> Create(NewTrainer trainer);

    [Alias("GetProfile"), ReadOnly]
    Task<TrainerProfile?> GetProfile();

    [Alias("GetPasswordHash"), ReadOnly]
    Task<string?> GetPasswordHash();

    /// <summary>Replaces the hash, e.g. when the hasher asks for a rehash after a successful login.</summary>
    [Alias("SetPasswordHash")]
    Task SetPasswordHash(string passwordHash);
}
