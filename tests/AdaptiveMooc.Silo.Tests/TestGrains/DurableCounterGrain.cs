using AdaptiveMooc.Grains.Abstractions;

namespace AdaptiveMooc.Silo.Tests.TestGrains;

[GrainType("test-durable-counter")]
internal sealed class DurableCounterGrain(
    [PersistentState("test-durable-counter", StorageNames.Default)] IPersistentState<DurableCounterState> state)
    : Grain, IDurableCounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public Task StartTickingAsync() =>
        this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public async Task StopTickingAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<bool> IsTickingAsync() => await this.GetReminder(ReminderName) is not null;

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
