using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-trainer")]
internal sealed class TrainerGrain(
    [PersistentState("trainer", StorageNames.Default)] IPersistentState<TrainerState> state) : Grain, ITrainerGrain
{
    public async Task<bool> Create(NewTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (state.RecordExists)
        {
            return false;
        }

        // One account namespace (learners made before the index existed are checked by the API edge).
        if (!await GrainFactory.GetGrain<IAccountIdGrain>(this.GetPrimaryKeyString()).Claim(EmailOwner.Trainer))
        {
            return false;
        }

        state.State = new TrainerState
        {
            Name = trainer.Name,
            Email = trainer.Email,
            PasswordHash = trainer.PasswordHash,
            CreatedAt = trainer.CreatedAt,
        };
        await state.WriteStateAsync();
        return true;
    }

    public Task<TrainerProfile?> GetProfile() => Task.FromResult(
        state.RecordExists
            ? new TrainerProfile(this.GetPrimaryKeyString(), state.State.Name, state.State.Email, state.State.CreatedAt)
            : null);

    public Task<string?> GetPasswordHash() => Task.FromResult(state.RecordExists ? state.State.PasswordHash : null);

    public async Task SetPasswordHash(string passwordHash)
    {
        if (!state.RecordExists)
        {
            throw new InvalidOperationException($"Trainer {this.GetPrimaryKeyString()} does not exist.");
        }

        state.State.PasswordHash = passwordHash;
        await state.WriteStateAsync();
    }

    public Task<AccountView?> GetAccount() => Task.FromResult(
        state.RecordExists
            ? new AccountView(EmailOwner.Trainer, this.GetPrimaryKeyString(), state.State.Name, state.State.Email, state.State.EmailVerified, state.State.PendingEmail, state.State.PasswordStamp)
            : null);

    public async Task<CommandResult> ChangePassword(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (!state.RecordExists)
        {
            return CommandResult.NotFound($"Trainer '{this.GetPrimaryKeyString()}' does not exist.");
        }

        state.State.PasswordHash = passwordHash;
        state.State.PasswordStamp++;
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ChangeName(string name)
    {
        if (!state.RecordExists)
        {
            return CommandResult.NotFound($"Trainer '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (AccountRules.NameProblem(name) is { } problem)
        {
            return problem;
        }

        state.State.Name = name.Trim();
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RequestEmailChange(string email)
    {
        if (!state.RecordExists)
        {
            return CommandResult.NotFound($"Trainer '{this.GetPrimaryKeyString()}' does not exist.");
        }

        var owner = await GrainFactory.GetGrain<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email)).Resolve();
        if (owner is not null && owner != new EmailOwner(EmailOwner.Trainer, this.GetPrimaryKeyString()))
        {
            return CommandResult.Conflict("That e-mail address is already registered.", "email");
        }

        state.State.PendingEmail = email.Trim();
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ConfirmEmail(string emailDigest)
    {
        var s = state.State;
        var id = this.GetPrimaryKeyString();
        if (!state.RecordExists)
        {
            return CommandResult.NotFound($"Trainer '{id}' does not exist.");
        }

        if (string.Equals(AccountDigests.OfEmail(s.Email), emailDigest, StringComparison.Ordinal))
        {
            s.EmailVerified = true;
            await state.WriteStateAsync();
            return CommandResult.Ok;
        }

        if (s.PendingEmail is not { } pending || !string.Equals(AccountDigests.OfEmail(pending), emailDigest, StringComparison.Ordinal))
        {
            return CommandResult.NotFound("The address this link confirms is no longer the account's.");
        }

        if (!await GrainFactory.GetGrain<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(pending)).Claim(EmailOwner.Trainer, id))
        {
            return CommandResult.Conflict("That e-mail address was registered by another account meanwhile.", "email");
        }

        var previous = s.Email;
        s.Email = pending;
        s.PendingEmail = null;
        s.EmailVerified = true;
        await state.WriteStateAsync();
        if (!string.Equals(IEmailIndexGrain.KeyOf(previous), IEmailIndexGrain.KeyOf(pending), StringComparison.Ordinal))
        {
            await GrainFactory.GetGrain<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(previous)).Release(EmailOwner.Trainer, id);
        }

        return CommandResult.Ok;
    }
}
