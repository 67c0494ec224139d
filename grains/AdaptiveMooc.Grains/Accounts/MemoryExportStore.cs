using System.Collections.Concurrent;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary><see cref="IExportStore"/> in memory (<c>--memory</c>); the social tables live in their own memory stores, not read here.</summary>
public sealed class MemoryExportStore : IExportStore
{
    private readonly ConcurrentDictionary<(string, Guid), byte[]> archives = new();

    public Task SaveAsync(string learnerId, Guid exportId, byte[] archive, DateTimeOffset at, CancellationToken cancellationToken)
    {
        archives[(learnerId, exportId)] = archive;
        return Task.CompletedTask;
    }

    public Task<byte[]?> LoadAsync(string learnerId, Guid exportId, CancellationToken cancellationToken) =>
        Task.FromResult(archives.TryGetValue((learnerId, exportId), out var archive) ? archive : null);

    public Task DeleteAllAsync(string learnerId, CancellationToken cancellationToken)
    {
        foreach (var key in archives.Keys.Where(k => k.Item1 == learnerId))
        {
            archives.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadRowsAsync(string learnerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>());
}
