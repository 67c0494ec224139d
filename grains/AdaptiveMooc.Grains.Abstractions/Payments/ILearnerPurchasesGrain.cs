using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// Where to find what a learner bought or was given (for the data export, docs/ACCOUNTS.md): the ids of their
/// orders and of the courses they hold (or held) access to. Keyed by learner id. An id is added before the
/// order or the access it names is written, so a crash leaves at most an id that leads nowhere, never a
/// purchase the export misses. Bounded: the latest <see cref="MaxIds"/> of each.
/// </summary>
[Alias("mooc.ILearnerPurchasesGrain")]
public interface ILearnerPurchasesGrain : IGrainWithStringKey
{
    public const int MaxIds = 2000;

    [Alias("AddOrder")]
    Task AddOrder(string orderId);

    [Alias("AddCourse")]
    Task AddCourse(string courseId);

    [ReadOnly]
    [Alias("GetOrderIds")]
    Task<IReadOnlyList<string>> GetOrderIds();

    [ReadOnly]
    [Alias("GetCourseIds")]
    Task<IReadOnlyList<string>> GetCourseIds();
}
