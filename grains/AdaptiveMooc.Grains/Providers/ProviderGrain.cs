using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Grains.Providers;

[GrainType("provider")]
internal sealed class ProviderGrain(
    [PersistentState("provider", StorageNames.Default)] IPersistentState<ProviderState> state) : Grain, IProviderGrain
{
    private string ProviderId => this.GetPrimaryKeyString();

    public async Task<CommandResult> Create(ProviderProfile profile, string? adminTrainerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null)
        {
            return CommandResult.Conflict($"Provider '{ProviderId}' already exists.", "id");
        }

        state.State.Profile = profile;
        state.State.AdminIds = adminTrainerId is null ? [] : [adminTrainerId];
        state.State.CreatedAt = at;
        await state.WriteStateAsync();
        return CommandResult.Created;
    }

    public async Task<CommandResult> UpdateProfile(ProviderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is null)
        {
            return NotFound();
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public Task<ProviderSnapshot?> Get() => Task.FromResult(state.State.Profile is { } profile
        ? new ProviderSnapshot(ProviderId, profile, [.. state.State.AdminIds], [.. state.State.TrainerIds], [.. state.State.CourseIds], state.State.CreatedAt)
        : null);

    public async Task<CommandResult> AddTrainer(string trainerId, bool admin)
    {
        if (state.State.Profile is null)
        {
            return NotFound();
        }

        var list = admin ? state.State.AdminIds : state.State.TrainerIds;
        if (list.Contains(trainerId, StringComparer.Ordinal))
        {
            return CommandResult.Conflict($"Trainer '{trainerId}' is already {(admin ? "an admin" : "a trainer")} of provider '{ProviderId}'.", "trainerId");
        }

        if (state.State.AdminIds.Count + state.State.TrainerIds.Count >= IProviderGrain.MaxMembers)
        {
            return CommandResult.Conflict($"Provider '{ProviderId}' has {IProviderGrain.MaxMembers} trainers, the most it can hold.", "trainerId");
        }

        list.Add(trainerId);
        await state.WriteStateAsync();
        return CommandResult.Created;
    }

    public async Task<CommandResult> AddCourse(string courseId)
    {
        if (state.State.Profile is null)
        {
            return NotFound();
        }

        if (state.State.CourseIds.Contains(courseId, StringComparer.Ordinal))
        {
            return CommandResult.Ok;
        }

        if (state.State.CourseIds.Count >= IProviderGrain.MaxCourses)
        {
            return CommandResult.Conflict($"Provider '{ProviderId}' has {IProviderGrain.MaxCourses} courses, the most it can hold.", "providerId");
        }

        state.State.CourseIds.Add(courseId);
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public async Task AddOrder(string orderId)
    {
        if (state.State.Profile is null || state.State.OrderIds.Contains(orderId, StringComparer.Ordinal))
        {
            return;
        }

        state.State.OrderIds.Insert(0, orderId);
        if (state.State.OrderIds.Count > IProviderGrain.MaxOrders)
        {
            state.State.OrderIds.RemoveAt(state.State.OrderIds.Count - 1);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetOrderIds() => Task.FromResult<IReadOnlyList<string>>([.. state.State.OrderIds]);

    public async Task<CommandResult> AddVoucherBatch(string batchId)
    {
        if (state.State.Profile is null)
        {
            return NotFound();
        }

        if (state.State.VoucherBatchIds.Count >= IProviderGrain.MaxBatches)
        {
            return CommandResult.Conflict($"Provider '{ProviderId}' has {IProviderGrain.MaxBatches} voucher batches, the most it can hold.");
        }

        state.State.VoucherBatchIds.Insert(0, batchId);
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<string>> GetVoucherBatchIds() => Task.FromResult<IReadOnlyList<string>>([.. state.State.VoucherBatchIds]);

    private CommandResult NotFound() => CommandResult.NotFound($"Provider '{ProviderId}' does not exist.");
}
