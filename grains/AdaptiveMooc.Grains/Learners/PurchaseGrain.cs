using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Learners;

[GrainType("purchase")]
internal sealed class PurchaseGrain(
    [PersistentState("purchase", StorageNames.Default)] IPersistentState<PurchaseState> state) : Grain, IPurchaseGrain
{
    public async Task<bool> Claim(string learnerId, string courseId)
    {
        if (state.State.LearnerId is not null)
        {
            return state.State.LearnerId == learnerId && state.State.CourseId == courseId;
        }

        state.State.LearnerId = learnerId;
        state.State.CourseId = courseId;
        await state.WriteStateAsync();
        return true;
    }
}
