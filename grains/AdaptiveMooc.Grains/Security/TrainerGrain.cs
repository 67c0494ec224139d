using AdaptiveMooc.Grains.Abstractions;
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
}
