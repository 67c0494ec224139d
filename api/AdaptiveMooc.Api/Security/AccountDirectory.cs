using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Resolves a login name (learner or trainer id, or e-mail) to accounts. Ids of learners and trainers share
/// one namespace (<see cref="IAccountIdGrain"/>); only accounts older than it may still answer two.
/// </summary>
public sealed class AccountDirectory(IGrainFactory grains)
{
    public async Task<IReadOnlyList<Account>> FindAsync(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Contains('@', StringComparison.Ordinal))
        {
            var owner = await grains.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(username)).Resolve();
            return owner switch
            {
                { Kind: EmailOwner.Trainer } => await TrainerAsync(owner.Id) is { } t ? [t] : [],
                { Kind: EmailOwner.Learner } => await LearnerAsync(owner.Id) is { } l ? [l] : [],
                _ => [],
            };
        }

        var id = username.Trim().ToLowerInvariant();
        if (!Ids.IsValid(id))
        {
            return [];
        }

        // One account namespace: the id index names the one account holding the id. Accounts made before the
        // index existed are not in it; for those both kinds are still looked up.
        switch (await grains.ByKey<IAccountIdGrain>(id).Resolve())
        {
            case EmailOwner.Trainer:
                return await TrainerAsync(id) is { } onlyTrainer ? [onlyTrainer] : [];
            case EmailOwner.Learner:
                return await LearnerAsync(id) is { } onlyLearner ? [onlyLearner] : [];
        }

        var trainer = TrainerAsync(id);
        var learner = LearnerAsync(id);
        await Task.WhenAll(trainer, learner);
        return new[] { await trainer, await learner }.OfType<Account>().ToList();
    }

    private async Task<Account?> TrainerAsync(string id) =>
        await grains.ByKey<ITrainerGrain>(id).GetPasswordHash() is { } hash ? new Account(CallerKind.Trainer, id, hash) : null;

    private async Task<Account?> LearnerAsync(string id) =>
        await grains.ByKey<ILearnerGrain>(id).GetPasswordHash() is { } hash ? new Account(CallerKind.Learner, id, hash) : null;
}
