using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>A calendar feed token's hash → the learner it shows; revoked feeds stay revoked.</summary>
[GrainType("calendar-feed")]
internal sealed class CalendarFeedGrain(
    [PersistentState("calendar-feed", StorageNames.Default)] IPersistentState<CalendarFeedState> state) : Grain, ICalendarFeedGrain
{
    public async Task Open(string learnerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(learnerId);
        if (state.State.LearnerId is not null)
        {
            // A token is 256 random bits: a second opening of the same hash is a bug, never a new feed.
            throw new InvalidOperationException("This calendar feed was opened before.");
        }

        state.State.LearnerId = learnerId;
        await state.WriteStateAsync();
    }

    public async Task Revoke()
    {
        if (state.State.Revoked)
        {
            return;
        }

        state.State.Revoked = true;
        await state.WriteStateAsync();
    }

    public Task<string?> GetLearner() => Task.FromResult(state.State.Revoked ? null : state.State.LearnerId);
}
