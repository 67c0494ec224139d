using AdaptiveMooc.Grains.Abstractions.Common;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>
/// One provider. Lists are bounded (<see cref="MaxMembers"/> trainers, <see cref="MaxCourses"/> courses,
/// the latest <see cref="MaxOrders"/> order ids and <see cref="MaxBatches"/> voucher batches), so the state
/// stays small however much the provider sells; orders and vouchers themselves live in their own grains.
/// </summary>
[Alias("mooc.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    public const int MaxMembers = 500;
    public const int MaxCourses = 1000;
    public const int MaxOrders = 2000;
    public const int MaxBatches = 500;

    /// <summary>Created with its first admin, or none (admins add them later).</summary>
    [Alias("Create")]
    Task<CommandResult> Create(ProviderProfile profile, string? adminTrainerId, DateTimeOffset at);

    [Alias("UpdateProfile")]
    Task<CommandResult> UpdateProfile(ProviderProfile profile);

    [ReadOnly]
    [Alias("Get")]
    Task<ProviderSnapshot?> Get();

    /// <summary>Adds a trainer (or an admin, who is a trainer too); Conflict when already there or the list is full.</summary>
    [Alias("AddTrainer")]
    Task<CommandResult> AddTrainer(string trainerId, bool admin);

    [Alias("AddCourse")]
    Task<CommandResult> AddCourse(string courseId);

    [Alias("AddOrder")]
    Task AddOrder(string orderId);

    /// <summary>The latest order ids, newest first.</summary>
    [ReadOnly]
    [Alias("GetOrderIds")]
    Task<IReadOnlyList<string>> GetOrderIds();

    [Alias("AddVoucherBatch")]
    Task<CommandResult> AddVoucherBatch(string batchId);

    [ReadOnly]
    [Alias("GetVoucherBatchIds")]
    Task<IReadOnlyList<string>> GetVoucherBatchIds();
}
