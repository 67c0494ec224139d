using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

/// <summary>One learner's order ids and entitled course ids (see <see cref="ILearnerPurchasesGrain"/>).</summary>
[GrainType("learner-purchases")]
internal sealed class LearnerPurchasesGrain(
    [PersistentState("learner-purchases", StorageNames.Default)] IPersistentState<LearnerPurchasesState> state) : Grain, ILearnerPurchasesGrain
{
    public Task AddOrder(string orderId) => Add(state.State.OrderIds, orderId);

    public Task AddCourse(string courseId) => Add(state.State.CourseIds, courseId);

    public Task<IReadOnlyList<string>> GetOrderIds() => Task.FromResult<IReadOnlyList<string>>([.. state.State.OrderIds]);

    public Task<IReadOnlyList<string>> GetCourseIds() => Task.FromResult<IReadOnlyList<string>>([.. state.State.CourseIds]);

    private async Task Add(List<string> ids, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (ids.Contains(id, StringComparer.Ordinal))
        {
            return;
        }

        ids.Add(id);
        if (ids.Count > ILearnerPurchasesGrain.MaxIds)
        {
            ids.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }
}

[GenerateSerializer]
[Alias("mooc.LearnerPurchasesState")]
internal sealed class LearnerPurchasesState
{
    [Id(0)] public List<string> OrderIds { get; set; } = [];

    [Id(1)] public List<string> CourseIds { get; set; } = [];
}
